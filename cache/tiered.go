package cache

import (
	"context"
	"time"
)

// FrontTTL is the longest a Tiered keeps an entry in its front cache. The
// front only needs to absorb bursts on hot keys; keeping it short bounds how
// long one process can serve a value the shared back no longer has.
const FrontTTL = time.Minute

// Tier names the level of a Tiered cache that answered a Get.
type Tier uint8

// Tiers reported by Tiered.GetTier.
const (
	TierNone  Tier = iota // no tier had the key
	TierFront             // the in-process front cache
	TierBack              // the shared back cache, usually Redis
)

// String returns "none", "front" or "back", suitable as a metric label.
func (t Tier) String() string {
	switch t {
	case TierFront:
		return "front"
	case TierBack:
		return "back"
	}
	return "none"
}

// Tiered is a Cache made of a small in-process front (a Memory) before a
// shared back (a Redis), so that a hot key costs no round trip and the front
// keeps serving when the back is unavailable. Front entries live at most
// FrontTTL, and never longer than the back copy when the back implements
// TTLGetter. Tiered is safe for concurrent use if both tiers are; it does not
// own them, so the caller closes the back itself.
type Tiered struct {
	front, back Cache
}

// NewTiered returns a Tiered reading front first, then back.
func NewTiered(front, back Cache) *Tiered {
	return &Tiered{front: front, back: back}
}

// Get returns the value from the first tier that has it. See GetTier.
func (t *Tiered) Get(ctx context.Context, key string) ([]byte, error) {
	v, _, err := t.GetTier(ctx, key)
	return v, err
}

// GetTier returns the value and the tier that answered. A back hit is copied
// into the front for min(remaining back lifetime, FrontTTL). On a miss the
// tier is TierNone and the error is the back's, so it matches ErrMiss and,
// if the back could not be reached, ErrUnavailable.
func (t *Tiered) GetTier(ctx context.Context, key string) ([]byte, Tier, error) {
	if v, err := t.front.Get(ctx, key); err == nil {
		return v, TierFront, nil
	}

	v, ttl, err := t.getBack(ctx, key)
	if err != nil {
		return nil, TierNone, err
	}
	// The front never fails for lack of a server; an error here would only
	// cost a later round trip, so it does not spoil the hit.
	_ = t.front.Set(ctx, key, v, frontTTL(ttl))
	return v, TierBack, nil
}

// getBack reads the back with its remaining lifetime when it can tell it;
// 0 means unknown or unlimited.
func (t *Tiered) getBack(ctx context.Context, key string) ([]byte, time.Duration, error) {
	if tg, ok := t.back.(TTLGetter); ok {
		return tg.GetTTL(ctx, key)
	}
	v, err := t.back.Get(ctx, key)
	return v, 0, err
}

// Set writes the front, for at most FrontTTL, then the back for ttl. The
// front is written even when the back fails, so this process keeps the
// value; the back's error is returned, and matches ErrUnavailable when the
// back is down.
func (t *Tiered) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	ferr := t.front.Set(ctx, key, value, frontTTL(ttl))
	if err := t.back.Set(ctx, key, value, ttl); err != nil {
		return err
	}
	return ferr
}

// frontTTL caps a lifetime at FrontTTL; 0 (unlimited) becomes FrontTTL.
func frontTTL(ttl time.Duration) time.Duration {
	if ttl <= 0 || ttl > FrontTTL {
		return FrontTTL
	}
	return ttl
}
