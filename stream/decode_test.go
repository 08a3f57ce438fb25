package stream

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// modelAnswer is the whole answer the schema asks for; tests compare
// the decoder against json.Unmarshal into it.
type modelAnswer struct {
	Spans []modelSpan `json:"spans"`
}

// decodeChunks feeds chunks to a fresh decoder and returns the spans it
// emitted, the number of malformed objects and whether the root closed.
func decodeChunks(t testing.TB, chunks []string) ([]modelSpan, int, bool) {
	t.Helper()
	var d decoder
	var got []modelSpan
	bad := 0
	for _, c := range chunks {
		d.feed(c, func(s modelSpan) { got = append(got, s) }, func(error) { bad++ })
	}
	return got, bad, d.complete()
}

// wantSpans is what json.Unmarshal makes of a whole answer.
func wantSpans(t testing.TB, answer string) []modelSpan {
	t.Helper()
	var a modelAnswer
	if err := json.Unmarshal([]byte(answer), &a); err != nil {
		t.Fatalf("test answer is not valid JSON: %v\n%s", err, answer)
	}
	return a.Spans
}

// splitEvery cuts s into pieces of n bytes (the last may be shorter).
func splitEvery(s string, n int) []string {
	var out []string
	for len(s) > n {
		out = append(out, s[:n])
		s = s[n:]
	}
	return append(out, s)
}

func TestDecoderMatchesUnmarshal(t *testing.T) {
	tests := []struct {
		name   string
		answer string // valid JSON of the answer shape
		wrap   string // printf format the answer is wrapped in
	}{
		{"plain", `{"spans":[{"text":"a dog","role":"subject","confidence":0.9},` +
			`{"text":"low angle","role":"camera.angle","confidence":1}]}`, "%s"},
		{"empty", `{"spans":[]}`, "%s"},
		{"whitespace", "{\n  \"spans\" : [\n  { \"text\" : \"x\" ,\"role\":\"shot\"," +
			"\"confidence\":0.5 }\n ]\n}", "%s"},
		{"fence json", `{"spans":[{"text":"x","role":"shot","confidence":0.5}]}`,
			"```json\n%s\n```"},
		{"fence bare", `{"spans":[{"text":"x","role":"shot","confidence":0.5}]}`,
			"```\n%s\n```"},
		{"braces in strings", `{"spans":[{"text":"a } ] { [ \" \\ b","role":"style",` +
			`"confidence":0.3}]}`, "%s"},
		{"escapes", `{"spans":[{"text":"caf\u00e9 \ud83c\udfa5 \n\t\/","role":"style",` +
			`"confidence":0.3}]}`, "%s"},
		{"other keys first", `{"note":"[{\"text\":\"no\"}]","list":[{"text":"no"}],` +
			`"spans":[{"text":"yes","role":"shot","confidence":0.7}]}`, "%s"},
		{"other keys after", `{"spans":[{"text":"yes","role":"shot","confidence":0.7}],` +
			`"more":[{"text":"no"}]}`, "%s"},
		{"nested fields", `{"spans":[{"x":{"text":"no","y":[{}]},"text":"yes","role":"shot",` +
			`"confidence":0.1,"z":[1,{"a":"}"}]}]}`, "%s"},
		{"escaped key", `{"sp\u0061ns":[{"text":"yes","role":"shot","confidence":0.2}]}`,
			"%s"},
		{"key case", `{"Spans":[{"Text":"yes","ROLE":"shot","confidence":0.2}]}`, "%s"},
		{"trailing text", `{"spans":[{"text":"a","role":"shot","confidence":0}]}`,
			"%s and {\"spans\":[{\"text\":\"b\"}]}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := wantSpans(t, tt.answer)
			full := fmt.Sprintf(tt.wrap, tt.answer)
			for n := 1; n <= len(full); n++ {
				got, bad, done := decodeChunks(t, splitEvery(full, n))
				if !slices.Equal(got, want) || bad != 0 || !done {
					t.Fatalf("chunks of %d: got %+v (bad %d, done %v), want %+v",
						n, got, bad, done, want)
				}
			}
		})
	}
}

func TestDecoderBareArray(t *testing.T) {
	got, _, done := decodeChunks(t, splitEvery(`[{"text":"a","role":"shot","confidence":1}]`, 3))
	want := []modelSpan{{Text: "a", Role: "shot", Confidence: 1}}
	if !slices.Equal(got, want) || !done {
		t.Errorf("got %+v (done %v), want %+v", got, done, want)
	}
}

func TestDecoderTruncated(t *testing.T) {
	answer := `{"spans":[{"text":"one","role":"shot","confidence":0.5},{"text":"tw`
	got, bad, done := decodeChunks(t, splitEvery(answer, 5))
	want := []modelSpan{{Text: "one", Role: "shot", Confidence: 0.5}}
	if !slices.Equal(got, want) || bad != 0 || done {
		t.Errorf("got %+v (bad %d, done %v), want %+v, not done", got, bad, done, want)
	}
}

