package main

import (
	"context"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"
)

// typingOptions configures a typing run. Zero fields take the defaults
// stated.
type typingOptions struct {
	// URL is the WebSocket endpoint; the caller has checked it is loopback.
	URL string
	// Client dials and reads the simulator's stats; it must refuse
	// non-loopback addresses.
	Client *http.Client
	// Prompts are typed, one session each.
	Prompts []string
	// Burst is the number of characters (code points) per edit. Default 40.
	Burst int
	// Parallel bounds the sessions typing at once. Default 10.
	Parallel int
	// StatsURL is the simulator's GET /stats endpoint (loopback, checked by
	// the caller); empty skips the model counts.
	StatsURL string
}

func (o typingOptions) withDefaults() typingOptions {
	if o.Burst <= 0 {
		o.Burst = 40
	}
	if o.Parallel <= 0 {
		o.Parallel = 10
	}
	return o
}

// typingReport is what a typing run measured. Labelings counts done
// frames, including the one for the empty first document.
type typingReport struct {
	Mode          string         `json:"mode"`
	URL           string         `json:"url"`
	Sessions      int            `json:"sessions"`
	Completed     int            `json:"completed"`
	Burst         int            `json:"burst"`
	Chars         int            `json:"charsUTF16"`
	Edits         int            `json:"edits"`
	Changes       int            `json:"wordChanges"`
	Labelings     int            `json:"labelings"`
	Cache         map[string]int `json:"cache"`
	Source        map[string]int `json:"source"`
	Warnings      int            `json:"warnings"`
	EditLatency   summary        `json:"editLatencyMs"`
	ChangeLatency summary        `json:"wordChangeLatencyMs"`
	Model         *modelDelta    `json:"model,omitempty"`
	DurationSec   float64        `json:"durationSec"`
	Errors        map[string]int `json:"errors"`
	ErrorSamples  []string       `json:"errorSamples,omitempty"`
	Stopped       bool           `json:"stopped"`
}

// typist is what one typing session saw.
type typist struct {
	completed bool
	chars     int
	edits     int
	changes   int
	dones     int
	warnings  int
	edit      []float64
	change    []float64
	cache     tally
	source    tally
	errs      tally
}

// runTyping types every prompt in its own session, at most Parallel at
// once, reading the simulator's counters before and after when StatsURL
// is set. When ctx ends it reports what it measured so far.
func runTyping(ctx context.Context, o typingOptions) (*typingReport, error) {
	o = o.withDefaults()
	rep := &typingReport{Mode: "typing", URL: o.URL, Sessions: len(o.Prompts), Burst: o.Burst}
	var before simStats
	if o.StatsURL != "" {
		var err error
		if before, err = fetchStats(ctx, o.Client, o.StatsURL); err != nil {
			return nil, err
		}
	}

	began := time.Now()
	results := make([]typist, len(o.Prompts))
	var g errgroup.Group
	g.SetLimit(o.Parallel)
	for i, text := range o.Prompts {
		g.Go(func() error {
			results[i] = typeOne(ctx, o, text)
			return nil
		})
	}
	g.Wait()
	rep.DurationSec = time.Since(began).Seconds()
	rep.merge(results)
	rep.Stopped = ctx.Err() != nil

	if o.StatsURL != "" {
		after, err := statsAfter(ctx, o)
		if err != nil {
			return nil, err
		}
		rep.Model = after.since(before)
	}
	return rep, nil
}

// statsAfter reads the simulator's counters at the end of a run. The run
// may have been stopped, so it uses a context of its own: the report
// still gets them.
func statsAfter(ctx context.Context, o typingOptions) (simStats, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return fetchStats(ctx, o.Client, o.StatsURL)
}

// typeOne runs one typing session over text.
func typeOne(ctx context.Context, o typingOptions, text string) (t typist) {
	if ctx.Err() != nil {
		return t // stopped before this session's turn
	}
	p, err := dialPeer(ctx, o.URL, o.Client)
	if err != nil {
		t.errs.addErr(err)
		return t
	}
	defer p.close()
	if err := p.hello(ctx); err != nil {
		t.errs.addErr(err)
		return t
	}
	t.completed = t.play(ctx, p, scriptFor(text, o.Burst)) == nil
	return t
}

// play sends the empty document, the bursts and the word change, each
// after the previous one's done.
func (t *typist) play(ctx context.Context, p *peer, sc typingScript) error {
	if _, err := t.step(ctx, p, docMsg{Type: "doc", Version: 1, Text: ""}, 1); err != nil {
		return err
	}
	for _, e := range sc.Bursts {
		d, err := t.step(ctx, p, e, e.Version)
		if err != nil {
			return err
		}
		t.edits++
		t.chars += utf16Len(e.Changes[0].Text)
		t.edit = append(t.edit, d)
	}
	if sc.Change == nil {
		return nil
	}
	d, err := t.step(ctx, p, *sc.Change, sc.Change.Version)
	if err != nil {
		return err
	}
	t.edits++
	t.changes++
	t.change = append(t.change, d)
	return nil
}

// step sends m, waits for the done of version and returns the client
// latency in milliseconds. Any failure ends the session: after an error
// the document may differ from the script, and the next edit's base would
// be wrong.
func (t *typist) step(ctx context.Context, p *peer, m any, version int64) (float64, error) {
	at, err := p.send(ctx, m)
	if err == nil {
		var f frame
		f, err = p.await(ctx, version)
		if err == nil {
			t.dones++
			t.warnings += f.warnings
			t.cache.add(f.msg.Cache)
			t.source.add(f.msg.Source)
			return ms(f.at.Sub(at)), nil
		}
	}
	t.errs.addErr(err)
	return 0, err
}

// merge folds the sessions' results into the report.
func (rep *typingReport) merge(results []typist) {
	var edit, change []float64
	var cache, source, errs tally
	for _, t := range results {
		if t.completed {
			rep.Completed++
		}
		rep.Chars += t.chars
		rep.Edits += t.edits
		rep.Changes += t.changes
		rep.Labelings += t.dones
		rep.Warnings += t.warnings
		edit, change = append(edit, t.edit...), append(change, t.change...)
		cache.merge(t.cache)
		source.merge(t.source)
		errs.merge(t.errs)
	}
	rep.EditLatency, rep.ChangeLatency = summarize(edit), summarize(change)
	rep.Cache, rep.Source = nonNil(cache.counts), nonNil(source.counts)
	rep.Errors, rep.ErrorSamples = nonNil(errs.counts), errs.samples
}
