package llmsim

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/spanstream/spanstream/stream"
)

// item is one span as the simulated model writes it.
type item struct {
	Text       string  `json:"text"`
	Role       string  `json:"role"`
	Confidence float64 `json:"confidence"`
}

// answer is the content a simulated model writes for one request.
type answer struct {
	content string
	// closes holds the byte offset just past each span object's '}'.
	closes []int
	// cuts holds extra chunk boundaries (inside \u escapes).
	cuts []int
}

// items labels doc with the server's labeler and turns the spans into what
// a model would say: shuffled, with jittered confidences, plus any faults.
func (s *Server) items(ctx context.Context, doc string, fs faultSet,
	rng *rand.Rand) ([]item, error) {
	res, err := s.labeler.Label(ctx, doc, nil)
	if err != nil {
		return nil, fmt.Errorf("llmsim: label: %w", err)
	}
	// Sort first so that the seed alone decides the order, whatever order
	// the labeler returns.
	spans := slices.SortedFunc(slices.Values(res.Spans), func(a, b stream.Span) int {
		return cmp.Or(a.Start-b.Start, a.End-b.End, strings.Compare(a.Role, b.Role))
	})
	items := make([]item, 0, len(spans)+2)
	for _, sp := range spans {
		c := sp.Confidence + (rng.Float64()-0.5)*0.1
		c = math.Round(math.Min(1, math.Max(0, c))*100) / 100
		items = append(items, item{Text: sp.Text, Role: sp.Role, Confidence: c})
	}
	rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	return addFaultItems(items, doc, fs), nil
}

// addFaultItems applies the faults that change what the model says.
func addFaultItems(items []item, doc string, fs faultSet) []item {
	if fs.has(FaultBadConfidence) {
		for i, c := range []float64{1.7, -0.4} {
			if i < len(items) {
				items[i].Confidence = c
			}
		}
	}
	if fs.has(FaultInvalidRole) {
		text := strings.Fields(doc + " x")[0]
		if len(items) > 0 {
			text = items[0].Text
		}
		items = insertMid(items, item{Text: text, Role: "subject.mood", Confidence: 0.9})
	}
	if fs.has(FaultMissingText) {
		text := "llmsim missing text"
		for strings.Contains(doc, text) {
			text += "!"
		}
		items = insertMid(items, item{Text: text, Role: "subject", Confidence: 0.9})
	}
	return items
}

// insertMid puts it in the middle of items, where a decoder is busiest.
func insertMid(items []item, it item) []item {
	mid := len(items) / 2
	return append(items[:mid], append([]item{it}, items[mid:]...)...)
}

// encode writes items as the JSON answer, escaping every character of the
// span texts when escapeAll is set (and cutting inside each escape), and
// wrapping the answer in a code fence when fence is not "".
func encode(items []item, escapeAll bool, fence string, rng *rand.Rand) answer {
	var b strings.Builder
	var a answer
	b.WriteString(fence)
	b.WriteString(`{"spans":[`)
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"text":`)
		if escapeAll {
			a.cuts = append(a.cuts, writeEscaped(&b, it.Text, rng)...)
		} else {
			appendJSON(&b, it.Text)
		}
		b.WriteString(`,"role":`)
		appendJSON(&b, it.Role)
		b.WriteString(`,"confidence":`)
		appendJSON(&b, it.Confidence)
		b.WriteByte('}')
		a.closes = append(a.closes, b.Len())
	}
	b.WriteString("]}")
	if fence != "" {
		b.WriteString("\n```")
	}
	a.content = b.String()
	return a
}

func appendJSON(b *strings.Builder, v any) {
	data, _ := json.Marshal(v) // strings and floats always marshal
	b.Write(data)
}

// writeEscaped writes s as a JSON string made only of \u escapes and
// returns one cut position inside each escape.
func writeEscaped(b *strings.Builder, s string, rng *rand.Rand) []int {
	var cuts []int
	b.WriteByte('"')
	for _, r := range s {
		units := []rune{r}
		if r > 0xFFFF {
			hi, lo := utf16.EncodeRune(r)
			units = []rune{hi, lo}
		}
		for _, u := range units {
			cuts = append(cuts, b.Len()+1+rng.IntN(5))
			fmt.Fprintf(b, `\u%04x`, u)
		}
	}
	b.WriteByte('"')
	return cuts
}

// pieces cuts content into chunks of about size runes, also cutting at
// every extra position in cuts (which must be rune boundaries).
func pieces(content string, size int, cuts []int) []string {
	at := make(map[int]bool, len(cuts))
	for _, c := range cuts {
		at[c] = true
	}
	var out []string
	start, runes := 0, 0
	for i := range content {
		if i > start && (runes >= size || at[i]) {
			out = append(out, content[start:i])
			start, runes = i, 0
		}
		runes++
	}
	if start < len(content) {
		out = append(out, content[start:])
	}
	return out
}

// half returns the longest prefix of content no longer than half of it that
// ends on a rune boundary.
func half(content string) string {
	n := len(content) / 2
	for n > 0 && !utf8.RuneStart(content[n]) {
		n--
	}
	return content[:n]
}
