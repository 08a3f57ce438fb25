package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// hitsOptions configures a hits run. Zero fields take the defaults stated.
type hitsOptions struct {
	// URL is the WebSocket endpoint; the caller has checked it is loopback.
	URL string
	// Client dials; it must refuse non-loopback addresses.
	Client *http.Client
	// Prompts are the documents sent; at least one.
	Prompts []string
	// Sessions is the number of concurrent sessions. Default 1000.
	Sessions int
	// Rounds is the number of doc messages each session sends. Default 5.
	Rounds int
	// DialConcurrency bounds the dials and hellos in flight. Default 50.
	DialConcurrency int
}

func (o hitsOptions) withDefaults() hitsOptions {
	if o.Sessions <= 0 {
		o.Sessions = 1000
	}
	if o.Rounds <= 0 {
		o.Rounds = 5
	}
	if o.DialConcurrency <= 0 {
		o.DialConcurrency = 50
	}
	return o
}

// hitsReport is what a hits run measured. Latencies are client-side, from
// the start of the doc write to the read of its done.
type hitsReport struct {
	Mode           string           `json:"mode"`
	URL            string           `json:"url"`
	SessionsWanted int              `json:"sessionsWanted"`
	Sessions       int              `json:"sessions"`
	Rounds         int              `json:"rounds"`
	Warm           warmReport       `json:"warm"`
	SetupSec       float64          `json:"setupSec"`
	Sent           int              `json:"sent"`
	Messages       int              `json:"messages"`
	DurationSec    float64          `json:"durationSec"`
	PerSec         float64          `json:"messagesPerSec"`
	Latency        summary          `json:"latencyMs"`
	Server         summary          `json:"serverElapsedMs"`
	Cache          map[string]int   `json:"cache"`
	CacheByRound   []map[string]int `json:"cacheByRound"`
	Errors         map[string]int   `json:"errors"`
	ErrorSamples   []string         `json:"errorSamples,omitempty"`
	Stopped        bool             `json:"stopped"`
}

// warmReport describes the warm-up: every prompt sent once from one
// session before the measured rounds.
type warmReport struct {
	Prompts int            `json:"prompts"`
	Cache   map[string]int `json:"cache"`
	Seconds float64        `json:"seconds"`
}

// hitsRun is the shared state of one run; each session writes only its own
// element of results.
type hitsRun struct {
	o       hitsOptions
	dials   chan struct{} // a slot per dial and hello in flight
	ready   sync.WaitGroup
	start   chan struct{} // closed when every session is set up
	results []sessionResult
}

// sessionResult is what one session saw.
type sessionResult struct {
	connected bool
	sent      int
	latency   []float64
	server    []float64
	cache     []tally // per round
	errs      tally
	end       time.Time // when the last round ended
}

// runHits warms the cache, sets up every session, then lets all of them
// send their rounds at once. It returns an error only when the warm-up
// fails for another reason than ctx ending; when ctx ends, it reports
// what it measured so far.
func runHits(ctx context.Context, o hitsOptions) (*hitsReport, error) {
	o = o.withDefaults()
	rep := &hitsReport{Mode: "hits", URL: o.URL, SessionsWanted: o.Sessions, Rounds: o.Rounds}
	if err := warm(ctx, o, &rep.Warm); err != nil {
		if ctx.Err() == nil {
			return nil, fmt.Errorf("warm-up: %w", err)
		}
		rep.Stopped = true
		return rep, nil
	}

	h := &hitsRun{o: o, dials: make(chan struct{}, o.DialConcurrency),
		start: make(chan struct{}), results: make([]sessionResult, o.Sessions)}
	setup := time.Now()
	measured := h.run(ctx)
	rep.SetupSec = measured.Sub(setup).Seconds()
	rep.merge(h.results, measured)
	rep.Stopped = ctx.Err() != nil
	return rep, nil
}

// run starts every session, releases them together once all are set up,
// and returns when that was after joining them all.
func (h *hitsRun) run(ctx context.Context) (measured time.Time) {
	h.ready.Add(h.o.Sessions)
	var g errgroup.Group
	g.Go(func() error {
		h.ready.Wait()
		measured = time.Now()
		close(h.start)
		return nil
	})
	for s := range h.o.Sessions {
		g.Go(func() error {
			h.results[s] = h.session(ctx, s)
			return nil
		})
	}
	g.Wait()
	return measured
}

