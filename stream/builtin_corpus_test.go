package stream

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sharedCorpusPath is the shared corpus of real prompts, beside the checkout.
var sharedCorpusPath = filepath.Join("..", "..", "shared", "corpus", "prompts.jsonl")

// loadCorpus returns the texts of the shared corpus, skipping the test or
// benchmark when the corpus is absent.
func loadCorpus(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(sharedCorpusPath)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("corpus %s absent; it lives beside the checkout in ../shared", sharedCorpusPath)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for sc.Scan() {
		var p struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatalf("corpus line: %v", err)
		}
		texts = append(texts, p.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(texts) == 0 {
		tb.Fatal("corpus is empty")
	}
	return texts
}

// corpusText returns corpus prompts joined by blank lines until the text
// is at least n bytes long, then cut at the last space before n.
func corpusText(tb testing.TB, n int) string {
	tb.Helper()
	texts := loadCorpus(tb)
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(texts[i%len(texts)])
	}
	s := b.String()[:n]
	return s[:strings.LastIndexByte(s, ' ')]
}

// checkContract fails t when spans break the contract of a labeling of text:
// exact slices on rune boundaries, valid roles, non-empty ranges without
// surrounding spaces or punctuation, sorted by start then end, and no two
// overlapping spans of one parent.
func checkContract(t testing.TB, text string, spans []Span) {
	t.Helper()
	for i, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("span %d %+v: bad range for text of %d bytes", i, s, len(text))
		}
		if got := text[s.Start:s.End]; got != s.Text {
			t.Fatalf("span %d: text[%d:%d] = %q, want Span.Text %q", i, s.Start, s.End, got, s.Text)
		}
		if !ValidRole(s.Role) {
			t.Fatalf("span %d %q: invalid role %q", i, s.Text, s.Role)
		}
		if !runeBoundary(text, s.Start) || !runeBoundary(text, s.End) {
			t.Fatalf("span %d %q: offsets %d..%d split a rune", i, s.Text, s.Start, s.End)
		}
		first, _ := utf8.DecodeRuneInString(s.Text)
		last, _ := utf8.DecodeLastRuneInString(s.Text)
		if untidy(first) || untidy(last) {
			t.Fatalf("span %d %q: starts or ends with a space or punctuation", i, s.Text)
		}
		if s.Confidence <= 0 || s.Confidence > 1 {
			t.Fatalf("span %d %q: confidence %v outside (0, 1]", i, s.Text, s.Confidence)
		}
		if i > 0 && startOrder(&spans[i-1], &spans[i]) > 0 {
			t.Fatalf("spans %d and %d out of order: %+v, %+v", i-1, i, spans[i-1], s)
		}
		for _, o := range spans[:i] {
			if Parent(o.Role) == Parent(s.Role) && o.Start < s.End && s.Start < o.End {
				t.Fatalf("spans %q (%s) and %q (%s) overlap within one parent",
					o.Text, o.Role, s.Text, s.Role)
			}
		}
	}
}

// runeBoundary reports whether decoding text from its start stops at off;
// an invalid byte decodes alone, so it has boundaries on both sides.
func runeBoundary(text string, off int) bool {
	for i := 0; i < len(text); {
		if i >= off {
			return i == off
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return off == len(text)
}

// untidy reports whether r may not open or close a span.
func untidy(r rune) bool {
	return r == utf8.RuneError || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// TestCorpusInvariants labels every corpus prompt and checks the result.
func TestCorpusInvariants(t *testing.T) {
	l := NewBuiltin(BuiltinOptions{})
	for i, text := range loadCorpus(t) {
		res, err := l.Label(context.Background(), text, nil)
		if err != nil {
			t.Fatalf("prompt %d: %v", i, err)
		}
		checkContract(t, text, res.Spans)
		if len(res.Spans) < 10 {
			t.Errorf("prompt %d: got %d spans, want at least 10 in a full prompt",
				i, len(res.Spans))
		}
		parents := map[string]bool{}
		for _, s := range res.Spans {
			parents[Parent(s.Role)] = true
		}
		if len(parents) < 5 {
			t.Errorf("prompt %d: spans cover %d parents, want at least 5: %v",
				i, len(parents), parents)
		}
	}
}
