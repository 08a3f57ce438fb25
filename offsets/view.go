package offsets

import (
	"errors"
	"sort"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// view is a text rewritten for a tolerant tier (see the package comment): NFC,
// ASCII quotes and dashes, whitespace runs as one space, no invisible format
// characters nor emphasis markers, and case folded for the Folded tier.
//
// The text is cut into segments that normalize independently (a starter and
// its combining marks); each segment rewrites to zero or more view bytes. A
// document's view maps segment edges back to the source, so a match in the
// view covers whole source characters, and a match that cuts a segment (such
// as "ss" of a folded "ß") maps to nothing.
//
// Most of a prompt is ASCII that rewrites one byte to one byte, so the map is
// sparse: it lists only the other segments (marks), and between two marks a
// view offset maps to the source by the shift the earlier mark leaves.
type view struct {
	text  string
	marks []mark // in view order; for equal v, a dropped text comes first
}

// mark is a segment that is not one source byte rewritten to one view byte:
// view bytes [v, v+n) stand for source bytes [src, end). Dropped text (such
// as emphasis markers) is a mark with n = 0.
type mark struct {
	v, n     int32
	src, end int32
}

// shift is what to add to a view offset after m to get its source offset.
func (m mark) shift() int { return int(m.end) - int(m.v+m.n) }

// last returns the index of the last mark whose v is below limit (or at most
// limit with orEqual), or -1.
func (v *view) last(limit int, orEqual bool) int {
	if orEqual {
		limit++
	}
	return sort.Search(len(v.marks), func(k int) bool { return int(v.marks[k].v) >= limit }) - 1
}

// start returns the source offset of the segment that begins at view offset
// i, or -1 when i is inside a segment.
func (v *view) start(i int) int {
	k := v.last(i, true)
	if k < 0 {
		return i
	}
	m := v.marks[k]
	switch {
	case i == int(m.v) && m.n > 0:
		return int(m.src)
	case i < int(m.v+m.n):
		return -1
	}
	return i + m.shift()
}

// end returns the source offset just past the segment that ends at view
// offset j, or -1 when j is inside a segment.
func (v *view) end(j int) int {
	k := v.last(j, false)
	if k < 0 {
		return j
	}
	m := v.marks[k]
	if j < int(m.v+m.n) {
		return -1
	}
	return j + m.shift()
}

// floor returns the source offset of the segment containing view offset i:
// it never decreases as i grows.
func (v *view) floor(i int) int {
	k := v.last(i, true)
	if k < 0 {
		return i
	}
	if m := v.marks[k]; i < int(m.v+m.n) {
		return int(m.src)
	}
	return i + v.marks[k].shift()
}

// rewriter turns texts into views for one tier; it holds scratch buffers
// reused across texts.
type rewriter struct {
	fold       bool
	caser      cases.Caser
	seg        []byte // rewritten segment
	src, fold8 []byte // case folding input and output
}

func newRewriter(fold bool) *rewriter {
	rw := &rewriter{fold: fold}
	if fold {
		rw.caser = cases.Fold()
	}
	return rw
}

// document builds the view of a document with its map back to the source.
func (rw *rewriter) document(s string) *view {
	b := builder{rw: rw, s: s, mapped: true, text: make([]byte, len(s)+16)}
	b.run()
	return &view{text: string(b.text[:b.n]), marks: b.marks}
}

// needle rewrites a needle into buf, without a map, and returns the grown
// buffer and the rewrite without leading or trailing space.
func (rw *rewriter) needle(buf []byte, s string) (grown, needle []byte) {
	b := builder{rw: rw, s: s, text: buf[:cap(buf)]}
	b.run()
	t := b.text[:b.n]
	for len(t) > 0 && t[0] == ' ' {
		t = t[1:]
	}
	for len(t) > 0 && t[len(t)-1] == ' ' {
		t = t[:len(t)-1]
	}
	return b.text, t
}

// segment rewrites one segment that needs Unicode tables: NFC, after case
// folding in the Folded tier. The result is valid until the next call.
func (rw *rewriter) segment(seg string) []byte {
	if !rw.fold {
		rw.seg = norm.NFC.AppendString(rw.seg[:0], seg)
		return rw.seg
	}

	rw.src = append(rw.src[:0], seg...)
	if need := 4*len(seg) + 16; cap(rw.fold8) < need {
		rw.fold8 = make([]byte, need)
	}
	for {
		rw.caser.Reset()
		n, _, err := rw.caser.Transform(rw.fold8[:cap(rw.fold8)], rw.src, true)
		if errors.Is(err, transform.ErrShortDst) {
			rw.fold8 = make([]byte, 2*cap(rw.fold8))
			continue
		}
		if err != nil {
			rw.seg = norm.NFC.AppendString(rw.seg[:0], seg)
			return rw.seg
		}
		rw.seg = dropSoftDot(norm.NFC.Append(rw.seg[:0], rw.fold8[:n]...))
		return rw.seg
	}
}

// dropSoftDot removes a combining dot above (U+0307) right after i or j. Those
// letters already carry a dot that the combining one replaces, so "i̇" looks
// like "i"; folding "İ" gives "i̇" while Go and some models lower it to "i",
// and both must match.
func dropSoftDot(b []byte) []byte {
	const dot = "\u0307"
	out := b[:0]
	for i := 0; i < len(b); i++ {
		out = append(out, b[i])
		if (b[i] == 'i' || b[i] == 'j') && string(b[i+1:min(i+1+len(dot), len(b))]) == dot {
			i += len(dot)
		}
	}
	return out
}
