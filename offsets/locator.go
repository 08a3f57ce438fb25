package offsets

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Tier says how tolerant a match had to be; see the package comment. Lower
// tiers are tried first, and a match in a lower tier always wins.
type Tier int

const (
	// Exact means the text occurs byte for byte.
	Exact Tier = iota
	// Normalized means the text occurs once both sides are normalized:
	// NFC, typographic quotes and dashes, whitespace runs, invisible format
	// characters and markdown emphasis markers.
	Normalized
	// Folded means the text occurs once both sides are normalized and case
	// folded.
	Folded
)

// String returns "exact", "normalized" or "folded".
func (t Tier) String() string {
	switch t {
	case Exact:
		return "exact"
	case Normalized:
		return "normalized"
	case Folded:
		return "folded"
	}
	return fmt.Sprintf("Tier(%d)", int(t))
}

// Match is a range of a document found by a Locator.
type Match struct {
	Start, End int  // byte offsets into the document: doc[Start:End] is the match
	Tier       Tier // the most exact tier under which the text occurred
}

// Locator finds span texts in one document and remembers which ranges earlier
// spans claimed, so that successive spans of one answer that repeat a phrase
// land on successive occurrences of it. Make one per document version and
// answer; it builds its tolerant views of the document on first need and
// reuses them. A Locator is not safe for concurrent use.
type Locator struct {
	doc       string
	claims    []Match
	views     [2]*view     // Normalized and Folded views of doc, built on demand
	rewriters [2]*rewriter // for the same tiers, built on demand
	needle    []byte       // scratch for the rewritten needle
	graphemes bitset       // every grapheme boundary of doc, built on demand
}

// NewLocator returns a Locator for doc with no claims. It does no work until
// the first Find.
func NewLocator(doc string) *Locator {
	return &Locator{doc: doc}
}

// Find returns the byte range of text in the document nearest to hint (a byte
// offset) that no earlier Find of this Locator claimed, and claims it. ok is false
// when the text does not occur (under any tolerance tier).
//
// Find is FindTier without the tier; see FindTier for the rules.
func (l *Locator) Find(text string, hint int) (start, end int, ok bool) {
	m, ok := l.FindTier(text, hint)
	return m.Start, m.End, ok
}

// FindTier finds text in the document, claims the range and returns it with
// the tier that matched; ok is false when text occurs under no tier.
//
// Each tier is tried in turn, and within the first tier that has a usable
// occurrence, the occurrence whose start is nearest to hint wins, ties going to
// the earlier one. An occurrence is unusable when it is exactly a range an
// earlier call claimed, when its start or end splits a grapheme cluster of the
// document, or when text starts (ends) with a letter or digit and the
// occurrence starts (ends) inside a word. An occurrence that overlaps a claimed
// range without being equal to it (a nested span) is used only when its tier
// has no free one.
func (l *Locator) FindTier(text string, hint int) (Match, bool) {
	if text == "" {
		return Match{}, false
	}
	m, ok := l.findExact(text, hint)
	for t := Normalized; !ok && t <= Folded; t++ {
		m, ok = l.findTolerant(t, text, hint)
	}
	if ok {
		l.claims = append(l.claims, m)
	}
	return m, ok
}

// Reset forgets all claims, keeping the views built so far.
func (l *Locator) Reset() {
	l.claims = l.claims[:0]
}

func (l *Locator) findExact(text string, hint int) (Match, bool) {
	return l.search(hay{text: l.doc}, text, hint, Exact)
}

func (l *Locator) findTolerant(t Tier, text string, hint int) (Match, bool) {
	v := l.view(t)
	if v == nil {
		return Match{}, false
	}
	var needle []byte
	l.needle, needle = l.rewriter(t).needle(l.needle, text)
	if len(needle) == 0 {
		return Match{}, false
	}
	return l.search(hay{text: v.text, view: v}, string(needle), hint, t)
}

