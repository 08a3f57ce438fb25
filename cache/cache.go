// Package cache stores finished labelings so that a text labeled once comes
// back without labeling it again: in process memory, and shared through
// Redis.
package cache

import (
	"context"
	"errors"
	"time"
)

// ErrMiss is returned by Get when the key is absent or expired.
var ErrMiss = errors.New("cache: miss")

// Cache maps keys to opaque values with a time to live. Implementations are
// safe for concurrent use. Values are encoded by the caller; the cache never
// looks inside them.
type Cache interface {
	// Get returns the value stored under key, or ErrMiss.
	Get(ctx context.Context, key string) ([]byte, error)
	// Set stores value under key for ttl.
	Set(ctx context.Context, key string, value []byte, ttl time.Duration) error
}
