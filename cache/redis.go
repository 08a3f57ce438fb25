package cache

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"
)

// Operation names used in errors and in Metrics.RedisErrors.
const (
	opGet = "get"
	opSet = "set"
)

// errBreakerOpen is the cause reported while the breaker refuses calls.
var errBreakerOpen = errors.New("circuit breaker open")

// Redis is a Cache shared between processes through a Redis server or
// cluster. Keys are namespaced by a prefix. Each operation has a short
// deadline, and a circuit breaker stops calling a server that keeps failing:
// while it is open, Get returns an error matching both ErrMiss and
// ErrUnavailable without any network call, and Set is skipped. Redis is safe
// for concurrent use; the caller must call Close.
type Redis struct {
	client    redis.UniversalClient
	prefix    string
	opTimeout time.Duration
	br        *breaker
	lookups   lookupCounters
	getErrors prometheus.Counter
	setErrors prometheus.Counter
}

// NewRedis returns a Redis configured by opts. It only fails on an invalid
// URL: no connection is made until the first operation (use Ping to check
// the server at startup).
func NewRedis(opts RedisOptions) (*Redis, error) {
	opts = opts.withDefaults()
	client, timeout, err := newClient(opts)
	if err != nil {
		return nil, err
	}

	r := &Redis{
		client:    client,
		prefix:    opts.Prefix,
		opTimeout: timeout,
		lookups:   opts.Metrics.lookups(tierRedis),
		br: &breaker{
			threshold: opts.FailureThreshold,
			cooldown:  opts.Cooldown,
			now:       opts.Now,
			onChange:  opts.OnStateChange,
		},
	}
	if m := opts.Metrics; m != nil {
		r.br.gauge = m.BreakerOpen
		r.getErrors = m.RedisErrors.WithLabelValues(opGet)
		r.setErrors = m.RedisErrors.WithLabelValues(opSet)
	}
	return r, nil
}

// Get returns the value stored under key. A missing key is ErrMiss; a server
// that cannot be reached in time, or an open breaker, gives an error that
// matches both ErrMiss and ErrUnavailable. If ctx is cancelled, or already
// done when Get is called, the error wraps ctx.Err(). The driver does not
// interrupt a blocked read on cancellation, only at a deadline, so a
// cancelled Get may still wait out the per-operation timeout.
func (r *Redis) Get(ctx context.Context, key string) ([]byte, error) {
	var val []byte
	err := r.do(ctx, opGet, func(ctx context.Context) error {
		var err error
		val, err = r.client.Get(ctx, r.prefix+key).Bytes()
		return err
	})
	return val, r.countLookup(err)
}

// GetTTL is Get that also returns the key's remaining time to live, 0 when
// it has none, in the same round trip.
func (r *Redis) GetTTL(ctx context.Context, key string) ([]byte, time.Duration, error) {
	var (
		val []byte
		ttl time.Duration
	)
	err := r.do(ctx, opGet, func(ctx context.Context) error {
		var err error
		val, ttl, err = r.getTTL(ctx, r.prefix+key)
		return err
	})
	return val, ttl, r.countLookup(err)
}

// getTTL sends GET and PTTL in one pipeline. A key that expires between the
// two commands is reported as missing.
func (r *Redis) getTTL(ctx context.Context, key string) ([]byte, time.Duration, error) {
	pipe := r.client.Pipeline()
	get := pipe.Get(ctx, key)
	pttl := pipe.PTTL(ctx, key)
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return nil, 0, err
	}
	val, err := get.Bytes()
	if err != nil {
		return nil, 0, err
	}

	// PTTL answers -1 for a key without expiry and -2 for a missing key.
	switch ttl := pttl.Val(); {
	case ttl == -2:
		return nil, 0, redis.Nil
	case ttl == -1:
		return val, 0, nil
	case ttl <= 0:
		return val, time.Millisecond, nil // expiring within the millisecond
	default:
		return val, ttl, nil
	}
}

