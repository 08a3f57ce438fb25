package session

import (
	"context"
	"strings"
	"testing"

	"github.com/coder/websocket"
)

// TestBadInputKeepsSession sends each kind of bad input and checks its
// error code, then that the session still labels.
func TestBadInputKeepsSession(t *testing.T) {
	tests := []struct {
		name  string
		setup []map[string]any // sent first, each answered by done
		frame string
		code  string
	}{
		{name: "broken JSON", frame: `{"type":"doc",`, code: CodeBadJSON},
		{name: "no type", frame: `{"version":1}`, code: CodeBadMessage},
		{name: "unknown type", frame: `{"type":"paint"}`, code: CodeBadMessage},
		{name: "wrong field type", frame: `{"type":"doc","version":"one","text":"x"}`,
			code: CodeBadMessage},
		{name: "doc without text", frame: `{"type":"doc","version":1}`, code: CodeBadMessage},
		{name: "version zero", frame: `{"type":"doc","version":0,"text":"x"}`,
			code: CodeBadMessage},
		{name: "unknown encoding", frame: `{"type":"hello","encoding":"utf-32"}`,
			code: CodeBadMessage},
		{name: "confidence out of range", frame: `{"type":"hello","minConfidence":2}`,
			code: CodeBadMessage},
		{name: "negative debounce", frame: `{"type":"hello","debounceMs":-1}`,
			code: CodeBadMessage},
		{name: "edit before doc", code: CodeResync,
			frame: `{"type":"edit","version":2,"base":1,"changes":[]}`},
		{name: "edit without changes", code: CodeBadMessage,
			setup: []map[string]any{{"type": "doc", "version": 1, "text": "wide shot"}},
			frame: `{"type":"edit","version":2,"base":1}`},
		{name: "edit past the end", code: CodeBadEdit,
			setup: []map[string]any{{"type": "doc", "version": 1, "text": "wide shot"}},
			frame: `{"type":"edit","version":2,"base":1,` +
				`"changes":[{"start":3,"end":99,"text":""}]}`},
		{name: "edit end before start", code: CodeBadEdit,
			setup: []map[string]any{{"type": "doc", "version": 1, "text": "wide shot"}},
			frame: `{"type":"edit","version":2,"base":1,` +
				`"changes":[{"start":3,"end":1,"text":""}]}`},
		{name: "edit splits a surrogate pair", code: CodeBadEdit,
			setup: []map[string]any{{"type": "doc", "version": 1, "text": "😀 wide shot"}},
			frame: `{"type":"edit","version":2,"base":1,` +
				`"changes":[{"start":1,"end":1,"text":"x"}]}`},
		{name: "edit change without text", code: CodeBadEdit,
			setup: []map[string]any{{"type": "doc", "version": 1, "text": "wide shot"}},
			frame: `{"type":"edit","version":2,"base":1,"changes":[{"start":0,"end":1}]}`},
		{name: "edit against a stale base", code: CodeResync,
			setup: []map[string]any{{"type": "doc", "version": 1, "text": "wide shot"}},
			frame: `{"type":"edit","version":3,"base":2,"changes":[]}`},
		{name: "doc version goes back", code: CodeBadMessage,
			setup: []map[string]any{{"type": "doc", "version": 5, "text": "wide shot"}},
			frame: `{"type":"doc","version":4,"text":"x"}`},
		{name: "document too large", code: CodeTooLarge,
			frame: `{"type":"doc","version":1,"text":"` + strings.Repeat("a", 101) + `"}`},
		{name: "edit makes it too large", code: CodeTooLarge,
			setup: []map[string]any{{"type": "doc", "version": 1, "text": "wide shot"}},
			frame: `{"type":"edit","version":2,"base":1,"changes":[{"start":0,"end":0,"text":"` +
				strings.Repeat("a", 95) + `"}]}`},
		{name: "frame far too large", code: CodeTooLarge,
			frame: strings.Repeat("b", 10000)},
		{name: "invalid UTF-8 typed text", code: CodeBadMessage, frame: "wide \xff shot"},
		{name: "invalid UTF-8 inside JSON", code: CodeBadMessage,
			frame: "{\"type\":\"doc\",\"version\":1,\"text\":\"wide \xff shot\"}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, url := startServer(t, Options{Labeler: wordLabeler(), MaxDocBytes: 100})
			c := dial(t, url)
			c.hello(map[string]any{"debounceMs": 0})
			for _, m := range tt.setup {
				c.send(m)
				c.until("done")
			}

			c.sendRaw(tt.frame)
			c.expectError(tt.code)

			_, done := c.label(100, "a wide shot")
			if done.Count != 1 {
				t.Errorf("after the error, got %d spans, want 1", done.Count)
			}
		})
	}
}

