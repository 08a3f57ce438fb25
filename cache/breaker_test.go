package cache

import (
	"errors"
	"sync"
	"testing"
	"time"
)

// stateEvent is one OnStateChange report.
type stateEvent struct {
	open bool
	err  error
}

// stateRecorder collects OnStateChange reports.
type stateRecorder struct {
	mu     sync.Mutex // guards events
	events []stateEvent
}

func (r *stateRecorder) record(open bool, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, stateEvent{open, err})
}

func (r *stateRecorder) get() []stateEvent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]stateEvent(nil), r.events...)
}

// checkEvents fails the test unless the recorded open flags are want and
// every open report carries an error.
func (r *stateRecorder) check(t *testing.T, want ...bool) {
	t.Helper()
	got := r.get()
	if len(got) != len(want) {
		t.Fatalf("got %d state changes %v, want %v", len(got), got, want)
	}
	for i, e := range got {
		if e.open != want[i] || e.open != (e.err != nil) {
			t.Errorf("state change %d = %+v, want open=%v with error iff open", i, e, want[i])
		}
	}
}

func newTestBreaker(clock *fakeClock, rec *stateRecorder) *breaker {
	return &breaker{threshold: 3, cooldown: time.Second, now: clock.Now, onChange: rec.record}
}

func mustAllow(t *testing.T, b *breaker, want bool) {
	t.Helper()
	if got := b.allow(); got != want {
		t.Fatalf("allow() = %v, want %v", got, want)
	}
}

func TestBreakerOpensAfterConsecutiveFailures(t *testing.T) {
	clock, rec := newFakeClock(), &stateRecorder{}
	b := newTestBreaker(clock, rec)
	boom := errors.New("boom")

	// A success in between resets the count.
	for _, ok := range []bool{false, false, true, false, false} {
		mustAllow(t, b, true)
		if ok {
			b.success()
		} else {
			b.failure(boom)
		}
	}
	rec.check(t)
	if b.isOpen() {
		t.Fatal("breaker open after 2 consecutive failures, want closed")
	}

	mustAllow(t, b, true)
	b.failure(boom)
	rec.check(t, true)
	if got := rec.get()[0].err; got != boom {
		t.Errorf("open report error = %v, want %v", got, boom)
	}
	mustAllow(t, b, false)
	clock.Advance(time.Second - time.Nanosecond)
	mustAllow(t, b, false)
}

func TestBreakerHalfOpen(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name      string
		probe     func(b *breaker)
		wantOpen  bool
		wantAllow bool // whether the next call right after the probe may go
		events    []bool
	}{
		{"probe succeeds", (*breaker).success, false, true, []bool{true, false}},
		{"probe fails", func(b *breaker) { b.failure(boom) }, true, false, []bool{true}},
		{"probe released", (*breaker).release, true, true, []bool{true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock, rec := newFakeClock(), &stateRecorder{}
			b := newTestBreaker(clock, rec)
			for range 3 {
				mustAllow(t, b, true)
				b.failure(boom)
			}

			clock.Advance(time.Second)
			mustAllow(t, b, true)  // the probe
			mustAllow(t, b, false) // only one at a time
			tt.probe(b)

			if got := b.isOpen(); got != tt.wantOpen {
				t.Errorf("isOpen() = %v, want %v", got, tt.wantOpen)
			}
			mustAllow(t, b, tt.wantAllow)
			rec.check(t, tt.events...)
		})
	}
}

func TestBreakerFailedProbeWaitsAnotherCooldown(t *testing.T) {
	clock, rec := newFakeClock(), &stateRecorder{}
	b := newTestBreaker(clock, rec)
	for range 3 {
		b.allow()
		b.failure(errors.New("down"))
	}
	clock.Advance(time.Second)
	mustAllow(t, b, true)
	clock.Advance(500 * time.Millisecond) // the probe itself takes time
	b.failure(errors.New("still down"))

	clock.Advance(999 * time.Millisecond)
	mustAllow(t, b, false)
	clock.Advance(time.Millisecond)
	mustAllow(t, b, true)
	b.success()
	rec.check(t, true, false)
}
