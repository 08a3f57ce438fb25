package session

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/spanstream/spanstream/cache"
	"github.com/spanstream/spanstream/internal/llmsim"
	"github.com/spanstream/spanstream/stream"
)

// simulator starts the model simulator on loopback. Its handler counts
// requests in flight and remembers the most seen at once.
type simulator struct {
	sim      *llmsim.Server
	url      string
	inFlight atomic.Int64
	maxSeen  atomic.Int64
	ended    chan llmsim.RequestEnd
}

func startSimulator(t *testing.T, o llmsim.Options) *simulator {
	t.Helper()
	s := &simulator{ended: make(chan llmsim.RequestEnd, 1024)}
	o.OnRequestEnd = func(e llmsim.RequestEnd) {
		select {
		case s.ended <- e:
		default:
		}
	}
	sim, err := llmsim.New(o)
	if err != nil {
		t.Fatal(err)
	}
	s.sim = sim
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		for m := s.maxSeen.Load(); n > m && !s.maxSeen.CompareAndSwap(m, n); m = s.maxSeen.Load() {
		}
		sim.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	s.url = hs.URL + "/v1"
	return s
}

// modelLabeler returns a model labeler talking to sim over its own
// transport, whose idle connections are closed when the test ends.
func modelLabeler(t *testing.T, sim *simulator, o stream.ModelOptions) *stream.Model {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	o.APIKey, o.BaseURL, o.HTTPClient = "test-key", sim.url, &http.Client{Transport: tr}
	if o.RetryBackoff == 0 {
		o.RetryBackoff = time.Millisecond
	}
	return stream.NewModel(o)
}

const modelText = "Wide shot of a lighthouse at dusk, the camera slowly pans left. 24fps, 16:9."

// TestModelFaultsOverWebSocket runs every simulator fault through a real
// session and checks what the client gets.
func TestModelFaultsOverWebSocket(t *testing.T) {
	clean := labelWith(t, "", true)
	tests := []struct {
		fault    string
		source   string // done.source, or "" for an error frame
		warning  bool
		sameAsOK bool // the spans equal a clean answer's
	}{
		{fault: llmsim.FaultSplitEscapes, source: "model", sameAsOK: true},
		{fault: llmsim.FaultCodeFence, source: "model", sameAsOK: true},
		{fault: llmsim.FaultCodeFenceBare, source: "model", sameAsOK: true},
		{fault: llmsim.FaultUsageChunk, source: "model", sameAsOK: true},
		{fault: llmsim.FaultComments, source: "model", sameAsOK: true},
		{fault: llmsim.FaultInvalidRole, source: "model", sameAsOK: true},
		{fault: llmsim.FaultMissingText, source: "model", sameAsOK: true},
		{fault: llmsim.FaultBadConfidence, source: "model"},
		{fault: llmsim.FaultLength, source: "model", warning: true},
		{fault: llmsim.FaultErrorInStream, source: "builtin", warning: true},
		{fault: llmsim.FaultStall, source: "builtin", warning: true},
		{fault: llmsim.FaultStatus429, source: "builtin", warning: true},
		{fault: llmsim.FaultStatus500, source: "builtin", warning: true},
		{fault: llmsim.FaultStatus503, source: "builtin", warning: true},
	}
	for _, tt := range tests {
		t.Run(tt.fault, func(t *testing.T) {
			t.Parallel()
			got := labelWith(t, tt.fault, true)
			if got.done.Source != tt.source {
				t.Errorf("got source %q, want %q", got.done.Source, tt.source)
			}
			if (got.warning != "") != tt.warning {
				t.Errorf("got warning %q, want one: %v", got.warning, tt.warning)
			}
			if tt.sameAsOK && !reflect.DeepEqual(got.spans, clean.spans) {
				t.Errorf("spans differ from a clean answer:\n got %+v\nwant %+v",
					got.spans, clean.spans)
			}
			for _, s := range got.spans {
				if s.Confidence < 0 || s.Confidence > 1 || !stream.ValidRole(s.Role) {
					t.Errorf("invalid span reached the client: %+v", s)
				}
			}
			checkSpans(t, modelText, "utf-16", got.spans)
		})
	}
}

