package cache

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// cost is the accounted size of one entry, as documented on EntryOverhead.
func cost(key, value string) int64 {
	return int64(len(key) + len(value) + EntryOverhead)
}

// mustGet fails the test unless key holds want.
func mustGet(t *testing.T, c Cache, key, want string) {
	t.Helper()
	got, err := c.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("Get(%q): got error %v, want %q", key, err, want)
	}
	if string(got) != want {
		t.Fatalf("Get(%q) = %q, want %q", key, got, want)
	}
}

// mustMiss fails the test unless Get(key) reports ErrMiss.
func mustMiss(t *testing.T, c Cache, key string) {
	t.Helper()
	got, err := c.Get(context.Background(), key)
	if !errors.Is(err, ErrMiss) {
		t.Fatalf("Get(%q) = %q, %v; want ErrMiss", key, got, err)
	}
}

// mustSet fails the test if Set fails.
func mustSet(t *testing.T, c Cache, key, value string, ttl time.Duration) {
	t.Helper()
	if err := c.Set(context.Background(), key, []byte(value), ttl); err != nil {
		t.Fatalf("Set(%q): %v", key, err)
	}
}

// checkSize fails the test unless m holds n entries of the given total size.
func checkSize(t *testing.T, m *Memory, n int, size int64) {
	t.Helper()
	if got := m.Len(); got != n {
		t.Errorf("Len() = %d, want %d", got, n)
	}
	if got := m.Bytes(); got != size {
		t.Errorf("Bytes() = %d, want %d", got, size)
	}
}

func TestMemoryGetSet(t *testing.T) {
	m := NewMemory(MemoryOptions{})
	mustMiss(t, m, "a")

	mustSet(t, m, "a", "first", 0)
	mustGet(t, m, "a", "first")
	mustSet(t, m, "a", "second value", 0)
	mustGet(t, m, "a", "second value")
	mustSet(t, m, "empty", "", 0)
	mustGet(t, m, "empty", "")
	mustMiss(t, m, "b")

	checkSize(t, m, 2, cost("a", "second value")+cost("empty", ""))
}

func TestMemoryCopiesValues(t *testing.T) {
	m := NewMemory(MemoryOptions{})
	in := []byte("abc")
	mustSet(t, m, "k", string(in), 0)
	if err := m.Set(context.Background(), "k2", in, 0); err != nil {
		t.Fatal(err)
	}
	in[0] = 'X'
	mustGet(t, m, "k2", "abc")

	got, _ := m.Get(context.Background(), "k2")
	_ = append(got, "tail"...)
	mustGet(t, m, "k2", "abc")
}

func TestMemoryAccounting(t *testing.T) {
	type op struct {
		set   bool // Set key=value; otherwise Get key
		key   string
		value string
	}
	tests := []struct {
		name    string
		ops     []op
		wantLen int
		want    int64
	}{
		{"empty", nil, 0, 0},
		{"one", []op{{true, "k", "v"}}, 1, cost("k", "v")},
		{"two", []op{{true, "k", "v"}, {true, "kk", "vvvv"}}, 2,
			cost("k", "v") + cost("kk", "vvvv")},
		{"overwrite grows", []op{{true, "k", "v"}, {true, "k", "longer"}}, 1,
			cost("k", "longer")},
		{"overwrite shrinks", []op{{true, "k", "longer"}, {true, "k", ""}}, 1,
			cost("k", "")},
		{"gets change nothing", []op{{true, "k", "v"}, {false, "k", ""}, {false, "x", ""}},
			1, cost("k", "v")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMemory(MemoryOptions{})
			for _, o := range tt.ops {
				if o.set {
					mustSet(t, m, o.key, o.value, 0)
				} else {
					_, _ = m.Get(context.Background(), o.key)
				}
			}
			checkSize(t, m, tt.wantLen, tt.want)
		})
	}
}

func TestMemoryEvictsLeastRecentlyUsed(t *testing.T) {
	// Room for exactly three entries of this shape.
	m := NewMemory(MemoryOptions{MaxBytes: 3 * cost("k1", "vvvv")})
	mustSet(t, m, "k1", "vvvv", 0)
	mustSet(t, m, "k2", "vvvv", 0)
	mustSet(t, m, "k3", "vvvv", 0)
	mustGet(t, m, "k1", "vvvv") // k2 is now the least recently used

	mustSet(t, m, "k4", "vvvv", 0)
	mustMiss(t, m, "k2")
	for _, k := range []string{"k1", "k3", "k4"} {
		mustGet(t, m, k, "vvvv")
	}
	checkSize(t, m, 3, 3*cost("k1", "vvvv"))

	// A bigger value pushes out as many old entries as it needs.
	big := string(bytes.Repeat([]byte("x"), int(cost("k1", "vvvv"))))
	mustSet(t, m, "k5", big, 0)
	mustMiss(t, m, "k1") // oldest after the Gets above: k1, k3, k4
	mustMiss(t, m, "k3")
	mustGet(t, m, "k4", "vvvv")
	mustGet(t, m, "k5", big)
	checkSize(t, m, 2, cost("k4", "vvvv")+cost("k5", big))
}

func TestMemoryTooLarge(t *testing.T) {
	m := NewMemory(MemoryOptions{MaxBytes: 300})
	mustSet(t, m, "small", "v", 0)
	mustSet(t, m, "k", "old", 0)

	huge := string(bytes.Repeat([]byte("x"), 300))
	mustSet(t, m, "k", huge, 0)
	mustMiss(t, m, "k")
	mustGet(t, m, "small", "v")
	checkSize(t, m, 1, cost("small", "v"))
}

