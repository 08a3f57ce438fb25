package cache

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spanstream/spanstream/internal/redistest"
)

// downCache is a back tier whose server is away: Get and Set fail as an
// unreachable Redis would. It counts the calls it receives.
type downCache struct {
	mu         sync.Mutex // guards gets and sets
	gets, sets int
}

var errDown = &unavailableError{op: "test", cause: errors.New("server down")}

func (d *downCache) Get(context.Context, string) ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gets++
	return nil, errDown
}

func (d *downCache) Set(context.Context, string, []byte, time.Duration) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.sets++
	return errDown
}

// plainCache hides the TTLGetter method of the Memory it wraps.
type plainCache struct{ c Cache }

func (p plainCache) Get(ctx context.Context, k string) ([]byte, error) { return p.c.Get(ctx, k) }
func (p plainCache) Set(ctx context.Context, k string, v []byte, ttl time.Duration) error {
	return p.c.Set(ctx, k, v, ttl)
}

// mustGetTier fails the test unless key holds want and tier answered.
func mustGetTier(t *testing.T, c *Tiered, key, want string, tier Tier) {
	t.Helper()
	got, gotTier, err := c.GetTier(context.Background(), key)
	if err != nil || string(got) != want || gotTier != tier {
		t.Fatalf("GetTier(%q) = %q, %v, %v; want %q, %v, nil", key, got, gotTier, err,
			want, tier)
	}
}

// frontTTLOf returns the remaining lifetime of key in a Memory front.
func frontTTLOf(t *testing.T, front *Memory, key string) time.Duration {
	t.Helper()
	_, ttl, err := front.GetTTL(context.Background(), key)
	if err != nil {
		t.Fatalf("front GetTTL(%q): %v", key, err)
	}
	return ttl
}

func TestTieredFillsFrontFromBack(t *testing.T) {
	tests := []struct {
		name      string
		backTTL   time.Duration
		hideTTL   bool // back does not implement TTLGetter
		wantFront time.Duration
	}{
		{"long back ttl is capped", time.Hour, false, FrontTTL},
		{"short back ttl is kept", 20 * time.Second, false, 20 * time.Second},
		{"no back expiry", 0, false, FrontTTL},
		{"unknown back ttl", 20 * time.Second, true, FrontTTL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			front := NewMemory(MemoryOptions{Now: clock.Now})
			backMem := NewMemory(MemoryOptions{Now: clock.Now})
			var back Cache = backMem
			if tt.hideTTL {
				back = plainCache{backMem}
			}
			c := NewTiered(front, back)
			mustSet(t, backMem, "k", "v", tt.backTTL)

			mustGetTier(t, c, "k", "v", TierBack)
			mustGetTier(t, c, "k", "v", TierFront)
			if got := frontTTLOf(t, front, "k"); got != tt.wantFront {
				t.Errorf("front TTL = %v, want %v", got, tt.wantFront)
			}
		})
	}
}

func TestTieredMiss(t *testing.T) {
	c := NewTiered(NewMemory(MemoryOptions{}), NewMemory(MemoryOptions{}))
	v, tier, err := c.GetTier(context.Background(), "absent")
	if !errors.Is(err, ErrMiss) || tier != TierNone || v != nil {
		t.Fatalf("GetTier(absent) = %q, %v, %v; want nil, none, ErrMiss", v, tier, err)
	}
}

func TestTieredSetWritesBoth(t *testing.T) {
	clock := newFakeClock()
	front := NewMemory(MemoryOptions{Now: clock.Now})
	back := NewMemory(MemoryOptions{Now: clock.Now})
	c := NewTiered(front, back)
	mustSet(t, c, "k", "v", time.Hour)

	mustGet(t, front, "k", "v")
	mustGet(t, back, "k", "v")
	if got := frontTTLOf(t, front, "k"); got != FrontTTL {
		t.Errorf("front TTL = %v, want %v", got, FrontTTL)
	}
	if _, got, _ := back.GetTTL(context.Background(), "k"); got != time.Hour {
		t.Errorf("back TTL = %v, want %v", got, time.Hour)
	}
}

func TestTieredServesFrontWhileBackIsDown(t *testing.T) {
	back := &downCache{}
	c := NewTiered(NewMemory(MemoryOptions{}), back)

	err := c.Set(context.Background(), "k", []byte("v"), time.Hour)
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Set with the back down: got %v, want ErrUnavailable", err)
	}
	mustGetTier(t, c, "k", "v", TierFront)

	_, tier, err := c.GetTier(context.Background(), "other")
	if !errors.Is(err, ErrMiss) || !errors.Is(err, ErrUnavailable) || tier != TierNone {
		t.Errorf("GetTier(other) = %v, %v; want none and ErrMiss+ErrUnavailable", tier, err)
	}
	if back.gets != 1 || back.sets != 1 {
		t.Errorf("back saw %d gets, %d sets; want 1, 1 (front hits skip it)",
			back.gets, back.sets)
	}
}

func TestTierString(t *testing.T) {
	for tier, want := range map[Tier]string{TierNone: "none", TierFront: "front",
		TierBack: "back", Tier(9): "none"} {
		if got := tier.String(); got != want {
			t.Errorf("Tier(%d).String() = %q, want %q", tier, got, want)
		}
	}
}

func TestTieredOverRedis(t *testing.T) {
	raw := redistest.Require(t)
	r := newTestRedis(t, RedisOptions{Prefix: redistest.Prefix(t, raw)})
	writer := NewTiered(NewMemory(MemoryOptions{}), r)
	mustSet(t, writer, "k", "shared", 30*time.Second)

	// Another process: its own front, the same Redis.
	front := NewMemory(MemoryOptions{})
	reader := NewTiered(front, r)
	mustGetTier(t, reader, "k", "shared", TierBack)
	mustGetTier(t, reader, "k", "shared", TierFront)
	if got := frontTTLOf(t, front, "k"); got <= 0 || got > 30*time.Second {
		t.Errorf("front TTL = %v, want within (0, 30s], bounded by Redis's PTTL", got)
	}
}

func TestSetDriverLogger(t *testing.T) {
	var (
		mu   sync.Mutex // guards logs
		logs []string
	)
	SetDriverLogger(func(msg string) {
		mu.Lock()
		defer mu.Unlock()
		logs = append(logs, msg)
	})
	t.Cleanup(func() { SetDriverLogger(nil) })

	r := newTestRedis(t, RedisOptions{URL: "redis://127.0.0.1:1", FailureThreshold: 100})
	mustUnavailable(t, "Get", getErr(t, r, "k"))

	mu.Lock()
	defer mu.Unlock()
	if len(logs) == 0 || !strings.Contains(strings.Join(logs, "\n"), "dial") {
		t.Errorf("driver logs = %q, want a line about the failed dial", logs)
	}
}

func BenchmarkTieredGetFront(b *testing.B) {
	c := NewTiered(NewMemory(MemoryOptions{}), &downCache{})
	ctx := context.Background()
	_ = c.Set(ctx, "hot", make([]byte, 512), time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := c.GetTier(ctx, "hot"); err != nil {
			b.Fatal(err)
		}
	}
}
