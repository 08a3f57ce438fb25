package session

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf16"

	"github.com/spanstream/spanstream/internal/prompts"
	"github.com/spanstream/spanstream/stream"
)

// corpus reads ../shared/corpus/prompts.jsonl, skipping the test when the
// shared folder is not beside the checkout.
func corpus(t *testing.T) []string {
	t.Helper()
	texts, err := prompts.ReadFile(filepath.Join("..", "..", "shared", "corpus", "prompts.jsonl"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("../shared/corpus is absent: corpus tests need the shared folder " +
			"beside the checkout")
	}
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestCorpusOverWebSocket labels every corpus prompt with the built-in
// labeler through a real WebSocket in each unit and checks every span.
func TestCorpusOverWebSocket(t *testing.T) {
	texts := corpus(t)
	_, url := startServer(t, Options{})
	for _, unit := range []string{"utf-16", "utf-8", "codepoint"} {
		t.Run(unit, func(t *testing.T) {
			c := dial(t, url)
			c.hello(map[string]any{"debounceMs": 0, "encoding": unit, "maxSpans": 0})
			total := 0
			for i, text := range texts {
				spans, done := c.label(int64(i+1), text)
				if done.Count != len(spans) {
					t.Errorf("prompt %d: done.count %d, client holds %d", i, done.Count, len(spans))
				}
				for _, s := range spans {
					if !stream.ValidRole(s.Role) {
						t.Errorf("prompt %d: invalid role %q", i, s.Role)
					}
					if s.Confidence < 0 || s.Confidence > 1 {
						t.Errorf("prompt %d: confidence %v outside [0,1]", i, s.Confidence)
					}
				}
				checkSpans(t, text, unit, spans)
				total += len(spans)
			}
			if total < len(texts)*5 {
				t.Errorf("got %d spans over %d prompts, want at least 5 a prompt",
					total, len(texts))
			}
		})
	}
}

// TestEditReplayMatchesWholeDoc replays random edits and checks that the
// session ends with the same document and spans as sending the final text
// whole.
func TestEditReplayMatchesWholeDoc(t *testing.T) {
	texts := corpus(t)
	_, url := startServer(t, Options{})
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"wide shot", " at dusk", "😀", "café ", "\r\n", "", "golden hour ",
		"the camera pans left", "ñ", "24fps "}

	for i, text := range texts[:10] {
		c := dial(t, url)
		c.hello(map[string]any{"debounceMs": 0, "maxSpans": 0})
		c.label(1, text)
		doc := utf16.Encode([]rune(text))
		version := int64(1)
		for range 30 {
			var changes []map[string]any
			doc, changes = randomEdit(rng, doc, words)
			version++
			c.send(map[string]any{"type": "edit", "version": version, "base": version - 1,
				"changes": changes})
		}
		got, _ := c.final(version)

		final := string(utf16.Decode(doc))
		fresh := dial(t, url)
		fresh.hello(map[string]any{"debounceMs": 0, "maxSpans": 0})
		want, _ := fresh.label(1, final)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("prompt %d: spans after edits differ from whole doc:\n got %+v\nwant %+v",
				i, got, want)
		}
		checkSpans(t, final, "utf-16", got)
	}
}

// randomEdit makes one to three random changes to doc (UTF-16), returning
// the new document and the changes in wire form.
func randomEdit(rng *rand.Rand, doc []uint16, words []string) ([]uint16, []map[string]any) {
	var changes []map[string]any
	for n := 1 + rng.IntN(3); n > 0; n-- {
		start := boundary(doc, rng.IntN(len(doc)+1))
		end := boundary(doc, start+rng.IntN(len(doc)-start+1))
		ins := utf16.Encode([]rune(words[rng.IntN(len(words))]))
		next := append(append(append([]uint16{}, doc[:start]...), ins...), doc[end:]...)
		changes = append(changes, map[string]any{"start": start, "end": end,
			"text": string(utf16.Decode(ins))})
		doc = next
	}
	return doc, changes
}

// boundary moves i off the second half of a surrogate pair.
func boundary(doc []uint16, i int) int {
	if i > 0 && i < len(doc) && utf16.IsSurrogate(rune(doc[i])) && doc[i] >= 0xdc00 {
		return i - 1
	}
	return i
}

// final reads frames until done for version, skipping older versions, and
// returns the spans the client holds for it with the done frame.
func (c *client) final(version int64) ([]wireSpan, msg) {
	c.t.Helper()
	held := holding{}
	for {
		m := c.next()
		if m.Type == "error" {
			c.t.Fatalf("got %s", m.raw)
		}
		if m.Version == version && held.apply(m) {
			return held.sorted(), m
		}
	}
}
