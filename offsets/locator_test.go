package offsets_test

import (
	"strings"
	"testing"

	"github.com/spanstream/spanstream/offsets"
)

// locateCase finds text in doc with hint and expects the occ-th (0-based)
// occurrence of want in doc, or no match when want is "".
type locateCase struct {
	name      string
	doc, text string
	hint      int
	want      string
	occ       int
	tier      offsets.Tier
}

// nth returns the byte offset of the n-th occurrence of sub in s, or -1.
func nth(s, sub string, n int) int {
	at := -1
	for range n + 1 {
		i := strings.Index(s[at+1:], sub)
		if i < 0 {
			return -1
		}
		at += 1 + i
	}
	return at
}

func checkFind(t *testing.T, l *offsets.Locator, tc locateCase) {
	t.Helper()
	m, ok := l.FindTier(tc.text, tc.hint)
	if tc.want == "" {
		if ok {
			t.Errorf("%s: FindTier(%q) = %q (%v), want no match",
				tc.name, tc.text, tc.doc[m.Start:m.End], m.Tier)
		}
		return
	}
	start := nth(tc.doc, tc.want, tc.occ)
	if start < 0 {
		t.Fatalf("%s: bad case: occurrence %d of %q not in doc", tc.name, tc.occ, tc.want)
	}
	if !ok {
		t.Errorf("%s: FindTier(%q) found nothing, want %q at %d", tc.name, tc.text, tc.want, start)
		return
	}
	if m.Start != start || m.End != start+len(tc.want) || m.Tier != tc.tier {
		t.Errorf("%s: FindTier(%q) = %q [%d,%d) %v; want %q [%d,%d) %v", tc.name, tc.text,
			tc.doc[m.Start:m.End], m.Start, m.End, m.Tier,
			tc.want, start, start+len(tc.want), tc.tier)
	}
}

func runCases(t *testing.T, cases []locateCase) {
	t.Helper()
	for _, tc := range cases {
		checkFind(t, offsets.NewLocator(tc.doc), tc)
	}
}

func TestFindExact(t *testing.T) {
	runCases(t, []locateCase{
		{name: "plain", doc: "a red car parks", text: "red car", want: "red car"},
		{name: "after NFD text", doc: "cafe\u0301 cafe\u0301 \u2014 red car", text: "red car",
			want: "red car"},
		{name: "after astral", doc: "😀🇫🇷 red car", text: "red car", want: "red car"},
		{name: "emoji", doc: "a 🎥 camera", text: "🎥", want: "🎥"},
		{name: "zwj sequence", doc: "an 👩‍🚀 astronaut", text: "👩‍🚀", want: "👩‍🚀"},
		{name: "flag", doc: "🇫🇷🇩🇪 flags", text: "🇩🇪", want: "🇩🇪"},
		{name: "possessive", doc: "the dog's collar", text: "dog", want: "dog"},
		{name: "inside markdown", doc: "a **red** car", text: "red", want: "red"},
		{name: "cjk", doc: "赤い車が走る", text: "車", want: "車"},
		{name: "punctuation edge", doc: "f/1.8-f/2.8", text: "1.8", want: "1.8"},
		{name: "CRLF inside", doc: "red\r\ncar", text: "red\r\ncar", want: "red\r\ncar"},
		{name: "empty text", doc: "abc", text: ""},
		{name: "absent", doc: "a red car", text: "blue car"},
	})
}

