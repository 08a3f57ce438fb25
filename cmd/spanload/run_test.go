package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/spanstream/spanstream/session"
)

// testTimeout bounds every run of a test, so that a missing frame fails the
// test instead of hanging it; it is not a speed assertion.
const testTimeout = 30 * time.Second

// startSpanstream runs a spanstream session server with its defaults on a
// loopback httptest server and returns its WebSocket URL; the test's
// cleanup shuts both down.
func startSpanstream(t *testing.T) string {
	t.Helper()
	srv := session.NewServer(session.Options{})
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		hs.Close()
	})
	return "ws" + strings.TrimPrefix(hs.URL, "http") + "/ws"
}

// testPrompts loads the hand-written fixture.
func testPrompts(t *testing.T) []string {
	t.Helper()
	p, err := loadPrompts("testdata/prompts.jsonl", 0)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// testClient returns the tool's loopback-only client, closed at cleanup.
func testClient(t *testing.T) *http.Client {
	t.Helper()
	c := loopbackClient()
	t.Cleanup(c.CloseIdleConnections)
	return c
}

func TestHitsEveryMessageDoneAndCached(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	prompts := testPrompts(t)
	const sessions, rounds = 6, 3
	rep, err := runHits(ctx, hitsOptions{URL: startSpanstream(t), Client: testClient(t),
		Prompts: prompts, Sessions: sessions, Rounds: rounds, DialConcurrency: 2})
	if err != nil {
		t.Fatalf("runHits: %v", err)
	}

	if rep.Warm.Prompts != len(prompts) || rep.Warm.Cache["miss"] != len(prompts) {
		t.Errorf("got warm-up %+v, want %d prompts, all misses", rep.Warm, len(prompts))
	}
	if rep.Sessions != sessions || rep.Sent != sessions*rounds ||
		rep.Messages != sessions*rounds || rep.Latency.N != sessions*rounds {
		t.Errorf("got %d sessions, %d sent, %d done, %d latencies; want %d, %d, %d, %d",
			rep.Sessions, rep.Sent, rep.Messages, rep.Latency.N,
			sessions, sessions*rounds, sessions*rounds, sessions*rounds)
	}
	if len(rep.CacheByRound) != rounds {
		t.Fatalf("got %d rounds of cache results, want %d", len(rep.CacheByRound), rounds)
	}
	for i, c := range rep.CacheByRound {
		if c["hit"] != sessions || len(c) != 1 {
			t.Errorf("round %d: got cache %v, want hit %d and nothing else", i+1, c, sessions)
		}
	}
	if len(rep.Errors) != 0 || rep.Stopped || !rep.clean() {
		t.Errorf("got errors %v %q, stopped %v; want a clean run",
			rep.Errors, rep.ErrorSamples, rep.Stopped)
	}
	if rep.Latency.Max <= 0 || rep.Latency.P50 > rep.Latency.Max {
		t.Errorf("got latency %+v, want 0 < p50 <= max", rep.Latency)
	}
}

func TestTypingReplaysEveryPrompt(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	defer cancel()
	prompts := testPrompts(t)
	const burst = 16
	rep, err := runTyping(ctx, typingOptions{URL: startSpanstream(t), Client: testClient(t),
		Prompts: prompts, Burst: burst, Parallel: 2})
	if err != nil {
		t.Fatalf("runTyping: %v", err)
	}

	wantEdits, wantChars := 0, 0
	for _, p := range prompts {
		sc := scriptFor(p, burst)
		wantEdits += len(sc.Bursts) + 1
		wantChars += utf16Len(p)
	}
	if rep.Completed != len(prompts) || rep.Edits != wantEdits || rep.Chars != wantChars ||
		rep.Changes != len(prompts) {
		t.Errorf("got %d completed, %d edits, %d chars, %d changes; want %d, %d, %d, %d",
			rep.Completed, rep.Edits, rep.Chars, rep.Changes,
			len(prompts), wantEdits, wantChars, len(prompts))
	}
	// Every edit and each session's empty first doc got a done.
	if want := wantEdits + len(prompts); rep.Labelings != want {
		t.Errorf("got %d labelings, want %d", rep.Labelings, want)
	}
	if rep.Source["builtin"] != rep.Labelings || rep.Model != nil {
		t.Errorf("got sources %v, model %+v; want all builtin, no model counts",
			rep.Source, rep.Model)
	}
	if !rep.clean() {
		t.Errorf("got errors %v %q, stopped %v; want a clean run",
			rep.Errors, rep.ErrorSamples, rep.Stopped)
	}
}

// silentServer welcomes every connection and every hello but never labels:
// it reports each doc it reads on docs and then waits for the peer to go.
func silentServer(t *testing.T, docs chan<- string) string {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer c.CloseNow()
		welcome := []byte(`{"type":"welcome"}`)
		c.Write(r.Context(), websocket.MessageText, welcome)
		for {
			_, b, err := c.Read(r.Context())
			if err != nil {
				return
			}
			if strings.Contains(string(b), `"hello"`) {
				c.Write(r.Context(), websocket.MessageText, welcome)
				continue
			}
			select {
			case docs <- string(b):
			default: // the test has what it waits for
			}
		}
	}))
	t.Cleanup(hs.Close)
	return "ws" + strings.TrimPrefix(hs.URL, "http")
}

func TestHitsStopsWhenContextEnds(t *testing.T) {
	docs := make(chan string, 1)
	url := silentServer(t, docs)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	type result struct {
		rep *hitsReport
		err error
	}
	o := hitsOptions{URL: url, Client: testClient(t), Prompts: testPrompts(t),
		Sessions: 3, Rounds: 2}
	out := make(chan result, 1)
	go func() {
		rep, err := runHits(ctx, o)
		out <- result{rep, err}
	}()
	<-docs // the warm-up's first doc: it will never get a done
	cancel()

	r := <-out
	if r.err != nil || r.rep == nil {
		t.Fatalf("got %v, want a report of a stopped run", r.err)
	}
	if !r.rep.Stopped || r.rep.Messages != 0 || r.rep.clean() {
		t.Errorf("got stopped %v, %d messages, clean %v; want stopped, 0, not clean",
			r.rep.Stopped, r.rep.Messages, r.rep.clean())
	}
}
