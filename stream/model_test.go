package stream_test

import (
	"cmp"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"go.uber.org/goleak"

	"github.com/spanstream/spanstream/internal/llmsim"
	"github.com/spanstream/spanstream/stream"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const doc = "Wide shot of a red fox 🦊 trotting through snow at golden hour, " +
	"handheld camera, café lights."

// fixed is a Labeler with a fixed answer.
type fixed struct {
	spans  []stream.Span
	source string
}

func (f fixed) Identity() stream.Identity { return stream.Identity{Name: f.source} }

func (f fixed) Label(ctx context.Context, _ string, _ func(stream.Update)) (stream.Result, error) {
	if err := ctx.Err(); err != nil {
		return stream.Result{}, err
	}
	return stream.Result{Spans: slices.Clone(f.spans), Source: f.source, Complete: true}, nil
}

// phrases labels the first occurrence in text of each phrase with the role
// that follows it.
func phrases(text string, pairs ...string) fixed {
	var spans []stream.Span
	for i := 0; i < len(pairs); i += 2 {
		start := strings.Index(text, pairs[i])
		spans = append(spans, stream.Span{Start: start, End: start + len(pairs[i]),
			Text: pairs[i], Role: pairs[i+1], Confidence: 0.7})
	}
	return fixed{spans: spans, source: "builtin"}
}

// simLabeler is what the simulated model answers for doc. It holds parents
// that attributes overlap ("at golden hour" under "golden hour"), so that
// resolving retracts spans in some orders.
var simLabeler = phrases(doc, "Wide shot", "shot.type", "red fox 🦊", "subject.identity",
	"trotting", "action.movement", "at golden hour", "lighting", "golden hour",
	"lighting.timeOfDay", "handheld camera", "camera", "handheld", "camera.movement",
	"café lights", "lighting.source")

// fallbackLabeler answers differently from the simulated model.
var fallbackLabeler = phrases(doc, "fox", "subject", "snow", "environment.weather")

// env is a simulator on loopback and what it reports.
type env struct {
	sim   *llmsim.Server
	url   string
	ended chan requestEnd
}

// requestEnd is a request the simulator saw end, and when.
type requestEnd struct {
	llmsim.RequestEnd
	at time.Time
}

func startSim(t testing.TB, o llmsim.Options) *env {
	t.Helper()
	e := &env{ended: make(chan requestEnd, 1024)}
	if o.Labeler == nil {
		o.Labeler = simLabeler
	}
	o.OnRequestEnd = func(r llmsim.RequestEnd) {
		select {
		case e.ended <- requestEnd{r, time.Now()}:
		default:
		}
	}
	sim, err := llmsim.New(o)
	if err != nil {
		t.Fatalf("llmsim.New: %v", err)
	}
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	e.sim, e.url = sim, ts.URL+"/v1"
	return e
}

// newModel returns a Model talking to e with its own connections.
func newModel(t testing.TB, e *env, o stream.ModelOptions) *stream.Model {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	o.BaseURL, o.APIKey, o.HTTPClient = e.url, "test-key", &http.Client{Transport: tr}
	if o.RetryBackoff == 0 {
		o.RetryBackoff = 1
	}
	return stream.NewModel(o)
}

// holder applies Updates the way a client does and checks they make sense.
type holder struct {
	t       testing.TB
	held    map[string]stream.Span
	updates int
	retract int
}

func newHolder(t testing.TB) *holder { return &holder{t: t, held: map[string]stream.Span{}} }

func (h *holder) emit(u stream.Update) {
	h.t.Helper()
	h.updates++
	for _, id := range u.Retract {
		if _, ok := h.held[id]; !ok {
			h.t.Errorf("retract of %s, which is not held", id)
		}
		delete(h.held, id)
		h.retract++
	}
	for _, s := range u.Add {
		if _, ok := h.held[s.ID()]; ok {
			h.t.Errorf("add of %+v, which is already held", s)
		}
		h.held[s.ID()] = s
	}
}

// spans returns the held spans in Resolve's order.
func (h *holder) spans() []stream.Span {
	out := make([]stream.Span, 0, len(h.held))
	for _, s := range h.held {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b stream.Span) int {
		return cmp.Or(a.Start-b.Start, a.End-b.End, strings.Compare(a.Role, b.Role))
	})
	return out
}

// keys returns the range-and-role IDs of spans, sorted.
func keys(spans []stream.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = s.ID()
	}
	slices.Sort(out)
	return out
}

// sameSpans fails the test unless got and want hold the same spans.
func sameSpans(t testing.TB, what string, got, want []stream.Span) {
	t.Helper()
	if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Errorf("%s: got %+v, want %+v", what, got, want)
	}
}

