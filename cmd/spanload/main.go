// Command spanload drives a running spanstream server over WebSocket and
// measures it. It only ever connects to loopback (127.0.0.0/8, ::1,
// localhost) and refuses any other target; every run is bounded by its
// session and round counts and by -timeout (default 2m), after which it
// stops by itself and reports what it measured.
//
// Usage:
//
//	spanload hits   [flags]   cache-hit latency end to end
//	spanload typing [flags]   replay typing sessions; count relabelings and model use
//
// hits warms the cache by sending every prompt once from one session, opens
// -sessions sessions (at most -dial-concurrency handshakes at a time), each
// saying hello with debounceMs 0 and maxSpans 0, then lets every session send
// -rounds whole documents (prompt (s*rounds+r) mod len(prompts) for session s,
// round r), one at a time, timing each from the start of its write to the
// read of its done. It reports client latency percentiles, the server's
// elapsedMs, the cache results and the errors.
//
// typing opens one session per prompt (at most -parallel at a time), sends
// an empty doc, then types the prompt as edits of -burst characters appended
// at the end (UTF-16 offsets), waiting for each done as an author pauses,
// then replaces the word nearest the middle with its reversal and waits
// again. With -llmsim-stats it reads the simulator's GET /stats before and
// after and reports the model requests (and tokens, when the simulator
// counts them) the run caused. Run it once against a server in segment mode
// and once with -segment-chars -1 to compare.
//
// Exit status: 0 when every message got its done; 1 when the run failed,
// was stopped early or saw errors (the report is still printed); 2 for bad
// usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// errUsage marks a bad command line; run has already printed why.
var errUsage = errors.New("usage")

// run executes one command and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "hits" && args[0] != "typing") {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var ok bool
	var err error
	if args[0] == "hits" {
		ok, err = hitsCommand(ctx, args[1:], stdout, stderr)
	} else {
		ok, err = typingCommand(ctx, args[1:], stdout, stderr)
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "spanload: %v\n", err)
		return 1
	case !ok:
		return 1
	}
	return 0
}

const usage = `usage: spanload hits|typing [flags]   (spanload hits -h for flags)

  hits     cache-hit latency of many concurrent sessions
  typing   replay typing sessions; count relabelings and model use

Targets must be loopback (127.0.0.0/8, ::1, localhost).
`

// common holds the flags every mode has.
type common struct {
	url        string
	prompts    string
	maxPrompts int
	timeout    time.Duration
	json       bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.url, "url", "ws://127.0.0.1:8080/ws",
		"spanstream WebSocket endpoint (loopback only)")
	fs.StringVar(&c.prompts, "prompts", "../shared/corpus/prompts.jsonl",
		"JSON lines of prompts, each with \"text\"")
	fs.IntVar(&c.maxPrompts, "max-prompts", 0, "use at most this many prompts; 0 = all")
	fs.DurationVar(&c.timeout, "timeout", 2*time.Minute,
		"stop after this long and report what was measured (at most 1h)")
	fs.BoolVar(&c.json, "json", false, "print the report as JSON")
}

// check validates the common flags and loads the prompts.
func (c *common) check() ([]string, error) {
	if _, err := checkTarget(c.url, "ws", "wss"); err != nil {
		return nil, err
	}
	if c.timeout <= 0 || c.timeout > time.Hour {
		return nil, fmt.Errorf("-timeout %v: want more than 0 and at most 1h", c.timeout)
	}
	return loadPrompts(c.prompts, c.maxPrompts)
}

// parse parses args into fs, printing errors and help (about, then the
// flags) to stderr.
func parse(fs *flag.FlagSet, about string, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s [flags]\n\n%s\nFlags:\n", fs.Name(), about)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "unexpected arguments: %v\n", fs.Args())
		return errUsage
	}
	return nil
}

// inRange reports an error unless lo <= v <= hi.
func inRange(name string, v, lo, hi int) error {
	if v < lo || v > hi {
		return fmt.Errorf("-%s %d: want %d to %d", name, v, lo, hi)
	}
	return nil
}
