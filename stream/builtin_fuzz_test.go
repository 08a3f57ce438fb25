package stream

import (
	"context"
	"testing"
)

// FuzzBuiltinLabel checks that Label never panics and that whatever the
// input (invalid UTF-8, stray marks, odd punctuation) every span slices
// the text exactly and keeps the contract.
// Run: go test ./stream -run '^$' -fuzz FuzzBuiltinLabel -fuzztime 30s
func FuzzBuiltinLabel(f *testing.F) {
	seeds := []string{
		"",
		"The camera pans left, tilts up and zooms in on the violinist.",
		"## Technical Specs\n24fps, 16:9, 4K, f/1.8-f/2.8, 3200K, 4-8s, 1920 × 1080",
		"**Lighting:** soft key light; Style reference: film noir.",
		"A quiet cafe\u0301 in the 1950s; his 30s; the '80s; 10:30.",
		"Terrence Malick\u2019s pastoral scenes, bird's-eye view, close-up.",
		"f/ f/- 5, 5,600 5,60 2.39: :9 x1080 24- -24 1e9fps",
		"\xff\xfe broken \xc3 utf8 \u2019s \u0301",
		"camera camera camera, and then, while, and",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	l := NewBuiltin(BuiltinOptions{})
	f.Fuzz(func(t *testing.T, text string) {
		res, err := l.Label(context.Background(), text, nil)
		if err != nil {
			t.Fatalf("Label(%q): %v", text, err)
		}
		checkContract(t, text, res.Spans)
	})
}
