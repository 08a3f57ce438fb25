package stream

import (
	"cmp"
	"slices"
)

// Resolve turns candidate spans into a labeling. It drops spans with an
// unknown role or an empty range, removes identical duplicates (same
// range and role, keeping the more confident), and settles overlaps
// within one parent: an attribute beats a bare parent role, then higher
// confidence wins, then the longer span, then the earlier one. Overlaps
// across parents are kept: "golden hour" may sit inside a lighting and a
// time span at once. The result is sorted by start, then end, then role.
// Resolve does not modify spans; it is used by every labeler.
func Resolve(spans []Span) []Span {
	order := make([]int, 0, len(spans))
	for i, s := range spans {
		if ValidRole(s.Role) && s.Start >= 0 && s.End > s.Start {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return rankOrder(&spans[a], &spans[b]) })

	// Kept spans are chained per parent (last[p] is the newest, prev links
	// back), so each candidate is checked only against its own parent.
	last := make([]int, len(parentNames))
	for i := range last {
		last[i] = -1
	}
	prev := make([]int, len(spans))
	kept := order[:0]
	for _, i := range order {
		p := parentIndex[spans[i].Role]
		if overlapsChain(spans, &spans[i], last[p], prev) {
			continue
		}
		prev[i], last[p] = last[p], i
		kept = append(kept, i)
	}

	slices.SortFunc(kept, func(a, b int) int { return startOrder(&spans[a], &spans[b]) })
	out := make([]Span, len(kept))
	for j, i := range kept {
		out[j] = spans[i]
	}
	return out
}

// overlapsChain reports whether s overlaps a span of the chain starting at
// index i. Identical duplicates overlap too, so they are removed as well.
func overlapsChain(spans []Span, s *Span, i int, prev []int) bool {
	for ; i >= 0; i = prev[i] {
		if s.Start < spans[i].End && spans[i].Start < s.End {
			return true
		}
	}
	return false
}

// parentNames lists the parents in the order of Roles; parentIndex maps
// every role to the index of its parent there.
var parentNames, parentIndex = func() ([]string, map[string]int) {
	var names []string
	idx := make(map[string]int, len(Roles))
	for _, r := range Roles {
		p := Parent(r)
		i := slices.Index(names, p)
		if i < 0 {
			i = len(names)
			names = append(names, p)
		}
		idx[r] = i
	}
	return names, idx
}()

// rankOrder orders spans best first by the rules of Resolve.
func rankOrder(a, b *Span) int {
	if aa, ba := IsAttribute(a.Role), IsAttribute(b.Role); aa != ba {
		if aa {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(b.Confidence, a.Confidence); c != 0 {
		return c
	}
	if c := cmp.Compare(b.End-b.Start, a.End-a.Start); c != 0 {
		return c
	}
	return startOrder(a, b)
}

// startOrder orders spans by start, end, then role.
func startOrder(a, b *Span) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.End, b.End); c != 0 {
		return c
	}
	return cmp.Compare(a.Role, b.Role)
}

// Filter returns the spans with confidence of at least minConfidence and,
// when maxSpans > 0, only the maxSpans most confident of them (ties go to
// the earlier span). The result is sorted by start, then end; spans is
// not modified.
func Filter(spans []Span, minConfidence float64, maxSpans int) []Span {
	out := make([]Span, 0, len(spans))
	for _, s := range spans {
		if s.Confidence >= minConfidence {
			out = append(out, s)
		}
	}
	if maxSpans > 0 && len(out) > maxSpans {
		slices.SortStableFunc(out, func(a, b Span) int {
			if c := cmp.Compare(b.Confidence, a.Confidence); c != 0 {
				return c
			}
			return startOrder(&a, &b)
		})
		out = out[:maxSpans]
	}
	slices.SortStableFunc(out, func(a, b Span) int { return startOrder(&a, &b) })
	return out
}