// Set stores value under key for ttl, rounded by Redis to the millisecond; a
// ttl of zero or less stores it without expiry. While the breaker is open
// the write is skipped and the error matches ErrUnavailable; callers that
// treat the cache as best effort may ignore such errors, since outages are
// reported through RedisOptions.OnStateChange.
func (r *Redis) Set(ctx context.Context, key string, value []byte, ttl time.Duration) error {
	if ttl < 0 {
		ttl = 0 // go-redis reads a negative expiration as KEEPTTL
	}
	return r.do(ctx, opSet, func(ctx context.Context) error {
		return r.client.Set(ctx, r.prefix+key, value, ttl).Err()
	})
}

// Ping checks that the server answers, bypassing the breaker, within the
// per-operation deadline. Its errors match ErrUnavailable.
func (r *Redis) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, r.opTimeout)
	defer cancel()

	if err := r.client.Ping(ctx).Err(); err != nil {
		return &unavailableError{op: "ping", cause: err}
	}
	return nil
}

// BreakerOpen reports whether the circuit breaker is currently refusing
// calls or probing the server.
func (r *Redis) BreakerOpen() bool {
	return r.br.isOpen()
}

// Close closes the connections. Operations after Close fail.
func (r *Redis) Close() error {
	if err := r.client.Close(); err != nil {
		return fmt.Errorf("cache: close redis: %w", err)
	}
	return nil
}

// do runs fn under the breaker and the per-operation deadline, and
// translates its error. It returns nil, redis.Nil (for the caller to turn
// into ErrMiss), an *unavailableError, or an error wrapping ctx.Err() when
// the caller's context was cancelled, or had ended before the call.
//
// A caller's deadline that passes during the call counts as a failure like
// our own: the server was too slow for the time it was given.
func (r *Redis) do(ctx context.Context, op string, fn func(context.Context) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("cache: redis %s: %w", op, err)
	}
	if !r.br.allow() {
		return &unavailableError{op: op, cause: errBreakerOpen}
	}

	opCtx, cancel := context.WithTimeout(ctx, r.opTimeout)
	err := fn(opCtx)
	cancel()

	switch {
	case err == nil || errors.Is(err, redis.Nil):
		r.br.success()
		return err
	case errors.Is(ctx.Err(), context.Canceled):
		// The caller gave up; that says nothing about the server.
		r.br.release()
		return fmt.Errorf("cache: redis %s: %w", op, ctx.Err())
	}
	r.br.failure(err)
	if op == opGet {
		inc(r.getErrors)
	} else {
		inc(r.setErrors)
	}
	return &unavailableError{op: op, cause: err}
}

// countLookup records the outcome of a Get in the metrics and turns
// redis.Nil into ErrMiss.
func (r *Redis) countLookup(err error) error {
	switch {
	case err == nil:
		inc(r.lookups.hit)
	case errors.Is(err, redis.Nil):
		inc(r.lookups.miss)
		return ErrMiss
	case errors.Is(err, ErrUnavailable):
		inc(r.lookups.unavailable)
	}
	return err
}

// unavailableError reports a Redis operation that failed for lack of a
// healthy server. It matches ErrUnavailable and ErrMiss, and deliberately
// does not unwrap to the driver's error: callers branch on our sentinels
// only, and the cause is kept as text.
type unavailableError struct {
	op    string
	cause error
}

func (e *unavailableError) Error() string {
	return "cache: redis " + e.op + ": unavailable: " + e.cause.Error()
}

// Is makes errors.Is match ErrUnavailable and ErrMiss.
func (e *unavailableError) Is(target error) bool {
	return target == ErrUnavailable || target == ErrMiss
}

// SetDriverLogger routes the log lines that the go-redis driver writes on its
// own (dial failures, pool events) to fn, or discards them when fn is nil.
// By default the driver prints them to stderr. The setting is process-wide,
// like the driver's logger; call it once from main.
func SetDriverLogger(fn func(msg string)) {
	redis.SetLogger(driverLogger(fn))
}

type driverLogger func(msg string)

func (l driverLogger) Printf(_ context.Context, format string, v ...any) {
	if l != nil {
		l(fmt.Sprintf(format, v...))
	}
}
