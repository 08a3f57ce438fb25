package main

import (
	"github.com/rs/zerolog"

	"github.com/spanstream/spanstream/cache"
)

// newRedisCache puts front, a small in-process cache, before the Redis at
// cfg.redisURL. Redis trouble is logged once per outage, as a warning: the
// front cache and labeling go on meanwhile.
func newRedisCache(cfg config, front *cache.Memory, m *cache.Metrics, log zerolog.Logger,
	a *app) (cache.Cache, error) {
	r, err := cache.NewRedis(cache.RedisOptions{
		URL:     cfg.redisURL,
		Prefix:  cfg.redisPrefix,
		Metrics: m,
		OnStateChange: func(open bool, err error) {
			if open {
				log.Warn().Err(err).Msg("redis unavailable")
			} else {
				log.Info().Msg("redis available")
			}
		},
	})
	if err != nil {
		return nil, err
	}
	a.redis = r
	a.closers = append(a.closers, r.Close)
	log.Info().Str("cache", "tiered").Str("redis_prefix", cfg.redisPrefix).Msg("cache ready")
	return cache.NewTiered(front, r), nil
}