// search finds the usable occurrence of needle in h nearest to hint. It scans
// forward from hint to the first free occurrence, then back from hint only as
// far as that occurrence is ahead, so that a Find near its hint (as when spans
// come in document order) reads a small part of the document.
func (l *Locator) search(h hay, needle string, hint int, t Tier) (Match, bool) {
	s := scan{l: l, h: h, needle: needle, tier: t, edges: needleEdges(needle)}
	s.p.hint = hint
	mid := h.index(hint)
	s.run(mid, len(h.text), true)

	lo := 0
	if s.p.found && !s.p.overlaps {
		lo = h.index(hint - s.p.dist(s.p.best.Start))
	}
	s.run(lo, mid, false)
	return s.p.best, s.p.found
}

// hay is the text a search runs over: the document itself, or one of its
// views with the map back to the document.
type hay struct {
	text string
	view *view // nil for the document itself
}

// source maps the hay range [i, j) to a document range; ok is false when the
// range cuts a segment of the view.
func (h hay) source(i, j int) (start, end int, ok bool) {
	if h.view == nil {
		return i, j, true
	}
	start, end = h.view.start(i), h.view.end(j)
	return start, end, start >= 0 && end >= 0
}

// index returns the first hay offset whose document offset is at least pos.
func (h hay) index(pos int) int {
	if h.view == nil {
		return min(max(pos, 0), len(h.text))
	}
	return sort.Search(len(h.text), func(i int) bool { return h.view.floor(i) >= pos })
}

// scan offers the occurrences of a needle in a hay to a picker.
type scan struct {
	l      *Locator
	h      hay
	needle string
	tier   Tier
	edges  edges
	p      picker
}

// run offers the occurrences starting in [from, to), in order. With first, it
// stops at the first one that is usable and free.
func (s *scan) run(from, to int, first bool) {
	text := s.h.text[:min(len(s.h.text), to+len(s.needle)-1)]
	for from < to {
		i := strings.Index(text[from:], s.needle)
		if i < 0 {
			return
		}
		at := from + i
		from = at + 1
		start, end, ok := s.h.source(at, at+len(s.needle))
		if !ok {
			continue // the match cuts a segment
		}
		s.l.offer(&s.p, Match{Start: start, End: end, Tier: s.tier}, s.edges)
		if first && s.p.found && !s.p.overlaps {
			return
		}
	}
}

// view returns the document's view for tier t, or nil when the document is too
// long for the view's 32-bit map.
func (l *Locator) view(t Tier) *view {
	if len(l.doc) >= math.MaxInt32 {
		return nil
	}
	v := &l.views[t-Normalized]
	if *v == nil {
		*v = l.rewriter(t).document(l.doc)
	}
	return *v
}

func (l *Locator) rewriter(t Tier) *rewriter {
	rw := &l.rewriters[t-Normalized]
	if *rw == nil {
		*rw = newRewriter(t == Folded)
	}
	return *rw
}

// offer hands m to p if it is usable (see FindTier).
func (l *Locator) offer(p *picker, m Match, e edges) {
	if !l.graphemeBoundary(m.Start) || !l.graphemeBoundary(m.End) {
		return
	}
	if e.start && joined(l.doc, m.Start) || e.end && joined(l.doc, m.End) {
		return
	}
	overlaps := false
	for _, c := range l.claims {
		if c.Start == m.Start && c.End == m.End {
			return
		}
		overlaps = overlaps || c.Start < m.End && m.Start < c.End
	}
	p.consider(m, overlaps)
}

// picker keeps the best of the occurrences offered to it: free before
// overlapping a claim, then nearest to hint, then earliest.
type picker struct {
	hint     int
	best     Match
	found    bool
	overlaps bool // best overlaps a claimed range
}

func (p *picker) dist(start int) int {
	if start < p.hint {
		return p.hint - start
	}
	return start - p.hint
}

func (p *picker) consider(m Match, overlaps bool) {
	if p.found {
		if overlaps && !p.overlaps {
			return
		}
		d, bd := p.dist(m.Start), p.dist(p.best.Start)
		if overlaps == p.overlaps && (d > bd || d == bd && m.Start > p.best.Start) {
			return
		}
	}
	p.best, p.found, p.overlaps = m, true, overlaps
}
