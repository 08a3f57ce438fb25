package llmsim

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.uber.org/goleak"

	"github.com/spanstream/spanstream/stream"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const testDoc = "Wide shot of a red fox 🦊 trotting through snow at golden hour, handheld."

// wordLabeler labels each of its phrases wherever it first occurs.
type wordLabeler map[string]string

func (w wordLabeler) Identity() stream.Identity { return stream.Identity{Name: "test"} }

func (w wordLabeler) Label(_ context.Context, text string, _ func(stream.Update)) (
	stream.Result, error) {
	var spans []stream.Span
	for phrase, role := range w {
		if i := strings.Index(text, phrase); i >= 0 {
			spans = append(spans, stream.Span{Start: i, End: i + len(phrase), Text: phrase,
				Role: role, Confidence: 0.8})
		}
	}
	return stream.Result{Spans: spans, Source: "test", Complete: true}, nil
}

var testLabeler = wordLabeler{"Wide shot": "shot.type", "red fox 🦊": "subject.identity",
	"trotting": "action.movement", "golden hour": "lighting.timeOfDay",
	"handheld": "camera.movement"}

// reply is a chat completion as a client reads it.
type reply struct {
	status  int
	header  http.Header
	raw     string   // the body as sent
	deltas  []string // streamed content deltas, in order
	content string
	finish  string
	empty   int // chunks with an empty choices list
	usage   bool
}

func startSim(t *testing.T, o Options) (*Server, *httptest.Server) {
	t.Helper()
	if o.Labeler == nil {
		o.Labeler = testLabeler
	}
	sim, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ts := httptest.NewServer(sim)
	t.Cleanup(ts.Close)
	return sim, ts
}

// post sends a chat completion request for doc and reads the whole reply.
func post(t *testing.T, ts *httptest.Server, doc string, stream bool, fault string) reply {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"model": "m", "stream": stream,
		"stream_options": map[string]any{"include_usage": true},
		"messages": []any{map[string]any{"role": "system", "content": "label"},
			map[string]any{"role": "user", "content": doc}}})
	req, _ := http.NewRequest("POST", ts.URL+"/v1/chat/completions",
		strings.NewReader(string(body)))
	if fault != "" {
		req.Header.Set("X-Llmsim-Fault", fault)
	}
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	r := reply{status: res.StatusCode, header: res.Header, raw: string(raw)}
	if stream && res.StatusCode == 200 {
		parseEvents(t, &r)
	} else if res.StatusCode == 200 {
		var c struct {
			Choices []struct {
				Message      struct{ Content string }
				FinishReason string `json:"finish_reason"`
			}
		}
		if err := json.Unmarshal(raw, &c); err != nil || len(c.Choices) != 1 {
			t.Fatalf("non-stream body %q: %v", raw, err)
		}
		r.content, r.finish = c.Choices[0].Message.Content, c.Choices[0].FinishReason
	}
	return r
}

// parseEvents reads the data: events of r.raw.
func parseEvents(t *testing.T, r *reply) {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(r.raw))
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok || data == "[DONE]" || strings.HasPrefix(data, `{"error"`) {
			continue
		}
		var c struct {
			Choices []struct {
				Delta        struct{ Content string }
				FinishReason *string `json:"finish_reason"`
			}
			Usage *struct {
				TotalTokens int `json:"total_tokens"`
			}
		}
		if err := json.Unmarshal([]byte(data), &c); err != nil {
			t.Fatalf("event %q: %v", data, err)
		}
		if len(c.Choices) == 0 {
			r.empty++
			r.usage = r.usage || c.Usage != nil && c.Usage.TotalTokens > 0
			continue
		}
		if d := c.Choices[0].Delta.Content; d != "" {
			r.deltas = append(r.deltas, d)
			r.content += d
		}
		if f := c.Choices[0].FinishReason; f != nil {
			r.finish = *f
		}
	}
}

// items unmarshals an answer.
func answerItems(t *testing.T, content string) []item {
	t.Helper()
	var a struct{ Spans []item }
	if err := json.Unmarshal([]byte(content), &a); err != nil {
		t.Fatalf("answer %q: %v", content, err)
	}
	return a.Spans
}

