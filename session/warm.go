package session

import (
	"context"
	"errors"

	"github.com/spanstream/spanstream/stream"
)

// Warm labels text into the cache as a session would, segment by
// segment, without a client. It returns how many segments were already
// cached and how many it labeled. Concurrent calls, and sessions asking
// for the same segments meanwhile, share labelings.
func (s *Server) Warm(ctx context.Context, text string) (cached, labeled int, err error) {
	id := s.opts.Labeler.Identity()
	notify := make(chan struct{}, 1)
	for _, seg := range split(text, s.opts.SegmentChars) {
		key := cacheKey(id, seg.text)
		if _, err := s.opts.Cache.Get(ctx, key); err == nil {
			cached++
			continue
		}
		if err := s.await(ctx, key, seg.text, notify); err != nil {
			return cached, labeled, err
		}
		labeled++
	}
	return cached, labeled, nil
}

// await joins the flight for one segment and waits for it to finish.
func (s *Server) await(ctx context.Context, key, text string, notify chan struct{}) error {
	sub, _ := s.flights.join(key, text, "warm", notify)
	defer s.flights.leave(sub)
	for {
		if p := sub.read(); p.finished {
			if p.err == nil && (!p.res.Complete || p.res.Warning != "") {
				return errors.New("session: result not cached: " + incomplete(p.res))
			}
			return p.err
		}
		select {
		case <-notify:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func incomplete(res stream.Result) string {
	if res.Warning != "" {
		return res.Warning
	}
	return "the answer was cut short"
}
