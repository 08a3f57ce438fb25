package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spanstream/spanstream/stream"
)

// Write prints the report as tables: overall, per parent and per role
// scores with their counts, and, when verbose, each prompt's misses and
// false positives.
func (r Report) Write(w io.Writer, verbose bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "prompts: %d\t\n\n", len(r.Prompts))
	writeTable(tw, "overall", map[string]Counts{"all": r.Overall}, []string{"all"})
	writeTable(tw, "parent", r.ByParent, parents())
	writeTable(tw, "role", r.ByRole, stream.Roles)
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	if !verbose {
		return nil
	}
	for _, o := range r.Prompts {
		if err := writeOutcome(w, o); err != nil {
			return err
		}
	}
	return nil
}

// writeTable prints one table; rows with no spans on either side are
// left out.
func writeTable(w io.Writer, title string, counts map[string]Counts, order []string) {
	fmt.Fprintf(w, "%s\tP\tR\tF1\tTP\tFP\tFN\t\n", title)
	for _, k := range order {
		c, ok := counts[k]
		if !ok || c == (Counts{}) {
			continue
		}
		fmt.Fprintf(w, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n",
			k, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintln(w, "\t\t\t\t\t\t\t")
}

// parents returns the parent roles in the order of stream.Roles.
func parents() []string {
	var out []string
	for _, r := range stream.Roles {
		if !stream.IsAttribute(r) {
			out = append(out, r)
		}
	}
	return out
}

// writeOutcome prints one prompt's misses and false positives.
func writeOutcome(w io.Writer, o Outcome) error {
	if len(o.Missed) == 0 && len(o.Extra) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n== %s (TP %d, FP %d, FN %d)\n%s\n", o.ID, o.Counts.TP, o.Counts.FP,
		o.Counts.FN, o.Text)
	for _, s := range sortedSpans(o.Missed) {
		fmt.Fprintf(&b, "  miss  %-22s %q\n", s.Role, s.Text)
	}
	for _, s := range sortedSpans(o.Extra) {
		fmt.Fprintf(&b, "  extra %-22s %q\n", s.Role, s.Text)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("eval: write report: %w", err)
	}
	return nil
}

func sortedSpans(spans []Span) []Span {
	out := slices.Clone(spans)
	slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
	return out
}