// warm sends every prompt once from one session and waits for each done,
// so that the measured rounds find them all in the cache.
func warm(ctx context.Context, o hitsOptions, rep *warmReport) error {
	began := time.Now()
	defer func() { rep.Seconds = time.Since(began).Seconds() }()
	p, err := dialPeer(ctx, o.URL, o.Client)
	if err != nil {
		return err
	}
	defer p.close()
	if err := p.hello(ctx); err != nil {
		return fmt.Errorf("hello: %w", err)
	}

	var cache tally
	defer func() { rep.Cache = nonNil(cache.counts) }()
	for i, text := range o.Prompts {
		v := int64(i + 1)
		if _, err := p.send(ctx, docMsg{Type: "doc", Version: v, Text: text}); err != nil {
			return err
		}
		f, err := p.await(ctx, v)
		if err != nil {
			return fmt.Errorf("prompt %d: %w", i+1, err)
		}
		cache.add(f.msg.Cache)
		rep.Prompts++
	}
	return nil
}

// session runs session s: connect, wait for the others, send the rounds.
func (h *hitsRun) session(ctx context.Context, s int) (r sessionResult) {
	p, err := h.connect(ctx)
	h.ready.Done()
	if err != nil {
		r.errs.addErr(err)
		return r
	}
	defer p.close()
	r.connected = true
	r.cache = make([]tally, h.o.Rounds)
	select {
	case <-h.start:
	case <-ctx.Done():
		return r
	}

	for round := range h.o.Rounds {
		if !h.round(ctx, p, s, round, &r) {
			break
		}
	}
	r.end = time.Now() // before the deferred close: closing is not measured
	return r
}

// round sends one doc and waits for its done. It reports whether the
// session can go on: an error frame leaves it usable, a broken connection
// or the end of ctx does not.
func (h *hitsRun) round(ctx context.Context, p *peer, s, round int, r *sessionResult) bool {
	v := int64(round + 1)
	text := h.o.Prompts[(s*h.o.Rounds+round)%len(h.o.Prompts)]
	at, err := p.send(ctx, docMsg{Type: "doc", Version: v, Text: text})
	if err != nil {
		r.errs.addErr(err)
		return false
	}
	r.sent++
	f, err := p.await(ctx, v)
	if err != nil {
		r.errs.addErr(err)
		var ef *errFrame
		return errors.As(err, &ef)
	}
	r.latency = append(r.latency, ms(f.at.Sub(at)))
	r.server = append(r.server, f.msg.ElapsedMs)
	r.cache[round].add(f.msg.Cache)
	return true
}

// connect dials and says hello, holding a dial slot so that at most
// DialConcurrency handshakes run at once.
func (h *hitsRun) connect(ctx context.Context) (*peer, error) {
	select {
	case h.dials <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-h.dials }()

	p, err := dialPeer(ctx, h.o.URL, h.o.Client)
	if err != nil {
		return nil, err
	}
	if err := p.hello(ctx); err != nil {
		p.close()
		return nil, fmt.Errorf("hello: %w", err)
	}
	return p, nil
}

// merge folds the sessions' results into the report.
func (rep *hitsReport) merge(results []sessionResult, measured time.Time) {
	end := measured
	var latency, server []float64
	var errs, cache tally
	byRound := make([]tally, rep.Rounds)
	for _, r := range results {
		if r.connected {
			rep.Sessions++
		}
		rep.Sent += r.sent
		if r.end.After(end) {
			end = r.end
		}
		latency = append(latency, r.latency...)
		server = append(server, r.server...)
		errs.merge(r.errs)
		for i, c := range r.cache {
			byRound[i].merge(c)
			cache.merge(c)
		}
	}
	rep.Messages = len(latency)
	rep.Latency, rep.Server = summarize(latency), summarize(server)
	rep.Cache, rep.Errors, rep.ErrorSamples = nonNil(cache.counts), nonNil(errs.counts),
		errs.samples
	for _, c := range byRound {
		rep.CacheByRound = append(rep.CacheByRound, nonNil(c.counts))
	}
	rep.DurationSec = end.Sub(measured).Seconds()
	if rep.DurationSec > 0 {
		rep.PerSec = float64(rep.Messages) / rep.DurationSec
	}
}