// TestModelFailureWithoutFallback checks that an upstream failure becomes
// an upstream error frame when fallback is off.
func TestModelFailureWithoutFallback(t *testing.T) {
	got := labelWith(t, llmsim.FaultStatus503, false)
	if got.err.Code != CodeUpstream {
		t.Errorf("got %+v, want an upstream error", got.err)
	}
}

// labeled is what a client saw for one version.
type labeled struct {
	spans   []wireSpan
	done    msg
	warning string
	err     msg
}

// labelWith labels modelText through a session backed by a simulator with
// fault switched on for every request.
func labelWith(t *testing.T, fault string, fallback bool) labeled {
	t.Helper()
	sim := startSimulator(t, llmsim.Options{Faults: fault, ChunkChars: 5})
	o := stream.ModelOptions{IdleTimeout: 200 * time.Millisecond}
	if fallback {
		o.Fallback = stream.NewBuiltin(stream.BuiltinOptions{})
	}
	_, url := startServer(t, Options{Labeler: modelLabeler(t, sim, o), SegmentChars: -1})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0, "maxSpans": 0})
	c.send(map[string]any{"type": "doc", "version": 1, "text": modelText})

	var out labeled
	held := holding{}
	for {
		m := c.next()
		switch {
		case m.Type == "warning":
			out.warning = m.Message
		case m.Type == "error":
			out.err = m
			return out
		case held.apply(m):
			out.spans, out.done = held.sorted(), m
			return out
		}
	}
}

// TestTruncatedAnswerIsNotCached labels a text twice with a simulator that
// cuts every answer short: both go to the model.
func TestTruncatedAnswerIsNotCached(t *testing.T) {
	sim := startSimulator(t, llmsim.Options{Faults: llmsim.FaultLength})
	_, url := startServer(t, Options{Labeler: modelLabeler(t, sim, stream.ModelOptions{})})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	for v := int64(1); v <= 2; v++ {
		c.send(map[string]any{"type": "doc", "version": v, "text": modelText})
		frames := c.until("done")
		if d := frames[len(frames)-1]; d.Cache != "miss" {
			t.Errorf("version %d: got cache %q, want miss", v, d.Cache)
		}
	}
	if n := sim.sim.Stats().Requests; n != 2 {
		t.Errorf("simulator saw %d requests, want 2", n)
	}
}

// TestModelParity checks, for every corpus prompt, that the spans a client
// holds after done equal labeling the same text without streaming.
func TestModelParity(t *testing.T) {
	texts := corpus(t)
	sim := startSimulator(t, llmsim.Options{ChunkChars: 3, Seed: 7})
	model := modelLabeler(t, sim, stream.ModelOptions{})
	_, url := startServer(t, Options{Labeler: model, SegmentChars: -1,
		Cache: noCache{}})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0, "maxSpans": 0})

	for i, text := range texts {
		got, done := c.label(int64(i+1), text)
		res, err := model.Label(context.Background(), text, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := toWire(text, 0, res.Spans)
		sortWire(want)
		if !reflect.DeepEqual(got, want) || done.Source != "model" {
			t.Errorf("prompt %d (source %s): streamed spans differ from a whole answer:"+
				"\n got %+v\nwant %+v", i, done.Source, got, want)
		}
	}
}

// TestSupersedeClosesUpstream checks that a newer version ends the model
// request of the older one: the simulator sees its client go.
func TestSupersedeClosesUpstream(t *testing.T) {
	sim := startSimulator(t, llmsim.Options{TTFT: time.Hour})
	_, url := startServer(t, Options{Labeler: modelLabeler(t, sim, stream.ModelOptions{})})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	c.send(map[string]any{"type": "doc", "version": 1, "text": modelText})
	waitFor(t, "the model request", func() bool { return sim.inFlight.Load() == 1 })

	c.send(map[string]any{"type": "doc", "version": 2, "text": "x"})
	c.until("cancelled")
	if e := <-sim.ended; !e.ClientGone {
		t.Errorf("simulator saw the request end with %+v, want the client gone", e)
	}
}