func TestMemoryTTL(t *testing.T) {
	clock := newFakeClock()
	m := NewMemory(MemoryOptions{Now: clock.Now})
	mustSet(t, m, "short", "s", 10*time.Second)
	mustSet(t, m, "forever", "f", 0)
	mustSet(t, m, "negative", "n", -time.Second)

	clock.Advance(9 * time.Second)
	mustGet(t, m, "short", "s")
	_, ttl, err := m.GetTTL(context.Background(), "short")
	if err != nil || ttl != time.Second {
		t.Errorf("GetTTL(short) = %v, %v; want 1s, nil", ttl, err)
	}
	_, ttl, err = m.GetTTL(context.Background(), "forever")
	if err != nil || ttl != 0 {
		t.Errorf("GetTTL(forever) = %v, %v; want 0 (no expiry), nil", ttl, err)
	}

	clock.Advance(time.Second)
	checkSize(t, m, 3, cost("short", "s")+cost("forever", "f")+cost("negative", "n"))
	mustMiss(t, m, "short") // expires exactly at its deadline, and is dropped
	checkSize(t, m, 2, cost("forever", "f")+cost("negative", "n"))

	clock.Advance(1000 * time.Hour)
	mustGet(t, m, "forever", "f")
	mustGet(t, m, "negative", "n")
}

func TestMemoryMetrics(t *testing.T) {
	clock := newFakeClock()
	reg := prometheus.NewRegistry()
	met := NewMetrics(reg)
	m := NewMemory(MemoryOptions{MaxBytes: 2 * cost("a", "1"), Now: clock.Now, Metrics: met})

	mustSet(t, m, "a", "1", time.Second)
	mustSet(t, m, "b", "2", 0)
	mustGet(t, m, "b", "2")
	clock.Advance(2 * time.Second)
	mustSet(t, m, "c", "3", 0)           // evicts a, counted as expired
	mustSet(t, m, "d", "4", time.Second) // evicts b, counted as LRU
	clock.Advance(2 * time.Second)
	mustMiss(t, m, "d") // expired on touch
	mustSet(t, m, "e", string(bytes.Repeat([]byte("x"), 300)), 0)

	checks := []struct {
		name string
		c    prometheus.Metric
		want float64
	}{
		{"hits", met.Lookups.WithLabelValues("memory", "hit"), 1},
		{"misses", met.Lookups.WithLabelValues("memory", "miss"), 1},
		{"lru evictions", met.Evictions.WithLabelValues("lru"), 1},
		{"expired evictions", met.Evictions.WithLabelValues("expired"), 2},
		{"too large", met.Evictions.WithLabelValues("too_large"), 1},
		{"entries", met.MemoryEntries, float64(m.Len())},
		{"bytes", met.MemoryBytes, float64(m.Bytes())},
	}
	for _, c := range checks {
		if got := metricValue(t, c.c); got != c.want {
			t.Errorf("%s = %v, want %v", c.name, got, c.want)
		}
	}
	if m.Len() != 1 {
		t.Errorf("Len() = %d, want 1 (only c)", m.Len())
	}
}

func TestMemoryConcurrent(t *testing.T) {
	const (
		workers = 8
		ops     = 2000
		keys    = 64
	)
	value := []byte("0123456789abcdef")
	entry := cost("key-00", string(value))
	m := NewMemory(MemoryOptions{MaxBytes: 20 * entry})

	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			for i := range ops {
				key := fmt.Sprintf("key-%02d", (w*ops+i*7)%keys)
				if i%3 == 0 {
					_ = m.Set(ctx, key, value, time.Minute)
					continue
				}
				if v, err := m.Get(ctx, key); err == nil && !bytes.Equal(v, value) {
					t.Errorf("Get(%q) = %q, want %q", key, v, value)
				}
				_ = m.Len()
			}
		}()
	}
	wg.Wait()

	if m.Bytes() > 20*entry {
		t.Errorf("Bytes() = %d, want at most %d", m.Bytes(), 20*entry)
	}
	if got, want := m.Bytes(), int64(m.Len())*entry; got != want {
		t.Errorf("Bytes() = %d, want Len()*entry = %d", got, want)
	}
}

func BenchmarkMemoryGet(b *testing.B) {
	m := NewMemory(MemoryOptions{})
	ctx := context.Background()
	value := bytes.Repeat([]byte("v"), 512)
	keys := make([]string, 1024)
	for i := range keys {
		keys[i] = "key-" + strconv.Itoa(i)
		_ = m.Set(ctx, keys[i], value, time.Hour)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := m.Get(ctx, keys[i%len(keys)]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMemoryGetParallel(b *testing.B) {
	m := NewMemory(MemoryOptions{})
	ctx := context.Background()
	value := bytes.Repeat([]byte("v"), 512)
	_ = m.Set(ctx, "hot", value, time.Hour)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := m.Get(ctx, "hot"); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkMemorySet writes into a full cache, so each Set also evicts.
func BenchmarkMemorySet(b *testing.B) {
	value := bytes.Repeat([]byte("v"), 512)
	m := NewMemory(MemoryOptions{MaxBytes: 256 * cost("key-0000", string(value))})
	ctx := context.Background()
	keys := make([]string, 4096)
	for i := range keys {
		keys[i] = fmt.Sprintf("key-%04d", i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		_ = m.Set(ctx, keys[i%len(keys)], value, time.Hour)
	}
}
