package session

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/spanstream/spanstream/cache"
	"github.com/spanstream/spanstream/stream"
)

// Debounce is how long a session waits after a change before labeling, by
// document length in characters. Zero fields take their defaults.
type Debounce struct {
	// Short applies below 500 characters. Default 200 ms.
	Short time.Duration
	// Medium applies below 2,000 characters. Default 350 ms.
	Medium time.Duration
	// Long applies from 2,000 characters. Default 500 ms.
	Long time.Duration
}

func (d Debounce) withDefaults() Debounce {
	if d.Short <= 0 {
		d.Short = 200 * time.Millisecond
	}
	if d.Medium <= 0 {
		d.Medium = 350 * time.Millisecond
	}
	if d.Long <= 0 {
		d.Long = 500 * time.Millisecond
	}
	return d
}

// For returns the wait for a document of chars characters.
func (d Debounce) For(chars int) time.Duration {
	switch {
	case chars < 500:
		return d.Short
	case chars < 2000:
		return d.Medium
	default:
		return d.Long
	}
}

// job labels one version of the document and delivers the result. It runs
// on its own goroutine; the session's reader starts it and, before starting
// the next, cancels it and waits for it, so frames of one version never
// follow frames of a newer one.
type job struct {
	s        *session
	version  int64
	text     string
	settings settings
	received time.Time
	ctx      context.Context
	cancel   context.CancelFunc
	done     chan struct{} // closed when run returns
	out      *delivery
	*plan

	// finished is set by run before done closes: the version got its done
	// or error frame, so stopping it needs no cancelled frame.
	finished bool
}

// start cancels the labeling in progress, if any, and starts labeling the
// current version. reason is what the client is told about the old one.
func (s *session) start(reason string) {
	pl := s.plan()
	s.stopJob(reason)
	s.launch(nil, pl)
}

// restart labels the current version again under new settings. The new
// job takes over what the client holds for the version, so its final result
// retracts, replaces or adds only what differs, and no cancelled frame is
// needed.
func (s *session) restart() {
	pl := s.plan()
	prev := s.stopJob("")
	if prev == nil || prev.version != s.doc.version {
		prev = nil
	}
	s.launch(prev, pl)
}

// plan is the work of one version, prepared by the reader: the document's
// segments with their cache keys, and the flights already labeling some of
// them, pinned before the job that started them is stopped.
type plan struct {
	segs   []segment
	keys   []string
	notify chan struct{}            // poked by the flights the job follows
	pins   map[string]*subscription // pinned flights, by key
}

func (s *session) plan() *plan {
	id := s.opts.Labeler.Identity()
	pl := &plan{segs: split(s.doc.text, s.opts.SegmentChars), notify: make(chan struct{}, 1)}
	for _, seg := range pl.segs {
		pl.keys = append(pl.keys, cacheKey(id, seg.text))
	}
	pl.pins = s.flights.pin(pl.keys, pl.notify)
	return pl
}

// launch starts a job for the current version. prev, when not nil, is an
// earlier job of the same version whose spans the client still holds.
func (s *session) launch(prev *job, pl *plan) {
	ctx, cancel := context.WithCancel(s.ctx)
	j := &job{
		s:        s,
		version:  s.doc.version,
		text:     s.doc.text,
		settings: s.settings,
		received: time.Now(),
		ctx:      ctx,
		cancel:   cancel,
		done:     make(chan struct{}),
		plan:     pl,
	}
	j.out = newDelivery(j)
	if prev != nil {
		j.received = prev.received
		j.out.takeOver(prev.out)
	}
	s.cur = j
	go j.run()
}

// stopJob cancels the current job, waits for it and returns it. When the
// job had not finished and reason is not empty, the client is told with a
// cancelled frame, queued after everything the job sent.
func (s *session) stopJob(reason string) *job {
	j := s.cur
	if j == nil {
		return nil
	}
	s.cur = nil
	j.cancel()
	<-j.done
	if j.finished || reason == "" {
		return j
	}
	s.opts.Metrics.cancelled(reason)
	s.send(s.ctx, "cancelled", cancelledMsg{Type: "cancelled", Version: j.version,
		Reason: reason})
	return j
}

