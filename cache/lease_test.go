package cache

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/spanstream/spanstream/internal/redistest"
)

func TestRedisLease(t *testing.T) {
	raw := redistest.Require(t)
	prefix := redistest.Prefix(t, raw)
	a := newTestRedis(t, RedisOptions{URL: "redis://" + redistest.Addr, Prefix: prefix})
	b := newTestRedis(t, RedisOptions{URL: "redis://" + redistest.Addr, Prefix: prefix})
	ctx := context.Background()

	tokA, ok, err := a.Lease(ctx, "k", time.Minute)
	if err != nil || !ok {
		t.Fatalf("first lease: got ok=%v err=%v, want it taken", ok, err)
	}
	if _, ok, err := b.Lease(ctx, "k", time.Minute); err != nil || ok {
		t.Fatalf("second lease: got ok=%v err=%v, want it refused", ok, err)
	}
	if held, err := b.Leased(ctx, "k"); err != nil || !held {
		t.Errorf("Leased: got %v, %v; want true", held, err)
	}
	if err := b.Renew(ctx, "k", "not-the-token", time.Minute); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("renew with a foreign token: got %v, want ErrLeaseLost", err)
	}
	if err := a.Renew(ctx, "k", tokA, 2*time.Minute); err != nil {
		t.Errorf("renew by the holder: %v", err)
	}
	if pttl := raw.PTTL(ctx, prefix+"lease:k").Val(); pttl <= time.Minute {
		t.Errorf("lease PTTL after renew is %v, want over a minute", pttl)
	}
	if err := b.Release(ctx, "k", "not-the-token"); err != nil {
		t.Fatal(err)
	}
	if held, _ := a.Leased(ctx, "k"); !held {
		t.Error("a foreign release removed the lease")
	}
	if err := a.Release(ctx, "k", tokA); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := b.Lease(ctx, "k", time.Minute); !ok {
		t.Error("lease not free after its holder released it")
	}
}

func TestTieredLeaseWithoutLeasingBack(t *testing.T) {
	tc := NewTiered(NewMemory(MemoryOptions{}), NewMemory(MemoryOptions{}))
	if _, ok, err := tc.Lease(context.Background(), "k", time.Second); !ok || err != nil {
		t.Errorf("got ok=%v err=%v, want every lease granted", ok, err)
	}
}
