package cache

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// Leaser is a Cache that can also hand out short leases, so that of several
// processes missing the same key only one computes its value while the
// others wait for it to appear.
type Leaser interface {
	Cache
	// Lease tries to take the lease on key for ttl. It returns a token and
	// true when taken, false when another holder has it.
	Lease(ctx context.Context, key string, ttl time.Duration) (token string, ok bool, err error)
	// Renew extends a lease this caller holds; it returns ErrLeaseLost when
	// the lease expired or passed to another holder.
	Renew(ctx context.Context, key, token string, ttl time.Duration) error
	// Release gives a lease up, if token still holds it.
	Release(ctx context.Context, key, token string) error
	// Leased reports whether anyone holds the lease on key.
	Leased(ctx context.Context, key string) (bool, error)
}

// ErrLeaseLost is returned by Renew when the lease is no longer the caller's.
var ErrLeaseLost = errors.New("cache: lease lost")

const opLease = "lease"

// leaseKey names the lease of key, beside the key itself.
func (r *Redis) leaseKey(key string) string { return r.prefix + "lease:" + key }

// Only the holder may extend or delete a lease: both compare the token
// first, atomically.
var (
	renewScript = redis.NewScript(`if redis.call("GET", KEYS[1]) == ARGV[1] then
return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end`)
	releaseScript = redis.NewScript(`if redis.call("GET", KEYS[1]) == ARGV[1] then
return redis.call("DEL", KEYS[1]) else return 0 end`)
)

// Lease implements Leaser with SET NX PX.
func (r *Redis) Lease(ctx context.Context, key string, ttl time.Duration) (string, bool, error) {
	var b [12]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	var ok bool
	err := r.do(ctx, opLease, func(ctx context.Context) error {
		var err error
		ok, err = r.client.SetNX(ctx, r.leaseKey(key), token, ttl).Result()
		return err
	})
	return token, ok, err
}

// Renew implements Leaser.
func (r *Redis) Renew(ctx context.Context, key, token string, ttl time.Duration) error {
	var n int64
	err := r.do(ctx, opLease, func(ctx context.Context) error {
		var err error
		n, err = renewScript.Run(ctx, r.client, []string{r.leaseKey(key)}, token,
			ttl.Milliseconds()).Int64()
		return err
	})
	if err == nil && n == 0 {
		return ErrLeaseLost
	}
	return err
}

// Release implements Leaser.
func (r *Redis) Release(ctx context.Context, key, token string) error {
	return r.do(ctx, opLease, func(ctx context.Context) error {
		return releaseScript.Run(ctx, r.client, []string{r.leaseKey(key)}, token).Err()
	})
}

// Leased implements Leaser.
func (r *Redis) Leased(ctx context.Context, key string) (bool, error) {
	var n int64
	err := r.do(ctx, opLease, func(ctx context.Context) error {
		var err error
		n, err = r.client.Exists(ctx, r.leaseKey(key)).Result()
		return err
	})
	return n > 0, err
}

// Lease implements Leaser through the back tier; without a leasing back,
// every lease is granted with an empty token, as there is no one to share
// with and nothing to renew.
func (t *Tiered) Lease(ctx context.Context, key string, ttl time.Duration) (string, bool, error) {
	if l, ok := t.back.(Leaser); ok {
		return l.Lease(ctx, key, ttl)
	}
	return "", true, nil
}

// Renew implements Leaser through the back tier.
func (t *Tiered) Renew(ctx context.Context, key, token string, ttl time.Duration) error {
	if l, ok := t.back.(Leaser); ok {
		return l.Renew(ctx, key, token, ttl)
	}
	return nil
}

// Release implements Leaser through the back tier.
func (t *Tiered) Release(ctx context.Context, key, token string) error {
	if l, ok := t.back.(Leaser); ok {
		return l.Release(ctx, key, token)
	}
	return nil
}

// Leased implements Leaser through the back tier.
func (t *Tiered) Leased(ctx context.Context, key string) (bool, error) {
	if l, ok := t.back.(Leaser); ok {
		return l.Leased(ctx, key)
	}
	return false, nil
}

// GetShared reads the back tier only: a value another process just stored
// is there, not in this process's front.
func (t *Tiered) GetShared(ctx context.Context, key string) ([]byte, error) {
	return t.back.Get(ctx, key)
}
