package cache

import (
	"context"
	"errors"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/spanstream/spanstream/internal/redistest"
)

// newTestRedis returns a Redis that is closed when the test ends.
func newTestRedis(t testing.TB, opts RedisOptions) *Redis {
	t.Helper()
	r, err := NewRedis(opts)
	if err != nil {
		t.Fatalf("NewRedis: %v", err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

// within runs call and fails the test if it has not returned after
// redistest.HangGuard: cache calls must never block for long, whatever the server does.
func within(t *testing.T, what string, call func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		call()
	}()
	select {
	case <-done:
	case <-time.After(redistest.HangGuard):
		t.Fatalf("%s still blocked after %v", what, redistest.HangGuard)
	}
}

// getErr calls Get under the hang guard and returns its error.
func getErr(t *testing.T, r *Redis, key string) error {
	t.Helper()
	var err error
	within(t, "Get("+key+")", func() { _, err = r.Get(context.Background(), key) })
	return err
}

// setErr calls Set under the hang guard and returns its error.
func setErr(t *testing.T, r *Redis, key string) error {
	t.Helper()
	var err error
	within(t, "Set("+key+")", func() {
		err = r.Set(context.Background(), key, []byte("v"), time.Minute)
	})
	return err
}

// mustUnavailable fails the test unless err matches both ErrUnavailable and
// ErrMiss.
func mustUnavailable(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, ErrUnavailable) || !errors.Is(err, ErrMiss) {
		t.Fatalf("%s: got error %v, want one matching ErrUnavailable and ErrMiss", what, err)
	}
}

// refusedByBreaker reports whether err comes from an open breaker rather
// than from a call that reached the network.
func refusedByBreaker(err error) bool {
	var ue *unavailableError
	return errors.As(err, &ue) && ue.cause == errBreakerOpen
}

func TestRedisHitAfterMiss(t *testing.T) {
	raw := redistest.Require(t)
	prefix := redistest.Prefix(t, raw)
	r := newTestRedis(t, RedisOptions{Prefix: prefix})

	err := getErr(t, r, "k")
	if !errors.Is(err, ErrMiss) || errors.Is(err, ErrUnavailable) {
		t.Fatalf("Get of a missing key: got %v, want ErrMiss alone", err)
	}
	mustSet(t, r, "k", "labeled", time.Minute)
	mustGet(t, r, "k", "labeled")

	// The key lives under the prefix, not under its bare name.
	got, err := raw.Get(context.Background(), prefix+"k").Result()
	if err != nil || got != "labeled" {
		t.Errorf("raw GET %sk = %q, %v; want %q", prefix, got, err, "labeled")
	}
}

func TestRedisTTL(t *testing.T) {
	raw := redistest.Require(t)
	prefix := redistest.Prefix(t, raw)
	r := newTestRedis(t, RedisOptions{Prefix: prefix})
	tests := []struct {
		name    string
		ttl     time.Duration
		forever bool
	}{
		{"minutes", 90 * time.Second, false},
		{"sub-second", 1500 * time.Millisecond, false},
		{"zero is no expiry", 0, true},
		{"negative is no expiry", -time.Second, true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := "ttl-" + strconv.Itoa(i)
			mustSet(t, r, key, "v", tt.ttl)
			pttl, err := raw.PTTL(context.Background(), prefix+key).Result()
			if err != nil {
				t.Fatal(err)
			}
			_, got, err := r.GetTTL(context.Background(), key)
			if err != nil {
				t.Fatalf("GetTTL: %v", err)
			}
			if tt.forever {
				if pttl != -1 || got != 0 {
					t.Errorf("PTTL, GetTTL = %v, %v; want -1 (none), 0", pttl, got)
				}
				return
			}
			if pttl <= 0 || pttl > tt.ttl || got <= 0 || got > tt.ttl {
				t.Errorf("PTTL, GetTTL = %v, %v; want both in (0, %v]", pttl, got, tt.ttl)
			}
		})
	}

	if _, _, err := r.GetTTL(context.Background(), "absent"); !errors.Is(err, ErrMiss) {
		t.Errorf("GetTTL(absent): got %v, want ErrMiss", err)
	}
}

