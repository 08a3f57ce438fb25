package session

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/spanstream/spanstream/internal/llmsim"
	"github.com/spanstream/spanstream/stream"
)

// benchModelServer starts a session server whose model is the simulator
// configured by o, returning its WebSocket URL and a channel that receives
// a value as each model request starts.
func benchModelServer(b *testing.B, o llmsim.Options) (string, <-chan struct{}) {
	b.Helper()
	sim, err := llmsim.New(o)
	if err != nil {
		b.Fatal(err)
	}
	started := make(chan struct{}, 1024)
	hsim := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/chat/completions" {
			started <- struct{}{}
		}
		sim.ServeHTTP(w, r)
	}))
	b.Cleanup(hsim.Close)
	tr := &http.Transport{}
	b.Cleanup(tr.CloseIdleConnections)
	model := stream.NewModel(stream.ModelOptions{APIKey: "k", BaseURL: hsim.URL + "/v1",
		HTTPClient: &http.Client{Transport: tr}})
	srv := NewServer(Options{Labeler: model, Cache: noCache{}, SegmentChars: -1})
	hs := httptest.NewServer(srv)
	b.Cleanup(func() {
		srv.Shutdown(context.Background())
		hs.Close()
	})
	return "ws" + strings.TrimPrefix(hs.URL, "http"), started
}

func benchDial(b *testing.B, url string) *websocket.Conn {
	b.Helper()
	c, _, err := websocket.Dial(context.Background(), url, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.CloseNow() })
	c.SetReadLimit(1 << 24)
	c.Write(context.Background(), websocket.MessageText, []byte(`{"type":"hello","debounceMs":0}`))
	return c
}

// readType reads frames until one of type typ and returns when it arrived.
func readType(b *testing.B, c *websocket.Conn, typ string) time.Time {
	b.Helper()
	for {
		_, data, err := c.Read(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		var m struct{ Type string }
		json.Unmarshal(data, &m)
		if m.Type == typ {
			return time.Now()
		}
	}
}

// BenchmarkFirstSpanAfterClose measures, over a real WebSocket, the time
// from the simulator writing the chunk that closes the first span object
// to the client reading the first spans frame, with the simulator at
// 400 ms to first token and 80 tokens/s. Run with -benchtime=20x.
func BenchmarkFirstSpanAfterClose(b *testing.B) {
	var closedAt atomic.Int64 // unix ns of the chunk closing span 1
	url, _ := benchModelServer(b, llmsim.Options{TTFT: 400 * time.Millisecond,
		TokensPerSecond: 80, OnWrite: func(w llmsim.Write) {
			if w.Spans >= 1 {
				closedAt.CompareAndSwap(0, w.At.UnixNano())
			}
		}})
	c := benchDial(b, url)
	readType(b, c, "welcome")
	readType(b, c, "welcome")

	var total time.Duration
	for i := 0; b.Loop(); i++ {
		closedAt.Store(0)
		doc, _ := json.Marshal(map[string]any{"type": "doc", "version": i + 1,
			"text": modelText + strings.Repeat(" ", i)})
		c.Write(context.Background(), websocket.MessageText, doc)
		got := readType(b, c, "spans")
		total += got.Sub(time.Unix(0, closedAt.Load()))
		readType(b, c, "done")
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms-after-close")
}

// BenchmarkSupersedeEndsUpstream measures the time from a client sending a
// newer version to the simulator seeing the older request's client go.
func BenchmarkSupersedeEndsUpstream(b *testing.B) {
	ended := make(chan time.Time, 1)
	url, started := benchModelServer(b, llmsim.Options{TTFT: time.Hour,
		OnRequestEnd: func(e llmsim.RequestEnd) {
			if e.ClientGone {
				select {
				case ended <- time.Now():
				default: // the last request, ended at cleanup
				}
			}
		}})
	c := benchDial(b, url)
	readType(b, c, "welcome")
	readType(b, c, "welcome")

	send := func(v int) time.Time {
		doc, _ := json.Marshal(map[string]any{"type": "doc", "version": v,
			"text": modelText + strings.Repeat(" ", v)})
		at := time.Now()
		c.Write(context.Background(), websocket.MessageText, doc)
		return at
	}
	send(1)
	<-started
	var total time.Duration
	for v := 2; b.Loop(); v++ {
		at := send(v)
		total += (<-ended).Sub(at)
		<-started // supersede only a request the simulator holds
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms-to-upstream-end")
}
