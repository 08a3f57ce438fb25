package stream_test

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/spanstream/spanstream/internal/llmsim"
	"github.com/spanstream/spanstream/stream"
)

func TestModelFallback(t *testing.T) {
	tests := []struct {
		name    string
		sim     llmsim.Options
		model   stream.ModelOptions
		warning string
		partial bool // whether model spans reach the caller before the failure
	}{
		{name: "status", sim: llmsim.Options{Faults: llmsim.FaultStatus503},
			warning: "model unavailable: upstream returned 503; showing built-in labels"},
		{name: "stall after some spans", sim: llmsim.Options{Faults: llmsim.FaultStall},
			model: stream.ModelOptions{IdleTimeout: 50e6}, warning: "stalled", partial: true},
		{name: "error after some spans", sim: llmsim.Options{Faults: llmsim.FaultErrorInStream},
			warning: "error mid-answer", partial: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.model.Fallback = fallbackLabeler
			res, err, h, _ := labelOnce(t, tt.sim, tt.model)
			if err != nil {
				t.Fatalf("Label: %v", err)
			}
			if res.Source != "builtin" || !strings.Contains(res.Warning, tt.warning) {
				t.Errorf("got source %q warning %q, want builtin and %q", res.Source,
					res.Warning, tt.warning)
			}
			sameSpans(t, "result vs fallback", res.Spans, fallbackLabeler.spans)
			checkResult(t, doc, res, h)
			if tt.partial && h.retract == 0 {
				t.Errorf("got no retractions, want the model spans sent earlier retracted")
			}
		})
	}
}

func TestModelFallbackOnQueueTimeout(t *testing.T) {
	e := startSim(t, llmsim.Options{})
	limiter := stream.NewLimiter(stream.LimiterOptions{MaxActive: 1, QueueTimeout: 1e6})
	release, err := limiter.Acquire(context.Background(), "other")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	m := newModel(t, e, stream.ModelOptions{Limiter: limiter, Fallback: fallbackLabeler})
	res, err := m.Label(context.Background(), doc, nil)
	if err != nil || res.Source != "builtin" || !strings.Contains(res.Warning, "queue") {
		t.Errorf("got %+v, %v, want the fallback with a queue warning", res, err)
	}
	if got := e.sim.Stats().Requests; got != 0 {
		t.Errorf("got %d requests, want none", got)
	}
}

// waitGauge waits until g reads want, failing the test after a while.
func waitGauge(t *testing.T, g prometheus.Collector, want float64) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for value(t, g) != want {
		if time.Now().After(deadline) {
			t.Fatalf("got gauge %v, want %v", value(t, g), want)
		}
		runtime.Gosched()
	}
}

func TestModelNoFallbackWhenReplacedOrCanceled(t *testing.T) {
	e := startSim(t, llmsim.Options{})
	metrics := stream.NewModelMetrics(nil)
	limiter := stream.NewLimiter(stream.LimiterOptions{MaxActive: 1, Metrics: metrics})
	release, err := limiter.Acquire(context.Background(), "other")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	m := newModel(t, e, stream.ModelOptions{Limiter: limiter, Fallback: fallbackLabeler})
	ctx, cancel := context.WithCancel(stream.WithOwner(context.Background(), "session-1"))
	defer cancel()

	var wg sync.WaitGroup
	defer wg.Wait()
	label := func() chan error {
		done := make(chan error, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := m.Label(ctx, doc, nil)
			done <- err
		}()
		return done
	}
	older := label()
	waitGauge(t, metrics.Queued, 1)
	newer := label()
	if err := <-older; !errors.Is(err, stream.ErrReplaced) {
		t.Errorf("older: got %v, want ErrReplaced without fallback", err)
	}
	waitGauge(t, metrics.Queued, 1)
	cancel()
	if err := <-newer; !errors.Is(err, context.Canceled) {
		t.Errorf("newer, canceled: got %v, want context.Canceled without fallback", err)
	}
	if got := e.sim.Stats().Requests; got != 0 {
		t.Errorf("got %d requests, want none", got)
	}
}