func TestRedisUnreachableOpensBreaker(t *testing.T) {
	clock, rec := newFakeClock(), &stateRecorder{}
	met := NewMetrics(prometheus.NewRegistry())
	addr := "127.0.0.1:" + strconv.Itoa(redistest.FreePort(t)) // nothing listens here
	r := newTestRedis(t, RedisOptions{URL: "redis://" + addr, Now: clock.Now,
		OnStateChange: rec.record, Metrics: met})

	for i := range DefaultFailureThreshold {
		err := getErr(t, r, "k")
		mustUnavailable(t, "Get "+strconv.Itoa(i), err)
		if refusedByBreaker(err) {
			t.Fatalf("Get %d refused by the breaker before the threshold", i)
		}
	}
	rec.check(t, true)
	if !r.BreakerOpen() {
		t.Fatal("BreakerOpen() = false after the threshold, want true")
	}

	err := getErr(t, r, "k")
	mustUnavailable(t, "Get while open", err)
	if !refusedByBreaker(err) {
		t.Errorf("Get while open: got %v, want a refusal by the breaker", err)
	}
	if err := setErr(t, r, "k"); !errors.Is(err, ErrUnavailable) || !refusedByBreaker(err) {
		t.Errorf("Set while open: got %v, want a skipped write matching ErrUnavailable", err)
	}

	checks := []struct {
		name string
		m    prometheus.Metric
		want float64
	}{
		{"get errors", met.RedisErrors.WithLabelValues("get"), 3},
		{"set errors", met.RedisErrors.WithLabelValues("set"), 0},
		{"unavailable lookups", met.Lookups.WithLabelValues("redis", "unavailable"), 4},
		{"breaker gauge", met.BreakerOpen, 1},
	}
	for _, c := range checks {
		if got := metricValue(t, c.m); got != c.want {
			t.Errorf("%s = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestRedisSilentServer(t *testing.T) {
	srv := redistest.StartSilent(t)
	r := newTestRedis(t, RedisOptions{URL: "redis://" + srv.Addr(), FailureThreshold: 100})

	mustUnavailable(t, "Get", getErr(t, r, "k"))
	if err := setErr(t, r, "k"); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Set: got %v, want ErrUnavailable", err)
	}
	if err := r.Ping(context.Background()); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Ping: got %v, want ErrUnavailable", err)
	}
}

func TestRedisCallerCancelDoesNotTripBreaker(t *testing.T) {
	srv := redistest.StartSilent(t)
	r := newTestRedis(t, RedisOptions{URL: "redis://" + srv.Addr(), FailureThreshold: 1})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	for range 3 {
		_, err := r.Get(ctx, "k")
		if !errors.Is(err, context.Canceled) || errors.Is(err, ErrUnavailable) {
			t.Fatalf("Get with a cancelled context: got %v, want context.Canceled only", err)
		}
	}
	if err := r.Set(ctx, "k", nil, 0); !errors.Is(err, context.Canceled) {
		t.Fatalf("Set with a cancelled context: got %v, want context.Canceled", err)
	}
	if r.BreakerOpen() {
		t.Error("BreakerOpen() = true after cancelled calls, want false")
	}
}

func TestRedisBreakerAcrossRestart(t *testing.T) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("redis-server not on PATH; cannot start and stop a private server")
	}
	port := redistest.FreePort(t)
	srv := redistest.StartServer(t, port)
	clock, rec := newFakeClock(), &stateRecorder{}
	r := newTestRedis(t, RedisOptions{URL: "redis://127.0.0.1:" + strconv.Itoa(port),
		Now: clock.Now, OnStateChange: rec.record})
	mustSet(t, r, "k", "before", time.Minute)
	mustGet(t, r, "k", "before")

	srv.Stop()
	for i := range DefaultFailureThreshold {
		mustUnavailable(t, "Get after kill "+strconv.Itoa(i), getErr(t, r, "k"))
	}
	rec.check(t, true)
	if err := setErr(t, r, "k"); !refusedByBreaker(err) {
		t.Fatalf("Set while open: got %v, want a refusal by the breaker", err)
	}

	// A probe against the still-dead server reopens without a new report.
	clock.Advance(DefaultCooldown)
	mustUnavailable(t, "probe while down", getErr(t, r, "k"))
	rec.check(t, true)

	redistest.StartServer(t, port)
	clock.Advance(DefaultCooldown)
	if err := getErr(t, r, "k"); !errors.Is(err, ErrMiss) || errors.Is(err, ErrUnavailable) {
		t.Fatalf("probe after restart: got %v, want ErrMiss alone (data was not saved)", err)
	}
	rec.check(t, true, false)
	mustSet(t, r, "k", "after", time.Minute)
	mustGet(t, r, "k", "after")
}

func BenchmarkRedisGet(b *testing.B) {
	raw := redistest.Require(b)
	r := newTestRedis(b, RedisOptions{Prefix: redistest.Prefix(b, raw)})
	ctx := context.Background()
	value := make([]byte, 512)
	if err := r.Set(ctx, "hot", value, time.Minute); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Get(ctx, "hot"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRedisGetTTL is the back-tier read of Tiered: GET and PTTL in one
// pipeline.
func BenchmarkRedisGetTTL(b *testing.B) {
	raw := redistest.Require(b)
	r := newTestRedis(b, RedisOptions{Prefix: redistest.Prefix(b, raw)})
	ctx := context.Background()
	if err := r.Set(ctx, "hot", make([]byte, 512), time.Minute); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := r.GetTTL(ctx, "hot"); err != nil {
			b.Fatal(err)
		}
	}
}
