// Package cache stores finished labelings so that a text labeled once comes
// back without labeling it again: in process memory, and shared through
// Redis.
//
// Three implementations of [Cache] are provided:
//
//   - [Memory] is an in-process LRU bounded in bytes, with a time to live per
//     entry. Expired entries are dropped lazily when touched; nothing runs in
//     the background.
//   - [Redis] shares entries between processes. Every operation has a short
//     deadline and sits behind a circuit breaker: when Redis is slow or down
//     the cache answers "miss" at once instead of stalling the author's
//     keystrokes. Such misses wrap both [ErrMiss] and [ErrUnavailable].
//   - [Tiered] puts a small Memory in front of Redis so that a hot key costs
//     no round trip, and keeps serving from memory while Redis is away.
//
// [TTLPolicy] chooses how long a labeling lives from the length of its text,
// and [Metrics] exposes hits, misses, Redis errors, breaker state and memory
// use to Prometheus.
//
// The package never logs. Redis outages are reported through
// [RedisOptions.OnStateChange], once when the breaker opens and once when it
// closes; the go-redis driver's own log lines can be routed with
// [SetDriverLogger].
package cache
