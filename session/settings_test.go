package session

import (
	"context"
	"fmt"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/spanstream/spanstream/stream"
)

// TestHelloAfterDoneReconciles changes minConfidence after a version is
// done: the client must end up holding exactly the spans the new setting
// allows, with no duplicates.
func TestHelloAfterDoneReconciles(t *testing.T) {
	_, url := startServer(t, Options{Labeler: wordLabeler()})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	c.send(map[string]any{"type": "doc", "version": 1, "text": "a wide shot at dusk, camera pans"})
	held := holding{}
	for !held.apply(c.next()) {
	}

	c.hello(map[string]any{"minConfidence": 0.6})
	for {
		m := c.next()
		if m.Type == "cancelled" {
			t.Fatalf("got %s after a finished version", m.raw)
		}
		if held.apply(m) {
			if m.Count != 2 {
				t.Errorf("done says %d spans, want 2", m.Count)
			}
			break
		}
	}
	got := held.sorted()
	if len(got) != 2 || got[0].Text != "wide shot" || got[1].Text != "dusk" {
		t.Errorf("client holds %+v, want wide shot and dusk", got)
	}
}

// TestHelloChangingUnitResendsSpans switches to UTF-8 after a version is
// done: every span must come again with offsets in the new unit.
func TestHelloChangingUnitResendsSpans(t *testing.T) {
	_, url := startServer(t, Options{Labeler: wordLabeler()})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	text := "😀 wide shot at dusk"
	c.send(map[string]any{"type": "doc", "version": 1, "text": text})
	held := holding{}
	for !held.apply(c.next()) {
	}

	c.hello(map[string]any{"encoding": "utf-8"})
	for !held.apply(c.next()) {
	}
	got := held.sorted()
	if len(got) != 2 {
		t.Fatalf("client holds %d spans, want 2", len(got))
	}
	checkSpans(t, text, "utf-8", got)
}

// TestHelloAfterCancelDoesNotRelabel checks that a hello does not label
// again a version the client cancelled.
func TestHelloAfterCancelDoesNotRelabel(t *testing.T) {
	started := make(chan string, 4)
	_, url := startServer(t, Options{Labeler: blockingLabeler(started, nil)})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	c.send(map[string]any{"type": "doc", "version": 1, "text": "first"})
	<-started
	c.send(map[string]any{"type": "cancel"})
	c.until("cancelled")

	c.hello(map[string]any{"minConfidence": 0.1})
	c.send(map[string]any{"type": "doc", "version": 2, "text": "second"})
	if text := <-started; text != "second" {
		// The labeler saw version 1 again.
		t.Fatalf("labeler got %q after the hello, want only the new version", text)
	}
}

// TestMaxSpansKeepsMostConfident checks that a span limit sends the most
// confident spans, with no retraction, even from the cache.
func TestMaxSpansKeepsMostConfident(t *testing.T) {
	_, url := startServer(t, Options{Labeler: wordLabeler()})
	text := "camera pans, then dusk, then a wide shot"
	a := dial(t, url)
	a.hello(map[string]any{"debounceMs": 0})
	a.label(1, text)

	b := dial(t, url)
	b.hello(map[string]any{"debounceMs": 0, "maxSpans": 1})
	b.send(map[string]any{"type": "doc", "version": 1, "text": text})
	frames := b.until("done")
	if len(frames) != 2 || frames[0].Type != "spans" || frames[0].Spans[0].Text != "wide shot" {
		t.Errorf("got %d frames starting %s, want one spans frame with wide shot, then done",
			len(frames), frames[0].raw)
	}
}

// TestFinalReplacesChangedConfidence streams a span, then finishes with
// the same span at another confidence (as a model fallback does): the
// client must end with the final confidence.
func TestFinalReplacesChangedConfidence(t *testing.T) {
	lab := &fakeLabeler{fn: func(ctx context.Context, text string,
		emit func(stream.Update)) (stream.Result, error) {
		sp := spanAt(text, "wide shot", "shot.type", 0.95)
		emit(stream.Update{Add: []stream.Span{sp}})
		sp.Confidence = 0.5
		return stream.Result{Spans: []stream.Span{sp}, Source: "builtin", Complete: true,
			Warning: "model unavailable"}, nil
	}}
	_, url := startServer(t, Options{Labeler: lab})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	c.send(map[string]any{"type": "doc", "version": 1, "text": "a wide shot"})
	held := holding{}
	for !held.apply(c.next()) {
	}
	got := held.sorted()
	if len(got) != 1 || got[0].Confidence != 0.5 {
		t.Errorf("client holds %+v, want wide shot at 0.5", got)
	}
}

// TestFailureRetractsStreamedSpans checks that a version that ends in an
// error takes back the spans streamed for it.
func TestFailureRetractsStreamedSpans(t *testing.T) {
	lab := &fakeLabeler{fn: func(ctx context.Context, text string,
		emit func(stream.Update)) (stream.Result, error) {
		emit(stream.Update{Add: []stream.Span{spanAt(text, "wide shot", "shot.type", 0.9)}})
		return stream.Result{}, stream.ErrUpstream
	}}
	_, url := startServer(t, Options{Labeler: lab})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	c.send(map[string]any{"type": "doc", "version": 1, "text": "a wide shot"})
	held := holding{}
	for {
		m := c.next()
		held.apply(m)
		if m.Type == "error" {
			break
		}
	}
	if len(held) != 0 {
		t.Errorf("client still holds %+v after the error", held.sorted())
	}
}

// TestUnknownTypesShareOneMetric sends many invented message types: they
// must not create a metric series each.
func TestUnknownTypesShareOneMetric(t *testing.T) {
	reg := prometheus.NewRegistry()
	_, url := startServer(t, Options{Labeler: wordLabeler(), Metrics: NewMetrics(reg)})
	c := dial(t, url)
	for i := range 20 {
		c.sendRaw(fmt.Sprintf(`{"type":"junk%d"}`, i))
		c.expectError(CodeBadMessage)
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == "spanstream_messages_total" && len(mf.GetMetric()) > 4 {
			t.Errorf("got %d message series, want a handful", len(mf.GetMetric()))
		}
	}
}