func (j *job) run() {
	defer close(j.done)
	defer j.cancel()
	defer j.unpin()

	parts := j.parts()
	if j.deliverHits(parts) {
		j.complete(parts, "hit")
		return
	}
	if !j.wait() {
		return
	}
	led, ok := j.follow(parts)
	led = led && !anyShared(parts)
	if !ok {
		return
	}
	if err := firstErr(parts); err != nil {
		j.fail(err)
		return
	}
	result := "shared"
	if led {
		result = "miss"
	}
	j.complete(parts, result)
}

// part is one segment of the job's document and what became of it.
type part struct {
	seg      segment
	key      string
	sub      *subscription     // while its flight runs
	ids      map[string]string // local span ID to document span ID
	spans    []stream.Span     // final, in document offsets
	source   string
	warning  string
	err      error
	shared   bool // labeled by another server
	finished bool
}

// parts looks each segment of the plan up in the cache.
func (j *job) parts() []*part {
	parts := make([]*part, len(j.segs))
	for i, seg := range j.segs {
		p := &part{seg: seg, key: j.keys[i], ids: make(map[string]string)}
		if source, spans, ok := j.lookup(p.key, seg.text); ok {
			p.spans, p.source, p.finished = p.shift(spans), source, true
		}
		parts[i] = p
	}
	return parts
}

// deliverHits sends the spans of every cached segment at once, before any
// debounce, and reports whether every segment was cached.
func (j *job) deliverHits(parts []*part) bool {
	var hits []stream.Span
	all := true
	for _, p := range parts {
		if p.finished {
			hits = append(hits, p.spans...)
		} else {
			all = false
		}
	}
	j.out.update(stream.Update{Add: hits})
	return all
}

// follow labels the segments the cache did not have, through flights
// shared with other sessions, streaming their updates as they come. It
// reports whether this job started any flight, and false when the job was
// cancelled first.
func (j *job) follow(parts []*part) (led bool, ok bool) {
	notify := j.notify
	for _, p := range parts {
		if sub, pinned := j.pins[p.key]; pinned && !p.finished {
			// A flight still running for this segment since before the
			// edit: this session's own, or one it shares.
			p.sub = sub
			delete(j.pins, p.key)
			if sub.f.starter == j.s.id {
				led = true
			} else {
				j.s.opts.Metrics.joined()
			}
		} else if !p.finished {
			var leader bool
			p.sub, leader = j.s.flights.join(p.key, p.seg.text, j.s.id, notify)
			led = led || leader
			if !leader {
				j.s.opts.Metrics.joined()
			}
		}
	}
	defer func() {
		for _, p := range parts {
			if p.sub != nil {
				j.s.flights.leave(p.sub)
			}
		}
	}()

	for {
		pending := false
		for _, p := range parts {
			if p.sub != nil && !j.read(p) {
				pending = true
			}
		}
		if !pending {
			return led, true
		}
		select {
		case <-notify:
		case <-j.ctx.Done():
			return led, false
		}
	}
}

// read streams what p's flight produced since the last read and reports
// whether the flight has finished.
func (j *job) read(p *part) bool {
	pr := p.sub.read()
	for _, u := range pr.updates {
		j.out.update(p.shiftUpdate(u))
	}
	if !pr.finished {
		return false
	}
	j.s.flights.leave(p.sub)
	p.sub, p.finished, p.err, p.shared = nil, true, pr.err, pr.shared
	if pr.err == nil {
		p.spans, p.source, p.warning = p.shift(pr.res.Spans), pr.res.Source, pr.res.Warning
	}
	return true
}

// complete sends the final result of every part and done.
func (j *job) complete(parts []*part, cacheResult string) {
	var spans []stream.Span
	var warnings []string
	source := ""
	for _, p := range parts {
		spans = append(spans, p.spans...)
		if p.warning != "" && !slices.Contains(warnings, p.warning) {
			warnings = append(warnings, p.warning)
		}
		if source == "" || p.source == "builtin" {
			source = p.source
		}
	}
	if source == "" {
		source = j.s.opts.Labeler.Identity().Name
	}
	for _, w := range warnings {
		j.s.log.Warn().Int64("doc_version", j.version).Str("warning", w).Msg("labeling degraded")
		j.s.send(j.ctx, "warning", warningMsg{Type: "warning", Version: j.version, Message: w})
	}
	j.out.final(spans)
	j.finish(cacheResult, source)
}

