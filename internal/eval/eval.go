// Package eval measures a labeler against hand-labeled prompts with the
// relaxed F1 of the golden set: a predicted span matches a still unmatched
// truth span when their intersection over union, in UTF-16 code units, is
// above 0.5 and their roles are equal; matching is greedy in prediction
// order and counts are summed over all prompts (micro-averaged).
package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/spanstream/spanstream/offsets"
	"github.com/spanstream/spanstream/stream"
)

// Span is a labeled range in UTF-16 code units, End exclusive.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Role  string `json:"role"`
}

// Prompt is one hand-labeled text.
type Prompt struct {
	ID    string
	Text  string
	Truth []Span
}

// goldenFile is the layout of a golden set file.
type goldenFile struct {
	Prompts []struct {
		ID          string `json:"id"`
		Text        string `json:"text"`
		GroundTruth struct {
			Spans []Span `json:"spans"`
		} `json:"groundTruth"`
	} `json:"prompts"`
}

// Load reads every *.json file of the directories, in name order, and
// returns their prompts.
func Load(dirs ...string) ([]Prompt, error) {
	var out []Prompt
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			return nil, fmt.Errorf("eval: list %s: %w", dir, err)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("eval: no *.json files in %s", dir)
		}
		slices.Sort(files)
		for _, f := range files {
			ps, err := loadFile(f)
			if err != nil {
				return nil, err
			}
			out = append(out, ps...)
		}
	}
	return out, nil
}

func loadFile(path string) ([]Prompt, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var g goldenFile
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("eval: parse %s: %w", path, err)
	}
	out := make([]Prompt, len(g.Prompts))
	for i, p := range g.Prompts {
		out[i] = Prompt{ID: p.ID, Text: p.Text, Truth: p.GroundTruth.Spans}
	}
	return out, nil
}

// Predict labels every prompt with l and returns its spans in UTF-16
// units, in the labeler's order.
func Predict(ctx context.Context, l stream.Labeler, prompts []Prompt) ([][]Span, error) {
	out := make([][]Span, len(prompts))
	for i, p := range prompts {
		res, err := l.Label(ctx, p.Text, nil)
		if err != nil {
			return nil, fmt.Errorf("eval: label %s: %w", p.ID, err)
		}
		out[i] = toUTF16(p.Text, res.Spans)
	}
	return out, nil
}

// toUTF16 converts byte-offset spans of text to UTF-16 spans.
func toUTF16(text string, spans []stream.Span) []Span {
	offs := make([]int, 0, 2*len(spans))
	for _, s := range spans {
		offs = append(offs, s.Start, s.End)
	}
	offsets.FromBytes(text, offsets.UTF16, offs)
	out := make([]Span, len(spans))
	for i, s := range spans {
		out[i] = Span{Text: s.Text, Start: offs[2*i], End: offs[2*i+1], Role: s.Role}
	}
	return out
}

// Run labels the prompts with l and scores the result.
func Run(ctx context.Context, l stream.Labeler, prompts []Prompt) (Report, error) {
	preds, err := Predict(ctx, l, prompts)
	if err != nil {
		return Report{}, err
	}
	return Score(prompts, preds), nil
}
