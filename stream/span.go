package stream

import (
	"context"
	"hash/fnv"
	"strconv"
)

// Span is one labeled range of a document. Start and End are Go byte
// offsets into the text the labeler was given, End exclusive, and
// Text == doc[Start:End] always holds.
type Span struct {
	Start      int
	End        int
	Text       string
	Role       string
	Confidence float64
}

// ID returns a short identifier for s that depends only on its range and
// role, so that the same span labeled twice gets the same ID.
func (s Span) ID() string {
	h := fnv.New64a()
	var b [40]byte
	buf := strconv.AppendInt(b[:0], int64(s.Start), 10)
	buf = append(buf, ':')
	buf = strconv.AppendInt(buf, int64(s.End), 10)
	buf = append(buf, ':')
	h.Write(buf)
	h.Write([]byte(s.Role))
	return strconv.FormatUint(h.Sum64()&0xffffffffff, 36)
}

// Identity names a labeler and everything about it that changes its answer.
// Two labelers with equal identities must label equal texts equally, so
// Identity is part of every cache key.
type Identity struct {
	// Name is "builtin" or "model".
	Name string
	// Version changes whenever the labeler's output may change: the
	// built-in rule set version, or model name, prompt and schema versions.
	Version string
}

// String returns "name/version", the form used in cache keys.
func (id Identity) String() string { return id.Name + "/" + id.Version }

// Update is one step of a labeling in progress: spans to add and, rarely,
// IDs of spans sent earlier that a better-placed span replaces.
type Update struct {
	Add     []Span
	Retract []string
}

// Labeler labels a document. Implementations must be safe for concurrent
// use by many sessions.
type Labeler interface {
	// Identity returns the labeler's name and version.
	Identity() Identity

	// Label labels text. While it works it may call emit, from the calling
	// goroutine only, with spans as they become certain; emit may be nil.
	// It returns the complete, post-processed, unfiltered result, which
	// equals the union of everything emitted minus everything retracted.
	// It returns ctx.Err() (possibly wrapped) when ctx ends first.
	Label(ctx context.Context, text string, emit func(Update)) (Result, error)
}

// Result is a finished labeling.
type Result struct {
	Spans []Span
	// Source names what produced Spans: "builtin" or "model". A model
	// labeler that fell back to the built-in rules reports "builtin".
	Source string
	// Complete is false when the answer was cut short (for example a model
	// that stopped at its token limit); such results are never cached.
	Complete bool
	// Warning, when set, is shown to the client with the result (for
	// example why the model fell back to the built-in labeler).
	Warning string
}