// checkResult checks what every successful labeling must satisfy: spans
// quote the document, confidences are clamped, and the caller holds
// exactly Result.Spans.
func checkResult(t testing.TB, text string, res stream.Result, h *holder) {
	t.Helper()
	for _, s := range res.Spans {
		if text[s.Start:s.End] != s.Text || s.Confidence < 0 || s.Confidence > 1 {
			t.Errorf("bad span %+v", s)
		}
	}
	sameSpans(t, "held after all updates vs Result.Spans", h.spans(), res.Spans)
}

// value reads a counter, gauge or histogram count from a collector.
func value(t testing.TB, c prometheus.Collector) float64 {
	t.Helper()
	ch := make(chan prometheus.Metric, 16)
	c.Collect(ch)
	close(ch)
	sum := 0.0
	for m := range ch {
		var d dto.Metric
		if err := m.Write(&d); err != nil {
			t.Fatal(err)
		}
		sum += d.GetCounter().GetValue() + d.GetGauge().GetValue() +
			float64(d.GetHistogram().GetSampleCount())
	}
	return sum
}

func TestModelLabelsProgressively(t *testing.T) {
	want := keys(stream.Resolve(simLabeler.spans))
	retracts := 0
	for seed := range uint64(12) {
		e := startSim(t, llmsim.Options{Seed: seed, ChunkChars: 3})
		m := newModel(t, e, stream.ModelOptions{})
		h := newHolder(t)
		res, err := m.Label(context.Background(), doc, h.emit)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if res.Source != "model" || !res.Complete || res.Warning != "" {
			t.Errorf("seed %d: got %+v, want a complete model result", seed, res)
		}
		if got := keys(res.Spans); !slices.Equal(got, want) {
			t.Errorf("seed %d: got spans %+v, want the resolved simulator spans", seed, res.Spans)
		}
		if h.updates < 2 {
			t.Errorf("seed %d: got %d updates, want one per span or so", seed, h.updates)
		}
		checkResult(t, doc, res, h)
		retracts += h.retract
	}
	if retracts == 0 {
		t.Errorf("got no retractions over 12 orders, want some (parents placed first)")
	}
}

func TestModelIdentity(t *testing.T) {
	a := stream.NewModel(stream.ModelOptions{APIKey: "k"}).Identity()
	b := stream.NewModel(stream.ModelOptions{APIKey: "k", Model: "gpt-4.1"}).Identity()
	if a.Name != "model" || !strings.HasPrefix(a.Version, "gpt-4o-mini/") ||
		!strings.HasPrefix(b.Version, "gpt-4.1/") || a.Version == b.Version {
		t.Errorf("got identities %v and %v, want model/<model>/<prompt and schema versions>",
			a, b)
	}
}

func TestModelEmptyText(t *testing.T) {
	m := stream.NewModel(stream.ModelOptions{APIKey: "k", BaseURL: "http://127.0.0.1:1/v1"})
	res, err := m.Label(context.Background(), " \n", nil)
	if err != nil || len(res.Spans) != 0 || !res.Complete {
		t.Errorf("got %+v, %v, want an empty complete result without a request", res, err)
	}
}

// labelOnce runs one labeling against a fresh simulator.
func labelOnce(t *testing.T, so llmsim.Options, mo stream.ModelOptions) (
	stream.Result, error, *holder, *env) {
	t.Helper()
	e := startSim(t, so)
	h := newHolder(t)
	res, err := newModel(t, e, mo).Label(context.Background(), doc, h.emit)
	return res, err, h, e
}

