package offsets

import (
	"strings"
	"testing"
)

// BenchmarkView builds the Normalized and the Folded view of a 5,000-byte
// prompt, the one-off cost a Locator pays when a span needs a tolerant tier.
func BenchmarkView(b *testing.B) {
	doc := strings.Repeat("A **wide** shot of a café at “golden hour” — soft light. ", 90)[:5000]
	for _, fold := range []bool{false, true} {
		name := map[bool]string{false: "normalized", true: "folded"}[fold]
		b.Run(name, func(b *testing.B) {
			rw := newRewriter(fold)
			for b.Loop() {
				rw.document(doc)
			}
		})
	}
}
