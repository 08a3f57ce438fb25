package offsets

import (
	"strings"
	"testing"
)

// graphemeSamples mixes every kind of cluster the local check must get right.
var graphemeSamples = []string{
	"",
	"plain ascii text",
	"a\r\nb\n\rc",
	"cafe\u0301 au lait",
	"👨‍👩‍👧 family 👋🏽 wave 🇫🇷🇩🇪🇮 flags",
	"keycap 1\ufe0f\u20e3 and ©\ufe0f",
	"\u1100\u1161\u11a8 hangul",
	"क्षत्रिय devanagari",
	"\u0600\u0661 prepend",
	"invalid \xff\xe2\x82 bytes",
	strings.Repeat("日本語のテキスト", 40) + "🇯🇵" + strings.Repeat("です", 80),
	strings.Repeat("🇫🇷", 70) + "x",
}

func TestGraphemeBoundaryMatchesFullSegmentation(t *testing.T) {
	for _, s := range graphemeSamples {
		checkGraphemes(t, s)
	}
}

// checkGraphemes compares the local boundary check with a segmentation of
// the whole text at every offset.
func checkGraphemes(t *testing.T, s string) {
	t.Helper()
	full := (&Locator{doc: s}).allGraphemes()
	l := &Locator{doc: s}
	for p := 0; p <= len(s); p++ {
		if got, want := l.graphemeBoundary(p), full.has(p); got != want {
			t.Fatalf("graphemeBoundary(%q, %d) = %v, want %v", s, p, got, want)
		}
	}
}

func TestRuneBoundary(t *testing.T) {
	const s = "a😀\xe2\x82b\xff"
	want := map[int]bool{0: true, 1: true, 2: false, 3: false, 4: false, 5: true,
		6: true, 7: true, 8: true, 9: true}
	for p := 0; p <= len(s); p++ {
		if got := runeBoundary(s, p); got != want[p] {
			t.Errorf("runeBoundary(%q, %d) = %v, want %v", s, p, got, want[p])
		}
	}
}

func TestJoined(t *testing.T) {
	tests := []struct {
		s    string
		p    int
		want bool
	}{
		{"red cart", 7, true},
		{"red car", 3, false},
		{"dog's", 3, false},
		{"cafe\u0301s", 6, true},
		{"x1", 1, true},
		{"赤い車", 6, false},
		{"ab", 0, false},
		{"ab", 2, false},
	}
	for _, tt := range tests {
		if got := joined(tt.s, tt.p); got != tt.want {
			t.Errorf("joined(%q, %d) = %v, want %v", tt.s, tt.p, got, tt.want)
		}
	}
}

func TestViewMap(t *testing.T) {
	const doc = "A  **Röd**\r\ncafe\u0301 ß"
	v := newRewriter(true).document(doc)
	if got, want := string(v.text), "a röd café ss"; got != want {
		t.Fatalf("folded view = %q, want %q", got, want)
	}
	// Each view character and the source text it must map back to.
	wants := []struct {
		view, src string
	}{
		{"a", "A"}, {" ", "  **"}, {"r", "R"}, {"ö", "ö"}, {"d", "d"}, {" ", "\r\n"},
		{"é", "e\u0301"}, {"ss", "ß"},
	}
	from := 0
	for _, w := range wants {
		i := strings.Index(string(v.text[from:]), w.view) + from
		end := i + len(w.view)
		if v.start(i) < 0 || v.end(end) < 0 {
			t.Fatalf("view %q at %d is not a whole segment", w.view, i)
		}
		if got := doc[v.start(i):v.end(end)]; got != w.src {
			t.Errorf("view %q at %d maps to %q, want %q", w.view, i, got, w.src)
		}
		if len(w.view) > 1 && (v.start(i+1) >= 0 || v.end(i+1) >= 0) {
			t.Errorf("view %q at %d: offset %d inside it maps to %d, %d; want -1, -1",
				w.view, i, i+1, v.start(i+1), v.end(i+1))
		}
		from = end
	}
}