// TestLimiterBoundsRequests runs 50 sessions against a model limited to 3
// requests at a time.
func TestLimiterBoundsRequests(t *testing.T) {
	const limit = 3
	sim := startSimulator(t, llmsim.Options{ChunkChars: 4})
	lim := stream.NewLimiter(stream.LimiterOptions{MaxActive: limit})
	_, url := startServer(t, Options{Labeler: modelLabeler(t, sim,
		stream.ModelOptions{Limiter: lim})})

	var wg sync.WaitGroup
	for i := range 50 {
		c := dial(t, url)
		c.hello(map[string]any{"debounceMs": 0})
		wg.Go(func() {
			text := strings.Repeat("wide shot at dusk, ", i+1)
			c.send(map[string]any{"type": "doc", "version": 1, "text": text})
			c.until("done")
		})
	}
	wg.Wait()
	if got := sim.maxSeen.Load(); got > limit || got == 0 {
		t.Errorf("simulator saw %d requests at once, want 1 to %d", got, limit)
	}
}

// TestSupersededRequestsLeaveNoGoroutines supersedes 200 model requests
// and checks that the goroutine count returns to where it started.
func TestSupersededRequestsLeaveNoGoroutines(t *testing.T) {
	before := goleak.IgnoreCurrent()
	func() {
		sim, err := llmsim.New(llmsim.Options{TTFT: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		simServer := httptest.NewServer(sim)
		defer simServer.Close()
		tr := &http.Transport{}
		defer tr.CloseIdleConnections()
		model := stream.NewModel(stream.ModelOptions{APIKey: "k", BaseURL: simServer.URL + "/v1",
			HTTPClient: &http.Client{Transport: tr}})
		srv := NewServer(Options{Labeler: model})
		hs := httptest.NewServer(srv)
		defer hs.Close()

		c := dial(t, "ws"+strings.TrimPrefix(hs.URL, "http"))
		c.hello(map[string]any{"debounceMs": 0})
		for v := int64(1); v <= 201; v++ {
			c.send(map[string]any{"type": "doc", "version": v, "text": modelText + itoa(v)})
			if v > 1 {
				c.until("cancelled")
			}
		}
		c.conn.CloseNow()
		ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Error(err)
		}
	}()
	goleak.VerifyNone(t, before)
}

// noCache stores nothing, so every labeling reaches the labeler.
type noCache struct{}

func (noCache) Get(context.Context, string) ([]byte, error) { return nil, cache.ErrMiss }
func (noCache) Set(context.Context, string, []byte, time.Duration) error {
	return nil
}

// TestModelChangeMissesCache labels one text with two model names sharing
// a cache: the second is a miss and reaches the model.
func TestModelChangeMissesCache(t *testing.T) {
	sim := startSimulator(t, llmsim.Options{})
	shared := cache.NewMemory(cache.MemoryOptions{})
	for i, name := range []string{"model-a", "model-b", "model-a"} {
		_, url := startServer(t, Options{Cache: shared,
			Labeler: modelLabeler(t, sim, stream.ModelOptions{Model: name})})
		c := dial(t, url)
		c.hello(map[string]any{"debounceMs": 0})
		_, done := c.label(1, modelText)
		if want := []string{"miss", "miss", "hit"}[i]; done.Cache != want {
			t.Errorf("run %d with %s: got cache %q, want %q", i, name, done.Cache, want)
		}
	}
	if n := sim.sim.Stats().Requests; n != 2 {
		t.Errorf("simulator saw %d requests, want 2", n)
	}
}
