package llmsim

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"time"
	"unicode/utf8"
)

// events writes server-sent events of chat completion chunks.
type events struct {
	w        http.ResponseWriter
	rc       *http.ResponseController
	id       string
	model    string
	created  int64
	comments bool
	n        int
}

// chunk writes one chunk; usage is omitted when nil. With the comments
// fault every event is preceded by a comment block or a retry: block and
// carries a comment line of its own, all of which clients must skip.
func (e *events) chunk(choices []any, usage any) error {
	c := map[string]any{"id": e.id, "object": "chat.completion.chunk",
		"created": e.created, "model": e.model, "choices": choices}
	if usage != nil {
		c["usage"] = usage
	}
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return e.raw(data)
}

// raw writes one data: event holding data and flushes it.
func (e *events) raw(data []byte) error {
	var b bytes.Buffer
	if e.comments {
		if e.n%2 == 0 {
			b.WriteString(": llmsim keep-alive\n\n")
		} else {
			b.WriteString("retry: 1500\n\n")
		}
		b.WriteString(": llmsim note\n")
	}
	e.n++
	b.WriteString("data: ")
	b.Write(data)
	b.WriteString("\n\n")
	if _, err := e.w.Write(b.Bytes()); err != nil {
		return err
	}
	return e.rc.Flush()
}

func delta(d map[string]any, finish any) []any {
	return []any{map[string]any{"index": 0, "delta": d, "finish_reason": finish,
		"logprobs": nil}}
}

// stream writes the answer as a paced event stream, applying the stream
// faults; it reports whether the client went away first.
func (s *Server) stream(w http.ResponseWriter, r *http.Request, req *chatRequest, seq int64,
	a answer, fs faultSet) bool {
	ctx := r.Context()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	e := &events{w: w, rc: http.NewResponseController(w), id: "chatcmpl-llmsim",
		model: s.o.Model, created: time.Now().Unix(), comments: fs.has(FaultComments)}
	if e.rc.Flush() != nil || !wait(ctx, time.Now().Add(s.o.TTFT)) {
		return true
	}

	if e.chunk(delta(map[string]any{"role": "assistant", "content": ""}, nil), nil) != nil {
		return true
	}
	if fs.has(FaultUsageChunk) && e.chunk([]any{}, nil) != nil {
		return true
	}
	content, finish := a.content, "stop"
	if fs.has(FaultLength) || fs.has(FaultStall) || fs.has(FaultErrorInStream) {
		content = half(content)
	}
	if fs.has(FaultLength) {
		finish = "length"
	}
	if !s.send(ctx, e, seq, content, a, fs) {
		return true
	}
	return s.finish(ctx, e, req, content, finish, fs)
}

// send writes content in paced chunks; false means the client is gone.
func (s *Server) send(ctx context.Context, e *events, seq int64, content string, a answer,
	fs faultSet) bool {
	ps := pieces(content, s.o.ChunkChars, a.cuts)
	start, tokens, sent := time.Now(), 0.0, 0
	for i, p := range ps {
		if s.o.TokensPerSecond > 0 {
			at := start.Add(time.Duration(tokens / s.o.TokensPerSecond * float64(time.Second)))
			if !wait(ctx, at) {
				return false
			}
		}
		at := time.Now()
		if e.chunk(delta(map[string]any{"content": p}, nil), nil) != nil {
			return false
		}
		tokens += float64(utf8.RuneCountInString(p)) / 4
		s.completionChars.Add(int64(utf8.RuneCountInString(p)))
		sent += len(p)
		if s.o.OnWrite != nil {
			closed := sort.SearchInts(a.closes, sent+1)
			s.o.OnWrite(Write{Request: seq, Spans: closed, At: at})
		}
		if fs.has(FaultUsageChunk) && i == len(ps)/2 && e.chunk([]any{}, nil) != nil {
			return false
		}
	}
	return true
}

// finish ends the stream after its content: with an error event, a stall,
// or the finish chunk, the usage chunk if asked for, and [DONE].
func (s *Server) finish(ctx context.Context, e *events, req *chatRequest, content,
	reason string, fs faultSet) bool {
	switch {
	case fs.has(FaultErrorInStream):
		_ = e.raw([]byte(`{"error":{"message":"llmsim: simulated error mid-stream",` +
			`"type":"server_error","param":null,"code":null}}`))
		return ctx.Err() != nil
	case fs.has(FaultStall):
		<-ctx.Done()
		return true
	}
	if e.chunk(delta(map[string]any{}, reason), nil) != nil {
		return true
	}
	if req.StreamOptions.IncludeUsage {
		if e.chunk([]any{}, req.usage(content)) != nil {
			return true
		}
	}
	if e.raw([]byte("[DONE]")) != nil {
		return true
	}
	return ctx.Err() != nil
}

// wait waits until t or until ctx ends, and reports whether t came first.
func wait(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}
