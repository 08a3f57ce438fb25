package stream

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/packages/ssestream"

	"github.com/spanstream/spanstream/offsets"
)

// maxRetryAfter is the longest Retry-After the labeler waits for; a server
// asking for more is treated as down, since the author is typing now.
const maxRetryAfter = 5 * time.Second

var errStall = errors.New("stream: model stalled")

// run is one Label call: the document, what was placed and what the caller
// holds. It lives on the calling goroutine only.
type run struct {
	m    *Model
	text string
	emit func(Update)
	loc  *offsets.Locator

	// placed is every span placed so far, in placing order; held is
	// Resolve(placed), the set the caller holds.
	placed []Span
	held   []Span
	// hint is where the next span is looked for first: the end of the
	// previous placed span, because the model lists spans in document order.
	hint int

	// Per attempt: the decoder, when the request was sent, whether content
	// arrived, the finish reason and any refusal.
	dec      decoder
	sent     time.Time
	content  bool
	finish   string
	refusal  strings.Builder
	spanSeen bool
}

func newRun(m *Model, text string, emit func(Update)) *run {
	return &run{m: m, text: text, emit: emit, loc: offsets.NewLocator(text)}
}

// label acquires a limiter slot and runs attempts until one succeeds, fails
// for good or runs out of retries.
func (r *run) label(ctx context.Context) error {
	owner, _ := ctx.Value(ownerKey{}).(string)
	release, err := r.m.limiter.Acquire(ctx, owner)
	if err != nil {
		return err
	}
	defer release()

	for try := 0; ; try++ {
		err := r.attempt(ctx)
		wait, retry := r.retryWait(err, try)
		if !retry {
			return err
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// attempt sends one streaming request and decodes its answer. A watchdog
// cancels the request when no content arrives for IdleTimeout.
func (r *run) attempt(ctx context.Context) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	idle := r.m.o.IdleTimeout
	watchdog := time.AfterFunc(idle, func() { cancel(errStall) })
	defer watchdog.Stop()

	r.dec, r.content, r.finish = decoder{}, false, ""
	r.refusal.Reset()
	r.sent = time.Now()
	s := r.m.client.Chat.Completions.NewStreaming(ctx, r.m.params(r.text))
	defer s.Close()
	for s.Next() {
		if r.chunk(s.Current()) {
			watchdog.Reset(idle)
		}
	}
	return r.outcome(ctx, s.Err())
}

// chunk handles one streamed chunk and reports whether it carried content.
func (r *run) chunk(c openai.ChatCompletionChunk) bool {
	if c.Usage.PromptTokens > 0 || c.Usage.CompletionTokens > 0 {
		r.m.o.Metrics.tokens(c.Usage.PromptTokens, c.Usage.CompletionTokens)
	}
	got := false
	for _, ch := range c.Choices {
		if ch.Index != 0 {
			continue
		}
		if ch.FinishReason != "" {
			r.finish = ch.FinishReason
		}
		r.refusal.WriteString(ch.Delta.Refusal)
		if ch.Delta.Content == "" {
			continue
		}
		if !r.content {
			r.content = true
			r.m.o.Metrics.firstToken(time.Since(r.sent))
		}
		got = true
		r.dec.feed(ch.Delta.Content, r.place, r.malformed)
	}
	return got
}

// malformed counts a span object that did not fit the schema's types.
func (r *run) malformed(error) { r.m.o.Metrics.dropped("malformed") }

// place validates a decoded span, finds it in the document and publishes
// the new resolved set.
func (r *run) place(ms modelSpan) {
	if !ValidRole(ms.Role) {
		r.m.o.Metrics.dropped("invalid_role")
		return
	}
	if len(r.placed) >= maxSpans {
		// A model repeating itself must not make each placement dearer.
		r.m.o.Metrics.dropped("too_many")
		return
	}
	// Spaces around a quote are the model's, not the document's.
	start, end, ok := r.loc.Find(strings.TrimSpace(ms.Text), r.hint)
	if !ok {
		r.m.o.Metrics.dropped("not_found")
		return
	}
	r.hint = end
	if !r.spanSeen {
		r.spanSeen = true
		r.m.o.Metrics.firstSpan(time.Since(r.sent))
	}
	conf := math.Min(1, math.Max(0, ms.Confidence))
	r.placed = append(r.placed, Span{Start: start, End: end, Text: r.text[start:end],
		Role: ms.Role, Confidence: conf})
	r.publish(Resolve(r.placed))
}

// publish makes next the held set, emitting the difference if any.
func (r *run) publish(next []Span) {
	u := diff(r.held, next)
	r.held = next
	if len(u.Add) > 0 || len(u.Retract) > 0 {
		r.emit(u)
	}
}

// diff returns the Update that turns the set old into the set next. Both
// must be sorted by keyOrder, as Resolve sorts; a span is the same in both
// when its range and role are (its ID is made of them).
func diff(old, next []Span) Update {
	var u Update
	for i, j := 0, 0; i < len(old) || j < len(next); {
		c := 0
		switch {
		case i == len(old):
			c = 1
		case j == len(next):
			c = -1
		default:
			c = keyOrder(old[i], next[j])
		}
		if c <= 0 {
			if c < 0 {
				u.Retract = append(u.Retract, old[i].ID())
			}
			i++
		}
		if c >= 0 {
			if c > 0 {
				u.Add = append(u.Add, next[j])
			}
			j++
		}
	}
	return u
}

// keyOrder orders spans by start, end and role.
func keyOrder(a, b Span) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End),
		strings.Compare(a.Role, b.Role))
}