func TestModelFaults(t *testing.T) {
	baseline := keys(stream.Resolve(simLabeler.spans))
	all := keys(simLabeler.spans)
	tests := []struct {
		fault    string
		requests int64
		dropped  string // the drop reason counted once
		check    func(t *testing.T, res stream.Result)
	}{
		{fault: llmsim.FaultSplitEscapes, requests: 1},
		{fault: llmsim.FaultCodeFence, requests: 1},
		{fault: llmsim.FaultCodeFenceBare, requests: 1},
		{fault: llmsim.FaultUsageChunk, requests: 1},
		{fault: llmsim.FaultComments, requests: 1},
		{fault: llmsim.FaultInvalidRole, requests: 1, dropped: "invalid_role"},
		{fault: llmsim.FaultMissingText, requests: 1, dropped: "not_found"},
		{fault: llmsim.FaultStatus500 + ":2", requests: 3},
		{fault: llmsim.FaultStatus429 + ":1", requests: 2},
		{fault: llmsim.FaultBadConfidence, requests: 1, check: func(t *testing.T,
			res stream.Result) {
			ones := 0
			for _, s := range res.Spans {
				if s.Confidence == 1 {
					ones++
				}
			}
			if ones == 0 {
				t.Errorf("got no span clamped to confidence 1 in %+v", res.Spans)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.fault, func(t *testing.T) {
			metrics := stream.NewModelMetrics(nil)
			res, err, h, e := labelOnce(t, llmsim.Options{Faults: tt.fault, ChunkChars: 4},
				stream.ModelOptions{Metrics: metrics})
			if err != nil {
				t.Fatalf("Label: %v", err)
			}
			if got := keys(res.Spans); !slices.Equal(got, baseline) {
				t.Errorf("got spans %v, want %v", got, baseline)
			}
			checkResult(t, doc, res, h)
			if got := e.sim.Stats().Requests; got != tt.requests {
				t.Errorf("got %d requests, want %d", got, tt.requests)
			}
			if got := value(t, metrics.Dropped); (tt.dropped != "") != (got == 1) {
				t.Errorf("got %v dropped spans, want 1 only for %q", got, tt.dropped)
			}
			if tt.dropped != "" && value(t, metrics.Dropped.WithLabelValues(tt.dropped)) != 1 {
				t.Errorf("got no drop counted as %s", tt.dropped)
			}
			if tt.check != nil {
				tt.check(t, res)
			}
		})
	}

	t.Run(llmsim.FaultLength, func(t *testing.T) {
		res, err, h, _ := labelOnce(t, llmsim.Options{Faults: llmsim.FaultLength},
			stream.ModelOptions{})
		if err != nil || res.Complete || res.Warning == "" || len(res.Spans) == 0 {
			t.Fatalf("got %+v, %v, want an incomplete result with a warning", res, err)
		}
		for _, k := range keys(res.Spans) {
			if !slices.Contains(all, k) {
				t.Errorf("got span %s that the simulator did not send", k)
			}
		}
		checkResult(t, doc, res, h)
	})
}

func TestModelUpstreamErrors(t *testing.T) {
	tests := []struct {
		name     string
		sim      llmsim.Options
		model    stream.ModelOptions
		requests int64
		outcome  string
	}{
		{"error in stream", llmsim.Options{Faults: llmsim.FaultErrorInStream},
			stream.ModelOptions{}, 1, "stream_error"},
		{"stall", llmsim.Options{Faults: llmsim.FaultStall},
			stream.ModelOptions{IdleTimeout: 50e6}, 1, "stall"},
		{"429 until retries run out", llmsim.Options{Faults: llmsim.FaultStatus429},
			stream.ModelOptions{}, 3, "status_429"},
		{"503 without retries", llmsim.Options{Faults: llmsim.FaultStatus503},
			stream.ModelOptions{MaxRetries: -1}, 1, "status_5xx"},
		{"503 with a long retry-after", llmsim.Options{Faults: llmsim.FaultStatus503,
			RetryAfter: 60e9}, stream.ModelOptions{}, 1, "status_5xx"},
		{"503 with a short retry-after", llmsim.Options{Faults: llmsim.FaultStatus503,
			RetryAfter: 1e6}, stream.ModelOptions{MaxRetries: 1}, 2, "status_5xx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.model.Metrics = stream.NewModelMetrics(nil)
			_, err, _, e := labelOnce(t, tt.sim, tt.model)
			if !errors.Is(err, stream.ErrUpstream) {
				t.Fatalf("got %v, want ErrUpstream", err)
			}
			if got := e.sim.Stats().Requests; got != tt.requests {
				t.Errorf("got %d requests, want %d", got, tt.requests)
			}
			got := value(t, tt.model.Metrics.Requests.WithLabelValues(tt.outcome))
			if got != float64(tt.requests) {
				t.Errorf("got %v requests counted as %s, want %d", got, tt.outcome, tt.requests)
			}
		})
	}
}

func TestModelMetricsAndRequest(t *testing.T) {
	var mu sync.Mutex
	var body string
	e := startSim(t, llmsim.Options{})
	sim := e.sim
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		r.Body = teeBody(r, &b)
		sim.ServeHTTP(w, r)
		mu.Lock()
		body = b.String()
		mu.Unlock()
	}))
	defer ts.Close()
	e.url = ts.URL + "/v1"

	metrics := stream.NewModelMetrics(prometheus.NewRegistry())
	if _, err := newModel(t, e, stream.ModelOptions{Metrics: metrics}).Label(
		context.Background(), doc, nil); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, want := range []string{`"temperature":0`, `"stream":true`, `"include_usage":true`,
		`"type":"json_schema"`, `"strict":true`, `"enum":["shot","shot.type",`,
		`"model":"gpt-4o-mini"`, `"Wide shot of a red fox`} {
		if !strings.Contains(body, want) {
			t.Errorf("request body lacks %s:\n%s", want, body)
		}
	}
	for name, c := range map[string]prometheus.Collector{"prompt tokens": metrics.PromptTokens,
		"first token": metrics.FirstToken, "first span": metrics.FirstSpan,
		"ok requests": metrics.Requests.WithLabelValues("ok"), "limiter wait": metrics.Wait} {
		if value(t, c) <= 0 {
			t.Errorf("%s: got nothing recorded", name)
		}
	}
}

// teeBody reads r's body into b and returns a body that reads the same.
func teeBody(r *http.Request, b *strings.Builder) io.ReadCloser {
	data, _ := io.ReadAll(r.Body)
	b.Write(data)
	return io.NopCloser(strings.NewReader(string(data)))
}
