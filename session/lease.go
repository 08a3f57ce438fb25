package session

import (
	"context"
	"errors"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spanstream/spanstream/cache"
	"github.com/spanstream/spanstream/stream"
)

// label runs the labeler for one flight and caches a complete result.
// Results cut short or with a warning (a model fallback) are never cached.
//
// With a cache that hands out leases (Redis), servers coordinate: the one
// that takes the lease on the key labels, the others poll the shared cache
// until its result appears, and take over if the lease expires without one
// (its holder died). Lease trouble never stops labeling: this server then
// labels on its own.
func (s *Server) label(ctx context.Context, key, text string,
	emit func(stream.Update)) (stream.Result, bool, error) {
	// A flight that finished during this one's debounce stored the answer.
	if res, ok := s.cached(ctx, key, text); ok {
		return res, true, nil
	}
	l, ok := s.opts.Cache.(cache.Leaser)
	if !ok {
		res, err := s.labelAndStore(ctx, key, text, emit)
		return res, false, err
	}
	for {
		token, got, err := l.Lease(ctx, key, s.opts.LeaseTTL)
		if err != nil || got {
			res, err := s.labelLeased(ctx, l, key, token, got, text, emit)
			return res, false, err
		}
		res, found, err := s.awaitShared(ctx, l, key, text)
		if err != nil || found {
			return res, found, err
		}
	}
}

// labelLeased labels while renewing the lease, when held, then releases it.
func (s *Server) labelLeased(ctx context.Context, l cache.Leaser, key, token string,
	held bool, text string, emit func(stream.Update)) (stream.Result, error) {
	if !held || token == "" { // no lease, or a cache with no one to share it
		return s.labelAndStore(ctx, key, text, emit)
	}
	renewCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { s.renew(renewCtx, l, key, token) })
	res, err := s.labelAndStore(ctx, key, text, emit)
	stop()
	wg.Wait()
	// Released even when ctx has ended, so that others need not wait out
	// the lease.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	l.Release(rctx, key, token)
	return res, err
}

// renew keeps the lease alive until ctx ends.
func (s *Server) renew(ctx context.Context, l cache.Leaser, key, token string) {
	t := time.NewTicker(s.opts.LeaseTTL / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			err := l.Renew(ctx, key, token, s.opts.LeaseTTL)
			if errors.Is(err, cache.ErrLeaseLost) {
				return
			}
		}
	}
}

// awaitShared polls the shared cache for the result another server is
// computing. found is false when the lease ended without a result.
func (s *Server) awaitShared(ctx context.Context, l cache.Leaser, key,
	text string) (res stream.Result, found bool, err error) {
	s.opts.Metrics.leaseWait()
	t := time.NewTicker(s.opts.LeasePoll)
	defer t.Stop()
	for {
		if res, ok := s.shared(ctx, key, text); ok {
			return res, true, nil
		}
		if held, err := l.Leased(ctx, key); err != nil || !held {
			// One last look: the holder may have stored and released
			// between the two calls.
			res, ok := s.shared(ctx, key, text)
			return res, ok, nil
		}
		select {
		case <-ctx.Done():
			return stream.Result{}, false, ctx.Err()
		case <-t.C:
		}
	}
}

// cached reads a result from the cache.
func (s *Server) cached(ctx context.Context, key, text string) (stream.Result, bool) {
	res, err := readResult(ctx, s.opts.Cache.Get, key, text)
	return res, err == nil
}

// shared reads a result from the shared tier of the cache, where another
// server stores it.
func (s *Server) shared(ctx context.Context, key, text string) (stream.Result, bool) {
	get := s.opts.Cache.Get
	if t, ok := s.opts.Cache.(interface {
		GetShared(context.Context, string) ([]byte, error)
	}); ok {
		get = t.GetShared
	}
	res, err := readResult(ctx, get, key, text)
	return res, err == nil
}

// readResult reads the result cached under key for text: cache.ErrMiss (or
// a cache failure) when there is none, errCorrupt when it does not fit text.
func readResult(ctx context.Context, get func(context.Context, string) ([]byte, error),
	key, text string) (stream.Result, error) {
	b, err := get(ctx, key)
	if err != nil {
		return stream.Result{}, err
	}
	source, spans, err := decodeResult(text, b)
	if err != nil {
		return stream.Result{}, err
	}
	return stream.Result{Spans: spans, Source: source, Complete: true}, nil
}

func (s *Server) labelAndStore(ctx context.Context, key, text string,
	emit func(stream.Update)) (stream.Result, error) {
	res, err := s.opts.Labeler.Label(ctx, text, emit)
	if err != nil || !res.Complete || res.Warning != "" {
		return res, err
	}
	ttl := s.opts.TTL.TTL(utf8.RuneCountInString(text))
	if err := s.opts.Cache.Set(ctx, key, encodeResult(res.Source, res.Spans), ttl); err != nil {
		s.opts.Logger.Debug().Err(err).Msg("cache set failed")
	}
	return res, nil
}
