package cache

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Defaults of RedisOptions, used for its zero fields.
const (
	DefaultRedisURL         = "redis://127.0.0.1:6379/0"
	DefaultPrefix           = "spanstream:"
	DefaultReadTimeout      = 50 * time.Millisecond
	DefaultWriteTimeout     = 50 * time.Millisecond
	DefaultDialTimeout      = 200 * time.Millisecond
	DefaultFailureThreshold = 3
	DefaultCooldown         = 2 * time.Second
)

// RedisOptions configures NewRedis. The zero value means the defaults.
type RedisOptions struct {
	// URL locates the server: redis://[user:password@]host:port/db, or
	// rediss:// for TLS, with go-redis query parameters such as
	// pool_size=20. Several comma-separated URLs or host:port pairs
	// ("redis://a:6379,b:6379"), or addr= parameters, name the seed nodes of
	// a Redis Cluster, where the database number is ignored; only the first
	// URL may carry credentials and parameters. Default DefaultRedisURL
	// (redis://127.0.0.1:6379/0).
	URL string
	// Cluster makes a single address the entry point of a Redis Cluster (a
	// managed cluster's configuration endpoint) rather than one server.
	// Default false.
	Cluster bool
	// Prefix namespaces every key, so that several services or test runs can
	// share one database. Default DefaultPrefix ("spanstream:").
	Prefix string

	// ReadTimeout bounds waiting for one reply. Default 50 ms, or the URL's
	// read_timeout when that is set and this field is zero.
	ReadTimeout time.Duration
	// WriteTimeout bounds sending one command. Default 50 ms, or the URL's
	// write_timeout.
	WriteTimeout time.Duration
	// DialTimeout bounds opening a connection. Default 200 ms, or the URL's
	// dial_timeout. No operation, dial included, takes longer than
	// DialTimeout + WriteTimeout + ReadTimeout.
	DialTimeout time.Duration

	// FailureThreshold is the number of consecutive failed operations that
	// opens the circuit breaker. Default 3.
	FailureThreshold int
	// Cooldown is how long the open breaker refuses calls before letting one
	// probe through. Default 2 seconds.
	Cooldown time.Duration
	// OnStateChange, if set, is called with open=true and the last error when
	// the breaker opens, and with open=false and a nil error when a probe
	// closes it again: one report per outage, so the caller can log one
	// warning. It runs synchronously inside the operation that caused the
	// change, with the breaker locked: it must be quick and must not call
	// this Redis. Default nil.
	OnStateChange func(open bool, err error)

	// Metrics receives lookups (tier "redis"), errors and breaker state.
	// Default nil: no metrics.
	Metrics *Metrics
	// Now reads the clock used for the breaker cooldown. Default time.Now.
	Now func() time.Time
}

