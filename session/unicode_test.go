package session

import (
	"testing"
	"unicode/utf16"
)

// sliceUnit cuts text[start:end] counting in unit, written independently of
// package offsets so that the two check each other.
func sliceUnit(t *testing.T, text, unit string, start, end int) string {
	t.Helper()
	ok := func(n int) bool { return 0 <= start && start <= end && end <= n }
	switch unit {
	case "utf-8":
		if !ok(len(text)) {
			t.Fatalf("range [%d,%d) outside %d bytes", start, end, len(text))
		}
		return text[start:end]
	case "codepoint":
		r := []rune(text)
		if !ok(len(r)) {
			t.Fatalf("range [%d,%d) outside %d code points", start, end, len(r))
		}
		return string(r[start:end])
	default:
		u := utf16.Encode([]rune(text))
		if !ok(len(u)) {
			t.Fatalf("range [%d,%d) outside %d UTF-16 units", start, end, len(u))
		}
		return string(utf16.Decode(u[start:end]))
	}
}

// checkSpans fails unless every span slices exactly its text out of text
// in unit.
func checkSpans(t *testing.T, text, unit string, spans []wireSpan) {
	t.Helper()
	for _, s := range spans {
		if got := sliceUnit(t, text, unit, s.Start, s.End); got != s.Text {
			t.Errorf("%s [%d,%d) slices %q, span says %q", unit, s.Start, s.End, got, s.Text)
		}
	}
}

func TestOffsetsInEveryUnit(t *testing.T) {
	texts := map[string]string{
		"emoji":    "😀🎬 a wide shot at dusk",
		"zwj":      "👩‍👩‍👧 family, wide shot at dusk",
		"crlf":     "Camera:\r\n\r\nwide shot\r\nat dusk",
		"nfd":      "cafe\u0301 terrace, wide shot at dusk",
		"combined": "İstanbul ß 𝒜 — wide shot at dusk",
	}
	for name, text := range texts {
		for _, unit := range []string{"utf-16", "utf-8", "codepoint"} {
			t.Run(name+"/"+unit, func(t *testing.T) {
				t.Parallel()
				_, url := startServer(t, Options{Labeler: wordLabeler()})
				c := dial(t, url)
				w := c.hello(map[string]any{"debounceMs": 0, "encoding": unit})
				if w.Encoding != unit {
					t.Errorf("welcome says encoding %q, want %q", w.Encoding, unit)
				}
				spans, _ := c.label(1, text)
				if len(spans) != 2 {
					t.Fatalf("got %d spans, want 2", len(spans))
				}
				checkSpans(t, text, unit, spans)
			})
		}
	}
}

// TestEditOffsetsInUnit applies an edit after an emoji in each unit and
// checks the document the server labels.
func TestEditOffsetsInUnit(t *testing.T) {
	text := "😀 wide shot at noon"
	// The offset of "noon" in each unit.
	at := map[string]int{"utf-16": 16, "utf-8": 18, "codepoint": 15}
	for unit, start := range at {
		t.Run(unit, func(t *testing.T) {
			_, url := startServer(t, Options{Labeler: wordLabeler()})
			c := dial(t, url)
			c.hello(map[string]any{"debounceMs": 0, "encoding": unit})
			c.label(1, text)

			c.send(map[string]any{"type": "edit", "version": 2, "base": 1,
				"changes": []map[string]any{{"start": start, "end": start + 4, "text": "dusk"}}})
			spans, _ := c.collect(2)
			want := "😀 wide shot at dusk"
			checkSpans(t, want, unit, spans)
			if len(spans) != 2 {
				t.Errorf("got %d spans, want 2 (wide shot, dusk)", len(spans))
			}
		})
	}
}