func TestBinaryFrameIsBadMessage(t *testing.T) {
	_, url := startServer(t, Options{Labeler: wordLabeler()})
	c := dial(t, url)
	if err := c.conn.Write(c.ctx, websocket.MessageBinary, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	c.expectError(CodeBadMessage)
}

func TestResyncHoldsUntilDoc(t *testing.T) {
	_, url := startServer(t, Options{Labeler: wordLabeler()})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})
	c.label(1, "wide shot")

	c.send(map[string]any{"type": "edit", "version": 3, "base": 2,
		"changes": []map[string]any{}})
	c.expectError(CodeResync)
	// Even against the right base, nothing applies until a whole doc.
	c.send(map[string]any{"type": "edit", "version": 2, "base": 1,
		"changes": []map[string]any{{"start": 0, "end": 0, "text": "a "}}})
	c.expectError(CodeResync)

	spans, _ := c.label(4, "at dusk")
	if len(spans) != 1 || spans[0].Text != "dusk" {
		t.Errorf("after resync got %+v, want the span of the new doc", spans)
	}
	c.send(map[string]any{"type": "edit", "version": 5, "base": 4,
		"changes": []map[string]any{{"start": 0, "end": 0, "text": "wide shot "}}})
	spans, _ = c.collect(5)
	if len(spans) != 2 {
		t.Errorf("edits after resync: got %d spans, want 2", len(spans))
	}
}

func TestTypedTextIsADocument(t *testing.T) {
	_, url := startServer(t, Options{Labeler: wordLabeler()})
	c := dial(t, url)
	c.hello(map[string]any{"debounceMs": 0})

	c.sendRaw("a wide shot")
	spans, done := c.collect(1)
	c.sendRaw("  at dusk")
	more, done2 := c.collect(2)

	if done.Version != 1 || len(spans) != 1 || spans[0].Text != "wide shot" {
		t.Errorf("first typed line: got %+v (%s)", spans, done.raw)
	}
	if done2.Version != 2 || len(more) != 1 || more[0].Start != 5 {
		t.Errorf("second typed line: got %+v, want dusk at 5", more)
	}
}

func TestOriginCheck(t *testing.T) {
	hdr := map[string][]string{"Origin": {"http://editor.example:5173"}}
	tests := []struct {
		name    string
		allowed []string
		want    bool
	}{
		{"other origins refused by default", nil, false},
		{"an allowed pattern connects", []string{"editor.example:*"}, true},
		{"a different pattern is no help", []string{"other.example"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, url := startServer(t, Options{Labeler: wordLabeler(), OriginPatterns: tt.allowed})
			ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
			defer cancel()
			c, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: hdr})
			if err == nil {
				c.CloseNow()
			}
			if got := err == nil; got != tt.want {
				t.Fatalf("connected: %v (%v), want %v", got, err, tt.want)
			}
			if !tt.want && (resp == nil || resp.StatusCode != 403) {
				t.Errorf("got response %v, want 403", resp)
			}
		})
	}
}
