package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/coder/websocket"
)

// message is any server frame, decoded only as far as the tool needs.
type message struct {
	Type      string  `json:"type"`
	Version   int64   `json:"version"`
	Count     int     `json:"count"`
	Cache     string  `json:"cache"`
	Source    string  `json:"source"`
	ElapsedMs float64 `json:"elapsedMs"`
	Code      string  `json:"code"`
	Message   string  `json:"message"`
	Reason    string  `json:"reason"`
}

// frame is a message and when its read returned, by the client's clock.
type frame struct {
	at       time.Time
	msg      message
	warnings int // set by await: warning frames of the version before done
}

// peer is one WebSocket session. Its reader goroutine is the only one that
// reads the connection, so that pings are answered even while the driver
// is busy elsewhere; it hands frames to the driver over in. A peer is driven
// by one goroutine; close stops and joins the reader.
type peer struct {
	conn   *websocket.Conn
	in     chan frame
	stop   chan struct{} // closed by close: the reader stops handing frames on
	exited chan struct{} // closed when the reader returns
	err    error         // why the reader stopped; read after exited closes
}

// dialPeer connects to u and starts the reader, which ends when ctx ends,
// the connection breaks, or close is called.
func dialPeer(ctx context.Context, u string, hc *http.Client) (*peer, error) {
	c, resp, err := websocket.Dial(ctx, u, &websocket.DialOptions{HTTPClient: hc})
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("dial: %w", err)
	}
	c.SetReadLimit(1 << 24)
	p := &peer{conn: c, in: make(chan frame, 16), stop: make(chan struct{}),
		exited: make(chan struct{})}
	go p.read(ctx)
	return p, nil
}

func (p *peer) read(ctx context.Context) {
	defer close(p.exited)
	defer close(p.in)
	for {
		_, b, err := p.conn.Read(ctx)
		if err != nil {
			p.err = err
			return
		}
		f := frame{at: time.Now()}
		if err := json.Unmarshal(b, &f.msg); err != nil {
			f.msg = message{Type: "error", Code: "client_decode", Message: err.Error()}
		}
		select {
		case p.in <- f:
		case <-p.stop:
		}
	}
}

// send writes v as one JSON text frame and returns when the write began.
func (p *peer) send(ctx context.Context, v any) (time.Time, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return time.Time{}, fmt.Errorf("encode: %w", err)
	}
	at := time.Now()
	if err := p.conn.Write(ctx, websocket.MessageText, b); err != nil {
		return at, fmt.Errorf("write: %w", err)
	}
	return at, nil
}

// next returns the next frame, or an error when ctx ends or the reader has
// stopped.
func (p *peer) next(ctx context.Context) (frame, error) {
	select {
	case f, ok := <-p.in:
		if !ok {
			return frame{}, fmt.Errorf("read: %w", p.err)
		}
		return f, nil
	case <-ctx.Done():
		return frame{}, ctx.Err()
	}
}

// errFrame is an error or cancelled frame the server sent instead of done.
type errFrame struct{ msg message }

func (e *errFrame) Error() string {
	if e.msg.Type == "cancelled" {
		return fmt.Sprintf("version %d cancelled: %s", e.msg.Version, e.msg.Reason)
	}
	return fmt.Sprintf("server error %s: %s", e.msg.Code, e.msg.Message)
}

// kind names the error for counting.
func (e *errFrame) kind() string {
	if e.msg.Type == "cancelled" {
		return "cancelled"
	}
	return "error:" + e.msg.Code
}

// await reads until the done frame of version, skipping spans and other
// frames and counting warnings. An error frame, or a cancelled frame for version, ends the wait
// with an *errFrame: the tool sends one change at a time, so any error
// concerns it.
func (p *peer) await(ctx context.Context, version int64) (frame, error) {
	warnings := 0
	for {
		f, err := p.next(ctx)
		if err != nil {
			return frame{}, err
		}
		switch m := f.msg; {
		case m.Type == "done" && m.Version == version:
			f.warnings = warnings
			return f, nil
		case m.Type == "warning" && m.Version == version:
			warnings++
		case m.Type == "error", m.Type == "cancelled" && m.Version == version:
			return frame{}, &errFrame{msg: m}
		}
	}
}

// hello sends a hello fixing the debounce at zero and lifting the span
// limit, and waits for the welcome that answers it (the second one: the
// server also welcomes every new connection).
func (p *peer) hello(ctx context.Context) error {
	if _, err := p.send(ctx, helloMsg{Type: "hello", DebounceMs: 0, MaxSpans: 0}); err != nil {
		return err
	}
	for welcomes := 0; welcomes < 2; {
		f, err := p.next(ctx)
		if err != nil {
			return err
		}
		switch f.msg.Type {
		case "welcome":
			welcomes++
		case "error":
			return &errFrame{msg: f.msg}
		}
	}
	return nil
}

// close ends the session with a normal closure and joins the reader.
func (p *peer) close() {
	close(p.stop)
	if err := p.conn.Close(websocket.StatusNormalClosure, "load done"); err != nil {
		p.conn.CloseNow()
	}
	<-p.exited
}

// Client messages, as in docs/PROTOCOL.md.
type (
	helloMsg struct {
		Type       string `json:"type"`
		DebounceMs int    `json:"debounceMs"`
		MaxSpans   int    `json:"maxSpans"`
	}
	docMsg struct {
		Type    string `json:"type"`
		Version int64  `json:"version"`
		Text    string `json:"text"`
	}
	editMsg struct {
		Type    string   `json:"type"`
		Version int64    `json:"version"`
		Base    int64    `json:"base"`
		Changes []change `json:"changes"`
	}
	change struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
)

// errKind names err for the error counts of a report.
func errKind(err error) string {
	var ef *errFrame
	switch {
	case errors.As(err, &ef):
		return ef.kind()
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return "stopped"
	default:
		return "connection"
	}
}
