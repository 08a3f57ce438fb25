package eval

import (
	"context"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/spanstream/spanstream/stream"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCounts(t *testing.T) {
	cases := []struct {
		c       Counts
		p, r, f float64
	}{
		{Counts{TP: 3, FP: 1, FN: 2}, 0.75, 0.6, 6.0 / 9},
		{Counts{}, 0, 0, 0},
		{Counts{FP: 2}, 0, 0, 0},
		{Counts{TP: 4}, 1, 1, 1},
	}
	for _, c := range cases {
		if !near(c.c.Precision(), c.p) || !near(c.c.Recall(), c.r) || !near(c.c.F1(), c.f) {
			t.Errorf("%+v: got P %v R %v F1 %v, want %v %v %v",
				c.c, c.c.Precision(), c.c.Recall(), c.c.F1(), c.p, c.r, c.f)
		}
	}
}

func TestIoU(t *testing.T) {
	cases := []struct {
		a, b Span
		want float64
	}{
		{Span{Start: 0, End: 10}, Span{Start: 0, End: 10}, 1},
		{Span{Start: 0, End: 10}, Span{Start: 5, End: 15}, 5.0 / 15},
		{Span{Start: 0, End: 4}, Span{Start: 4, End: 8}, 0},
		{Span{Start: 2, End: 8}, Span{Start: 0, End: 10}, 0.6},
	}
	for _, c := range cases {
		if got := IoU(c.a, c.b); !near(got, c.want) {
			t.Errorf("IoU(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestMatch(t *testing.T) {
	truth := []Span{
		{Start: 0, End: 10, Role: "shot.type"},
		{Start: 20, End: 30, Role: "camera.movement"},
		{Start: 40, End: 50, Role: "lighting.source"},
	}
	pred := []Span{
		{Start: 0, End: 8, Role: "shot.type"},         // IoU 0.8: match
		{Start: 1, End: 9, Role: "shot.type"},         // truth already taken: extra
		{Start: 20, End: 40, Role: "camera.movement"}, // IoU exactly 0.5: not above
		{Start: 40, End: 50, Role: "lighting.quality"},
	}
	matched, extra := Match(pred, truth, sameRole)
	if want := []bool{true, false, false}; !slices.Equal(matched, want) {
		t.Errorf("matched = %v, want %v", matched, want)
	}
	if len(extra) != 3 {
		t.Errorf("got %d extras %v, want 3", len(extra), extra)
	}
	matched, extra = Match(pred, truth, sameParent)
	if want := []bool{true, false, true}; !slices.Equal(matched, want) || len(extra) != 2 {
		t.Errorf("by parent: matched %v extras %v, want %v and 2 extras", matched, extra, want)
	}
}

// TestScore checks micro-averaging over prompts and the per role and per
// parent tables on a hand-made fixture.
func TestScore(t *testing.T) {
	prompts := []Prompt{
		{ID: "a", Truth: []Span{
			{Start: 0, End: 9, Role: "shot.type"},
			{Start: 13, End: 18, Role: "subject.identity"},
		}},
		{ID: "b", Truth: []Span{{Start: 0, End: 5, Role: "lighting.quality"}}},
	}
	preds := [][]Span{
		{{Start: 0, End: 9, Role: "shot.type"}, {Start: 13, End: 18, Role: "subject.wardrobe"}},
		{{Start: 0, End: 5, Role: "lighting.source"}, {Start: 7, End: 9, Role: "audio.score"}},
	}
	r := Score(prompts, preds)
	if want := (Counts{TP: 1, FP: 3, FN: 2}); r.Overall != want {
		t.Errorf("overall = %+v, want %+v", r.Overall, want)
	}
	checks := []struct {
		got, want Counts
		what      string
	}{
		{r.ByRole["shot.type"], Counts{TP: 1}, "role shot.type"},
		{r.ByRole["subject.identity"], Counts{FN: 1}, "role subject.identity"},
		{r.ByRole["subject.wardrobe"], Counts{FP: 1}, "role subject.wardrobe"},
		{r.ByParent["subject"], Counts{TP: 1}, "parent subject"},
		{r.ByParent["lighting"], Counts{TP: 1}, "parent lighting"},
		{r.ByParent["audio"], Counts{FP: 1}, "parent audio"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %+v, want %+v", c.what, c.got, c.want)
		}
	}
	if len(r.Prompts) != 2 || len(r.Prompts[1].Missed) != 1 || len(r.Prompts[1].Extra) != 2 {
		t.Errorf("prompt b outcome = %+v, want 1 miss and 2 extras", r.Prompts[1])
	}
}

const fixture = `{"metadata": {"name": "fixture"}, "prompts": [
 {"id": "p1", "text": "Wide shot of a café 😀 at dusk.",
  "groundTruth": {"spans": [
   {"text": "Wide shot", "start": 0, "end": 9, "role": "shot.type"},
   {"text": "dusk", "start": 26, "end": 30, "role": "lighting.timeOfDay"}]}}]}`

// writeFixture writes a one-prompt golden file into a temporary directory.
func writeFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "fixture.json"), []byte(fixture), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRunUTF16 labels a fixture whose spans follow a non-ASCII café and
// an emoji, so byte and UTF-16 offsets differ.
func TestRunUTF16(t *testing.T) {
	prompts, err := Load(writeFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), stream.NewBuiltin(stream.BuiltinOptions{}), prompts)
	if err != nil {
		t.Fatal(err)
	}
	if r.ByRole["lighting.timeOfDay"].TP != 1 || r.ByRole["shot.type"].TP != 1 {
		t.Errorf("got by role %+v, want wide shot and dusk matched", r.ByRole)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("Load of an empty directory: got no error, want one")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil {
		t.Error("Load of malformed JSON: got no error, want one")
	}
}

// goldenDir is the shared golden set beside the checkout.
var goldenDir = filepath.Join("..", "..", "..", "shared", "golden")

// TestGoldenF1 holds the built-in labeler to the quality target on the
// shared golden set.
func TestGoldenF1(t *testing.T) {
	if _, err := os.Stat(goldenDir); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("golden set %s absent; it lives beside the checkout in ../shared", goldenDir)
	}
	prompts, err := Load(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), stream.NewBuiltin(stream.BuiltinOptions{}), prompts)
	if err != nil {
		t.Fatal(err)
	}
	if f1 := r.Overall.F1(); f1 < 0.45 {
		t.Errorf("golden relaxed F1 = %.3f (%+v), want at least 0.45", f1, r.Overall)
	}
}
