package cache

import (
	"context"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// DefaultMaxBytes is the byte budget of a Memory whose MaxBytes is zero.
const DefaultMaxBytes = 64 << 20

// EntryOverhead is the fixed number of bytes charged to every Memory entry on
// top of its key and value: roughly what the map slot, list links, expiry
// and slice headers occupy, so that many tiny entries still fill the budget.
const EntryOverhead = 96

// MemoryOptions configures NewMemory. The zero value means the defaults.
type MemoryOptions struct {
	// MaxBytes bounds the accounted size of all entries: key length plus
	// value length plus EntryOverhead each. Default DefaultMaxBytes (64 MiB).
	MaxBytes int64
	// Now reads the clock used for expiry. Default time.Now; tests inject a
	// fake clock to expire entries without sleeping.
	Now func() time.Time
	// Metrics receives lookups (tier "memory"), size and evictions. Default
	// nil: no metrics.
	Metrics *Metrics
}

// Memory is an in-process LRU cache bounded in bytes with a time to live per
// entry. When a Set would exceed the budget, the least recently used entries
// are dropped. Expired entries count as misses and are removed when touched
// or when they reach the LRU tail; no goroutine sweeps them, so Len and Bytes
// include expired entries not yet touched. Memory is safe for concurrent use
// and needs no Close.
type Memory struct {
	maxBytes int64
	now      func() time.Time
	lookups  lookupCounters
	stats    memoryStats

	// mu guards items, head and bytes.
	mu    sync.Mutex
	items map[string]*entry
	head  entry // sentinel of the LRU ring: head.next is the most recent
	bytes int64
}

// entry is one cached value, linked into the LRU ring.
type entry struct {
	key        string
	value      []byte
	expires    time.Time // zero: never expires
	prev, next *entry
}

// memoryStats are the Metrics a Memory updates, resolved once.
type memoryStats struct {
	bytes, entries         prometheus.Gauge
	lru, expired, tooLarge prometheus.Counter
}

// NewMemory returns an empty Memory configured by opts.
func NewMemory(opts MemoryOptions) *Memory {
	m := &Memory{
		maxBytes: opts.MaxBytes,
		now:      opts.Now,
		lookups:  opts.Metrics.lookups(tierMemory),
		items:    make(map[string]*entry),
	}
	if m.maxBytes <= 0 {
		m.maxBytes = DefaultMaxBytes
	}
	if m.now == nil {
		m.now = time.Now
	}
	if mt := opts.Metrics; mt != nil {
		m.stats = memoryStats{
			bytes:    mt.MemoryBytes,
			entries:  mt.MemoryEntries,
			lru:      mt.Evictions.WithLabelValues(evictLRU),
			expired:  mt.Evictions.WithLabelValues(evictExpired),
			tooLarge: mt.Evictions.WithLabelValues(evictTooLarge),
		}
	}
	m.head.next, m.head.prev = &m.head, &m.head
	return m
}

// Get returns the value stored under key, or ErrMiss if it is absent or
// expired. The returned slice is shared with the cache and must not be
// modified.
func (m *Memory) Get(ctx context.Context, key string) ([]byte, error) {
	v, _, err := m.GetTTL(ctx, key)
	return v, err
}

// GetTTL is Get that also returns the entry's remaining time to live, 0 when
// it never expires.
func (m *Memory) GetTTL(_ context.Context, key string) ([]byte, time.Duration, error) {
	m.mu.Lock()
	defer m.mu.Unlock()

	e := m.items[key]
	if e == nil {
		inc(m.lookups.miss)
		return nil, 0, ErrMiss
	}
	var ttl time.Duration
	if !e.expires.IsZero() {
		ttl = e.expires.Sub(m.now())
		if ttl <= 0 {
			m.remove(e)
			inc(m.stats.expired)
			inc(m.lookups.miss)
			return nil, 0, ErrMiss
		}
	}
	m.moveToFront(e)
	inc(m.lookups.hit)
	return e.value, ttl, nil
}

// Set stores a copy of value under key for ttl; a ttl of zero or less keeps
// it until it is evicted. An entry larger than the whole budget is not
// stored (and any older value under key is dropped). Set never fails.
func (m *Memory) Set(_ context.Context, key string, value []byte, ttl time.Duration) error {
	cost := entryCost(key, value)
	e := &entry{key: key, value: clip(value)}
	if ttl > 0 {
		e.expires = m.now().Add(ttl)
	}

	m.mu.Lock()
	defer m.mu.Unlock()

	if old := m.items[key]; old != nil {
		m.remove(old)
	}
	if cost > m.maxBytes {
		inc(m.stats.tooLarge)
		return nil
	}
	m.evictFor(cost)
	m.items[key] = e
	m.pushFront(e)
	m.account(cost, 1)
	return nil
}

// Len returns the number of entries held, including expired entries that
// have not been touched since they expired.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.items)
}

// Bytes returns the accounted size of the entries held: key and value
// lengths plus EntryOverhead per entry. It never exceeds the budget.
func (m *Memory) Bytes() int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.bytes
}

// evictFor drops entries from the LRU tail until cost more bytes fit.
// Expired entries found at the tail are counted as expired, not as LRU.
func (m *Memory) evictFor(cost int64) {
	var now time.Time
	for m.bytes+cost > m.maxBytes {
		tail := m.head.prev
		if now.IsZero() {
			now = m.now()
		}
		if !tail.expires.IsZero() && !now.Before(tail.expires) {
			inc(m.stats.expired)
		} else {
			inc(m.stats.lru)
		}
		m.remove(tail)
	}
}

// remove unlinks e and forgets it. The caller holds mu.
func (m *Memory) remove(e *entry) {
	e.prev.next, e.next.prev = e.next, e.prev
	e.prev, e.next = nil, nil
	delete(m.items, e.key)
	m.account(-entryCost(e.key, e.value), -1)
}

// pushFront links e as the most recent entry. The caller holds mu.
func (m *Memory) pushFront(e *entry) {
	e.prev, e.next = &m.head, m.head.next
	m.head.next.prev = e
	m.head.next = e
}

// moveToFront marks e as the most recently used. The caller holds mu.
func (m *Memory) moveToFront(e *entry) {
	if m.head.next == e {
		return
	}
	e.prev.next, e.next.prev = e.next, e.prev
	m.pushFront(e)
}

// account adjusts the byte and entry totals. The caller holds mu.
func (m *Memory) account(bytes int64, entries int) {
	m.bytes += bytes
	add(m.stats.bytes, float64(bytes))
	add(m.stats.entries, float64(entries))
}

func entryCost(key string, value []byte) int64 {
	return int64(len(key)) + int64(len(value)) + EntryOverhead
}

// clip returns a copy of b whose capacity equals its length, so a caller that
// appends to a value it got from Get cannot write into the cache.
func clip(b []byte) []byte {
	c := make([]byte, len(b))
	copy(c, b)
	return c
}
