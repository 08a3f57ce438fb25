package offsets

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

var allUnits = []Unit{UTF16, UTF8, CodePoint}

func addSeeds(f *testing.F) {
	for _, s := range graphemeSamples {
		f.Add(s, uint16(1), uint16(5), uint16(3), uint8(0))
	}
	const mixed = "A **Red** car and a red car, “café” — Straße İSTANBUL"
	for mode := range uint8(5) {
		f.Add(mixed, uint16(4), uint16(7), uint16(0), mode)
	}
	f.Add("0\xfd0", uint16(1), uint16(61), uint16(3), uint8(0))
}

// FuzzLocate checks that whatever the document, a substring found by a Locator
// is a whole range of the document that slices back to itself in every unit,
// and that a substring which starts and ends on usable boundaries is always
// found exactly. A non-zero mode alters the substring the way a model might,
// to reach the tolerant tiers; then the match must still be the same phrase
// under its tier.
func FuzzLocate(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, doc string, at, n, hint uint16, mode uint8) {
		start := min(int(at), len(doc))
		end := min(start+int(n), len(doc))
		sub := alter(doc[start:end], mode)
		l := NewLocator(doc)
		m, ok := l.FindTier(sub, int(hint))

		if mode%5 == 0 && l.usable(sub, start, end) && !ok {
			t.Fatalf("FindTier(%q) in %q found nothing, want a match", sub, doc)
		}
		if !ok {
			return
		}
		if m.Start < 0 || m.Start >= m.End || m.End > len(doc) {
			t.Fatalf("FindTier(%q) = [%d,%d), want a non-empty range of %d bytes",
				sub, m.Start, m.End, len(doc))
		}
		if !l.graphemeBoundary(m.Start) || !l.graphemeBoundary(m.End) {
			t.Fatalf("FindTier(%q) = [%d,%d) splits a grapheme cluster", sub, m.Start, m.End)
		}
		checkTier(t, doc, sub, m)
		for _, u := range allUnits {
			checkSlice(t, doc, m, u)
		}
	})
}

// alter rewrites s as a labeler might quote it, by mode.
func alter(s string, mode uint8) string {
	switch mode % 5 {
	case 1:
		return strings.ToUpper(s)
	case 2:
		return strings.NewReplacer(" ", "\n ", "\"", "“", "'", "’", "-", "—").Replace(s)
	case 3:
		return "**" + strings.ReplaceAll(s, " ", "_ _") + "**"
	case 4:
		return norm.NFD.String(strings.ToLower(s))
	}
	return s
}

// usable reports whether doc[start:end] is a non-empty substring that starts
// and ends on grapheme and word boundaries, which Find must then find exactly.
func (l *Locator) usable(sub string, start, end int) bool {
	e := needleEdges(sub)
	return sub != "" && l.graphemeBoundary(start) && l.graphemeBoundary(end) &&
		!(e.start && joined(l.doc, start)) && !(e.end && joined(l.doc, end))
}

// checkTier checks that the match rewrites under its tier to the text's
// rewrite, so that it is the same phrase, not a neighbour of it.
func checkTier(t *testing.T, doc, sub string, m Match) {
	t.Helper()
	got := doc[m.Start:m.End]
	if m.Tier == Exact {
		if got != sub {
			t.Fatalf("exact match %q, want %q", got, sub)
		}
		return
	}
	rw := newRewriter(m.Tier == Folded)
	_, a := rw.needle(nil, got)
	_, b := rw.needle(nil, sub)
	if !bytes.Equal(a, b) {
		t.Fatalf("%v match %q rewrites to %q, but %q rewrites to %q", m.Tier, got, a, sub, b)
	}
}

// checkSlice converts m to unit u and back, and slices doc in u.
func checkSlice(t *testing.T, doc string, m Match, u Unit) {
	t.Helper()
	offs := []int{m.End, m.Start}
	FromBytes(doc, u, offs)
	back := slices.Clone(offs)
	if err := ToBytes(doc, u, back); err != nil || back[0] != m.End || back[1] != m.Start {
		t.Fatalf("%v: [%d,%d) -> %v -> %v, %v; want it back", u, m.Start, m.End, offs, back, err)
	}
	// Clients see each invalid byte as U+FFFD; so does the expected text.
	want := string([]rune(doc[m.Start:m.End]))
	if u == UTF8 {
		want = doc[m.Start:m.End]
	}
	if got := sliceIn(doc, u, offs[1], offs[0]); got != want {
		t.Fatalf("%v: slicing [%d,%d) gives %q, want %q", u, offs[1], offs[0], got, want)
	}
}

