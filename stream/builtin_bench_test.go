package stream

import (
	"context"
	"testing"
)

// benchLabel measures Label on a text of about n bytes built from the
// corpus. Run: go test ./stream -run '^$' -bench Builtin -benchmem
func benchLabel(b *testing.B, n int) {
	text := corpusText(b, n)
	l := NewBuiltin(BuiltinOptions{})
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := l.Label(ctx, text, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuiltin500(b *testing.B)  { benchLabel(b, 500) }
func BenchmarkBuiltin5000(b *testing.B) { benchLabel(b, 5000) }

// BenchmarkNewBuiltin measures construction after the vocabulary is
// compiled once: it must be cheap, since sessions may build labelers.
func BenchmarkNewBuiltin(b *testing.B) {
	NewBuiltin(BuiltinOptions{})
	b.ReportAllocs()
	for b.Loop() {
		NewBuiltin(BuiltinOptions{})
	}
}
