package stream_test

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/spanstream/spanstream/internal/llmsim"
	"github.com/spanstream/spanstream/offsets"
	"github.com/spanstream/spanstream/stream"
)

// cancelOnFirstUpdate returns an emit func that cancels on its first call
// and remembers when.
func cancelOnFirstUpdate(cancel context.CancelFunc, at *time.Time) func(stream.Update) {
	return func(stream.Update) {
		if at.IsZero() {
			*at = time.Now()
			cancel()
		}
	}
}

func TestModelCancelEndsUpstreamRequest(t *testing.T) {
	for _, fault := range []string{"", llmsim.FaultStall} {
		t.Run("fault="+fault, func(t *testing.T) {
			e := startSim(t, llmsim.Options{Faults: fault, TokensPerSecond: 40, ChunkChars: 4})
			m := newModel(t, e, stream.ModelOptions{Fallback: fallbackLabeler})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var canceledAt time.Time

			_, err := m.Label(ctx, doc, cancelOnFirstUpdate(cancel, &canceledAt))
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("got %v, want context.Canceled and no fallback", err)
			}
			select {
			case end := <-e.ended:
				if !end.ClientGone {
					t.Errorf("got %+v, want the client gone", end.RequestEnd)
				}
				t.Logf("simulator saw the request end %v after cancel",
					end.at.Sub(canceledAt))
			case <-time.After(5 * time.Second):
				t.Fatal("the simulator did not see the request end within 5 s")
			}
		})
	}
}

func TestModelNoLeakAfterCanceledRequests(t *testing.T) {
	before := goleak.IgnoreCurrent()
	t.Run("200 canceled", func(t *testing.T) {
		e := startSim(t, llmsim.Options{Faults: llmsim.FaultStall, ChunkChars: 4})
		m := newModel(t, e, stream.ModelOptions{})
		for i := range 200 {
			ctx, cancel := context.WithCancel(context.Background())
			var at time.Time
			_, err := m.Label(ctx, doc, cancelOnFirstUpdate(cancel, &at))
			cancel()
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("request %d: got %v, want context.Canceled", i, err)
			}
		}
	})
	goleak.VerifyNone(t, before)
}

// placeWhole labels text the slow way, as an oracle: it asks the
// simulator for the whole answer at once, unmarshals it, places every span
// in answer order with the documented hint rule and resolves once.
func placeWhole(t *testing.T, e *env, text string) []stream.Span {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"model": "m",
		"messages": []any{map[string]any{"role": "user", "content": text}}})
	res, err := http.Post(e.url+"/chat/completions", "application/json",
		strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var reply struct {
		Choices []struct{ Message struct{ Content string } }
	}
	var answer struct {
		Spans []struct {
			Text, Role string
			Confidence float64
		}
	}
	if err := json.NewDecoder(res.Body).Decode(&reply); err != nil || len(reply.Choices) != 1 {
		t.Fatalf("reply: %v", err)
	}
	if err := json.Unmarshal([]byte(reply.Choices[0].Message.Content), &answer); err != nil {
		t.Fatalf("answer: %v", err)
	}
	loc, hint := offsets.NewLocator(text), 0
	var placed []stream.Span
	for _, s := range answer.Spans {
		if !stream.ValidRole(s.Role) {
			continue
		}
		if start, end, ok := loc.Find(s.Text, hint); ok {
			hint = end
			placed = append(placed, stream.Span{Start: start, End: end, Text: text[start:end],
				Role: s.Role, Confidence: math.Min(1, math.Max(0, s.Confidence))})
		}
	}
	return stream.Resolve(placed)
}

func TestModelParityCorpus(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpus", "prompts.jsonl")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent; the parity test needs the shared corpus", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	e := startSim(t, llmsim.Options{Labeler: stream.NewBuiltin(stream.BuiltinOptions{}),
		Seed: 3, ChunkChars: 5, Faults: llmsim.FaultSplitEscapes})
	m := newModel(t, e, stream.ModelOptions{})
	total := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var p struct{ ID, Text string }
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatalf("corpus line %q: %v", line, err)
		}
		h := newHolder(t)
		res, err := m.Label(context.Background(), p.Text, h.emit)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		checkResult(t, p.Text, res, h)
		sameSpans(t, p.ID+": streamed vs whole answer", res.Spans, placeWhole(t, e, p.Text))
		total += len(res.Spans)
	}
	if total == 0 {
		t.Skip("the built-in labeler found no spans in the corpus; parity is vacuous")
	}
	t.Logf("parity held over %d spans", total)
}

// BenchmarkFirstSpanLatency measures the time from the simulator flushing
// the chunk that closes the first span object to emit being called with it.
func BenchmarkFirstSpanLatency(b *testing.B) {
	var mu sync.Mutex
	var request int64 // the request being measured; requests run one at a time
	var closedAt time.Time
	e := startSim(b, llmsim.Options{TokensPerSecond: 400, ChunkChars: 8,
		OnWrite: func(w llmsim.Write) {
			mu.Lock()
			defer mu.Unlock()
			if w.Request == request && w.Spans >= 1 && closedAt.IsZero() {
				closedAt = w.At
			}
		}})
	m := newModel(b, e, stream.ModelOptions{})
	var total, worst time.Duration
	for b.Loop() {
		mu.Lock()
		request, closedAt = e.sim.Stats().Requests+1, time.Time{}
		mu.Unlock()
		var emitted time.Time
		ctx, cancel := context.WithCancel(context.Background())
		_, _ = m.Label(ctx, doc, cancelOnFirstUpdate(cancel, &emitted))
		cancel()
		<-e.ended // the simulator calls OnWrite after flushing, maybe after emit
		mu.Lock()
		d := emitted.Sub(closedAt)
		ok := !closedAt.IsZero() && !emitted.IsZero()
		mu.Unlock()
		if !ok {
			b.Fatalf("request %d: no closing chunk or no emit", request)
		}
		total += d
		worst = max(worst, d)
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs/first-span")
	b.ReportMetric(float64(worst.Microseconds()), "µs-worst")
}