func TestDecoderMalformedObject(t *testing.T) {
	answer := `{"spans":[{"text":7,"role":"shot","confidence":0.5},` +
		`{"text":"ok","role":"shot","confidence":"high"},{"text":"b","role":"shot"}]}`
	got, bad, done := decodeChunks(t, []string{answer})
	want := []modelSpan{{Text: "b", Role: "shot"}}
	if !slices.Equal(got, want) || bad != 2 || !done {
		t.Errorf("got %+v (bad %d, done %v), want %+v with 2 bad", got, bad, done, want)
	}
}

// fuzzAnswer writes spans as an answer the way a model might: optionally
// with every string character escaped, whitespace between tokens, an extra
// nested field and a code fence.
func fuzzAnswer(spans []modelSpan, flags uint8) string {
	var b strings.Builder
	ws := ""
	if flags&4 != 0 {
		ws = "\n "
	}
	str := func(s string) {
		if flags&1 == 0 {
			data, _ := json.Marshal(s)
			b.Write(data)
			return
		}
		b.WriteByte('"')
		for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
			if r > 0xFFFF {
				hi, lo := utf16.EncodeRune(r)
				fmt.Fprintf(&b, `\u%04x\u%04x`, hi, lo)
			} else {
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		}
		b.WriteByte('"')
	}
	if flags&2 != 0 {
		b.WriteString("```json\n")
	}
	b.WriteString(`{` + ws + `"spans"` + ws + `:[`)
	for i, s := range spans {
		if i > 0 {
			b.WriteString("," + ws)
		}
		b.WriteString(`{"text":`)
		str(s.Text)
		if flags&8 != 0 {
			b.WriteString(`,"extra":{"a":[{"b":"}]"}],"text2":`)
			str(s.Role)
			b.WriteString(`}`)
		}
		b.WriteString(`,` + ws + `"role":`)
		str(s.Role)
		fmt.Fprintf(&b, `,"confidence":%v}`, s.Confidence)
	}
	b.WriteString(ws + `]}`)
	if flags&2 != 0 {
		b.WriteString("\n```")
	}
	return b.String()
}

func FuzzDecoder(f *testing.F) {
	f.Add("a dog", "🎥 café", "subject", 0.75, uint8(0), []byte{1, 2, 3})
	f.Add("\"quoted\" \\ }]", "\u2028", "shot.type", 1.5, uint8(15), []byte{0, 5, 0, 9})
	f.Add("x", "", "", -1.0, uint8(1), []byte{})
	f.Fuzz(func(t *testing.T, a, b, role string, conf float64, flags uint8, splits []byte) {
		if math.IsNaN(conf) || math.IsInf(conf, 0) {
			conf = 0.5
		}
		spans := []modelSpan{{a, role, conf}, {b, "shot", 0.5}, {a + b, role, 0}}
		answer := fuzzAnswer(spans, flags)
		want := wantSpans(t, strings.Trim(strings.TrimPrefix(answer, "```json"), "\n`"))

		var chunks []string
		for i, rest := 0, answer; len(rest) > 0; i++ {
			n := 1
			if len(splits) > 0 {
				n += int(splits[i%len(splits)] % 16)
			}
			n = min(n, len(rest))
			chunks, rest = append(chunks, rest[:n]), rest[n:]
		}
		got, bad, done := decodeChunks(t, chunks)
		if !slices.Equal(got, want) || bad != 0 || !done {
			t.Fatalf("got %+v (bad %d, done %v), want %+v\nanswer %q",
				got, bad, done, want, answer)
		}
	})
}

func BenchmarkDecoder(b *testing.B) {
	spans := make([]modelSpan, 40)
	for i := range spans {
		spans[i] = modelSpan{Text: fmt.Sprintf("soft golden light %d", i),
			Role: "lighting.quality", Confidence: 0.83}
	}
	chunks := splitEvery(fuzzAnswer(spans, 0), 8)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var d decoder
		for _, c := range chunks {
			d.feed(c, func(modelSpan) {}, func(error) {})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(spans)), "ns/span")
}

func TestDecoderSkipsBracketedAsides(t *testing.T) {
	tests := []struct {
		name, answer string
		want         int  // spans
		done         bool // the answer was recognized
	}{
		{"aside in brackets",
			`Sure [here] is: {"spans":[{"text":"a","role":"shot","confidence":1}]}`, 1, true},
		{"aside in braces", `{"note":1} then {"spans":[{"text":"a","role":"shot","confidence":1}]}`,
			1, true},
		{"empty spans object", `{"spans":[]}`, 0, true},
		{"only an aside", `[not an answer]`, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, done := decodeChunks(t, splitEvery(tt.answer, 4))
			if len(got) != tt.want || done != tt.done {
				t.Errorf("got %d spans, done %v; want %d, %v", len(got), done, tt.want, tt.done)
			}
		})
	}
}