// withDefaults returns o with its zero fields replaced, except the timeouts,
// which fall back to the URL before the defaults.
func (o RedisOptions) withDefaults() RedisOptions {
	if o.URL == "" {
		o.URL = DefaultRedisURL
	}
	if o.Prefix == "" {
		o.Prefix = DefaultPrefix
	}
	if o.FailureThreshold <= 0 {
		o.FailureThreshold = DefaultFailureThreshold
	}
	if o.Cooldown <= 0 {
		o.Cooldown = DefaultCooldown
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// clientKnobs points at the fields of redis.Options or redis.ClusterOptions
// that NewRedis tunes, so both client kinds get the same treatment.
type clientKnobs struct {
	read, write, dial, pool *time.Duration
	maxRetries, dialRetries *int
	contextTimeoutEnabled   *bool
}

// tune applies the hot-path settings and returns the deadline given to each
// operation. Retries are off unless the URL asks for them: a failed cache
// lookup is cheaper than a retried one, and the breaker handles outages.
func (k clientKnobs) tune(o RedisOptions) time.Duration {
	*k.read = pick(o.ReadTimeout, *k.read, DefaultReadTimeout)
	*k.write = pick(o.WriteTimeout, *k.write, DefaultWriteTimeout)
	*k.dial = pick(o.DialTimeout, *k.dial, DefaultDialTimeout)
	if *k.pool == 0 {
		*k.pool = *k.read + *k.write
	}
	if *k.maxRetries == 0 {
		*k.maxRetries = -1
	}
	if *k.dialRetries == 0 {
		*k.dialRetries = 1
	}
	*k.contextTimeoutEnabled = true
	return positive(*k.dial, DefaultDialTimeout) +
		positive(*k.write, DefaultWriteTimeout) +
		positive(*k.read, DefaultReadTimeout)
}

// pick returns the first non-zero of field and fromURL, else def.
func pick(field, fromURL, def time.Duration) time.Duration {
	switch {
	case field != 0:
		return field
	case fromURL != 0:
		return fromURL
	}
	return def
}

// positive returns d, or def when d disables a timeout (zero or negative).
func positive(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// newClient builds the go-redis client described by o and returns it with
// the per-operation deadline.
func newClient(o RedisOptions) (redis.UniversalClient, time.Duration, error) {
	parts := strings.Split(o.URL, ",")
	if len(parts) == 1 && !o.Cluster && !hasAddrParam(o.URL) {
		opt, err := redis.ParseURL(o.URL)
		if err != nil {
			return nil, 0, fmt.Errorf("cache: parse redis url: %w", redactURLError(err))
		}
		timeout := clientKnobs{&opt.ReadTimeout, &opt.WriteTimeout, &opt.DialTimeout,
			&opt.PoolTimeout, &opt.MaxRetries, &opt.DialerRetries,
			&opt.ContextTimeoutEnabled}.tune(o)
		return redis.NewClient(opt), timeout, nil
	}

	opt, err := parseClusterURLs(parts)
	if err != nil {
		return nil, 0, fmt.Errorf("cache: parse redis url: %w", err)
	}
	timeout := clientKnobs{&opt.ReadTimeout, &opt.WriteTimeout, &opt.DialTimeout,
		&opt.PoolTimeout, &opt.MaxRetries, &opt.DialerRetries,
		&opt.ContextTimeoutEnabled}.tune(o)
	return redis.NewClusterClient(opt), timeout, nil
}

// hasAddrParam reports whether a URL lists further nodes in addr=
// parameters, which only the cluster client understands.
func hasAddrParam(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.Query().Has("addr")
}

// parseClusterURLs reads the first part as a full URL and each further part
// as another seed node, given either as a URL or as host[:port].
func parseClusterURLs(parts []string) (*redis.ClusterOptions, error) {
	opt, err := redis.ParseClusterURL(strings.TrimSpace(parts[0]))
	if err != nil {
		return nil, redactURLError(err)
	}
	for i, p := range parts[1:] {
		addr, err := nodeAddr(strings.TrimSpace(p))
		if err != nil {
			return nil, fmt.Errorf("address %d: %w", i+2, err)
		}
		opt.Addrs = append(opt.Addrs, addr)
	}
	return opt, nil
}

// errInvalidNode never quotes the address, which may hold a password.
var errInvalidNode = errors.New("invalid node address")

// nodeAddr returns the host:port of a seed node written as a URL or as
// host[:port], with Redis's port 6379 when none is given.
func nodeAddr(s string) (string, error) {
	host := s
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			return "", redactURLError(err)
		}
		// Credentials, database and parameters come from the first URL;
		// reject them here rather than silently ignore them.
		if u.User != nil || strings.Trim(u.Path, "/") != "" || u.RawQuery != "" {
			return "", errors.New("only the first url may carry credentials, path or options")
		}
		host = u.Host
	}
	if host == "" || strings.ContainsAny(host, "/?#@ ") {
		return "", errInvalidNode
	}
	if h, p, err := net.SplitHostPort(host); err == nil {
		if h == "" || p == "" {
			return "", errInvalidNode
		}
		return host, nil
	}
	return net.JoinHostPort(strings.Trim(host, "[]"), "6379"), nil
}

// redactURLError drops the URL, which may hold a password, from a url.Parse
// error and keeps only the reason.
func redactURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
