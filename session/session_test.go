package session

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/spanstream/spanstream/stream"
)

// spanAt returns a span of role over the first occurrence of word in text.
func spanAt(text, word, role string, conf float64) stream.Span {
	i := strings.Index(text, word)
	return stream.Span{Start: i, End: i + len(word), Text: word, Role: role, Confidence: conf}
}

// wordLabeler labels every occurrence-free word "dusk", "wide shot" and
// "pans" it finds, with fixed confidences, for tests that need known
// spans without depending on the built-in rules.
func wordLabeler() *fakeLabeler {
	return &fakeLabeler{fn: func(ctx context.Context, text string,
		emit func(stream.Update)) (stream.Result, error) {
		var spans []stream.Span
		for _, w := range []struct {
			word, role string
			conf       float64
		}{{"wide shot", "shot.type", 0.95}, {"dusk", "lighting.timeOfDay", 0.7},
			{"pans", "camera.movement", 0.5}} {
			if strings.Contains(text, w.word) {
				spans = append(spans, spanAt(text, w.word, w.role, w.conf))
			}
		}
		return stream.Result{Spans: spans, Source: "builtin", Complete: true}, nil
	}}
}

func TestTiersArriveHighestFirst(t *testing.T) {
	_, url := startServer(t, Options{Labeler: wordLabeler()})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})

	c.send(map[string]any{"type": "doc", "version": 1, "text": "a wide shot at dusk, camera pans"})
	frames := c.until("done")

	var tiers []string
	for _, m := range frames {
		if m.Type == "spans" {
			tiers = append(tiers, m.Tier)
		}
	}
	if got, want := strings.Join(tiers, ","), "high,medium,low"; got != want {
		t.Errorf("got tiers %s, want %s", got, want)
	}
	done := frames[len(frames)-1]
	if done.Count != 3 || done.Cache != "miss" || done.Source != "builtin" {
		t.Errorf("got done %s, want count 3, cache miss, source builtin", done.raw)
	}
	if done.FirstSpanMs == nil {
		t.Errorf("done has no firstSpanMs: %s", done.raw)
	}
}

func TestSessionOptionsFilterCachedResult(t *testing.T) {
	lab := wordLabeler()
	_, url := startServer(t, Options{Labeler: lab})
	text := "a wide shot at dusk, camera pans"

	a := dial(t, url)
	a.hello(map[string]any{"debounceMs": 0})
	all, _ := a.label(1, text)

	b := dial(t, url)
	b.hello(map[string]any{"debounceMs": 0, "minConfidence": 0.6, "maxSpans": 1})
	some, done := b.label(1, text)

	if len(all) != 3 {
		t.Fatalf("unfiltered session got %d spans, want 3", len(all))
	}
	if len(some) != 1 || some[0].Role != "shot.type" {
		t.Errorf("filtered session got %+v, want only the shot.type span", some)
	}
	if done.Cache != "hit" {
		t.Errorf("second session got cache %q, want hit", done.Cache)
	}
	if n := lab.count(); n != 1 {
		t.Errorf("labeler ran %d times, want 1", n)
	}
}

func TestCacheHitSkipsDebounce(t *testing.T) {
	// An hour of debounce: a miss would hang until the test times out.
	_, url := startServer(t, Options{Labeler: wordLabeler(),
		Debounce: Debounce{Short: time.Hour, Medium: time.Hour, Long: time.Hour}})
	text := "wide shot"

	a := dial(t, url)
	a.hello(map[string]any{"debounceMs": 0})
	a.label(1, text)

	b := dial(t, url) // default debounce: one hour
	_, done := b.label(7, text)
	if done.Cache != "hit" {
		t.Errorf("got cache %q, want hit", done.Cache)
	}
}