func TestFindNormalized(t *testing.T) {
	n := offsets.Normalized
	runCases(t, []locateCase{
		{name: "NFD doc, NFC text", doc: "a cafe\u0301 at dusk", text: "café at",
			want: "cafe\u0301 at", tier: n},
		{name: "NFC doc, NFD text", doc: "a café at dusk", text: "cafe\u0301 at",
			want: "café at", tier: n},
		{name: "NFD text ending the doc", doc: "cafe\u0301", text: "café",
			want: "cafe\u0301", tier: n},
		{name: "curly doc quotes", doc: "the “golden hour” glow", text: `"golden hour"`,
			want: "“golden hour”", tier: n},
		{name: "curly text apostrophe", doc: "it's raining", text: "it’s raining",
			want: "it's raining", tier: n},
		{name: "en dash", doc: "a 35mm–50mm lens", text: "35mm-50mm", want: "35mm–50mm", tier: n},
		{name: "em dash in text", doc: "dusk - night", text: "dusk — night",
			want: "dusk - night", tier: n},
		{name: "minus sign", doc: "f/1.8−f/2.8", text: "f/1.8-f/2.8", want: "f/1.8−f/2.8", tier: n},
		{name: "ellipsis", doc: "and then…", text: "then...", want: "then…", tier: n},
		{name: "nbsp", doc: "a 50\u00a0mm lens", text: "50 mm lens",
			want: "50\u00a0mm lens", tier: n},
		{name: "ideographic space", doc: "red\u3000car", text: "red car",
			want: "red\u3000car", tier: n},
		{name: "whitespace run", doc: "red\r\n  car", text: "red car",
			want: "red\r\n  car", tier: n},
		{name: "newline in text", doc: "red car", text: "red\n\tcar", want: "red car", tier: n},
		{name: "trimmed text", doc: "**red car**", text: " red car\n", want: "red car", tier: n},
		{name: "zero-width space", doc: "red\u200b car", text: "red car",
			want: "red\u200b car", tier: n},
		{name: "markers inside", doc: "a **red** car", text: "red car", want: "red** car", tier: n},
		{name: "underscore markers", doc: "_soft_ light", text: "soft light",
			want: "soft_ light", tier: n},
		{name: "dangling markers excluded", doc: "*red* *car*", text: "red car",
			want: "red* *car", tier: n},
		{name: "markers in text", doc: "a red car", text: "**red** car", want: "red car", tier: n},
		{name: "double underscore text", doc: "bold move", text: "__bold__ move",
			want: "bold move", tier: n},
		{name: "marker between spaces", doc: "red * car", text: "red car",
			want: "red * car", tier: n},
		{name: "snake_case kept", doc: "snake_case style", text: "snakecase style"},
		{name: "no accent stripping", doc: "a cafe\u0301 at dusk", text: "cafe at"},
	})
}

func TestFindFolded(t *testing.T) {
	f := offsets.Folded
	runCases(t, []locateCase{
		{name: "ascii case", doc: "A Red Car", text: "a red car", want: "A Red Car", tier: f},
		{name: "dotted I before span", doc: "İİİ BIG RED CAR", text: "big red car",
			want: "BIG RED CAR", tier: f},
		{name: "dotted I in span", doc: "İSTANBUL at night", text: "İstanbul",
			want: "İSTANBUL", tier: f},
		{name: "dotted I lowered", doc: "İSTANBUL at night", text: "i\u0307stanbul",
			want: "İSTANBUL", tier: f},
		{name: "dotted I lowered without dot", doc: "İSTANBUL at night", text: "istanbul",
			want: "İSTANBUL", tier: f},
		{name: "combining dot in doc", doc: "i\u0307stanbul", text: "ISTANBUL",
			want: "i\u0307stanbul", tier: f},
		{name: "dot kept elsewhere", doc: "ȧ", text: "A"},
		{name: "sharp s", doc: "Straße view", text: "STRASSE VIEW", want: "Straße view", tier: f},
		{name: "sharp s before span", doc: "Straße Straße red car", text: "RED CAR",
			want: "red car", tier: f},
		{name: "half a sharp s", doc: "Straße", text: "STRAS"},
		{name: "greek final sigma", doc: "ΟΔΟΣ view", text: "οδος", want: "ΟΔΟΣ", tier: f},
		{name: "with quotes and case", doc: "the “Golden Hour”", text: `"golden hour"`,
			want: "“Golden Hour”", tier: f},
		{name: "NFD and case", doc: "CAFE\u0301 au lait", text: "café",
			want: "CAFE\u0301", tier: f},
		{name: "exact beats nearer folded", doc: "Red car and red car", text: "red car",
			want: "red car", occ: 0, tier: offsets.Exact},
	})
}

