package main

import (
	"math"
	"slices"
	"time"
)

// percentile returns the p-th percentile (0 < p <= 100) of sorted by the
// nearest-rank method: the smallest value with at least p% of the samples
// at or below it. It returns 0 for no samples.
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// summary describes a set of durations in milliseconds.
type summary struct {
	N   int     `json:"n"`
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
	P99 float64 `json:"p99"`
	Max float64 `json:"max"`
}

// summarize sorts samples in place and summarizes them.
func summarize(samples []float64) summary {
	slices.Sort(samples)
	s := summary{N: len(samples), P50: percentile(samples, 50),
		P90: percentile(samples, 90), P99: percentile(samples, 99)}
	if len(samples) > 0 {
		s.Max = samples[len(samples)-1]
	}
	return s
}

// ms converts d to float milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// tally counts outcomes by name and keeps the first few error texts, so a
// report can say what went wrong without printing a thousand lines. It is
// not safe for concurrent use: each session keeps its own and they are
// merged after the run.
type tally struct {
	counts  map[string]int
	samples []string
}

const maxErrorSamples = 5

func (t *tally) add(name string) { t.addN(name, 1) }

func (t *tally) addN(name string, n int) {
	if t.counts == nil {
		t.counts = make(map[string]int)
	}
	t.counts[name] += n
}

func (t *tally) addErr(err error) {
	t.add(errKind(err))
	if len(t.samples) < maxErrorSamples {
		t.samples = append(t.samples, err.Error())
	}
}

func (t *tally) merge(o tally) {
	for k, v := range o.counts {
		t.addN(k, v)
	}
	room := maxErrorSamples - len(t.samples)
	t.samples = append(t.samples, o.samples[:min(room, len(o.samples))]...)
}

// sum adds up the counts of m.
func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// nonNil returns m, or an empty map for nil, so JSON reports show {}.
func nonNil(m map[string]int) map[string]int {
	if m == nil {
		return map[string]int{}
	}
	return m
}