// sliceIn slices s by offsets in unit u, the way a client holding s in that
// unit would, and returns the result as a Go string.
func sliceIn(s string, u Unit, start, end int) string {
	switch u {
	case UTF16:
		return string(utf16.Decode(utf16.Encode([]rune(s))[start:end]))
	case CodePoint:
		return string([]rune(s)[start:end])
	}
	return s[start:end]
}

// refUnits returns, for each byte offset of s, its offset in unit u, or -1
// inside a rune; computed independently of the package's walker.
func refUnits(s string, u Unit) []int {
	ref := make([]int, len(s)+1)
	for i := range ref {
		ref[i] = -1
	}
	n := 0
	for i, r := range s {
		ref[i] = n
		switch u {
		case UTF16:
			n += utf16.RuneLen(r)
		case CodePoint:
			n++
		}
	}
	ref[len(s)] = n
	if u == UTF8 {
		for i := range ref {
			if ref[i] >= 0 {
				ref[i] = i
			}
		}
	}
	return ref
}

// FuzzConvert checks FromBytes, ToBytes and ToByte against refUnits and
// against each other.
func FuzzConvert(f *testing.F) {
	for _, s := range graphemeSamples {
		f.Add(s, []byte{0, 3, 1, 200, 9})
	}
	f.Fuzz(func(t *testing.T, s string, picks []byte) {
		for _, u := range allUnits {
			checkConvert(t, s, u, picks)
		}
	})
}

func checkConvert(t *testing.T, s string, u Unit, picks []byte) {
	t.Helper()
	ref := refUnits(s, u)
	if got := Len(s, u); got != ref[len(s)] {
		t.Fatalf("Len(%q, %v) = %d, want %d", s, u, got, ref[len(s)])
	}

	var bs, want []int
	for _, p := range picks {
		b := int(p) * len(s) / 255
		for ref[b] < 0 {
			b--
		}
		bs, want = append(bs, b), append(want, ref[b])
	}
	got := slices.Clone(bs)
	FromBytes(s, u, got)
	if !slices.Equal(got, want) {
		t.Fatalf("FromBytes(%q, %v, %v) = %v, want %v", s, u, bs, got, want)
	}
	if err := ToBytes(s, u, got); err != nil || !slices.Equal(got, bs) {
		t.Fatalf("ToBytes(%q, %v, %v) = %v, %v; want %v", s, u, want, got, err, bs)
	}

	// Every offset for short texts; a sample (to bound the quadratic cost) for
	// long ones.
	total := ref[len(s)]
	for n := -1; n <= total+1; n += 1 + total/64 {
		checkToByte(t, s, u, n, ref)
	}
	checkToByte(t, s, u, total, ref)
}

// checkToByte checks ToByte(s, u, n) against the reference table.
func checkToByte(t *testing.T, s string, u Unit, n int, ref []int) {
	t.Helper()
	b, err := ToByte(s, u, n)
	at := slices.Index(ref, n)
	switch {
	case n < 0 || n > ref[len(s)]:
		if !errors.Is(err, ErrOutOfRange) {
			t.Fatalf("ToByte(%q, %v, %d) = %d, %v; want ErrOutOfRange", s, u, n, b, err)
		}
	case at < 0:
		if !errors.Is(err, ErrSplit) {
			t.Fatalf("ToByte(%q, %v, %d) = %d, %v; want ErrSplit", s, u, n, b, err)
		}
	case err != nil || b != at:
		t.Fatalf("ToByte(%q, %v, %d) = %d, %v; want %d", s, u, n, b, err, at)
	}
}

// FuzzGraphemeBoundary checks the local grapheme check against a
// segmentation of the whole text.
func FuzzGraphemeBoundary(f *testing.F) {
	for _, s := range graphemeSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkGraphemes(t, s)
	})
}
