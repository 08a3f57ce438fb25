package session

import (
	"context"
	"errors"
	"sync"

	"github.com/spanstream/spanstream/stream"
)

var errShuttingDown = errors.New("session: server is shutting down")

// flights runs labelings so that sessions asking for the same text at the
// same time share one labeler call. A flight runs on a context of its own,
// derived from the Server's, and is cancelled only when every session
// waiting on it has gone: one session's edit must not fail the others.
type flights struct {
	ctx   context.Context // the Server's
	label labelFunc
	wg    sync.WaitGroup // running flights

	// mu guards m and closed. Lock order: flights.mu before flight.mu.
	mu     sync.Mutex
	m      map[string]*flight
	closed bool // set by close: no flight starts any more
}

// labelFunc labels text for the cache key key, reporting whether another
// process labeled it (shared) rather than this one.
type labelFunc func(ctx context.Context, key, text string,
	emit func(stream.Update)) (res stream.Result, shared bool, err error)

// flight is one labeling of one text and everything it produced so far.
type flight struct {
	key     string
	starter string // who started it: a session ID, or "warm"
	cancel  context.CancelFunc

	// mu guards the fields below.
	mu       sync.Mutex
	updates  []stream.Update
	subs     map[*subscription]struct{}
	finished bool
	res      stream.Result
	shared   bool // the result came from another process
	err      error
}

// subscription is one session's place in a flight.
type subscription struct {
	f      *flight
	notify chan struct{} // poked, never closed, on each change of f
	next   int           // index of the first update not read yet
}

func newFlights(ctx context.Context, label labelFunc) *flights {
	return &flights{ctx: ctx, label: label, m: make(map[string]*flight)}
}

// join subscribes to the flight labeling text under key, starting one if
// none runs; starter names who asks. notify is poked (without blocking) whenever the flight
// changes; one channel may serve many subscriptions. leader reports
// whether this call started the flight.
func (fs *flights) join(key, text, starter string,
	notify chan struct{}) (sub *subscription, leader bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if f, ok := fs.m[key]; ok {
		return f.subscribe(notify), false
	}
	if fs.closed {
		f := &flight{key: key, cancel: func() {}, subs: make(map[*subscription]struct{}),
			finished: true, err: errShuttingDown}
		return f.subscribe(notify), true
	}
	ctx, cancel := context.WithCancel(fs.ctx)
	f := &flight{key: key, starter: starter, cancel: cancel,
		subs: make(map[*subscription]struct{})}
	fs.m[key] = f
	sub = f.subscribe(notify)
	fs.wg.Go(func() { fs.run(ctx, f, text) })
	return sub, true
}

func (fs *flights) run(ctx context.Context, f *flight, text string) {
	defer f.cancel()
	res, shared, err := fs.label(ctx, f.key, text, f.publish)

	// Leave the registry before finishing, so that a session arriving now
	// either finds the result in the cache or starts afresh.
	fs.mu.Lock()
	if fs.m[f.key] == f {
		delete(fs.m, f.key)
	}
	fs.mu.Unlock()

	f.mu.Lock()
	f.finished, f.res, f.shared, f.err = true, res, shared, err
	f.pokeLocked()
	f.mu.Unlock()
}

// pin subscribes notify to every running flight among keys and returns
// the subscriptions by key. A session pins the flights its next version
// still needs before it stops the current job, so that an edit to one
// paragraph does not cancel the labeling of the others.
func (fs *flights) pin(keys []string, notify chan struct{}) map[string]*subscription {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	pins := make(map[string]*subscription)
	for _, key := range keys {
		if f, ok := fs.m[key]; ok && pins[key] == nil {
			pins[key] = f.subscribe(notify)
		}
	}
	return pins
}

// leave ends sub. The last subscription to leave an unfinished flight
// cancels it and removes it, so that a later request starts a new one.
func (fs *flights) leave(sub *subscription) {
	f := sub.f
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.subs, sub)
	if len(f.subs) > 0 || f.finished {
		return
	}
	if fs.m[f.key] == f {
		delete(fs.m, f.key)
	}
	f.cancel()
}

// close stops new flights from starting, then waits until every running
// one has returned.
func (fs *flights) close() {
	fs.mu.Lock()
	fs.closed = true
	fs.mu.Unlock()
	fs.wg.Wait()
}

func (f *flight) subscribe(notify chan struct{}) *subscription {
	f.mu.Lock()
	defer f.mu.Unlock()
	sub := &subscription{f: f, notify: notify}
	f.subs[sub] = struct{}{}
	poke(notify) // a late joiner has the updates so far to read at once
	return sub
}

// publish records an update of the labeling and wakes every subscriber.
func (f *flight) publish(u stream.Update) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates = append(f.updates, u)
	f.pokeLocked()
}

func (f *flight) pokeLocked() {
	for sub := range f.subs {
		poke(sub.notify)
	}
}

func poke(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// progress is what a subscription reads from its flight.
type progress struct {
	updates  []stream.Update // not seen before
	finished bool
	res      stream.Result // once finished
	shared   bool
	err      error
}

// read returns the updates sub has not seen and, once the flight has
// finished, its result.
func (sub *subscription) read() progress {
	f := sub.f
	f.mu.Lock()
	defer f.mu.Unlock()
	p := progress{updates: f.updates[sub.next:], finished: f.finished, res: f.res,
		shared: f.shared, err: f.err}
	sub.next = len(f.updates)
	return p
}
