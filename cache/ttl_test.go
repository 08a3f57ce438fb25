package cache

import (
	"fmt"
	"testing"
	"time"
)

func TestTTLPolicy(t *testing.T) {
	custom := TTLPolicy{Short: time.Second, Long: time.Minute, Threshold: 10}
	tests := []struct {
		name    string
		policy  TTLPolicy
		textLen int
		want    time.Duration
	}{
		{"empty text is short", TTLPolicy{}, 0, time.Hour},
		{"just below default threshold", TTLPolicy{}, 1999, time.Hour},
		{"at default threshold", TTLPolicy{}, 2000, 5 * time.Minute},
		{"far above default threshold", TTLPolicy{}, 1 << 20, 5 * time.Minute},
		{"custom below", custom, 9, time.Minute},
		{"custom at", custom, 10, time.Second},
		{"only Long set", TTLPolicy{Long: 2 * time.Hour}, 5, 2 * time.Hour},
		{"only Long set, long text", TTLPolicy{Long: 2 * time.Hour}, 5000, 5 * time.Minute},
		{"negative fields mean defaults", TTLPolicy{Short: -1, Long: -1, Threshold: -1},
			3000, 5 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.policy.TTL(tt.textLen); got != tt.want {
				t.Errorf("TTL(%d) = %v, want %v", tt.textLen, got, tt.want)
			}
		})
	}
}

func ExampleTTLPolicy() {
	var p TTLPolicy // the defaults
	fmt.Println(p.TTL(120), p.TTL(5000))
	// Output: 1h0m0s 5m0s
}
