package main

import (
	"errors"
	"testing"
)

func TestPercentile(t *testing.T) {
	oneToTen := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	oneToHundred := make([]float64, 100)
	for i := range oneToHundred {
		oneToHundred[i] = float64(i + 1)
	}
	tests := []struct {
		name   string
		sorted []float64
		p      float64
		want   float64
	}{
		{"empty", nil, 50, 0},
		{"single p50", []float64{7}, 50, 7},
		{"single p99", []float64{7}, 99, 7},
		{"two p50 is the lower", []float64{1, 2}, 50, 1},
		{"two p51 is the upper", []float64{1, 2}, 51, 2},
		{"ten p50", oneToTen, 50, 5},
		{"ten p90", oneToTen, 90, 9},
		{"ten p91 rounds up", oneToTen, 91, 10},
		{"ten p99", oneToTen, 99, 10},
		{"ten p100", oneToTen, 100, 10},
		{"ten p0 is the minimum", oneToTen, 0, 1},
		{"hundred p99", oneToHundred, 99, 99},
		{"hundred p99.5", oneToHundred, 99.5, 100},
		{"hundred p1", oneToHundred, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("percentile(%v, %v) = %v, want %v", tt.sorted, tt.p, got, tt.want)
			}
		})
	}
}

func TestSummarizeSortsAndFindsMax(t *testing.T) {
	s := summarize([]float64{9, 1, 5, 3, 7, 2, 8, 4, 10, 6})
	want := summary{N: 10, P50: 5, P90: 9, P99: 10, Max: 10}
	if s != want {
		t.Errorf("got %+v, want %+v", s, want)
	}
	if empty := summarize(nil); empty != (summary{}) {
		t.Errorf("got %+v for no samples, want zeros", empty)
	}
}

func TestTallyMergeKeepsFewSamples(t *testing.T) {
	var a, b tally
	for range 4 {
		a.addErr(&errFrame{msg: message{Type: "error", Code: "resync"}})
		b.addErr(errors.New("broken pipe"))
	}
	a.merge(b)
	if a.counts["error:resync"] != 4 || a.counts["connection"] != 4 || sum(a.counts) != 8 {
		t.Errorf("got counts %v, want error:resync 4 and connection 4", a.counts)
	}
	if len(a.samples) != maxErrorSamples {
		t.Errorf("got %d samples, want %d", len(a.samples), maxErrorSamples)
	}
}
