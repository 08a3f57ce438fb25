package session

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/rs/zerolog"

	"github.com/spanstream/spanstream/cache"
	"github.com/spanstream/spanstream/stream"
)

// Options configures a Server. The zero value serves the built-in labeler
// with an in-memory cache and the defaults documented on each field.
type Options struct {
	// Labeler labels documents. Default: the built-in labeler.
	Labeler stream.Labeler
	// Cache stores finished results. Default: a 64 MiB in-memory cache.
	Cache cache.Cache
	// TTL chooses how long a result stays cached. Default: one hour below
	// 2,000 characters, five minutes above.
	TTL cache.TTLPolicy
	// MaxDocBytes is the largest document, in UTF-8 bytes, a session
	// accepts; larger ones get too_large. Default 65,536.
	MaxDocBytes int
	// MaxSpans is the default number of spans sent per version, most
	// confident first; a client's hello may change it. Default 60; a
	// negative value means no limit.
	MaxSpans int
	// MinConfidence is the default confidence below which spans are not
	// sent; a client's hello may change it. Default 0.
	MinConfidence float64
	// Debounce sets the default wait after a change before labeling, by
	// document length. Default 200 ms below 500 characters, 350 ms below
	// 2,000, 500 ms above.
	Debounce Debounce
	// SegmentChars is the longest paragraph labeled and cached as one
	// segment; longer paragraphs are cut at every sentence end, so that an
	// edit relabels only the sentences it touches. Default 600; a negative
	// value labels the whole document as one segment.
	SegmentChars int
	// LeaseTTL is how long a server's claim to label a text lasts before
	// other servers sharing the cache stop waiting for it; the holder
	// renews it while labeling. Only caches that implement cache.Leaser
	// (Redis) use it. Default 10 s.
	LeaseTTL time.Duration
	// LeasePoll is how often a server waiting for another's result looks
	// for it in the shared cache. Default 50 ms.
	LeasePoll time.Duration
	// QueueSize bounds the frames waiting for the writer. Default 64.
	QueueSize int
	// WriteTimeout bounds one frame write; a peer that does not read for
	// that long is disconnected. Default 10 s.
	WriteTimeout time.Duration
	// PingInterval is how often a WebSocket ping checks the peer is alive;
	// a ping unanswered for WriteTimeout closes the session. Default 20 s.
	PingInterval time.Duration
	// OriginPatterns lists the other origins (host patterns, as in
	// websocket.AcceptOptions) whose pages may connect. Default: same
	// origin only.
	OriginPatterns []string
	// Logger receives lifecycle events at info and per-message events at
	// debug. Default: no logging.
	Logger *zerolog.Logger
	// Metrics receives counters; nil records nothing.
	Metrics *Metrics
}

func (o Options) withDefaults() Options {
	if o.Labeler == nil {
		o.Labeler = stream.NewBuiltin(stream.BuiltinOptions{})
	}
	if o.Cache == nil {
		o.Cache = cache.NewMemory(cache.MemoryOptions{})
	}
	if o.MaxDocBytes <= 0 {
		o.MaxDocBytes = 65536
	}
	if o.MaxSpans == 0 {
		o.MaxSpans = 60
	}
	if o.SegmentChars == 0 {
		o.SegmentChars = 600
	}
	if o.LeaseTTL <= 0 {
		o.LeaseTTL = 10 * time.Second
	}
	if o.LeasePoll <= 0 {
		o.LeasePoll = 50 * time.Millisecond
	}
	if o.QueueSize <= 0 {
		o.QueueSize = 64
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 10 * time.Second
	}
	if o.PingInterval <= 0 {
		o.PingInterval = 20 * time.Second
	}
	if o.Logger == nil {
		nop := zerolog.Nop()
		o.Logger = &nop
	}
	o.Debounce = o.Debounce.withDefaults()
	return o
}

// Server accepts WebSocket connections and runs one session for each. It is
// safe for concurrent use; call Shutdown to close every session.
type Server struct {
	opts    Options
	flights *flights
	ctx     context.Context // parent of every session's context
	cancel  context.CancelFunc
	wg      sync.WaitGroup // one per running session

	// mu guards sessions and closing.
	mu       sync.Mutex
	sessions map[*session]struct{}
	closing  bool
}

// NewServer returns a Server with o's settings.
func NewServer(o Options) *Server {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		opts:     o.withDefaults(),
		ctx:      ctx,
		cancel:   cancel,
		sessions: make(map[*session]struct{}),
	}
	s.flights = newFlights(ctx, s.label)
	return s
}

// Labeler returns the labeler sessions use.
func (s *Server) Labeler() stream.Labeler { return s.opts.Labeler }

// ServeHTTP upgrades the request to a WebSocket and runs a session on it
// until the peer leaves or the server shuts down.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		OriginPatterns: s.opts.OriginPatterns,
	})
	if err != nil {
		s.opts.Logger.Debug().Err(err).Str("remote", r.RemoteAddr).Msg("accept failed")
		return
	}
	sess, ok := s.add(c)
	if !ok {
		c.Close(websocket.StatusGoingAway, "server is shutting down")
		return
	}
	defer s.remove(sess)
	sess.run()
}

// add registers a new session unless the server is closing.
func (s *Server) add(c *websocket.Conn) (*session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return nil, false
	}
	sess := newSession(s.ctx, c, newID(), &s.opts, s.flights)
	s.sessions[sess] = struct{}{}
	s.wg.Add(1)
	return sess, true
}

func (s *Server) remove(sess *session) {
	s.mu.Lock()
	delete(s.sessions, sess)
	s.mu.Unlock()
	s.wg.Done()
}

// Sessions returns the number of open sessions.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// Shutdown stops accepting sessions, closes every open one with status 1001
// (going away) and waits for them to end or for ctx to be done, whichever
// comes first. After ctx is done, the remaining sessions are dropped.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	open := make([]*session, 0, len(s.sessions))
	for sess := range s.sessions {
		open = append(open, sess)
	}
	s.mu.Unlock()

	// Each close handshake waits for its peer, so they run side by side.
	var closers sync.WaitGroup
	for _, sess := range open {
		closers.Go(sess.goAway)
	}
	ended := make(chan struct{})
	go func() {
		closers.Wait()
		s.wg.Wait()
		s.flights.close() // no session waits on them any more: all cancelled
		close(ended)
	}()
	select {
	case <-ended:
		s.cancel()
		return nil
	case <-ctx.Done():
		// Peers that do not finish the close handshake are dropped.
		for _, sess := range open {
			sess.conn.CloseNow()
		}
		s.cancel()
		<-ended
		return fmt.Errorf("session: shutdown timed out: %w", ctx.Err())
	}
}

// newID returns a random session ID.
func newID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
