package session

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/rs/zerolog"

	"github.com/spanstream/spanstream/offsets"
	"github.com/spanstream/spanstream/stream"
)

// maxChanges bounds the changes of one edit: each costs a pass over the
// document.
const maxChanges = 1000

// drainLimit is how much of an oversized frame a session reads and throws
// away to stay in step with the peer; past it the connection is closed with
// status 1009 because reading further would let one peer hold the server.
const drainLimit = 64 << 20

var (
	errFrameTooLarge = errors.New("frame too large")
	errBinaryFrame   = errors.New("binary frames are not part of the protocol: send JSON text")
)

// session is one editor's connection. Its goroutines: the reader (run's
// caller, the only one touching doc, settings and cur), the writer, the
// pinger, and at most one labeling job at a time. run joins them all.
type session struct {
	id      string
	conn    *websocket.Conn
	opts    *Options
	flights *flights
	log     zerolog.Logger
	ctx     context.Context // ends when the connection does
	cancel  context.CancelFunc
	out     chan []byte // frames for the writer
	opened  time.Time

	// Reader-owned state.
	doc      document
	settings settings
	cur      *job
}

// settings are what a client's hello may change.
type settings struct {
	unit          offsets.Unit
	minConfidence float64
	maxSpans      int
	debounce      *time.Duration // nil: sized by document length
}

func newSession(parent context.Context, c *websocket.Conn, id string, o *Options,
	fl *flights) *session {
	ctx, cancel := context.WithCancel(parent)
	return &session{
		id:      id,
		conn:    c,
		opts:    o,
		flights: fl,
		log:     o.Logger.With().Str("session_id", id).Logger(),
		ctx:     ctx,
		cancel:  cancel,
		out:     make(chan []byte, o.QueueSize),
		opened:  time.Now(),
		settings: settings{
			unit:          offsets.UTF16,
			minConfidence: o.MinConfidence,
			maxSpans:      max(o.MaxSpans, 0), // on the wire, 0 means no limit
		},
	}
}

// run serves the connection until the peer leaves, a write fails or the
// server shuts down, then stops and joins every goroutine it started.
func (s *session) run() {
	s.opts.Metrics.sessionOpened()
	s.log.Info().Msg("session opened")
	s.conn.SetReadLimit(-1) // readFrame enforces limits without closing

	var wg sync.WaitGroup
	wg.Go(s.writeLoop)
	wg.Go(s.pingLoop)
	s.send(s.ctx, "welcome", s.welcome())
	err := s.readLoop()

	s.stopJob("")
	s.cancel()
	wg.Wait()
	s.conn.CloseNow()
	s.opts.Metrics.sessionClosed()
	s.log.Info().Str("reason", closeReason(err)).
		Float64("elapsed_ms", ms(time.Since(s.opened))).Msg("session closed")
}

// goAway closes the connection with status 1001, as on server shutdown.
func (s *session) goAway() {
	s.conn.Close(websocket.StatusGoingAway, "server shutting down")
	s.cancel()
}

func (s *session) readLoop() error {
	for {
		frame, err := s.readFrame()
		switch {
		case errors.Is(err, errFrameTooLarge):
			s.sendError(&protoError{code: CodeTooLarge, message: err.Error()})
			continue
		case errors.Is(err, errBinaryFrame):
			s.sendError(&protoError{code: CodeBadMessage, message: err.Error()})
			continue
		case err != nil:
			return err
		}
		s.handle(frame)
	}
}

// readFrame reads one whole message. Oversized frames are drained and
// reported, so a paste that is too big costs an error, not the connection.
func (s *session) readFrame() ([]byte, error) {
	typ, r, err := s.conn.Reader(s.ctx)
	if err != nil {
		return nil, err
	}
	limit := int64(s.opts.MaxDocBytes)*6 + 4096 // worst-case JSON escaping
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		n, err := io.Copy(io.Discard, io.LimitReader(r, drainLimit))
		if err != nil {
			return nil, err
		}
		if n == drainLimit {
			s.conn.Close(websocket.StatusMessageTooBig, "frame over 64 MiB")
			return nil, errors.New("frame over drain limit")
		}
		return nil, fmt.Errorf("%w: over %d bytes; documents are limited to %d bytes of UTF-8",
			errFrameTooLarge, limit, s.opts.MaxDocBytes)
	}
	if typ != websocket.MessageText {
		return nil, errBinaryFrame
	}
	return b, nil
}

func (s *session) writeLoop() {
	for {
		select {
		case <-s.ctx.Done():
			return
		case b := <-s.out:
			ctx, cancel := context.WithTimeout(s.ctx, s.opts.WriteTimeout)
			err := s.conn.Write(ctx, websocket.MessageText, b)
			cancel()
			if err != nil {
				s.log.Debug().Err(err).Msg("write failed")
				s.cancel()
				return
			}
		}
	}
}

// pingLoop closes the session when the peer stops answering pings, which
// catches connections that died without a close frame.
func (s *session) pingLoop() {
	t := time.NewTicker(s.opts.PingInterval)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(s.ctx, s.opts.WriteTimeout)
			err := s.conn.Ping(ctx)
			cancel()
			if err != nil {
				s.log.Debug().Err(err).Msg("ping failed")
				s.cancel()
				return
			}
		}
	}
}

// send queues one message for the writer, waiting while the queue is full
// until ctx ends.
func (s *session) send(ctx context.Context, typ string, v any) bool {
	b, err := json.Marshal(v)
	if err != nil {
		// Every message type is a plain struct: this is a programming error.
		s.log.Error().Err(err).Str("type", typ).Msg("encode failed")
		return false
	}
	select {
	case s.out <- b:
		s.opts.Metrics.message("out", typ)
		return true
	case <-ctx.Done():
		return false
	}
}

func (s *session) sendError(e *protoError) {
	s.opts.Metrics.errorSent(e.code)
	s.log.Debug().Str("code", e.code).Int64("doc_version", e.version).Msg("error sent")
	s.send(s.ctx, "error", errorMsg{Type: "error", Code: e.code, Message: e.message,
		Version: e.version})
}

func (s *session) welcome() welcomeMsg {
	id := s.opts.Labeler.Identity()
	var debounce *float64
	if d := s.settings.debounce; d != nil {
		v := ms(*d)
		debounce = &v
	}
	return welcomeMsg{
		Type:     "welcome",
		Session:  s.id,
		Protocol: Protocol,
		Encoding: s.settings.unit.String(),
		Labeler:  labelerInfo{Name: id.Name, Version: id.Version},
		Roles:    stream.Roles,
		Tiers:    tierInfo{High: highTier, Medium: mediumTier},
		Limits: limitsInfo{
			MaxDocBytes:   s.opts.MaxDocBytes,
			MaxSpans:      s.settings.maxSpans,
			MinConfidence: s.settings.minConfidence,
			DebounceMs:    debounce,
		},
	}
}

func closeReason(err error) string {
	switch {
	case err == nil:
		return "ended"
	case websocket.CloseStatus(err) != -1:
		return "closed_" + itoa(int64(websocket.CloseStatus(err)))
	case errors.Is(err, context.Canceled):
		return "cancelled"
	default:
		return "read_error"
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
