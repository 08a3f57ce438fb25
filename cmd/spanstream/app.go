package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/rs/zerolog"

	"github.com/spanstream/spanstream/cache"
	"github.com/spanstream/spanstream/session"
	"github.com/spanstream/spanstream/stream"
	"github.com/spanstream/spanstream/web"
)

// app is the wired server: labeler, cache, sessions and HTTP routes.
type app struct {
	sessions *session.Server
	redis    *cache.Redis // nil without REDIS_URL
	handler  http.Handler
	closers  []func() error
}

// newApp builds the server cfg describes. Call Shutdown when done.
func newApp(cfg config, log zerolog.Logger) (*app, error) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(
		collectors.ProcessCollectorOpts{}))
	a := &app{}

	labeler, err := a.labeler(cfg, reg, log)
	if err != nil {
		return nil, err
	}
	c, err := a.cache(cfg, reg, log)
	if err != nil {
		a.close()
		return nil, err
	}
	a.sessions = session.NewServer(session.Options{
		Labeler: labeler,
		Cache:   c,
		TTL: cache.TTLPolicy{Long: cfg.ttlLong, Short: cfg.ttlShort,
			Threshold: cfg.ttlThreshold},
		MaxDocBytes:    cfg.maxDocBytes,
		MaxSpans:       maxSpansOption(cfg.maxSpans),
		SegmentChars:   cfg.segmentChars,
		MinConfidence:  cfg.minConfidence,
		OriginPatterns: cfg.origins(),
		Logger:         &log,
		Metrics:        session.NewMetrics(reg),
	})

	mux := http.NewServeMux()
	mux.Handle("/ws", a.sessions)
	mux.HandleFunc("GET /healthz", a.healthz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	mux.Handle("/", web.Handler())
	a.handler = mux
	return a, nil
}

// maxSpansOption maps the flag's "0 means no limit" to session.Options,
// where 0 means the default and a negative value no limit.
func maxSpansOption(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

func (a *app) labeler(cfg config, reg prometheus.Registerer,
	log zerolog.Logger) (stream.Labeler, error) {
	builtin := stream.NewBuiltin(stream.BuiltinOptions{})
	if cfg.apiKey == "" {
		log.Info().Str("labeler", "builtin").Msg("labeler ready")
		return builtin, nil
	}
	return newModelLabeler(cfg, builtin, reg, log)
}

func (a *app) cache(cfg config, reg prometheus.Registerer,
	log zerolog.Logger) (cache.Cache, error) {
	cache.SetDriverLogger(func(msg string) { log.Debug().Str("driver", msg).Msg("redis driver") })
	metrics := cache.NewMetrics(reg)
	mem := cache.NewMemory(cache.MemoryOptions{MaxBytes: cfg.cacheBytes, Metrics: metrics})
	if cfg.redisURL == "" {
		log.Info().Str("cache", "memory").Int64("max_bytes", cfg.cacheBytes).Msg("cache ready")
		return mem, nil
	}
	return newRedisCache(cfg, mem, metrics, log, a)
}

// Handler returns the HTTP routes: /ws, /healthz, /metrics and the page.
func (a *app) Handler() http.Handler { return a.handler }

// healthz reports that the server serves: status is "ok" whenever it
// answers, with the session count, the labeler and, with Redis, whether
// Redis is reachable.
func (a *app) healthz(w http.ResponseWriter, _ *http.Request) {
	id := a.sessions.Labeler().Identity()
	w.Header().Set("Content-Type", "application/json")
	health := map[string]any{
		"status":   "ok",
		"sessions": a.sessions.Sessions(),
		"labeler":  id.String(),
	}
	if a.redis != nil {
		// Degraded but serving: the in-process cache and labeling go on.
		health["redis"] = "ok"
		if a.redis.BreakerOpen() {
			health["redis"] = "unavailable"
		}
	}
	json.NewEncoder(w).Encode(health)
}

// Shutdown closes every session with status 1001, waiting until ctx ends,
// then releases the cache and labeler.
func (a *app) Shutdown(ctx context.Context) error {
	err := a.sessions.Shutdown(ctx)
	return errors.Join(err, a.close())
}

func (a *app) close() error {
	var errs []error
	for _, c := range a.closers {
		errs = append(errs, c())
	}
	return errors.Join(errs...)
}
