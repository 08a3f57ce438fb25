package llmsim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// chatRequest is the part of a chat completion request the simulator reads.
type chatRequest struct {
	Model         string    `json:"model"`
	Messages      []message `json:"messages"`
	Stream        bool      `json:"stream"`
	StreamOptions struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options"`
}

type message struct {
	Role    string          `json:"role"`
	Content json.RawMessage `json:"content"`
}

// text returns the message content: a string, or the text parts joined.
func (m message) text() (string, error) {
	var s string
	if err := json.Unmarshal(m.Content, &s); err == nil {
		return s, nil
	}
	var parts []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal(m.Content, &parts); err != nil {
		return "", fmt.Errorf("llmsim: message content: %w", err)
	}
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String(), nil
}

// document returns the last user message, which the model labeler sends as
// the document verbatim.
func (req *chatRequest) document() (string, error) {
	for i := len(req.Messages) - 1; i >= 0; i-- {
		if req.Messages[i].Role == "user" {
			return req.Messages[i].text()
		}
	}
	return "", fmt.Errorf("llmsim: no user message")
}

// requestFaults returns the server's faults plus those the request names.
func (s *Server) requestFaults(r *http.Request, doc string) ([]fault, error) {
	fromHeader, err := parseFaults(r.Header.Get("X-Llmsim-Fault"))
	if err != nil {
		return nil, err
	}
	fromText, err := markerFaults(doc)
	if err != nil {
		return nil, err
	}
	fs := append(append(append([]fault(nil), s.faults...), fromHeader...), fromText...)
	return fs, nil
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		s.apiError(w, http.StatusBadRequest, "llmsim: request body: "+err.Error())
		return
	}
	doc, err := req.document()
	var fs []fault
	if err == nil {
		fs, err = s.requestFaults(r, doc)
	}
	if err != nil {
		s.apiError(w, http.StatusBadRequest, err.Error())
		return
	}

	seq, status := s.begin(fs)
	s.open.Add(1)
	defer s.open.Add(-1)
	gone := false
	defer func() { s.end(seq, fs, gone) }()
	if status != 0 {
		s.apiError(w, status, fmt.Sprintf("llmsim: simulated status %d", status))
		return
	}
	s.promptChars.Add(int64(req.promptChars()))
	gone = s.answer(w, r, &req, seq, doc, toSet(fs))
}

func toSet(fs []fault) faultSet {
	set := faultSet{}
	for _, f := range fs {
		set[f.name] = true
	}
	return set
}

// answer labels doc and writes the answer; it reports whether the client
// went away first.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, req *chatRequest, seq int64,
	doc string, fs faultSet) bool {
	rng := s.rng(doc)
	items, err := s.items(r.Context(), doc, fs, rng)
	if err != nil {
		s.apiError(w, http.StatusInternalServerError, err.Error())
		return r.Context().Err() != nil
	}
	fence := ""
	switch {
	case fs.has(FaultCodeFence):
		fence = "```json\n"
	case fs.has(FaultCodeFenceBare):
		fence = "```\n"
	}
	a := encode(items, fs.has(FaultSplitEscapes), fence, rng)
	if req.Stream {
		return s.stream(w, r, req, seq, a, fs)
	}
	return s.whole(w, r, req, a, fs)
}

// whole writes a non-streamed chat completion.
func (s *Server) whole(w http.ResponseWriter, r *http.Request, req *chatRequest, a answer,
	fs faultSet) bool {
	content, finish := a.content, "stop"
	defer func() { s.completionChars.Add(int64(utf8.RuneCountInString(content))) }()
	switch {
	case fs.has(FaultStall):
		<-r.Context().Done()
		return true
	case fs.has(FaultErrorInStream):
		s.apiError(w, http.StatusInternalServerError, "llmsim: simulated error")
		return false
	case fs.has(FaultLength):
		content, finish = half(content), "length"
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": "chatcmpl-llmsim", "object": "chat.completion", "created": time.Now().Unix(),
		"model": s.o.Model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": finish,
			"message": map[string]any{"role": "assistant", "content": content}}},
		"usage": req.usage(content),
	})
	return false
}

// usage estimates token counts the way the pacing does: four characters
// make a token.
func (req *chatRequest) usage(content string) map[string]any {
	prompt := req.promptChars()/4 + 1
	completion := utf8.RuneCountInString(content)/4 + 1
	return map[string]any{"prompt_tokens": prompt, "completion_tokens": completion,
		"total_tokens": prompt + completion}
}

// promptChars counts the characters of the request's messages.
func (req *chatRequest) promptChars() int {
	chars := 0
	for _, m := range req.Messages {
		chars += len(m.Content)
	}
	return chars
}
