package main

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"

	"github.com/spanstream/spanstream/stream"
)

// newModelLabeler returns the model labeler cfg describes, falling back to
// builtin when cfg.fallback is set.
func newModelLabeler(cfg config, builtin stream.Labeler, reg prometheus.Registerer,
	log zerolog.Logger) (stream.Labeler, error) {
	metrics := stream.NewModelMetrics(reg)
	o := stream.ModelOptions{
		APIKey:      cfg.apiKey,
		BaseURL:     cfg.baseURL,
		Model:       cfg.model,
		IdleTimeout: cfg.modelIdle,
		Metrics:     metrics,
		Limiter: stream.NewLimiter(stream.LimiterOptions{
			MaxActive:    cfg.modelConcurrency,
			MaxQueue:     cfg.modelQueue,
			QueueTimeout: cfg.modelQueueWait,
			Metrics:      metrics,
		}),
	}
	if cfg.fallback {
		o.Fallback = builtin
	}
	m := stream.NewModel(o)
	log.Info().Str("labeler", "model").Str("model", cfg.model).
		Str("base_url", cfg.baseURL).Bool("fallback", cfg.fallback).Msg("labeler ready")
	return m, nil
}
