package cache

import "time"

// Defaults of TTLPolicy, used for its zero fields.
const (
	DefaultShortTTL  = 5 * time.Minute
	DefaultLongTTL   = time.Hour
	DefaultThreshold = 2000
)

// TTLPolicy chooses how long a labeling is kept from the length of its text.
// Short prompts are typed, pasted and revisited often and cost little to
// store, so they live long; long texts are rarely seen twice unchanged and
// weigh more, so they live briefly. The zero value uses the defaults.
type TTLPolicy struct {
	// Short is the lifetime of texts at or above Threshold. Default 5 minutes.
	Short time.Duration
	// Long is the lifetime of texts below Threshold. Default 1 hour.
	Long time.Duration
	// Threshold is the text length, in characters as counted by the caller,
	// from which Short applies. Default 2000.
	Threshold int
}

// TTL returns Long for a text shorter than Threshold characters and Short
// otherwise, with zero fields replaced by their defaults.
func (p TTLPolicy) TTL(textLen int) time.Duration {
	threshold := p.Threshold
	if threshold <= 0 {
		threshold = DefaultThreshold
	}
	if textLen < threshold {
		return orDefault(p.Long, DefaultLongTTL)
	}
	return orDefault(p.Short, DefaultShortTTL)
}

// orDefault returns d, or def when d is not positive.
func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}
