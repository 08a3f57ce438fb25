package session

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics holds the session counters exported at /metrics. A nil *Metrics
// records nothing.
type Metrics struct {
	sessions      prometheus.Gauge
	messages      *prometheus.CounterVec
	labels        *prometheus.CounterVec
	errors        *prometheus.CounterVec
	cancellations *prometheus.CounterVec
	coalesced     prometheus.Counter
	leaseWaits    prometheus.Counter
	firstSpanSecs prometheus.Histogram
	doneSecs      *prometheus.HistogramVec
}

// NewMetrics creates the session metrics and registers them with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	buckets := []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}
	m := &Metrics{
		sessions: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "spanstream_sessions", Help: "Open WebSocket sessions.",
		}),
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_messages_total", Help: "Protocol messages by direction and type.",
		}, []string{"direction", "type"}),
		labels: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_labelings_total",
			Help: "Finished labelings by source and cache result.",
		}, []string{"source", "cache"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_errors_total", Help: "Error frames sent, by code.",
		}, []string{"code"}),
		cancellations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "spanstream_cancellations_total", Help: "Labelings stopped early, by reason.",
		}, []string{"reason"}),
		coalesced: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "spanstream_coalesced_total",
			Help: "Segment labelings joined while another session's was in flight.",
		}),
		leaseWaits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "spanstream_lease_waits_total",
			Help: "Labelings that waited for another server holding the lease.",
		}),
		firstSpanSecs: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "spanstream_first_span_seconds",
			Help:    "From receiving a version to queueing its first spans frame.",
			Buckets: buckets,
		}),
		doneSecs: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "spanstream_done_seconds",
			Help:    "From receiving a version to queueing its done frame, by cache result.",
			Buckets: buckets,
		}, []string{"cache"}),
	}
	reg.MustRegister(m.sessions, m.messages, m.labels, m.errors, m.cancellations,
		m.coalesced, m.leaseWaits, m.firstSpanSecs, m.doneSecs)
	return m
}

func (m *Metrics) sessionOpened() {
	if m != nil {
		m.sessions.Inc()
	}
}

func (m *Metrics) sessionClosed() {
	if m != nil {
		m.sessions.Dec()
	}
}

func (m *Metrics) message(direction, typ string) {
	if m != nil {
		m.messages.WithLabelValues(direction, typ).Inc()
	}
}

func (m *Metrics) errorSent(code string) {
	if m != nil {
		m.errors.WithLabelValues(code).Inc()
	}
}

func (m *Metrics) cancelled(reason string) {
	if m != nil {
		m.cancellations.WithLabelValues(reason).Inc()
	}
}

func (m *Metrics) firstSpan(d time.Duration) {
	if m != nil {
		m.firstSpanSecs.Observe(d.Seconds())
	}
}

func (m *Metrics) labeled(source, cache string, d time.Duration) {
	if m != nil {
		m.labels.WithLabelValues(source, cache).Inc()
		m.doneSecs.WithLabelValues(cache).Observe(d.Seconds())
	}
}

func (m *Metrics) joined() {
	if m != nil {
		m.coalesced.Inc()
	}
}

func (m *Metrics) leaseWait() {
	if m != nil {
		m.leaseWaits.Inc()
	}
}