func TestFindRejects(t *testing.T) {
	runCases(t, []locateCase{
		{name: "longer word", doc: "a red cart", text: "red car"},
		{name: "longer word skipped", doc: "a red cart, a red car", text: "red car",
			want: "red car", occ: 1},
		{name: "word start", doc: "scarlet", text: "car"},
		{name: "plural", doc: "two cafés", text: "café"},
		{name: "digit run", doc: "f/1.85", text: "1.8"},
		{name: "accent after", doc: "cafe\u0301", text: "cafe"},
		{name: "part of zwj family", doc: "👨‍👩‍👧 family", text: "👨"},
		{name: "zwj family skipped", doc: "👨‍👩‍👧 and 👨", text: "👨", want: "👨", occ: 1},
		{name: "skin tone", doc: "👋🏽 wave", text: "👋"},
		{name: "flag halves", doc: "🇫🇷🇩🇪", text: "🇷🇩"},
		{name: "CR of CRLF", doc: "a\r\nb", text: "\r"},
		{name: "LF of CRLF", doc: "a\r\nb", text: "\n"},
		{name: "CR of CRLF trimmed", doc: "a\r\nb", text: "a\r", want: "a",
			tier: offsets.Normalized},
		{name: "Hangul jamo", doc: "\u1100\u1161 x", text: "\u1100"},
		{name: "case only is not fuzzy", doc: "Red Cars", text: "red car"},
	})
}

func TestFindClaims(t *testing.T) {
	const doc = "dog and dog and dog"
	l := offsets.NewLocator(doc)
	for i := range 3 {
		checkFind(t, l, locateCase{name: "claim", doc: doc, text: "dog", want: "dog", occ: i})
	}
	checkFind(t, l, locateCase{name: "exhausted", doc: doc, text: "dog"})

	l.Reset()
	checkFind(t, l, locateCase{name: "after reset", doc: doc, text: "dog", want: "dog"})
}

func TestFindHint(t *testing.T) {
	const doc = "dog dog dog dog"
	runCases(t, []locateCase{
		{name: "nearest after", doc: doc, text: "dog", hint: 7, want: "dog", occ: 2},
		{name: "nearest before", doc: doc, text: "dog", hint: 5, want: "dog", occ: 1},
		{name: "tie goes earlier", doc: doc, text: "dog", hint: 6, want: "dog", occ: 1},
		{name: "past the end", doc: doc, text: "dog", hint: 99, want: "dog", occ: 3},
		{name: "negative", doc: doc, text: "dog", hint: -5, want: "dog", occ: 0},
	})

	l := offsets.NewLocator(doc)
	checkFind(t, l, locateCase{name: "first", doc: doc, text: "dog", hint: 8, want: "dog", occ: 2})
	checkFind(t, l, locateCase{name: "tie after claim", doc: doc, text: "dog", hint: 8,
		want: "dog", occ: 1})
}

func TestFindOverlap(t *testing.T) {
	const doc = "red car, car"
	l := offsets.NewLocator(doc)
	checkFind(t, l, locateCase{name: "outer", doc: doc, text: "red car", want: "red car"})
	checkFind(t, l, locateCase{name: "free occurrence first", doc: doc, text: "car", hint: 4,
		want: "car", occ: 1})
	checkFind(t, l, locateCase{name: "overlap as last resort", doc: doc, text: "car", hint: 4,
		want: "car", occ: 0})
}

func TestFindReusesViewAcrossTiers(t *testing.T) {
	const doc = "A **Red** car at the “café”"
	l := offsets.NewLocator(doc)
	cases := []locateCase{
		{name: "normalized", doc: doc, text: "red car", want: "Red** car", tier: offsets.Folded},
		{name: "exact after tolerant", doc: doc, text: "at", want: "at"},
		{name: "quotes", doc: doc, text: `"café"`, want: "“café”", tier: offsets.Normalized},
		{name: "claimed", doc: doc, text: "RED CAR"},
	}
	for _, tc := range cases {
		checkFind(t, l, tc)
	}
}

func TestFind(t *testing.T) {
	const doc = "a red car"
	l := offsets.NewLocator(doc)
	start, end, ok := l.Find("RED CAR", 0)
	if !ok || doc[start:end] != "red car" {
		t.Errorf("Find(RED CAR) = %d, %d, %v; want the range of %q", start, end, ok, "red car")
	}
}

func TestTierString(t *testing.T) {
	for tier, want := range map[offsets.Tier]string{
		offsets.Exact: "exact", offsets.Normalized: "normalized", offsets.Folded: "folded",
	} {
		if got := tier.String(); got != want {
			t.Errorf("Tier(%d).String() = %q, want %q", int(tier), got, want)
		}
	}
}
