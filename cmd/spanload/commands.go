package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
)

const hitsAbout = `Measures cache-hit latency end to end. Sends every prompt once from one
session to warm the cache, opens -sessions sessions (hello with debounceMs 0,
maxSpans 0), then has each send -rounds whole documents, one at a time,
timing each from the start of its write to the read of its done.
Only loopback targets are accepted; the run stops after -timeout.
`

const typingAbout = `Replays typing: one session per prompt types it as edits of -burst
characters appended at the end, waiting for each done, then replaces the
word nearest the middle with its reversal. With -llmsim-stats, reports the
model requests and tokens the run caused (simulator counters before/after).
Only loopback targets are accepted; the run stops after -timeout.
`

// hitsCommand parses the hits flags, runs and prints the report. ok is
// false when the run was stopped early or saw errors.
func hitsCommand(ctx context.Context, args []string, stdout, stderr io.Writer) (bool, error) {
	fs := flag.NewFlagSet("spanload hits", flag.ContinueOnError)
	var c common
	c.register(fs)
	sessions := fs.Int("sessions", 1000, "concurrent sessions (1 to 20000)")
	rounds := fs.Int("rounds", 5, "doc messages per session (1 to 1000)")
	dials := fs.Int("dial-concurrency", 50, "most dials and hellos at once (1 to 1000)")
	if err := parse(fs, hitsAbout, args, stderr); err != nil {
		return false, err
	}
	prompts, err := c.check()
	if err == nil {
		err = errors.Join(inRange("sessions", *sessions, 1, 20000),
			inRange("rounds", *rounds, 1, 1000), inRange("dial-concurrency", *dials, 1, 1000))
	}
	if err == nil {
		err = checkFiles(*sessions + 2)
	}
	if err != nil {
		return false, err
	}

	return execute(ctx, c, stdout, func(ctx context.Context, hc *http.Client) (report, error) {
		return runHits(ctx, hitsOptions{URL: c.url, Client: hc, Prompts: prompts,
			Sessions: *sessions, Rounds: *rounds, DialConcurrency: *dials})
	})
}

// typingCommand parses the typing flags, runs and prints the report.
func typingCommand(ctx context.Context, args []string, stdout, stderr io.Writer) (bool, error) {
	fs := flag.NewFlagSet("spanload typing", flag.ContinueOnError)
	var c common
	c.register(fs)
	burst := fs.Int("burst", 40, "characters typed per edit (1 to 10000)")
	parallel := fs.Int("parallel", 10, "sessions typing at once (1 to 1000)")
	stats := fs.String("llmsim-stats", "",
		"the simulator's stats URL, such as http://127.0.0.1:8090/stats (loopback only)")
	if err := parse(fs, typingAbout, args, stderr); err != nil {
		return false, err
	}
	prompts, err := c.check()
	if err == nil {
		err = errors.Join(inRange("burst", *burst, 1, 10000),
			inRange("parallel", *parallel, 1, 1000))
	}
	if err == nil && *stats != "" {
		_, err = checkTarget(*stats, "http", "https")
	}
	if err != nil {
		return false, err
	}

	return execute(ctx, c, stdout, func(ctx context.Context, hc *http.Client) (report, error) {
		return runTyping(ctx, typingOptions{URL: c.url, Client: hc, Prompts: prompts,
			Burst: *burst, Parallel: *parallel, StatsURL: *stats})
	})
}

// execute runs one measurement under the -timeout with a loopback-only
// client and prints its report. ok is false when the run was stopped
// early or saw errors.
func execute(ctx context.Context, c common, stdout io.Writer,
	measure func(context.Context, *http.Client) (report, error)) (ok bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	hc := loopbackClient()
	defer hc.CloseIdleConnections()

	rep, err := measure(ctx, hc)
	if err != nil {
		return false, err
	}
	return rep.clean(), writeReport(stdout, c.json, rep)
}
