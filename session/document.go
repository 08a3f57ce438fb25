package session

import (
	"strings"

	"github.com/spanstream/spanstream/offsets"
)

// document is one session's text and version. Only the reader goroutine
// touches it.
type document struct {
	text    string
	version int64
	// stale is set when an edit arrived against the wrong base: edits are
	// refused with resync until a whole doc arrives.
	stale bool
	// loaded is false until the first doc.
	loaded bool
	// cancelled is set when the client cancelled the current version, so
	// that a hello does not label it again.
	cancelled bool
}

// replace installs a whole document.
func (d *document) replace(version int64, text string, maxBytes int) *protoError {
	if d.loaded && version <= d.version {
		return &protoError{code: CodeBadMessage, version: version,
			message: "doc version must be greater than the current version " +
				itoa(d.version)}
	}
	if len(text) > maxBytes {
		return &protoError{code: CodeTooLarge, version: version,
			message: "document is " + itoa(int64(len(text))) +
				" bytes of UTF-8; the limit is " + itoa(int64(maxBytes))}
	}
	d.text, d.version, d.stale, d.loaded, d.cancelled = text, version, false, true, false
	return nil
}

// apply applies the changes of an edit in order, each against the result of
// the previous one. Either every change applies or none does.
func (d *document) apply(version, base int64, changes []change, unit offsets.Unit,
	maxBytes int) *protoError {
	if err := d.checkEdit(version, base); err != nil {
		return err
	}

	text := d.text
	for i, c := range changes {
		next, err := applyChange(text, c, unit)
		if err != nil {
			return &protoError{code: CodeBadEdit, version: version,
				message: "change " + itoa(int64(i)) + ": " + err.Error()}
		}
		if len(next) > maxBytes {
			return &protoError{code: CodeTooLarge, version: version,
				message: "edit would make the document " + itoa(int64(len(next))) +
					" bytes of UTF-8; the limit is " + itoa(int64(maxBytes))}
		}
		text = next
	}
	d.text, d.version, d.cancelled = text, version, false
	return nil
}

func (d *document) checkEdit(version, base int64) *protoError {
	switch {
	case !d.loaded:
		return &protoError{code: CodeResync, version: version,
			message: "no document yet: send a whole doc first"}
	case d.stale:
		return &protoError{code: CodeResync, version: version,
			message: "waiting for a whole doc after an earlier resync"}
	case base != d.version:
		d.stale = true
		return &protoError{code: CodeResync, version: version,
			message: "edit is against version " + itoa(base) +
				" but the document is at version " + itoa(d.version) +
				": send a whole doc"}
	case version <= base:
		return &protoError{code: CodeBadMessage, version: version,
			message: "edit version must be greater than its base"}
	}
	return nil
}

// applyChange returns text with one change applied.
func applyChange(text string, c change, unit offsets.Unit) (string, error) {
	if c.Start == nil || c.End == nil || c.Text == nil {
		return "", errMissingField
	}
	start, err := offsets.ToByte(text, unit, *c.Start)
	if err != nil {
		return "", err
	}
	end, err := offsets.ToByte(text, unit, *c.End)
	if err != nil {
		return "", err
	}
	if end < start {
		return "", errReversed
	}

	var b strings.Builder
	b.Grow(len(text) - (end - start) + len(*c.Text))
	b.WriteString(text[:start])
	b.WriteString(*c.Text)
	b.WriteString(text[end:])
	return b.String(), nil
}
