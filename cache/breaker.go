package cache

import (
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// breakerState is the state of a circuit breaker.
type breakerState uint8

const (
	breakerClosed   breakerState = iota // calls go through
	breakerOpen                         // calls are refused until the cooldown ends
	breakerHalfOpen                     // one probe call is in flight
)

// breaker is a consecutive-failure circuit breaker. After threshold failures
// in a row it opens and refuses calls; once cooldown has passed it lets a
// single probe through, closing on its success and reopening on its failure.
// Every call allowed by allow must be followed by exactly one of success,
// failure or release. It is safe for concurrent use.
type breaker struct {
	threshold int
	cooldown  time.Duration
	now       func() time.Time
	onChange  func(open bool, err error)
	gauge     prometheus.Gauge

	// mu guards state, failures and openedAt. It is held while onChange runs
	// so that reports arrive in the order the transitions happened.
	mu       sync.Mutex
	state    breakerState
	failures int
	openedAt time.Time
}

// allow reports whether a call may proceed.
func (b *breaker) allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()

	switch b.state {
	case breakerClosed:
		return true
	case breakerOpen:
		if b.now().Sub(b.openedAt) < b.cooldown {
			return false
		}
		b.state = breakerHalfOpen
		return true
	default:
		return false // a probe is already in flight
	}
}

// success records a call that reached a healthy server.
func (b *breaker) success() {
	b.mu.Lock()
	defer b.mu.Unlock()

	b.failures = 0
	if b.state == breakerClosed {
		return
	}
	b.state = breakerClosed
	add(b.gauge, -1)
	if b.onChange != nil {
		b.onChange(false, nil)
	}
}

// failure records a call that failed because of the server or the network.
// A failed probe reopens the breaker for another cooldown without a new
// report: the outage that was reported is still going on.
func (b *breaker) failure(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()

	switch b.state {
	case breakerHalfOpen:
		b.state, b.openedAt = breakerOpen, b.now()
	case breakerClosed:
		b.failures++
		if b.failures < b.threshold {
			return
		}
		b.state, b.openedAt = breakerOpen, b.now()
		add(b.gauge, 1)
		if b.onChange != nil {
			b.onChange(true, err)
		}
	}
}

// release records a call that ended without telling anything about the
// server, such as one cancelled by its caller. A probe released this way
// leaves the breaker open with its cooldown already over, so the next call
// probes again.
func (b *breaker) release() {
	b.mu.Lock()
	defer b.mu.Unlock()

	if b.state == breakerHalfOpen {
		b.state = breakerOpen
	}
}

// isOpen reports whether calls are currently being refused or probed.
func (b *breaker) isOpen() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.state != breakerClosed
}
