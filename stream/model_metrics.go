package stream

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// ModelMetrics holds the Prometheus collectors of the model labeler and its
// limiter. A nil *ModelMetrics records nothing, so callers need not check.
// It is safe for concurrent use.
type ModelMetrics struct {
	// Requests counts upstream requests (each retry counts) by outcome:
	// ok, length, status_429, status_5xx, status_other, stream_error,
	// stall, canceled, malformed, transport.
	Requests *prometheus.CounterVec
	// PromptTokens and CompletionTokens add up the usage the API reports.
	PromptTokens     prometheus.Counter
	CompletionTokens prometheus.Counter
	// FirstToken is the time from sending a request to its first content.
	FirstToken prometheus.Histogram
	// FirstSpan is the time from sending a request to its first placed span.
	FirstSpan prometheus.Histogram
	// Dropped counts model spans thrown away by reason: invalid_role,
	// not_found, malformed.
	Dropped *prometheus.CounterVec
	// Cancellations counts labelings that ended early by reason: client
	// (the caller's ctx ended), stall, replaced, overloaded.
	Cancellations *prometheus.CounterVec
	// Active and Queued are the limiter's current slot holders and waiters.
	Active prometheus.Gauge
	Queued prometheus.Gauge
	// Wait is how long granted requests waited for a limiter slot.
	Wait prometheus.Histogram
}

// NewModelMetrics creates the collectors and registers them with reg; a nil
// reg leaves them unregistered (useful in tests). Registering twice with the
// same reg panics, as prometheus.MustRegister does.
func NewModelMetrics(reg prometheus.Registerer) *ModelMetrics {
	latency := []float64{.05, .1, .25, .5, 1, 2, 4, 8, 16}
	m := &ModelMetrics{
		Requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_model_requests_total",
			Help: "Upstream model requests by outcome.",
		}, []string{"outcome"}),
		PromptTokens: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "spanstream_model_prompt_tokens_total",
			Help: "Prompt tokens reported by the model API.",
		}),
		CompletionTokens: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "spanstream_model_completion_tokens_total",
			Help: "Completion tokens reported by the model API.",
		}),
		FirstToken: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "spanstream_model_first_token_seconds",
			Help:    "Time from request to the first content delta.",
			Buckets: latency,
		}),
		FirstSpan: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "spanstream_model_first_span_seconds",
			Help:    "Time from request to the first placed span.",
			Buckets: latency,
		}),
		Dropped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_model_spans_dropped_total",
			Help: "Model spans dropped by reason.",
		}, []string{"reason"}),
		Cancellations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_model_cancellations_total",
			Help: "Model labelings ended early by reason.",
		}, []string{"reason"}),
		Active: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "spanstream_model_limiter_active",
			Help: "Model requests holding a limiter slot.",
		}),
		Queued: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "spanstream_model_limiter_queued",
			Help: "Model requests waiting for a limiter slot.",
		}),
		Wait: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "spanstream_model_limiter_wait_seconds",
			Help:    "Time granted model requests waited for a slot.",
			Buckets: []float64{.001, .01, .05, .1, .5, 1, 5, 15, 30},
		}),
	}
	if reg != nil {
		reg.MustRegister(m.Requests, m.PromptTokens, m.CompletionTokens, m.FirstToken,
			m.FirstSpan, m.Dropped, m.Cancellations, m.Active, m.Queued, m.Wait)
	}
	return m
}

func (m *ModelMetrics) request(outcome string) {
	if m != nil {
		m.Requests.WithLabelValues(outcome).Inc()
	}
}

func (m *ModelMetrics) tokens(prompt, completion int64) {
	if m != nil {
		m.PromptTokens.Add(float64(prompt))
		m.CompletionTokens.Add(float64(completion))
	}
}

func (m *ModelMetrics) firstToken(d time.Duration) {
	if m != nil {
		m.FirstToken.Observe(d.Seconds())
	}
}

func (m *ModelMetrics) firstSpan(d time.Duration) {
	if m != nil {
		m.FirstSpan.Observe(d.Seconds())
	}
}

func (m *ModelMetrics) dropped(reason string) {
	if m != nil {
		m.Dropped.WithLabelValues(reason).Inc()
	}
}

func (m *ModelMetrics) canceled(reason string) {
	if m != nil {
		m.Cancellations.WithLabelValues(reason).Inc()
	}
}

func (m *ModelMetrics) limiterState(active, queued int) {
	if m != nil {
		m.Active.Set(float64(active))
		m.Queued.Set(float64(queued))
	}
}

func (m *ModelMetrics) observeWait(d time.Duration) {
	if m != nil {
		m.Wait.Observe(d.Seconds())
	}
}
