package cache

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics holds the Prometheus collectors the caches update. One Metrics may
// be shared by several caches: counters add up, and the gauges move by deltas
// so two Memory caches report their sum. A nil *Metrics records nothing.
type Metrics struct {
	// Lookups counts Get calls by tier ("memory", "redis") and result ("hit",
	// "miss", "unavailable").
	Lookups *prometheus.CounterVec
	// RedisErrors counts failed Redis operations by op ("get", "set"). Calls
	// refused by an open breaker are not errors; they count as unavailable
	// lookups.
	RedisErrors *prometheus.CounterVec
	// BreakerOpen is the number of Redis breakers currently open or half-open:
	// 0 or 1 with a single Redis cache.
	BreakerOpen prometheus.Gauge
	// MemoryBytes is the accounted size of Memory entries, overhead included.
	MemoryBytes prometheus.Gauge
	// MemoryEntries is the number of entries held by Memory caches.
	MemoryEntries prometheus.Gauge
	// Evictions counts Memory entries dropped by reason: "lru" (room was
	// needed), "expired" (touched after its TTL) or "too_large" (bigger than
	// the whole budget, never stored).
	Evictions *prometheus.CounterVec
}

// Label values of Metrics.Lookups and Metrics.Evictions.
const (
	tierMemory = "memory"
	tierRedis  = "redis"

	resultHit         = "hit"
	resultMiss        = "miss"
	resultUnavailable = "unavailable"

	evictLRU      = "lru"
	evictExpired  = "expired"
	evictTooLarge = "too_large"
)

// NewMetrics creates the collectors, named spanstream_cache_*, and registers
// them with reg unless reg is nil. Registering twice with one registry reuses
// the collectors already there, so NewMetrics may be called once per cache.
// It panics if a different collector already holds one of the names.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Lookups: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_cache_lookups_total",
			Help: "Cache Get calls by tier and result.",
		}, []string{"tier", "result"}),
		RedisErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_cache_redis_errors_total",
			Help: "Failed Redis cache operations by operation.",
		}, []string{"op"}),
		BreakerOpen: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "spanstream_cache_redis_breaker_open",
			Help: "Number of Redis cache circuit breakers open or half-open.",
		}),
		MemoryBytes: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "spanstream_cache_memory_bytes",
			Help: "Accounted bytes held by in-memory caches.",
		}),
		MemoryEntries: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "spanstream_cache_memory_entries",
			Help: "Entries held by in-memory caches.",
		}),
		Evictions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_cache_memory_evictions_total",
			Help: "In-memory cache entries dropped, by reason.",
		}, []string{"reason"}),
	}
	if reg != nil {
		m.register(reg)
	}
	return m
}

// register registers every collector, adopting one already registered under
// the same description.
func (m *Metrics) register(reg prometheus.Registerer) {
	m.Lookups = registerOrExisting(reg, m.Lookups)
	m.RedisErrors = registerOrExisting(reg, m.RedisErrors)
	m.BreakerOpen = registerOrExisting(reg, m.BreakerOpen)
	m.MemoryBytes = registerOrExisting(reg, m.MemoryBytes)
	m.MemoryEntries = registerOrExisting(reg, m.MemoryEntries)
	m.Evictions = registerOrExisting(reg, m.Evictions)
}

func registerOrExisting[C prometheus.Collector](reg prometheus.Registerer, c C) C {
	err := reg.Register(c)
	if err == nil {
		return c
	}
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		if existing, ok := are.ExistingCollector.(C); ok {
			return existing
		}
	}
	panic("cache: register metrics: " + err.Error())
}

// lookupCounters are the Lookups children of one tier, resolved once so the
// hot path does no label lookup. The zero value records nothing.
type lookupCounters struct {
	hit, miss, unavailable prometheus.Counter
}

func (m *Metrics) lookups(tier string) lookupCounters {
	if m == nil {
		return lookupCounters{}
	}
	return lookupCounters{
		hit:         m.Lookups.WithLabelValues(tier, resultHit),
		miss:        m.Lookups.WithLabelValues(tier, resultMiss),
		unavailable: m.Lookups.WithLabelValues(tier, resultUnavailable),
	}
}

// inc adds one to c unless it is nil.
func inc(c prometheus.Counter) {
	if c != nil {
		c.Inc()
	}
}

// add adds d to g unless it is nil.
func add(g prometheus.Gauge, d float64) {
	if g != nil && d != 0 {
		g.Add(d)
	}
}