// outcome classifies how an attempt ended and counts it.
func (r *run) outcome(ctx context.Context, err error) error {
	metrics := r.m.o.Metrics
	switch {
	case err != nil && context.Cause(ctx) == errStall:
		metrics.request("stall")
		metrics.canceled("stall")
		return &upstreamError{reason: "model stalled for " + r.m.o.IdleTimeout.String(),
			cause: errStall}
	case err != nil && ctx.Err() != nil:
		// Only a stream cut short counts: one that ended cleanly just as
		// the watchdog or the caller gave up is a complete answer.
		metrics.request("canceled")
		return ctx.Err()
	case err != nil:
		return r.failure(err)
	case r.refusal.Len() > 0:
		metrics.request("malformed")
		return &upstreamError{reason: "model refused to answer"}
	case r.finish == "length" || r.finish == "content_filter":
		metrics.request("length")
		return nil
	case !r.dec.complete():
		metrics.request("malformed")
		return &upstreamError{reason: "model answer was not the JSON asked for"}
	}
	metrics.request("ok")
	return nil
}

// failure classifies an error the stream ended with.
func (r *run) failure(err error) error {
	var apiErr *openai.Error
	var streamErr *ssestream.StreamError
	if !errors.As(err, &apiErr) {
		if errors.As(err, &streamErr) {
			r.m.o.Metrics.request("stream_error")
			return &upstreamError{reason: "model reported an error mid-answer", cause: err}
		}
		r.m.o.Metrics.request("transport")
		return &upstreamError{reason: "model API unreachable", cause: err}
	}
	outcome := "status_other"
	switch {
	case apiErr.StatusCode == http.StatusTooManyRequests:
		outcome = "status_429"
	case apiErr.StatusCode >= 500:
		outcome = "status_5xx"
	}
	r.m.o.Metrics.request(outcome)
	return &upstreamError{reason: "upstream returned " + strconv.Itoa(apiErr.StatusCode),
		cause: err}
}

// retryWait says whether the attempt that ended with err, the try-th,
// should be retried and after how long: only a 429 or 5xx that came before
// any content, within MaxRetries, and never past a long Retry-After.
func (r *run) retryWait(err error, try int) (time.Duration, bool) {
	var apiErr *openai.Error
	if err == nil || r.content || try >= r.m.o.MaxRetries || !errors.As(err, &apiErr) {
		return 0, false
	}
	if apiErr.StatusCode != http.StatusTooManyRequests && apiErr.StatusCode < 500 {
		return 0, false
	}
	if apiErr.Response != nil {
		if d, ok := retryAfter(apiErr.Response.Header); ok {
			return d, d <= maxRetryAfter
		}
	}
	backoff := r.m.o.RetryBackoff << min(try, 3)
	return backoff/2 + rand.N(backoff/2+1), true
}

// retryAfter reads the wait a server asked for: retry-after-ms, else
// retry-after in seconds (the HTTP-date form is ignored).
func retryAfter(h http.Header) (time.Duration, bool) {
	if v, err := strconv.ParseFloat(h.Get("Retry-After-Ms"), 64); err == nil && v >= 0 {
		return time.Duration(v * float64(time.Millisecond)), true
	}
	if v, err := strconv.ParseFloat(h.Get("Retry-After"), 64); err == nil && v >= 0 {
		return time.Duration(v * float64(time.Second)), true
	}
	return 0, false
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// result is the finished labeling of a run that succeeded.
func (r *run) result() Result {
	res := Result{Spans: r.held, Source: "model", Complete: r.finish != "length" &&
		r.finish != "content_filter"}
	if !res.Complete {
		res.Warning = "the model's answer was cut short; some labels may be missing"
	}
	return res
}

// fallback replaces whatever the model delivered with the Fallback's
// labels, retracting model spans the caller already holds.
func (r *run) fallback(ctx context.Context, cause error) (Result, error) {
	res, err := r.m.o.Fallback.Label(ctx, r.text, nil)
	if err != nil {
		return Result{}, fmt.Errorf("stream: fallback after %w: %w", cause, err)
	}
	r.publish(slices.SortedFunc(slices.Values(res.Spans), keyOrder))
	res.Spans = r.held
	res.Source = "builtin"
	res.Warning = warningFor(cause)
	return res, nil
}