// unpin leaves the pinned flights the job did not use.
func (j *job) unpin() {
	for key, sub := range j.pins {
		j.s.flights.leave(sub)
		delete(j.pins, key)
	}
}

func anyShared(parts []*part) bool {
	for _, p := range parts {
		if p.shared {
			return true
		}
	}
	return false
}

func firstErr(parts []*part) error {
	for _, p := range parts {
		if p.err != nil {
			return p.err
		}
	}
	return nil
}

// shift moves spans from segment offsets to document offsets.
func (p *part) shift(spans []stream.Span) []stream.Span {
	out := make([]stream.Span, len(spans))
	for i, s := range spans {
		id := s.ID()
		s.Start += p.seg.start
		s.End += p.seg.start
		out[i] = s
		p.ids[id] = s.ID()
	}
	return out
}

// shiftUpdate moves an update from segment offsets to document offsets.
func (p *part) shiftUpdate(u stream.Update) stream.Update {
	out := stream.Update{Add: p.shift(u.Add)}
	for _, id := range u.Retract {
		if doc, ok := p.ids[id]; ok {
			out.Retract = append(out.Retract, doc)
		}
	}
	return out
}

// lookup returns the cached result for key. Any cache failure is a miss:
// labeling goes on without the cache.
func (j *job) lookup(key, text string) (string, []stream.Span, bool) {
	res, err := readResult(j.ctx, j.s.opts.Cache.Get, key, text)
	switch {
	case errors.Is(err, errCorrupt):
		j.s.log.Warn().Err(err).Msg("cache entry unreadable")
	case err != nil && !errors.Is(err, cache.ErrMiss):
		j.s.log.Debug().Err(err).Msg("cache get failed")
	}
	return res.Source, res.Spans, err == nil
}

// wait sleeps for the debounce; it reports false when the job was
// cancelled meanwhile.
func (j *job) wait() bool {
	d := j.s.opts.Debounce.For(utf8.RuneCountInString(j.text))
	if j.settings.debounce != nil {
		d = *j.settings.debounce
	}
	if d <= 0 {
		return j.ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-j.ctx.Done():
		return false
	}
}

// fail reports a labeling error, unless the job was cancelled: then the
// session tells the client.
func (j *job) fail(err error) {
	if j.ctx.Err() != nil {
		return
	}
	code := CodeInternal
	switch {
	case errors.Is(err, stream.ErrOverloaded):
		code = CodeOverloaded
	case errors.Is(err, stream.ErrUpstream):
		code = CodeUpstream
	}
	j.s.log.Warn().Err(err).Str("code", code).Int64("doc_version", j.version).
		Msg("labeling failed")
	j.out.final(nil) // the version has no labels: take back what was sent
	j.s.opts.Metrics.errorSent(code)
	j.finished = j.s.send(j.ctx, "error", errorMsg{Type: "error", Code: code,
		Version: j.version, Message: "labeling failed: " + err.Error()})
}

func (j *job) finish(cacheResult, source string) {
	elapsed := time.Since(j.received)
	msg := doneMsg{
		Type:      "done",
		Version:   j.version,
		Count:     j.out.count(),
		Cache:     cacheResult,
		Source:    source,
		ElapsedMs: ms(elapsed),
	}
	if first, ok := j.out.firstSpan(); ok {
		v := ms(first.Sub(j.received))
		msg.FirstSpanMs = &v
		j.s.opts.Metrics.firstSpan(first.Sub(j.received))
	}
	if !j.s.send(j.ctx, "done", msg) {
		return
	}
	j.finished = true
	j.s.opts.Metrics.labeled(source, cacheResult, elapsed)
	j.s.log.Debug().Int64("doc_version", j.version).Str("cache", cacheResult).
		Str("source", source).Int("count", msg.Count).Float64("elapsed_ms", msg.ElapsedMs).
		Msg("labeled")
}

// cacheKey names a result: the labeler's identity and the SHA-256 of the
// exact text. Session options are not part of it: they filter a cached
// result, so every session shares one entry.
func cacheKey(id stream.Identity, text string) string {
	sum := sha256.Sum256([]byte(text))
	return "label:v1:" + id.String() + ":" + hex.EncodeToString(sum[:])
}
