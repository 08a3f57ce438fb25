package stream

import (
	"strings"
	"testing"
)

// BenchmarkDecodeAndPlace measures what the labeler does per span once the
// bytes are in: decoding, placing with the Locator, resolving and diffing.
func BenchmarkDecodeAndPlace(b *testing.B) {
	phrases := []string{"soft golden light", "slow dolly in", "a red fox", "light snow",
		"35mm film", "low angle", "shallow depth of field", "distant thunder"}
	roles := []string{"lighting.quality", "camera.movement", "subject.identity",
		"environment.weather", "style.filmStock", "camera.angle", "camera.focus",
		"audio.soundEffect"}
	var text strings.Builder
	var spans []modelSpan
	for i := range 5 {
		for j, p := range phrases {
			text.WriteString(p + ", then ")
			spans = append(spans, modelSpan{Text: p, Role: roles[j],
				Confidence: 0.5 + 0.05*float64(i)})
		}
	}
	chunks := splitEvery(fuzzAnswer(spans, 0), 8)
	m := NewModel(ModelOptions{APIKey: "k", BaseURL: "http://127.0.0.1:1/v1"})
	b.ReportAllocs()
	for b.Loop() {
		r := newRun(m, text.String(), func(Update) {})
		for _, c := range chunks {
			r.dec.feed(c, r.place, r.malformed)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(spans)), "ns/span")
}
