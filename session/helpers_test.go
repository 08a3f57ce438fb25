package session

import (
	"cmp"
	"context"
	"encoding/json"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"go.uber.org/goleak"

	"github.com/spanstream/spanstream/cache"
	"github.com/spanstream/spanstream/stream"
)

func TestMain(m *testing.M) {
	cache.SetDriverLogger(nil) // outage tests make the driver complain
	goleak.VerifyTestMain(m)
}

// testTimeout bounds every wait of a test, so that a missing frame fails
// the test instead of hanging it; it is not a speed assertion.
const testTimeout = 10 * time.Second

// msg is any server frame, decoded loosely.
type msg struct {
	Type        string     `json:"type"`
	Version     int64      `json:"version"`
	Tier        string     `json:"tier"`
	Spans       []wireSpan `json:"spans"`
	IDs         []string   `json:"ids"`
	Count       int        `json:"count"`
	Cache       string     `json:"cache"`
	Source      string     `json:"source"`
	Reason      string     `json:"reason"`
	Code        string     `json:"code"`
	Message     string     `json:"message"`
	Encoding    string     `json:"encoding"`
	Session     string     `json:"session"`
	FirstSpanMs *float64   `json:"firstSpanMs"`
	raw         string
}

// startServer runs a Server on a loopback httptest server and shuts both
// down when the test ends.
func startServer(t *testing.T, o Options) (*Server, string) {
	t.Helper()
	srv := NewServer(o)
	hs := httptest.NewServer(srv)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		hs.Close()
	})
	return srv, "ws" + strings.TrimPrefix(hs.URL, "http")
}

// client is a test WebSocket peer.
type client struct {
	t    *testing.T
	conn *websocket.Conn
	ctx  context.Context
}

// dial connects, reads the welcome frame and returns the client.
func dial(t *testing.T, url string) *client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testTimeout)
	t.Cleanup(cancel)
	c, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	c.SetReadLimit(1 << 24)
	t.Cleanup(func() { c.CloseNow() })
	cl := &client{t: t, conn: c, ctx: ctx}
	if m := cl.next(); m.Type != "welcome" {
		t.Fatalf("first frame is %q, want welcome", m.Type)
	}
	return cl
}

func (c *client) sendRaw(s string) {
	c.t.Helper()
	if err := c.conn.Write(c.ctx, websocket.MessageText, []byte(s)); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *client) send(v any) {
	c.t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(string(b))
}

func (c *client) next() msg {
	c.t.Helper()
	typ, b, err := c.conn.Read(c.ctx)
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	if typ != websocket.MessageText {
		c.t.Fatalf("got a binary frame, want text")
	}
	if strings.ContainsRune(string(b), '\n') {
		c.t.Fatalf("frame spans several lines: %s", b)
	}
	var m msg
	if err := json.Unmarshal(b, &m); err != nil {
		c.t.Fatalf("frame is not JSON: %v: %s", err, b)
	}
	m.raw = string(b)
	return m
}

// until reads frames up to and including the first of type typ, returning
// all of them.
func (c *client) until(typ string) []msg {
	c.t.Helper()
	var got []msg
	for {
		m := c.next()
		got = append(got, m)
		if m.Type == typ {
			return got
		}
	}
}

// expectError reads the next frame and checks it is an error with code.
func (c *client) expectError(code string) msg {
	c.t.Helper()
	m := c.next()
	if m.Type != "error" || m.Code != code {
		c.t.Fatalf("got %s, want an error with code %q", m.raw, code)
	}
	if m.Message == "" {
		c.t.Errorf("error %q has no message", code)
	}
	return m
}

// label sends a whole doc and returns the spans the client holds after
// done, with the done frame.
func (c *client) label(version int64, text string) ([]wireSpan, msg) {
	c.t.Helper()
	c.send(map[string]any{"type": "doc", "version": version, "text": text})
	return c.collect(version)
}

// collect applies spans and retract frames of version until its done.
func (c *client) collect(version int64) ([]wireSpan, msg) {
	c.t.Helper()
	held := holding{}
	for {
		m := c.next()
		if m.Version != version && m.Type != "welcome" {
			c.t.Fatalf("got a frame for version %d while waiting for %d: %s",
				m.Version, version, m.raw)
		}
		if m.Type == "error" || m.Type == "cancelled" {
			c.t.Fatalf("got %s while labeling version %d", m.raw, version)
		}
		if held.apply(m) {
			return held.sorted(), m
		}
	}
}

// holding is what a client holds for one version, by span ID.
type holding map[string]wireSpan

// apply takes in a spans or retract frame and reports whether m is done.
func (h holding) apply(m msg) bool {
	switch m.Type {
	case "spans":
		for _, s := range m.Spans {
			h[s.ID] = s
		}
	case "retract":
		for _, id := range m.IDs {
			delete(h, id)
		}
	}
	return m.Type == "done"
}

func (h holding) sorted() []wireSpan {
	out := make([]wireSpan, 0, len(h))
	for _, s := range h {
		out = append(out, s)
	}
	sortWire(out)
	return out
}

// fakeLabeler labels with a function and counts calls.
type fakeLabeler struct {
	mu    sync.Mutex // guards calls
	calls int
	fn    func(ctx context.Context, text string, emit func(stream.Update)) (stream.Result, error)
}

func (f *fakeLabeler) Identity() stream.Identity {
	return stream.Identity{Name: "fake", Version: "1"}
}

func (f *fakeLabeler) Label(ctx context.Context, text string,
	emit func(stream.Update)) (stream.Result, error) {
	f.mu.Lock()
	f.calls++
	f.mu.Unlock()
	return f.fn(ctx, text, emit)
}

func (f *fakeLabeler) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func sortWire(s []wireSpan) {
	slices.SortFunc(s, func(a, b wireSpan) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End),
			strings.Compare(a.Role, b.Role))
	})
}

// hello sends a hello and reads its welcome.
func (c *client) hello(fields map[string]any) msg {
	c.t.Helper()
	m := map[string]any{"type": "hello"}
	for k, v := range fields {
		m[k] = v
	}
	c.send(m)
	w := c.next()
	if w.Type != "welcome" {
		c.t.Fatalf("got %s, want welcome", w.raw)
	}
	return w
}
