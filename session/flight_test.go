package session

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/spanstream/spanstream/stream"
)

// gateLabeler emits one span per call at once, then blocks until release
// is closed or ctx ends. It records the texts it was asked to label.
type gateLabeler struct {
	release chan struct{}
	started chan string
	ended   chan error // each call's outcome

	mu    sync.Mutex // guards texts
	texts []string
}

func newGate() *gateLabeler {
	return &gateLabeler{release: make(chan struct{}), started: make(chan string, 64),
		ended: make(chan error, 64)}
}

func (g *gateLabeler) Identity() stream.Identity {
	return stream.Identity{Name: "gate", Version: "1"}
}

func (g *gateLabeler) Label(ctx context.Context, text string,
	emit func(stream.Update)) (stream.Result, error) {
	g.mu.Lock()
	g.texts = append(g.texts, text)
	g.mu.Unlock()
	sp := stream.Span{Start: 0, End: 1, Text: text[:1], Role: "subject", Confidence: 0.9}
	emit(stream.Update{Add: []stream.Span{sp}})
	g.started <- text
	select {
	case <-ctx.Done():
		g.ended <- ctx.Err()
		return stream.Result{}, ctx.Err()
	case <-g.release:
		g.ended <- nil
		return stream.Result{Spans: []stream.Span{sp}, Source: "model", Complete: true}, nil
	}
}

func (g *gateLabeler) calls() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.texts...)
}

func TestConcurrentSessionsShareOneCall(t *testing.T) {
	g := newGate()
	_, url := startServer(t, Options{Labeler: g})
	text := "a lighthouse at dusk"

	first := dial(t, url)
	first.hello(map[string]any{"debounceMs": 0})
	first.send(map[string]any{"type": "doc", "version": 1, "text": text})
	<-g.started
	if m := first.next(); m.Type != "spans" {
		t.Fatalf("first session got %s, want its first spans", m.raw)
	}

	// A session joining the flight in progress gets the spans so far at
	// once, before the labeling ends.
	second := dial(t, url)
	second.hello(map[string]any{"debounceMs": 0})
	second.send(map[string]any{"type": "doc", "version": 1, "text": text})
	if m := second.next(); m.Type != "spans" || len(m.Spans) != 1 {
		t.Fatalf("joining session got %s, want the span produced so far", m.raw)
	}

	close(g.release)
	_, done1 := first.collect(1)
	_, done2 := second.collect(1)
	if done1.Cache != "miss" || done2.Cache != "shared" {
		t.Errorf("got cache %q and %q, want miss and shared", done1.Cache, done2.Cache)
	}
	if n := len(g.calls()); n != 1 {
		t.Errorf("labeler called %d times, want 1", n)
	}
}

func TestOneSessionLeavingDoesNotCancelTheShared(t *testing.T) {
	g := newGate()
	_, url := startServer(t, Options{Labeler: g})
	text := "a lighthouse at dusk"

	a := dial(t, url)
	a.hello(map[string]any{"debounceMs": 0})
	a.send(map[string]any{"type": "doc", "version": 1, "text": text})
	<-g.started
	b := dial(t, url)
	b.hello(map[string]any{"debounceMs": 0})
	b.send(map[string]any{"type": "doc", "version": 1, "text": text})
	if m := b.next(); m.Type != "spans" || len(m.Spans) != 1 {
		t.Fatalf("joining session got %s, want the span so far", m.raw)
	}

	// a moves on: its labeling of version 1 is cancelled, the flight not.
	a.send(map[string]any{"type": "doc", "version": 2, "text": "x"})
	if got := a.until("cancelled"); got[len(got)-1].Version != 1 {
		t.Fatalf("got %s, want version 1 cancelled", got[len(got)-1].raw)
	}
	<-g.started // a's version 2
	close(g.release)

	more, done := b.collect(1)
	if len(more) != 0 || done.Count != 1 || done.Cache != "shared" {
		t.Errorf("remaining session got %d more spans, count %d, cache %q; want 0, 1, shared",
			len(more), done.Count, done.Cache)
	}
	for range 2 {
		if err := <-g.ended; err != nil {
			t.Errorf("a labeling ended with %v, want both to finish", err)
		}
	}
}

func TestLastSessionLeavingCancelsTheFlight(t *testing.T) {
	g := newGate()
	_, url := startServer(t, Options{Labeler: g})
	a := dial(t, url)
	a.hello(map[string]any{"debounceMs": 0})
	a.send(map[string]any{"type": "doc", "version": 1, "text": "first"})
	<-g.started
	a.send(map[string]any{"type": "cancel"})
	a.until("cancelled")
	if err := <-g.ended; err == nil {
		t.Error("the abandoned labeling finished, want it cancelled")
	}
}

func TestEditRelabelsOnlyChangedSegments(t *testing.T) {
	lab := wordLabeler()
	var mu sync.Mutex
	var texts []string
	inner := lab.fn
	lab.fn = func(ctx context.Context, text string,
		emit func(stream.Update)) (stream.Result, error) {
		mu.Lock()
		texts = append(texts, text)
		mu.Unlock()
		return inner(ctx, text, emit)
	}
	_, url := startServer(t, Options{Labeler: lab, SegmentChars: 30})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	doc := "A wide shot of a harbor at noon. The camera pans along the pier."
	c.label(1, doc)
	mu.Lock()
	texts = nil
	mu.Unlock()

	i := strings.Index(doc, "noon")
	c.send(map[string]any{"type": "edit", "version": 2, "base": 1,
		"changes": []map[string]any{{"start": i, "end": i + 4, "text": "dusk"}}})
	spans, _ := c.collect(2)

	mu.Lock()
	defer mu.Unlock()
	if len(texts) != 1 || texts[0] != "A wide shot of a harbor at dusk." {
		t.Errorf("labeler saw %q, want only the edited sentence", texts)
	}
	final := strings.Replace(doc, "noon", "dusk", 1)
	checkSpans(t, final, "utf-16", spans)
	if len(spans) != 3 {
		t.Errorf("got %d spans, want 3 (wide shot, dusk, pans)", len(spans))
	}
}

// TestEditKeepsOtherParagraphsLabeling edits the second paragraph while
// both are being labeled: the first paragraph's labeling goes on (it is
// not started again), only the second's is replaced.
func TestEditKeepsOtherParagraphsLabeling(t *testing.T) {
	g := newGate()
	_, url := startServer(t, Options{Labeler: g})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	c.send(map[string]any{"type": "doc", "version": 1, "text": "a harbor\n\nat noon"})
	<-g.started
	<-g.started

	c.send(map[string]any{"type": "edit", "version": 2, "base": 1,
		"changes": []map[string]any{{"start": 13, "end": 17, "text": "dusk"}}})
	if text := <-g.started; text != "at dusk" {
		t.Fatalf("labeler started %q, want only the edited paragraph", text)
	}
	if err := <-g.ended; err == nil {
		t.Error("the old second paragraph's labeling finished, want it cancelled")
	}
	close(g.release)
	c.final(2)

	calls := g.calls()
	slices.Sort(calls)
	if want := []string{"a harbor", "at dusk", "at noon"}; !slices.Equal(calls, want) {
		t.Errorf("labeler saw %q, want %q", calls, want)
	}
}
