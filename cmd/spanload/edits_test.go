package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// replay applies a script to an empty document the way the server does,
// counting in UTF-16 code units, and returns the text after the bursts and
// after the word change. It fails the test on a wrong base or version, an
// offset out of range, or one that splits a surrogate pair.
func replay(t *testing.T, sc typingScript) (typed, changed string) {
	t.Helper()
	var doc []uint16
	version := int64(1) // the empty doc
	apply := func(e editMsg) {
		t.Helper()
		if e.Type != "edit" || e.Base != version || e.Version != version+1 {
			t.Fatalf("got %s base %d version %d, want edit base %d version %d",
				e.Type, e.Base, e.Version, version, version+1)
		}
		version = e.Version
		for _, c := range e.Changes {
			if c.Start < 0 || c.End < c.Start || c.End > len(doc) {
				t.Fatalf("got change [%d, %d) on %d units, want a range inside",
					c.Start, c.End, len(doc))
			}
			if splitsPair(doc, c.Start) || splitsPair(doc, c.End) {
				t.Fatalf("change [%d, %d) splits a surrogate pair", c.Start, c.End)
			}
			doc = slices.Concat(doc[:c.Start], utf16.Encode([]rune(c.Text)), doc[c.End:])
		}
	}
	for _, e := range sc.Bursts {
		apply(e)
	}
	typed = string(utf16.Decode(doc))
	if sc.Change == nil {
		return typed, typed
	}
	apply(*sc.Change)
	return typed, string(utf16.Decode(doc))
}

func splitsPair(doc []uint16, i int) bool {
	return i > 0 && i < len(doc) && utf16.IsSurrogate(rune(doc[i])) &&
		doc[i] >= 0xDC00 // a low surrogate: its high half is before i
}

func TestScriptTypesThenChangesMiddleWord(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		burst   int
		bursts  int
		changed string
	}{
		{"emoji around", "🦊 a quick fox 🦊", 3, 5, "🦊 a kciuq fox 🦊"},
		{"emoji inside burst", "🎥🎥🎥 wide shot, lighthouse 🌅 at dusk", 4, 9,
			"🎥🎥🎥 wide shot, esuohthgil 🌅 at dusk"},
		{"one burst", "slow dolly in", 100, 1, "slow yllod in"},
		{"palindrome", "a level b", 2, 5, "a crimson b"},
		{"accents", "café crème brûlée", 5, 4, "café emèrc brûlée"},
		{"burst of one", "zoom", 1, 4, "mooz"},
		{"no long word", "🦊 ab 🦊", 2, 3, "🦊 ab 🦊"},
		{"empty", "", 40, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := scriptFor(tt.text, tt.burst)
			typed, changed := replay(t, sc)
			if len(sc.Bursts) != tt.bursts {
				t.Errorf("got %d bursts, want %d", len(sc.Bursts), tt.bursts)
			}
			if typed != tt.text {
				t.Errorf("got typed %q, want %q", typed, tt.text)
			}
			if changed != tt.changed {
				t.Errorf("got changed %q, want %q", changed, tt.changed)
			}
		})
	}
}

func TestScriptBurstsAreBurstCharacters(t *testing.T) {
	sc := scriptFor("🦊🦊🦊🦊🦊 fox", 2)
	got := make([]string, len(sc.Bursts))
	for i, e := range sc.Bursts {
		got[i] = e.Changes[0].Text
	}
	want := []string{"🦊🦊", "🦊🦊", "🦊 ", "fo", "x"}
	if !slices.Equal(got, want) {
		t.Errorf("got bursts %q, want %q", got, want)
	}
	if c := sc.Bursts[2].Changes[0]; c.Start != 8 || c.End != 8 {
		t.Errorf("got third burst at [%d, %d), want [8, 8): four emoji are 8 UTF-16 units",
			c.Start, c.End)
	}
}

func TestScriptReplaysCorpus(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "corpus", "prompts.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("corpus not found at %s: %v", path, err)
	}
	prompts, err := loadPrompts(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range prompts {
		typed, changed := replay(t, scriptFor(text, 40))
		if typed != text {
			t.Fatalf("prompt %d: got typed %q, want the prompt", i, typed)
		}
		if changed == text || len(strings.Fields(changed)) != len(strings.Fields(text)) {
			t.Errorf("prompt %d: got %q, want one word of the prompt changed", i, changed)
		}
	}
}

func FuzzScript(f *testing.F) {
	f.Add("🦊 a quick fox 🦊", 3)
	f.Add("Wide shot of a lighthouse at dusk.", 40)
	f.Add("", 1)
	f.Fuzz(func(t *testing.T, text string, burst int) {
		if !utf8.ValidString(text) || burst < 1 || burst > 1000 {
			t.Skip()
		}
		sc := scriptFor(text, burst)
		typed, changed := replay(t, sc)
		if typed != text {
			t.Fatalf("got typed %q, want %q", typed, text)
		}
		if sc.Change != nil && changed == text {
			t.Errorf("got a word change that changes nothing in %q", text)
		}
	})
}
