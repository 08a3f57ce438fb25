package stream

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

var (
	// ErrOverloaded means the model queue was full, or a request waited in
	// it longer than the queue timeout; the caller should try again later.
	ErrOverloaded = errors.New("stream: model overloaded")
	// ErrQueueTimeout is the ErrOverloaded returned when a request waited
	// in the queue for the whole queue timeout.
	ErrQueueTimeout = fmt.Errorf("%w: queue wait timed out", ErrOverloaded)
	// ErrReplaced means a newer request from the same owner took this
	// request's place in the queue; the caller's answer is obsolete.
	ErrReplaced = errors.New("stream: replaced by a newer request")
)

// LimiterOptions configures a Limiter. The zero value means the defaults.
type LimiterOptions struct {
	// MaxActive is how many requests may hold a slot at once. Default 5.
	MaxActive int
	// MaxQueue is how many requests may wait for a slot; one more is
	// refused with ErrOverloaded at once. Default 100.
	MaxQueue int
	// QueueTimeout is how long a request may wait for a slot before it gets
	// ErrQueueTimeout. Default 30 s.
	QueueTimeout time.Duration
	// Metrics receives the active and queued counts and wait times.
	// Default nil: nothing is recorded.
	Metrics *ModelMetrics
}

// Limiter bounds the number of concurrent model requests and queues the
// rest in FIFO order. Each waiter belongs to an owner (such as a session
// ID): an owner's newer request replaces its older queued one, because only
// the newest text of a document is worth labeling. It is safe for
// concurrent use.
type Limiter struct {
	max     int
	maxWait int
	timeout time.Duration
	metrics *ModelMetrics

	// mu guards active, queue and byOwner.
	mu     sync.Mutex
	active int
	// queue holds *waiter in arrival order.
	queue   list.List
	byOwner map[string]*list.Element
}

// waiter is one queued request. ready is closed once the waiter leaves the
// queue; err then says why (nil: it got a slot).
type waiter struct {
	owner string
	ready chan struct{}
	err   error
	// elem is w's place in the queue, nil once it left; guarded by the
	// Limiter's mu.
	elem *list.Element
}

// NewLimiter returns a Limiter with the given options.
func NewLimiter(o LimiterOptions) *Limiter {
	l := &Limiter{max: o.MaxActive, maxWait: o.MaxQueue, timeout: o.QueueTimeout,
		metrics: o.Metrics, byOwner: make(map[string]*list.Element)}
	if l.max <= 0 {
		l.max = 5
	}
	if l.maxWait <= 0 {
		l.maxWait = 100
	}
	if l.timeout <= 0 {
		l.timeout = 30 * time.Second
	}
	return l
}

// Acquire waits for a slot and returns the func that frees it; release must
// be called exactly once (later calls do nothing). An empty owner never
// replaces anyone. Acquire fails with ErrOverloaded when the queue is full,
// ErrQueueTimeout after the queue timeout, ErrReplaced when the same owner
// queued a newer request, or ctx.Err().
func (l *Limiter) Acquire(ctx context.Context, owner string) (func(), error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	start := time.Now()

	w, err := l.enqueue(owner)
	if err != nil {
		return nil, err
	}
	if w == nil {
		l.metrics.observeWait(0)
		return l.releaser(), nil
	}

	timer := time.NewTimer(l.timeout)
	defer timer.Stop()
	select {
	case <-w.ready:
	case <-ctx.Done():
		l.abandon(w, ctx.Err())
	case <-timer.C:
		l.abandon(w, ErrQueueTimeout)
	}
	<-w.ready
	if w.err != nil {
		return nil, w.err
	}
	release := l.releaser()
	if err := ctx.Err(); err != nil {
		release() // granted just as ctx ended: pass the slot on
		return nil, err
	}
	l.metrics.observeWait(time.Since(start))
	return release, nil
}

// enqueue takes a free slot (nil waiter) or queues a waiter.
func (l *Limiter) enqueue(owner string) (*waiter, error) {
	l.mu.Lock()
	defer l.mu.Unlock()

	if l.active < l.max && l.queue.Len() == 0 {
		l.active++
		l.report()
		return nil, nil
	}
	if e, ok := l.byOwner[owner]; ok && owner != "" {
		l.remove(e, ErrReplaced)
	}
	if l.queue.Len() >= l.maxWait {
		return nil, ErrOverloaded
	}
	w := &waiter{owner: owner, ready: make(chan struct{})}
	w.elem = l.queue.PushBack(w)
	if owner != "" {
		l.byOwner[owner] = w.elem
	}
	l.report()
	return w, nil
}

// abandon takes w out of the queue with err, unless it was already granted
// a slot or dismissed (then its own outcome stands).
func (l *Limiter) abandon(w *waiter, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if w.elem != nil {
		l.remove(w.elem, err)
		l.report()
	}
}

// remove dismisses the queued waiter at e with err. l.mu must be held.
func (l *Limiter) remove(e *list.Element, err error) {
	w := l.queue.Remove(e).(*waiter)
	w.elem = nil
	if l.byOwner[w.owner] == e {
		delete(l.byOwner, w.owner)
	}
	w.err = err
	close(w.ready)
}

// releaser returns a release func for one held slot.
func (l *Limiter) releaser() func() {
	var once sync.Once
	return func() { once.Do(l.release) }
}

// release frees a slot, handing it straight to the oldest waiter.
func (l *Limiter) release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := l.queue.Front(); e != nil {
		l.remove(e, nil) // the slot passes on; active stays the same
	} else {
		l.active--
	}
	l.report()
}

// report publishes the counts. l.mu must be held.
func (l *Limiter) report() { l.metrics.limiterState(l.active, l.queue.Len()) }