func TestAnswerIsLabelerSpans(t *testing.T) {
	_, ts := startSim(t, Options{Seed: 7})
	streamed := post(t, ts, testDoc, true, "")
	whole := post(t, ts, testDoc, false, "")
	if streamed.content != whole.content {
		t.Fatalf("streamed content %q, want the non-streamed %q", streamed.content, whole.content)
	}
	if streamed.finish != "stop" || !streamed.usage || !strings.HasSuffix(streamed.raw,
		"data: [DONE]\n\n") {
		t.Errorf("got finish %q, usage %v, want stop, usage and [DONE]", streamed.finish,
			streamed.usage)
	}
	items := answerItems(t, whole.content)
	if len(items) != len(testLabeler) {
		t.Fatalf("got %d spans, want %d", len(items), len(testLabeler))
	}
	for _, it := range items {
		if testLabeler[it.Text] != it.Role || it.Confidence < 0.75 || it.Confidence > 0.85 {
			t.Errorf("got %+v, want role %q and confidence 0.8±0.05", it, testLabeler[it.Text])
		}
	}
}

func TestSeedChangesOrder(t *testing.T) {
	orders := map[string]bool{}
	for seed := range uint64(8) {
		_, ts := startSim(t, Options{Seed: seed})
		var texts []string
		for _, it := range answerItems(t, post(t, ts, testDoc, false, "").content) {
			texts = append(texts, it.Text)
		}
		orders[strings.Join(texts, "|")] = true
	}
	if len(orders) < 2 {
		t.Errorf("got %d distinct orders over 8 seeds, want several", len(orders))
	}
}

var escapeCut = regexp.MustCompile(`\\u[0-9a-f]{0,3}$`)

func TestContentFaults(t *testing.T) {
	tests := []struct {
		fault string
		check func(t *testing.T, r reply)
	}{
		{FaultSplitEscapes, func(t *testing.T, r reply) {
			cut := 0
			for _, d := range r.deltas {
				if escapeCut.MatchString(d) {
					cut++
				}
			}
			if cut < 10 || !strings.Contains(r.content, `\ud83e\udd8a`) {
				t.Errorf("got %d deltas ending inside an escape in %q, want many and 🦊 "+
					"as a surrogate pair", cut, r.content)
			}
		}},
		{FaultCodeFence, func(t *testing.T, r reply) {
			if !strings.HasPrefix(r.content, "```json\n{") ||
				!strings.HasSuffix(r.content, "}\n```") {
				t.Errorf("got %q, want a ```json fence", r.content)
			}
		}},
		{FaultCodeFenceBare, func(t *testing.T, r reply) {
			if !strings.HasPrefix(r.content, "```\n{") {
				t.Errorf("got %q, want a bare fence", r.content)
			}
		}},
		{FaultUsageChunk, func(t *testing.T, r reply) {
			if r.empty < 3 {
				t.Errorf("got %d empty-choices chunks, want 3 (two extra and usage)", r.empty)
			}
		}},
		{FaultComments, func(t *testing.T, r reply) {
			if !strings.Contains(r.raw, "\n: llmsim") || !strings.Contains(r.raw, "retry: ") {
				t.Errorf("got body without comment and retry lines:\n%s", r.raw)
			}
		}},
		{FaultErrorInStream, func(t *testing.T, r reply) {
			if !strings.Contains(r.raw, `data: {"error":{`) || r.finish != "" ||
				strings.Contains(r.raw, "[DONE]") {
				t.Errorf("got body without an error event, or finished:\n%s", r.raw)
			}
		}},
		{FaultLength, func(t *testing.T, r reply) {
			if r.finish != "length" || strings.HasSuffix(r.content, "]}") || r.content == "" {
				t.Errorf("got finish %q and content %q, want length and a cut answer",
					r.finish, r.content)
			}
		}},
		{FaultInvalidRole, func(t *testing.T, r reply) {
			if countRole(answerItems(t, r.content), "subject.mood") != 1 {
				t.Errorf("got %q, want one span with an invalid role", r.content)
			}
		}},
		{FaultMissingText, func(t *testing.T, r reply) {
			items := answerItems(t, r.content)
			missing := 0
			for _, it := range items {
				if !strings.Contains(testDoc, it.Text) {
					missing++
				}
			}
			if missing != 1 || len(items) != len(testLabeler)+1 {
				t.Errorf("got %d missing texts among %d spans, want 1 among %d", missing,
					len(items), len(testLabeler)+1)
			}
		}},
		{FaultBadConfidence, func(t *testing.T, r reply) {
			items := answerItems(t, r.content)
			if items[0].Confidence != 1.7 || items[1].Confidence != -0.4 {
				t.Errorf("got confidences %v and %v, want 1.7 and -0.4", items[0].Confidence,
					items[1].Confidence)
			}
		}},
	}
	_, ts := startSim(t, Options{ChunkChars: 5})
	for _, tt := range tests {
		t.Run(tt.fault, func(t *testing.T) {
			r := post(t, ts, testDoc, true, tt.fault)
			if r.status != 200 {
				t.Fatalf("got status %d, want 200", r.status)
			}
			tt.check(t, r)
		})
	}
}

