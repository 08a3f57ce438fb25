package offsets_test

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spanstream/spanstream/offsets"
)

// benchWords is the vocabulary of the synthetic prompt, with a few non-ASCII
// words so that conversions and boundary checks leave their ASCII fast paths.
var benchWords = strings.Fields(`wide shot close-up of a weathered fisherman mending
	nets on the pier at golden hour, handheld camera slowly dolly in, shallow depth of
	field f/1.8 soft backlight warm rim light cool shadows café crème naïve “vintage”
	film grain 35mm anamorphic lens flare — drone aerial tracking shot over misty
	mountains 🎥 🌅 neon-lit alley rain reflections cinematic moody teal orange grade`)

// benchText returns a synthetic prompt of about n characters and 60 spans of
// it (2 or 3 words each, in document order) with their true start offsets.
func benchText(n int) (doc string, spans []string, starts []int) {
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	var wordStarts []int
	for chars := 0; chars < n; {
		w := benchWords[r.IntN(len(benchWords))]
		wordStarts = append(wordStarts, b.Len())
		b.WriteString(w)
		b.WriteByte(' ')
		chars += len([]rune(w)) + 1
	}
	doc = b.String()
	step := len(wordStarts) / 60
	for i := range 60 {
		w := i * step
		end := wordStarts[w+2+i%2] - 1 // drop the trailing space
		spans = append(spans, doc[wordStarts[w]:end])
		starts = append(starts, wordStarts[w])
	}
	return doc, spans, starts
}

func benchFind(b *testing.B, doc string, spans []string) {
	b.Helper()
	for b.Loop() {
		l := offsets.NewLocator(doc)
		hint := 0
		for _, s := range spans {
			_, end, ok := l.Find(s, hint)
			if !ok {
				b.Fatalf("Find(%q) found nothing, want a match", s)
			}
			hint = end
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(spans)), "ns/span")
}

// BenchmarkFind locates 60 spans, all exact, in a 5,000-character prompt.
func BenchmarkFind(b *testing.B) {
	doc, spans, _ := benchText(5000)
	benchFind(b, doc, spans)
}

// BenchmarkFindTolerant locates the same 60 spans with every third one upper
// cased and every third one with straight quotes and doubled spaces, so the
// Normalized and Folded views are built on each iteration.
func BenchmarkFindTolerant(b *testing.B) {
	doc, spans, _ := benchText(5000)
	for i := range spans {
		switch i % 3 {
		case 1:
			spans[i] = strings.ToUpper(spans[i])
		case 2:
			r := strings.NewReplacer("“", `"`, "”", `"`, "—", "-", " ", "  ")
			spans[i] = r.Replace(spans[i])
		}
	}
	benchFind(b, doc, spans)
}

// BenchmarkFromBytes converts the 120 offsets of 60 spans of a 5,000-character
// prompt to UTF-16, sorted as spans come in document order.
func BenchmarkFromBytes(b *testing.B) {
	doc, spans, starts := benchText(5000)
	offs := make([]int, 0, 2*len(spans))
	for i, s := range spans {
		offs = append(offs, starts[i], starts[i]+len(s))
	}
	work := make([]int, len(offs))
	for b.Loop() {
		copy(work, offs)
		offsets.FromBytes(doc, offsets.UTF16, work)
	}
}

// BenchmarkFromBytesUnsorted is BenchmarkFromBytes with the offsets reversed.
func BenchmarkFromBytesUnsorted(b *testing.B) {
	doc, spans, starts := benchText(5000)
	offs := make([]int, 0, 2*len(spans))
	for i := len(spans) - 1; i >= 0; i-- {
		offs = append(offs, starts[i]+len(spans[i]), starts[i])
	}
	work := make([]int, len(offs))
	for b.Loop() {
		copy(work, offs)
		offsets.FromBytes(doc, offsets.UTF16, work)
	}
}

// BenchmarkToBytes converts 120 sorted UTF-16 offsets back to bytes.
func BenchmarkToBytes(b *testing.B) {
	doc, spans, starts := benchText(5000)
	offs := make([]int, 0, 2*len(spans))
	for i, s := range spans {
		offs = append(offs, starts[i], starts[i]+len(s))
	}
	offsets.FromBytes(doc, offsets.UTF16, offs)
	work := make([]int, len(offs))
	for b.Loop() {
		copy(work, offs)
		if err := offsets.ToBytes(doc, offsets.UTF16, work); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindCorpus locates, in each prompt of the shared corpus, every
// third run of three words, one Locator per prompt per iteration.
func BenchmarkFindCorpus(b *testing.B) {
	texts := corpusTexts(b)
	type job struct {
		doc   string
		spans []string
	}
	var jobs []job
	nspans := 0
	for _, doc := range texts {
		words := strings.Fields(doc)
		j := job{doc: doc}
		for i := 0; i+3 <= len(words); i += 3 {
			j.spans = append(j.spans, strings.Join(words[i:i+3], " "))
		}
		jobs = append(jobs, j)
		nspans += len(j.spans)
	}

	for b.Loop() {
		for _, j := range jobs {
			l := offsets.NewLocator(j.doc)
			hint := 0
			for _, s := range j.spans {
				if _, end, ok := l.Find(s, hint); ok {
					hint = end
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*nspans), "ns/span")
}

// corpusTexts reads the "text" field of each line of the shared prompt corpus,
// skipping the benchmark when the corpus is absent.
func corpusTexts(b *testing.B) []string {
	b.Helper()
	path := filepath.Join("..", "..", "shared", "corpus", "prompts.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("shared corpus not available (%v); the synthetic benchmarks cover it", err)
	}
	defer f.Close()

	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatalf("parse %s: %v", path, err)
		}
		if rec.Text != "" {
			texts = append(texts, rec.Text)
		}
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("read %s: %v", path, err)
	}
	if len(texts) == 0 {
		b.Skipf("no texts in %s", path)
	}
	return texts
}
