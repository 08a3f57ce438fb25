package session

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/spanstream/spanstream/cache"
	"github.com/spanstream/spanstream/internal/llmsim"
	"github.com/spanstream/spanstream/internal/redistest"
	"github.com/spanstream/spanstream/stream"
)

// sharedCache returns a two-tier cache over the Redis at url, as cmd wires
// it, closed when the test ends.
func sharedCache(t *testing.T, url, prefix string) cache.Cache {
	t.Helper()
	r, err := cache.NewRedis(cache.RedisOptions{URL: url, Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return cache.NewTiered(cache.NewMemory(cache.MemoryOptions{}), r)
}

// counter reads a counter of reg, or 0 when it was never incremented.
func counter(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name {
			return mf.GetMetric()[0].GetCounter().GetValue()
		}
	}
	return 0
}

// TestTwoServersOneLabeling runs two servers sharing Redis: 20 sessions,
// ten on each, send the same text, and the labeler runs once.
func TestTwoServersOneLabeling(t *testing.T) {
	raw := redistest.Require(t)
	prefix := redistest.Prefix(t, raw)
	g := newGate()
	regA, regB := prometheus.NewRegistry(), prometheus.NewRegistry()
	_, urlA := startServer(t, Options{Labeler: g, Metrics: NewMetrics(regA),
		Cache: sharedCache(t, "redis://"+redistest.Addr, prefix)})
	_, urlB := startServer(t, Options{Labeler: g, Metrics: NewMetrics(regB),
		Cache: sharedCache(t, "redis://"+redistest.Addr, prefix), LeasePoll: 5 * time.Millisecond})
	text := "a lighthouse at dusk"

	var clients []*client
	for i := range 20 {
		url := urlA
		if i%2 == 1 {
			url = urlB
		}
		c := dial(t, url)
		c.hello(map[string]any{"debounceMs": 0})
		c.send(map[string]any{"type": "doc", "version": 1, "text": text})
		clients = append(clients, c)
		if i == 0 {
			<-g.started // A holds the lease from here on
		}
	}
	// Every session is in: A's nine others joined its flight, B's flight
	// waits on A's lease and B's nine others joined it.
	waitFor(t, "all sessions to join", func() bool {
		return counter(t, regA, "spanstream_coalesced_total") == 9 &&
			counter(t, regB, "spanstream_coalesced_total") == 9 &&
			counter(t, regB, "spanstream_lease_waits_total") == 1
	})
	close(g.release)

	for i, c := range clients {
		spans, done := c.final(1)
		if len(spans) != 1 {
			t.Errorf("session %d holds %d spans, want 1", i, len(spans))
		}
		if i > 0 && done.Cache != "shared" {
			t.Errorf("session %d got cache %q, want shared", i, done.Cache)
		}
	}
	if n := len(g.calls()); n != 1 {
		t.Errorf("labeler ran %d times for 20 sessions on two servers, want 1", n)
	}
}

// waitFor polls cond until it holds, failing the test after testTimeout.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(testTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestRedisOutagesKeepLabeling labels through a Redis that is killed
// mid-run, and through one that never answers: every session still gets
// its labels.
func TestRedisOutagesKeepLabeling(t *testing.T) {
	redistest.Require(t)
	t.Run("killed", func(t *testing.T) {
		port := redistest.FreePort(t)
		srv := redistest.StartServer(t, port)
		url := "redis://127.0.0.1:" + strconv.Itoa(port)
		labelThroughOutage(t, sharedCache(t, url, "t:"), srv.Stop)
	})
	t.Run("silent", func(t *testing.T) {
		s := redistest.StartSilent(t)
		labelThroughOutage(t, sharedCache(t, "redis://"+s.Addr(), "t:"), func() {})
	})
}

func labelThroughOutage(t *testing.T, c cache.Cache, outage func()) {
	t.Helper()
	_, url := startServer(t, Options{Labeler: wordLabeler(), Cache: c})
	var clients []*client
	for range 5 {
		cl := dial(t, url)
		cl.hello(map[string]any{"debounceMs": 0})
		clients = append(clients, cl)
	}
	for i, cl := range clients {
		cl.label(1, fmt.Sprintf("wide shot %d at dusk", i))
	}
	outage()
	for round := int64(2); round <= 4; round++ {
		for i, cl := range clients {
			spans, _ := cl.label(round, fmt.Sprintf("wide shot %d, round %d, at dusk", i, round))
			if len(spans) != 2 {
				t.Errorf("session %d round %d: got %d spans, want 2", i, round, len(spans))
			}
		}
	}
}

// TestLeaseHolderDies checks that a server waiting on another's lease
// labels the text itself once that lease expires without a result.
func TestLeaseHolderDies(t *testing.T) {
	raw := redistest.Require(t)
	prefix := redistest.Prefix(t, raw)
	lab := wordLabeler()
	_, url := startServer(t, Options{Labeler: lab, LeasePoll: 5 * time.Millisecond,
		Cache: sharedCache(t, "redis://"+redistest.Addr, prefix)})
	text := "a wide shot at dusk"

	// A holder that took the lease and died: nobody renews it.
	key := cacheKey(lab.Identity(), text)
	ctx := t.Context()
	if err := raw.SetNX(ctx, prefix+"lease:"+key, "dead", 300*time.Millisecond).Err(); err != nil {
		t.Fatal(err)
	}

	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	spans, done := c.label(1, text)
	if len(spans) != 2 || done.Cache != "miss" {
		t.Errorf("got %d spans, cache %q; want 2 spans labeled here (miss)", len(spans), done.Cache)
	}
	if lab.count() != 1 {
		t.Errorf("labeler ran %d times, want 1", lab.count())
	}
}

// TestTwoServersOneModelCall is the shared-cache acceptance test: two
// servers sharing Redis, 20 sessions sending the same text, one model
// request counted by the simulator; one session moving on mid-stream does
// not disturb the other 19.
func TestTwoServersOneModelCall(t *testing.T) {
	raw := redistest.Require(t)
	prefix := redistest.Prefix(t, raw)
	sim := startSimulator(t, llmsim.Options{TTFT: 300 * time.Millisecond, TokensPerSecond: 400})
	model := modelLabeler(t, sim, stream.ModelOptions{})
	var urls [2]string
	for i := range urls {
		_, urls[i] = startServer(t, Options{Labeler: model, LeasePoll: 5 * time.Millisecond,
			Cache: sharedCache(t, "redis://"+redistest.Addr, prefix)})
	}

	var clients []*client
	for i := range 20 {
		c := dial(t, urls[i%2])
		c.hello(map[string]any{"debounceMs": 0, "maxSpans": 0})
		c.send(map[string]any{"type": "doc", "version": 1, "text": modelText})
		clients = append(clients, c)
	}
	// Session 0 moves on as soon as its first spans arrive.
	quitter := clients[0]
	if m := quitter.next(); m.Type != "spans" {
		t.Fatalf("got %s, want spans", m.raw)
	}
	quitter.send(map[string]any{"type": "doc", "version": 2, "text": "Close-up of a cat."})
	quitter.final(2)

	var want []wireSpan
	for i, c := range clients[1:] {
		spans, done := c.final(1)
		if done.Source != "model" {
			t.Errorf("session %d: got source %q, want model", i+1, done.Source)
		}
		if want == nil {
			want = spans
		} else if !reflect.DeepEqual(spans, want) {
			t.Errorf("session %d holds different spans:\n got %+v\nwant %+v", i+1, spans, want)
		}
	}
	if len(want) == 0 {
		t.Error("sessions hold no spans")
	}
	// One request for the shared text, one for session 0's new text.
	if n := sim.sim.Stats().Requests; n != 2 {
		t.Errorf("simulator saw %d requests, want 2", n)
	}
}

// TestRedisTTLBySize checks the lifetime a result gets in Redis: an hour
// below 2,000 characters, five minutes from there.
func TestRedisTTLBySize(t *testing.T) {
	raw := redistest.Require(t)
	prefix := redistest.Prefix(t, raw)
	lab := wordLabeler()
	_, url := startServer(t, Options{Labeler: lab, SegmentChars: -1,
		Cache: sharedCache(t, "redis://"+redistest.Addr, prefix)})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})

	short := "a wide shot at dusk"
	long := short + strings.Repeat(" and the sea", 170) // over 2,000 characters
	for v, tt := range []struct {
		text     string
		min, max time.Duration
	}{
		{short, 59 * time.Minute, time.Hour},
		{long, 4 * time.Minute, 5 * time.Minute},
	} {
		c.label(int64(v+1), tt.text)
		key := prefix + cacheKey(lab.Identity(), tt.text)
		ttl := raw.PTTL(t.Context(), key).Val()
		if ttl < tt.min || ttl > tt.max {
			t.Errorf("%d characters: got TTL %v, want between %v and %v",
				len(tt.text), ttl, tt.min, tt.max)
		}
	}
}
