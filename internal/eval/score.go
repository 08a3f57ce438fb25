package eval

import "github.com/spanstream/spanstream/stream"

// Counts are matched (TP), unmatched predicted (FP) and unmatched truth
// (FN) spans.
type Counts struct {
	TP, FP, FN int
}

// Add returns the sum of c and d.
func (c Counts) Add(d Counts) Counts {
	return Counts{TP: c.TP + d.TP, FP: c.FP + d.FP, FN: c.FN + d.FN}
}

// Precision is TP/(TP+FP), or 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), or 0 when there was nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, or 0 when both are 0.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Outcome is the result for one prompt under role matching.
type Outcome struct {
	ID, Text string
	Counts   Counts
	Missed   []Span // truth spans no prediction matched
	Extra    []Span // predictions that matched nothing
}

// Report is the result of a whole evaluation. ByRole attributes each
// miss to the truth's role and each false positive to the predicted role;
// ByParent comes from a second matching that compares parents only, so a
// "lighting.source" guess for a "lighting.quality" truth counts there.
type Report struct {
	Overall  Counts
	ByRole   map[string]Counts
	ByParent map[string]Counts
	Prompts  []Outcome
}

// Score matches predictions (preds[i] for prompts[i]) against the truth.
func Score(prompts []Prompt, preds [][]Span) Report {
	r := Report{ByRole: map[string]Counts{}, ByParent: map[string]Counts{}}
	for i, p := range prompts {
		var pred []Span
		if i < len(preds) {
			pred = preds[i]
		}
		o := Outcome{ID: p.ID, Text: p.Text}
		matched, extra := Match(pred, p.Truth, sameRole)
		o.Counts = Counts{TP: len(pred) - len(extra), FP: len(extra)}
		for j, t := range p.Truth {
			if !matched[j] {
				o.Missed = append(o.Missed, t)
			}
		}
		o.Counts.FN = len(o.Missed)
		o.Extra = extra
		r.Overall = r.Overall.Add(o.Counts)
		r.tally(pred, p.Truth, matched, extra)
		r.Prompts = append(r.Prompts, o)
	}
	return r
}

// tally adds one prompt's role and parent counts.
func (r *Report) tally(pred, truth []Span, matched []bool, extra []Span) {
	for j, t := range truth {
		c := r.ByRole[t.Role]
		if matched[j] {
			c.TP++
		} else {
			c.FN++
		}
		r.ByRole[t.Role] = c
	}
	for _, e := range extra {
		c := r.ByRole[e.Role]
		c.FP++
		r.ByRole[e.Role] = c
	}

	pm, pextra := Match(pred, truth, sameParent)
	for j, t := range truth {
		p := stream.Parent(t.Role)
		c := r.ByParent[p]
		if pm[j] {
			c.TP++
		} else {
			c.FN++
		}
		r.ByParent[p] = c
	}
	for _, e := range pextra {
		p := stream.Parent(e.Role)
		c := r.ByParent[p]
		c.FP++
		r.ByParent[p] = c
	}
}

func sameRole(a, b string) bool   { return a == b }
func sameParent(a, b string) bool { return stream.Parent(a) == stream.Parent(b) }

// Match pairs predictions with truth spans greedily in prediction order:
// each prediction takes the first unmatched truth span whose role is the
// same (by same) and whose intersection over union exceeds 0.5. It
// returns which truth spans were matched and the predictions that were
// not.
func Match(pred, truth []Span, same func(a, b string) bool) (matched []bool, extra []Span) {
	matched = make([]bool, len(truth))
	for _, p := range pred {
		hit := false
		for j, t := range truth {
			if !matched[j] && same(p.Role, t.Role) && IoU(p, t) > 0.5 {
				matched[j], hit = true, true
				break
			}
		}
		if !hit {
			extra = append(extra, p)
		}
	}
	return matched, extra
}

// IoU returns the intersection over union of the ranges of a and b.
func IoU(a, b Span) float64 {
	inter := min(a.End, b.End) - max(a.Start, b.Start)
	if inter <= 0 {
		return 0
	}
	union := max(a.End, b.End) - min(a.Start, b.Start)
	return float64(inter) / float64(union)
}