// blockingLabeler emits one span at once, then waits for ctx or release.
func blockingLabeler(started chan<- string, release <-chan struct{}) *fakeLabeler {
	return &fakeLabeler{fn: func(ctx context.Context, text string,
		emit func(stream.Update)) (stream.Result, error) {
		sp := stream.Span{Start: 0, End: 1, Text: text[:1], Role: "subject", Confidence: 0.9}
		emit(stream.Update{Add: []stream.Span{sp}})
		started <- text
		select {
		case <-ctx.Done():
			return stream.Result{}, ctx.Err()
		case <-release:
			return stream.Result{Spans: []stream.Span{sp}, Source: "model", Complete: true}, nil
		}
	}}
}

func TestSupersededVersionGetsNothingAfterCancelled(t *testing.T) {
	started := make(chan string, 4)
	release := make(chan struct{})
	_, url := startServer(t, Options{Labeler: blockingLabeler(started, release)})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})

	c.send(map[string]any{"type": "doc", "version": 1, "text": "first"})
	<-started
	c.send(map[string]any{"type": "edit", "version": 2, "base": 1,
		"changes": []map[string]any{{"start": 0, "end": 5, "text": "second"}}})
	<-started
	close(release)

	frames := c.until("done")
	cancelledAt := -1
	for i, m := range frames {
		if m.Type == "cancelled" {
			if m.Version != 1 || m.Reason != "superseded" {
				t.Errorf("got %s, want version 1 cancelled as superseded", m.raw)
			}
			cancelledAt = i
		}
		if cancelledAt >= 0 && i > cancelledAt && m.Version == 1 {
			t.Errorf("frame for version 1 after its cancelled: %s", m.raw)
		}
	}
	if cancelledAt < 0 {
		t.Fatalf("no cancelled frame in %v", frames)
	}
	if last := frames[len(frames)-1]; last.Version != 2 {
		t.Errorf("done is for version %d, want 2", last.Version)
	}
}

func TestCancelMessage(t *testing.T) {
	started := make(chan string, 1)
	_, url := startServer(t, Options{Labeler: blockingLabeler(started, nil)})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})

	c.send(map[string]any{"type": "doc", "version": 1, "text": "text"})
	<-started
	c.send(map[string]any{"type": "cancel"})
	frames := c.until("cancelled")
	if m := frames[len(frames)-1]; m.Version != 1 || m.Reason != "cancelled" {
		t.Errorf("got %s, want version 1 cancelled by the client", m.raw)
	}
}

func TestLabelerErrorsBecomeCodes(t *testing.T) {
	tests := []struct {
		err  error
		code string
	}{
		{stream.ErrOverloaded, CodeOverloaded},
		{stream.ErrUpstream, CodeUpstream},
		{errors.New("boom"), CodeInternal},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			var fail atomic.Bool
			fail.Store(true)
			lab := &fakeLabeler{fn: func(ctx context.Context, text string,
				emit func(stream.Update)) (stream.Result, error) {
				if fail.Load() {
					return stream.Result{}, tt.err
				}
				return stream.Result{Source: "builtin", Complete: true}, nil
			}}
			_, url := startServer(t, Options{Labeler: lab})
			c := dial(t, url)
			c.hello(map[string]any{"debounceMs": 0})
			c.send(map[string]any{"type": "doc", "version": 1, "text": "x"})
			if m := c.expectError(tt.code); m.Version != 1 {
				t.Errorf("error is for version %d, want 1", m.Version)
			}
			fail.Store(false)
			if _, done := c.label(2, "y"); done.Version != 2 {
				t.Errorf("session did not go on after %s", tt.code)
			}
		})
	}
}

func TestShutdownClosesWithGoingAway(t *testing.T) {
	srv, url := startServer(t, Options{Labeler: wordLabeler()})
	c := dial(t, url)

	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	shut := make(chan error, 1)
	go func() { shut <- srv.Shutdown(ctx) }()

	_, _, err := c.conn.Read(c.ctx)
	if got := websocket.CloseStatus(err); got != websocket.StatusGoingAway {
		t.Errorf("got close status %v (%v), want 1001", got, err)
	}
	if err := <-shut; err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if n := srv.Sessions(); n != 0 {
		t.Errorf("%d sessions open after shutdown, want 0", n)
	}
}
