package session

import (
	"bytes"
	"encoding/json"
	"math"
	"time"

	"github.com/spanstream/spanstream/offsets"
)

// maxDebounce bounds a client's debounceMs.
const maxDebounce = 10 * time.Second

// handle applies one client frame. Every failure becomes an error frame;
// none ends the session.
func (s *session) handle(frame []byte) {
	m, perr := parseFrame(frame)
	if perr != nil {
		s.opts.Metrics.message("in", "invalid")
		s.sendError(perr)
		return
	}
	s.opts.Metrics.message("in", knownType(m.Type))
	s.log.Debug().Str("type", m.Type).Int("bytes", len(frame)).Msg("message received")

	switch m.Type {
	case "hello":
		perr = s.onHello(m)
	case "doc":
		perr = s.onDoc(m)
	case "edit":
		perr = s.onEdit(m)
	case "cancel":
		if j := s.stopJob("cancelled"); j != nil && !j.finished {
			s.doc.cancelled = true
		}
	default:
		perr = errorf(CodeBadMessage,
			"unknown message type %q; want hello, doc, edit or cancel", m.Type)
	}
	if perr != nil {
		s.sendError(perr)
	}
}

func (s *session) onHello(m inbound) *protoError {
	next := s.settings
	if m.Encoding != nil {
		u, err := offsets.ParseUnit(*m.Encoding)
		if err != nil {
			return errorf(CodeBadMessage, "encoding %q: want utf-16, utf-8 or codepoint",
				*m.Encoding)
		}
		next.unit = u
	}
	if c := m.MinConfidence; c != nil {
		if math.IsNaN(*c) || *c < 0 || *c > 1 {
			return errorf(CodeBadMessage, "minConfidence must be between 0 and 1")
		}
		next.minConfidence = *c
	}
	if n := m.MaxSpans; n != nil {
		if *n < 0 {
			return errorf(CodeBadMessage, "maxSpans must be 0 (no limit) or more")
		}
		next.maxSpans = *n
	}
	d, perr := parseDebounce(m.DebounceMs, next.debounce)
	if perr != nil {
		return perr
	}
	next.debounce = d

	s.settings = next
	s.send(s.ctx, "welcome", s.welcome())
	if s.doc.loaded && !s.doc.stale && !s.doc.cancelled {
		// The labels already sent were filtered and converted with the old
		// settings: label the current version again (a cache hit, usually).
		s.restart()
	}
	return nil
}

// parseDebounce reads debounceMs: absent keeps cur, null means sized by
// document length, a number is a fixed wait.
func parseDebounce(raw json.RawMessage, cur *time.Duration) (*time.Duration, *protoError) {
	if len(raw) == 0 {
		return cur, nil
	}
	if bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	var v float64
	if err := json.Unmarshal(raw, &v); err != nil || v < 0 || v > ms(maxDebounce) {
		return nil, errorf(CodeBadMessage, "debounceMs must be null or a number from 0 to %v",
			ms(maxDebounce))
	}
	d := time.Duration(v * float64(time.Millisecond))
	return &d, nil
}

func (s *session) onDoc(m inbound) *protoError {
	if m.Text == nil {
		return errorf(CodeBadMessage, "doc needs \"text\"")
	}
	version := s.doc.version + 1
	if m.Version != nil {
		version = *m.Version
	}
	if version < 1 {
		return errorf(CodeBadMessage, "version must be 1 or more")
	}
	if err := s.doc.replace(version, *m.Text, s.opts.MaxDocBytes); err != nil {
		return err
	}
	s.start("superseded")
	return nil
}

func (s *session) onEdit(m inbound) *protoError {
	switch {
	case m.Version == nil || m.Base == nil:
		return errorf(CodeBadMessage, "edit needs \"version\" and \"base\"")
	case m.Changes == nil:
		return errorf(CodeBadMessage, "edit needs \"changes\"")
	case len(m.Changes) > maxChanges:
		return errorf(CodeBadMessage, "edit has %d changes; at most %d are allowed",
			len(m.Changes), maxChanges)
	}
	err := s.doc.apply(*m.Version, *m.Base, m.Changes, s.settings.unit, s.opts.MaxDocBytes)
	if err != nil {
		return err
	}
	s.start("superseded")
	return nil
}

// knownType names a client message type for metrics: anything else is
// "unknown", so that clients cannot create series at will.
func knownType(t string) string {
	switch t {
	case "hello", "doc", "edit", "cancel":
		return t
	}
	return "unknown"
}
