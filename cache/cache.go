package cache

import (
	"context"
	"errors"
	"time"
)

// ErrMiss is returned by Get when the key is absent or expired.
var ErrMiss = errors.New("cache: miss")

// ErrUnavailable is wrapped by errors from a backing store that could not be
// reached: a timeout, a refused connection, or an open circuit breaker. A Get
// that fails this way also matches ErrMiss, so callers that only care about
// the value treat it as a miss; callers that count outages test for
// ErrUnavailable.
var ErrUnavailable = errors.New("cache: unavailable")

// Cache maps keys to opaque values with a time to live. Implementations are
// safe for concurrent use. Values are encoded by the caller; the cache never
// looks inside them.
type Cache interface {
	// Get returns the value stored under key, or ErrMiss.
	Get(ctx context.Context, key string) ([]byte, error)
	// Set stores value under key for ttl.
	Set(ctx context.Context, key string, value []byte, ttl time.Duration) error
}

// TTLGetter is implemented by caches that can return an entry's remaining
// lifetime together with its value in one step. Tiered uses it to keep a
// front copy no longer than the back copy lives.
type TTLGetter interface {
	// GetTTL returns the value stored under key and its remaining time to
	// live, 0 when the entry never expires, or ErrMiss.
	GetTTL(ctx context.Context, key string) ([]byte, time.Duration, error)
}
