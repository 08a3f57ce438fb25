// Package llmsim is an OpenAI-compatible chat completions server that
// answers like a span-labeling model would, at a chosen pace and with
// chosen faults, so that the model labeler can be tested and demonstrated
// without a real model.
//
// The answer is the spans a labeler (by default the built-in one) finds in
// the last user message, taken whole as the document, in a seeded random
// order with seeded jitter on the confidences. Faults are chosen per server
// (Options.Faults), per request with the X-Llmsim-Fault header, or by a
// [[llmsim:name]] marker anywhere in the document; see Faults.
package llmsim

import (
	"encoding/json"
	"hash/fnv"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spanstream/spanstream/stream"
)

// Options configures a Server. The zero value means the defaults.
type Options struct {
	// Seed mixes into the per-request random source (together with the
	// document), which orders spans, jitters confidences and places the
	// cuts of split-escapes. Default 0.
	Seed uint64
	// TTFT is the wait before the first content chunk. Default 0.
	TTFT time.Duration
	// TokensPerSecond paces content after the first chunk, counting about
	// four characters as a token. Default 0: no pacing.
	TokensPerSecond float64
	// ChunkChars is how many characters each content chunk carries.
	// Default 8.
	ChunkChars int
	// Faults is a comma-separated list of faults applied to every request,
	// each a name from Faults, optionally with ":K" to fail only the first
	// K requests that carry it (for example "status-503:2"). Default none.
	Faults string
	// RetryAfter, when positive, is sent as retry-after-ms and retry-after
	// with the 429 and 503 faults. Default 0: no such headers.
	RetryAfter time.Duration
	// Labeler finds the spans to answer with. Default stream.NewBuiltin.
	Labeler stream.Labeler
	// Model is the model ID reported by /v1/models and in answers. Default
	// "gpt-4o-mini".
	Model string
	// OnWrite, if set, is called after each content chunk is flushed (so
	// possibly after the client read it).
	OnWrite func(Write)
	// OnRequestEnd, if set, is called when a chat completion request ends.
	OnRequestEnd func(RequestEnd)
}

// Write describes one flushed content chunk.
type Write struct {
	// Request is the request's sequence number, from 1.
	Request int64
	// Spans is how many span objects the content sent so far closes.
	Spans int
	// At is when the simulator began writing the chunk.
	At time.Time
}

// RequestEnd describes a chat completion request that ended.
type RequestEnd struct {
	Request int64
	Faults  []string
	// ClientGone says the client went away before the answer was done.
	ClientGone bool
}

// Stats counts what a Server has served.
type Stats struct {
	// Requests counts chat completion requests.
	Requests int64 `json:"requests"`
	// ByFault counts chat completion requests by fault they carried.
	ByFault map[string]int64 `json:"by_fault"`
	// Open is the number of chat completion requests in progress.
	Open int64 `json:"open"`
	// ClientGone counts requests whose client left before the answer ended.
	ClientGone int64 `json:"client_gone"`
	// PromptTokens estimates the prompt tokens of every request answered
	// with a 200, as the usage chunk counts them (four characters a token).
	PromptTokens int64 `json:"prompt_tokens"`
	// CompletionTokens estimates the tokens of content actually written,
	// including answers the client abandoned.
	CompletionTokens int64 `json:"completion_tokens"`
}

// Server is the simulator. It implements http.Handler and is safe for
// concurrent use.
type Server struct {
	o       Options
	faults  []fault
	labeler stream.Labeler
	mux     *http.ServeMux
	open    atomic.Int64
	// Token estimates, in characters to keep sums exact.
	promptChars, completionChars atomic.Int64

	// mu guards seq, byFault, failed and clientGone.
	mu         sync.Mutex
	seq        int64
	byFault    map[string]int64
	failed     map[string]int
	clientGone int64
}

// New returns a Server, or an error if o.Faults names an unknown fault.
func New(o Options) (*Server, error) {
	faults, err := parseFaults(o.Faults)
	if err != nil {
		return nil, err
	}
	if o.ChunkChars <= 0 {
		o.ChunkChars = 8
	}
	if o.Model == "" {
		o.Model = "gpt-4o-mini"
	}
	s := &Server{o: o, faults: faults, labeler: o.Labeler,
		byFault: map[string]int64{}, failed: map[string]int{}}
	if s.labeler == nil {
		s.labeler = stream.NewBuiltin(stream.BuiltinOptions{})
	}
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("POST /v1/chat/completions", s.chat)
	s.mux.HandleFunc("GET /v1/models", s.models)
	s.mux.HandleFunc("GET /stats", s.stats)
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Stats returns a snapshot of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := Stats{Requests: s.seq, ByFault: make(map[string]int64, len(s.byFault)),
		Open: s.open.Load(), ClientGone: s.clientGone,
		PromptTokens: s.promptChars.Load() / 4, CompletionTokens: s.completionChars.Load() / 4}
	for k, v := range s.byFault {
		st.ByFault[k] = v
	}
	return st
}

func (s *Server) stats(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.Stats())
}

func (s *Server) models(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": []any{
		map[string]any{"id": s.o.Model, "object": "model", "created": 0, "owned_by": "llmsim"},
	}})
}

// begin counts a request with its faults and decides whether a status
// fault fires; it returns the request number and the status (0: none).
func (s *Server) begin(fs []fault) (int64, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	status := 0
	for _, f := range fs {
		s.byFault[f.name]++
		code := statusOf(f.name)
		if code == 0 || status != 0 {
			continue
		}
		if f.first == 0 || s.failed[f.spec] < f.first {
			s.failed[f.spec]++
			status = code
		}
	}
	return s.seq, status
}

// end records the end of request seq and calls the hook.
func (s *Server) end(seq int64, fs []fault, gone bool) {
	if gone {
		s.mu.Lock()
		s.clientGone++
		s.mu.Unlock()
	}
	if s.o.OnRequestEnd != nil {
		names := make([]string, len(fs))
		for i, f := range fs {
			names[i] = f.name
		}
		s.o.OnRequestEnd(RequestEnd{Request: seq, Faults: names, ClientGone: gone})
	}
}

func statusOf(name string) int {
	switch name {
	case FaultStatus429:
		return http.StatusTooManyRequests
	case FaultStatus500:
		return http.StatusInternalServerError
	case FaultStatus503:
		return http.StatusServiceUnavailable
	}
	return 0
}

// rng returns the random source of one request: the seed mixed with doc.
func (s *Server) rng(doc string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(doc))
	return rand.New(rand.NewPCG(s.o.Seed, h.Sum64()))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client may be gone; nothing to do
}

// apiError writes an OpenAI-style error.
func (s *Server) apiError(w http.ResponseWriter, status int, msg string) {
	if s.o.RetryAfter > 0 && (status == 429 || status == 503) {
		ms := s.o.RetryAfter.Milliseconds()
		w.Header().Set("Retry-After-Ms", strconv.FormatInt(ms, 10))
		w.Header().Set("Retry-After", strconv.FormatInt((ms+999)/1000, 10))
	}
	kind := "server_error"
	if status < 500 {
		kind = "invalid_request_error"
	}
	if status == http.StatusTooManyRequests {
		kind = "rate_limit_error"
	}
	writeJSON(w, status, map[string]any{"error": map[string]any{
		"message": msg, "type": kind, "param": nil, "code": nil}})
}
