package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// report is what a mode measured.
type report interface {
	// writeText prints the report for a person.
	writeText(w io.Writer) error
	// clean reports whether the run finished without errors.
	clean() bool
}

// writeReport prints rep as indented JSON or as text.
func writeReport(w io.Writer, asJSON bool, rep report) error {
	if !asJSON {
		return rep.writeText(w)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// clean reports whether every session connected, every message got its
// done, and the run was not stopped.
func (rep *hitsReport) clean() bool {
	return !rep.Stopped && len(rep.Errors) == 0 && rep.Sessions == rep.SessionsWanted &&
		rep.Messages == rep.Sessions*rep.Rounds
}

func (rep *typingReport) clean() bool {
	return !rep.Stopped && len(rep.Errors) == 0 && rep.Completed == rep.Sessions
}

func (rep *hitsReport) writeText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "spanload hits against %s\n", rep.URL)
	fmt.Fprintf(&b, "warm-up:   %d prompts in %.2fs (cache %s)\n", rep.Warm.Prompts,
		rep.Warm.Seconds, counts(rep.Warm.Cache))
	fmt.Fprintf(&b, "sessions:  %d of %d connected in %.2fs, %d rounds each\n",
		rep.Sessions, rep.SessionsWanted, rep.SetupSec, rep.Rounds)
	fmt.Fprintf(&b, "messages:  %d sent, %d done in %.2fs (%.0f/s)\n",
		rep.Sent, rep.Messages, rep.DurationSec, rep.PerSec)
	fmt.Fprintf(&b, "latency:   %s ms (client: doc write to done read)\n", pcts(rep.Latency))
	fmt.Fprintf(&b, "server:    elapsedMs p50 %s  p99 %s\n", num(rep.Server.P50),
		num(rep.Server.P99))
	fmt.Fprintf(&b, "cache:     %s\n", counts(rep.Cache))
	// A line per round reads well for a few rounds; -json has them all.
	for i, c := range rep.CacheByRound[:min(len(rep.CacheByRound), 10)] {
		fmt.Fprintf(&b, "  round %d: %s\n", i+1, counts(c))
	}
	writeErrors(&b, rep.Errors, rep.ErrorSamples, rep.Stopped)
	_, err := io.WriteString(w, b.String())
	return err
}

func (rep *typingReport) writeText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "spanload typing against %s\n", rep.URL)
	fmt.Fprintf(&b, "sessions:  %d of %d completed in %.2fs, bursts of %d characters\n",
		rep.Completed, rep.Sessions, rep.DurationSec, rep.Burst)
	fmt.Fprintf(&b, "typed:     %d UTF-16 units in %d edits (%d word changes)\n",
		rep.Chars, rep.Edits, rep.Changes)
	fmt.Fprintf(&b, "labelings: %d done (cache %s; source %s; %d warnings)\n",
		rep.Labelings, counts(rep.Cache), counts(rep.Source), rep.Warnings)
	fmt.Fprintf(&b, "latency:   edits %s ms\n", pcts(rep.EditLatency))
	fmt.Fprintf(&b, "           word changes %s ms\n", pcts(rep.ChangeLatency))
	if m := rep.Model; m != nil {
		fmt.Fprintf(&b, "model:     %d requests, prompt tokens %s, completion tokens %s\n",
			m.Requests, optional(m.PromptTokens), optional(m.CompletionTokens))
	}
	writeErrors(&b, rep.Errors, rep.ErrorSamples, rep.Stopped)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeErrors(b *strings.Builder, errs map[string]int, samples []string, stopped bool) {
	total := sum(errs)
	fmt.Fprintf(b, "errors:    %d", total)
	if total > 0 {
		fmt.Fprintf(b, " (%s)", counts(errs))
	}
	b.WriteString("\n")
	for _, s := range samples {
		fmt.Fprintf(b, "  %s\n", s)
	}
	if stopped {
		b.WriteString("stopped early (timeout or signal): the numbers cover what finished\n")
	}
}

// pcts formats the percentiles of s.
func pcts(s summary) string {
	return fmt.Sprintf("p50 %s  p90 %s  p99 %s  max %s", num(s.P50), num(s.P90),
		num(s.P99), num(s.Max))
}

// num prints a millisecond value with about three significant digits.
func num(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

// counts prints a tally as "hit 5000  miss 0", names sorted.
func counts(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, "  ")
}

func optional(v *int64) string {
	if v == nil {
		return "not reported by the simulator"
	}
	return fmt.Sprint(*v)
}
