package session

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/spanstream/spanstream/offsets"
	"github.com/spanstream/spanstream/stream"
)

// delivery sends one version's spans to the client: filtered by the
// session's settings, in the session's unit, grouped by tier with the
// highest first. It remembers what the client holds so that the final
// result can be reconciled with what was streamed. Only the job's
// goroutine uses it.
type delivery struct {
	j     *job
	held  map[string]stream.Span // by ID: what the client holds now
	first time.Time              // when the first spans frame was queued
}

func newDelivery(j *job) *delivery {
	return &delivery{j: j, held: make(map[string]stream.Span)}
}

// update streams one step of a labeling in progress. It is the emit
// callback given to the labeler. Spans below minConfidence are not sent;
// maxSpans stops further additions, and final settles which spans stay.
func (d *delivery) update(u stream.Update) {
	var retract []string
	for _, id := range u.Retract {
		if _, ok := d.held[id]; ok {
			retract = append(retract, id)
		}
	}
	d.retract(retract)

	// Most confident first, so that maxSpans keeps the best of what came.
	slices.SortStableFunc(u.Add, func(a, b stream.Span) int {
		return cmp.Compare(b.Confidence, a.Confidence)
	})
	var add []stream.Span
	seen := make(map[string]bool, len(u.Add))
	limit := d.j.settings.maxSpans
	for _, sp := range u.Add {
		if limit > 0 && len(d.held)+len(add) >= limit {
			break
		}
		id := sp.ID()
		if _, ok := d.held[id]; ok || seen[id] || sp.Confidence < d.j.settings.minConfidence {
			continue
		}
		seen[id] = true
		add = append(add, sp)
	}
	d.add(add)
}

// final brings the client to exactly the filtered final result: it
// retracts what was streamed but did not survive, replaces spans whose
// confidence changed (a model answer replaced by the fallback's), and adds
// the rest.
func (d *delivery) final(spans []stream.Span) {
	want := stream.Filter(spans, d.j.settings.minConfidence, d.j.settings.maxSpans)
	keep := make(map[string]stream.Span, len(want))
	for _, sp := range want {
		keep[sp.ID()] = sp
	}
	var retract []string
	for id, sp := range d.held {
		if k, ok := keep[id]; !ok || !sameOnWire(k, sp) {
			retract = append(retract, id)
		}
	}
	slices.Sort(retract)
	d.retract(retract)

	var add []stream.Span
	for _, sp := range want {
		if _, ok := d.held[sp.ID()]; !ok {
			add = append(add, sp)
		}
	}
	d.add(add)
}

// sameOnWire reports whether two spans with one ID read the same to a
// client, whose confidences have four places.
func sameOnWire(a, b stream.Span) bool {
	return a == b || (a.Start == b.Start && a.End == b.End && a.Role == b.Role &&
		wireConfidence(a.Confidence) == wireConfidence(b.Confidence))
}

// takeOver makes d hold what an earlier delivery of the same version left
// with the client. Offsets the client holds in another unit cannot be kept:
// they are retracted, to be sent again.
func (d *delivery) takeOver(prev *delivery) {
	d.first = prev.first
	if prev.j.settings.unit != d.j.settings.unit {
		d.retract(slices.Sorted(maps.Keys(prev.held)))
		return
	}
	maps.Copy(d.held, prev.held)
}

func (d *delivery) count() int { return len(d.held) }

func (d *delivery) firstSpan() (time.Time, bool) { return d.first, !d.first.IsZero() }

// retract tells the client to drop ids. held changes only once the frame
// is queued, so that it always says what the client holds.
func (d *delivery) retract(ids []string) {
	if len(ids) == 0 {
		return
	}
	msg := retractMsg{Type: "retract", Version: d.j.version, IDs: ids}
	if d.j.s.send(d.j.ctx, "retract", msg) {
		for _, id := range ids {
			delete(d.held, id)
		}
	}
}

// add sends spans as one frame per tier, highest tier first and, within a
// tier, most confident first. Each frame's spans join held once it is
// queued.
func (d *delivery) add(spans []stream.Span) {
	if len(spans) == 0 {
		return
	}
	slices.SortStableFunc(spans, func(a, b stream.Span) int {
		ca, cb := wireConfidence(a.Confidence), wireConfidence(b.Confidence)
		if c := cmp.Compare(tierRank(tierOf(ca)), tierRank(tierOf(cb))); c != 0 {
			return c
		}
		if c := cmp.Compare(cb, ca); c != 0 {
			return c
		}
		return cmp.Compare(a.Start, b.Start)
	})
	wire := toWire(d.j.text, d.j.settings.unit, spans)
	for len(wire) > 0 {
		tier := tierOf(wire[0].Confidence)
		n := 1
		for n < len(wire) && tierOf(wire[n].Confidence) == tier {
			n++
		}
		if d.first.IsZero() {
			d.first = time.Now()
		}
		msg := spansMsg{Type: "spans", Version: d.j.version, Tier: tier, Spans: wire[:n]}
		if !d.j.s.send(d.j.ctx, "spans", msg) {
			return
		}
		for _, sp := range spans[:n] {
			d.held[sp.ID()] = sp
		}
		wire, spans = wire[n:], spans[n:]
	}
}

// toWire converts spans to the client's unit in one pass over text.
// Confidences are rounded to four places, the precision the cache keeps, so
// a result looks the same fresh and cached.
func toWire(text string, unit offsets.Unit, spans []stream.Span) []wireSpan {
	offs := make([]int, 0, 2*len(spans))
	for _, sp := range spans {
		offs = append(offs, sp.Start, sp.End)
	}
	offsets.FromBytes(text, unit, offs)
	wire := make([]wireSpan, len(spans))
	for i, sp := range spans {
		wire[i] = wireSpan{
			ID: sp.ID(), Start: offs[2*i], End: offs[2*i+1], Text: sp.Text,
			Role: sp.Role, Confidence: wireConfidence(sp.Confidence),
		}
	}
	return wire
}

// wireConfidence rounds a confidence to the four places clients see.
func wireConfidence(c float64) float64 { return math.Round(c*1e4) / 1e4 }