func countRole(items []item, role string) int {
	n := 0
	for _, it := range items {
		if it.Role == role {
			n++
		}
	}
	return n
}

func TestStatusFaults(t *testing.T) {
	sim, ts := startSim(t, Options{Faults: "status-503:2", RetryAfter: 1500 * time.Millisecond})
	var got []int
	for range 3 {
		got = append(got, post(t, ts, testDoc, true, "").status)
	}
	if fmt.Sprint(got) != "[503 503 200]" {
		t.Errorf("got statuses %v, want [503 503 200]", got)
	}
	r := post(t, ts, testDoc, false, FaultStatus429)
	if r.status != 429 || r.header.Get("Retry-After-Ms") != "1500" ||
		r.header.Get("Retry-After") != "2" || !strings.Contains(r.raw, `"rate_limit_error"`) {
		t.Errorf("got %d %v %s, want 429 with retry-after headers", r.status, r.header, r.raw)
	}
	st := sim.Stats()
	if st.Requests != 4 || st.ByFault[FaultStatus503] != 4 || st.ByFault[FaultStatus429] != 1 {
		t.Errorf("got stats %+v, want 4 requests, 4 with status-503, 1 with status-429", st)
	}
}

func TestMarkerAndUnknownFault(t *testing.T) {
	_, ts := startSim(t, Options{})
	r := post(t, ts, testDoc+" [[llmsim:status-500]]", true, "")
	if r.status != 500 {
		t.Errorf("marker: got status %d, want 500", r.status)
	}
	if r := post(t, ts, testDoc, true, "no-such-fault"); r.status != 400 {
		t.Errorf("unknown fault: got status %d, want 400", r.status)
	}
	if _, err := New(Options{Faults: "stall,nope"}); err == nil {
		t.Errorf("New with an unknown fault: got no error")
	}
}

func TestStallHoldsUntilClientLeaves(t *testing.T) {
	ended := make(chan RequestEnd, 1)
	sim, ts := startSim(t, Options{OnRequestEnd: func(e RequestEnd) { ended <- e }})
	body := `{"model":"m","stream":true,"messages":[{"role":"user","content":"` +
		testDoc + `"}]}`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "POST", ts.URL+"/v1/chat/completions",
		strings.NewReader(body))
	req.Header.Set("X-Llmsim-Fault", FaultStall)
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if _, err := bufio.NewReader(res.Body).ReadString('\n'); err != nil {
		t.Fatalf("first line: %v", err)
	}
	if open := sim.Stats().Open; open != 1 {
		t.Errorf("got %d open requests while stalled, want 1", open)
	}
	cancel()
	select {
	case e := <-ended:
		if !e.ClientGone {
			t.Errorf("got %+v, want ClientGone", e)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the simulator did not see the client leave")
	}
}

func TestModelsAndStats(t *testing.T) {
	_, ts := startSim(t, Options{Model: "sim-1"})
	post(t, ts, testDoc, true, FaultComments)
	for path, want := range map[string]string{"/v1/models": `"id":"sim-1"`,
		"/stats": `"requests":1,"by_fault":{"comments":1},"open":0`} {
		res, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if !strings.Contains(string(body), want) {
			t.Errorf("GET %s: got %s, want it to contain %s", path, body, want)
		}
	}
}

func TestStatsCountTokens(t *testing.T) {
	sim, ts := startSim(t, Options{})
	doc := "a wide shot of a harbor at dusk"
	var content int
	for _, streamed := range []bool{false, true} {
		r := post(t, ts, doc, streamed, "")
		content += utf8.RuneCountInString(r.content)
	}
	st := sim.Stats()
	if want := int64(content / 4); st.CompletionTokens != want {
		t.Errorf("got %d completion tokens, want %d (content of both answers / 4)",
			st.CompletionTokens, want)
	}
	if st.PromptTokens < int64(2*len(doc)/4) {
		t.Errorf("got %d prompt tokens, want at least %d for two requests", st.PromptTokens,
			2*len(doc)/4)
	}
}
