package stream

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// value reads a gauge or counter.
func value(m prometheus.Metric) float64 {
	var d dto.Metric
	if err := m.Write(&d); err != nil {
		panic(err)
	}
	return d.GetGauge().GetValue() + d.GetCounter().GetValue()
}

// waitQueued waits until l has n waiters, failing the test after a while.
func waitQueued(t *testing.T, l *Limiter, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		l.mu.Lock()
		got := l.queue.Len()
		l.mu.Unlock()
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("got %d queued, want %d", got, n)
		}
		runtime.Gosched()
	}
}

// mustAcquire acquires a slot or fails the test.
func mustAcquire(t *testing.T, l *Limiter, owner string) func() {
	t.Helper()
	release, err := l.Acquire(context.Background(), owner)
	if err != nil {
		t.Fatalf("Acquire(%q): %v", owner, err)
	}
	return release
}

// acquireAsync acquires in a goroutine the test joins; the result arrives on
// the returned channel.
func acquireAsync(t *testing.T, ctx context.Context, l *Limiter, owner string) chan error {
	t.Helper()
	done := make(chan error, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	t.Cleanup(wg.Wait)
	go func() {
		defer wg.Done()
		release, err := l.Acquire(ctx, owner)
		if err == nil {
			release()
		}
		done <- err
	}()
	return done
}

func TestLimiterBoundsConcurrency(t *testing.T) {
	const max, callers = 3, 50
	l := NewLimiter(LimiterOptions{MaxActive: max})
	var inFlight, peak atomic.Int32
	full := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	errs := make(chan error, callers)
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := l.Acquire(context.Background(), "")
			if err != nil {
				errs <- err
				return
			}
			defer release()
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			if n == max {
				once.Do(func() { close(full) })
			}
			select { // hold until the limit was reached once, so it is tested
			case <-full:
			case <-time.After(5 * time.Second):
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("Acquire: %v", err)
	}
	if got := peak.Load(); got != max {
		t.Errorf("got peak %d in flight, want %d", got, max)
	}
}

func TestLimiterFIFO(t *testing.T) {
	l := NewLimiter(LimiterOptions{MaxActive: 1})
	release := mustAcquire(t, l, "")
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := l.Acquire(context.Background(), "")
			if err != nil {
				t.Errorf("Acquire %d: %v", i, err)
				return
			}
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			r()
		}()
		waitQueued(t, l, i+1)
	}
	release()
	wg.Wait()
	for i, got := range order {
		if got != i {
			t.Fatalf("got grant order %v, want 0..4", order)
		}
	}
}

func TestLimiterReplace(t *testing.T) {
	l := NewLimiter(LimiterOptions{MaxActive: 1})
	release := mustAcquire(t, l, "")
	older := acquireAsync(t, context.Background(), l, "session-1")
	waitQueued(t, l, 1)
	other := acquireAsync(t, context.Background(), l, "session-2")
	waitQueued(t, l, 2)
	newer := acquireAsync(t, context.Background(), l, "session-1")
	if err := <-older; !errors.Is(err, ErrReplaced) {
		t.Errorf("older request: got %v, want ErrReplaced", err)
	}
	waitQueued(t, l, 2)
	release()
	for name, c := range map[string]chan error{"other": other, "newer": newer} {
		if err := <-c; err != nil {
			t.Errorf("%s request: got %v, want a slot", name, err)
		}
	}
}

func TestLimiterOverloaded(t *testing.T) {
	l := NewLimiter(LimiterOptions{MaxActive: 1, MaxQueue: 2})
	release := mustAcquire(t, l, "")
	a := acquireAsync(t, context.Background(), l, "a")
	b := acquireAsync(t, context.Background(), l, "b")
	waitQueued(t, l, 2)
	if _, err := l.Acquire(context.Background(), "c"); !errors.Is(err, ErrOverloaded) {
		t.Errorf("got %v, want ErrOverloaded", err)
	}
	release()
	for _, c := range []chan error{a, b} {
		if err := <-c; err != nil {
			t.Errorf("queued request: got %v, want a slot", err)
		}
	}
}

func TestLimiterQueueTimeoutAndCancel(t *testing.T) {
	m := NewModelMetrics(nil)
	l := NewLimiter(LimiterOptions{MaxActive: 1, QueueTimeout: 10 * time.Millisecond, Metrics: m})
	release := mustAcquire(t, l, "")
	defer release()

	_, err := l.Acquire(context.Background(), "a")
	if !errors.Is(err, ErrQueueTimeout) || !errors.Is(err, ErrOverloaded) {
		t.Errorf("got %v, want ErrQueueTimeout (an ErrOverloaded)", err)
	}

	l.timeout = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	c := acquireAsync(t, ctx, l, "b")
	waitQueued(t, l, 1)
	if got := value(m.Queued); got != 1 {
		t.Errorf("got queued gauge %v, want 1", got)
	}
	cancel()
	if err := <-c; !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	waitQueued(t, l, 0)
	if a, q := value(m.Active), value(m.Queued); a != 1 || q != 0 {
		t.Errorf("got active %v queued %v, want 1 and 0", a, q)
	}
}

func TestLimiterReleaseTwice(t *testing.T) {
	l := NewLimiter(LimiterOptions{MaxActive: 1})
	release := mustAcquire(t, l, "")
	second := acquireAsync(t, context.Background(), l, "")
	waitQueued(t, l, 1)
	release()
	if err := <-second; err != nil {
		t.Fatalf("second: %v", err)
	}
	hold := mustAcquire(t, l, "")
	release() // a second call must not free hold's slot
	l.mu.Lock()
	active := l.active
	l.mu.Unlock()
	if active != 1 {
		t.Errorf("got %d active after a double release, want 1", active)
	}
	hold()
}
