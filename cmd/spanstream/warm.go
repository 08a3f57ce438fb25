package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/sync/errgroup"

	"github.com/spanstream/spanstream/internal/prompts"
)

// runWarm labels every prompt of a file into the configured cache:
// "spanstream warm [flags] FILE". The file holds one prompt a line, or JSON
// lines with a "text" field.
func runWarm(ctx context.Context, args []string, stdout, stderr io.Writer,
	getenv func(string) string) error {
	cfg, rest, err := parseConfigArgs(args, getenv)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return errors.New("usage: spanstream warm [flags] FILE")
	}
	texts, err := prompts.ReadFile(rest[0])
	if err != nil {
		return err
	}
	cfg.logLevel = "warn" // the progress bar is the report
	log, err := newLogger(cfg, stderr)
	if err != nil {
		return err
	}
	a, err := newApp(cfg, log)
	if err != nil {
		return err
	}
	defer a.Shutdown(context.Background())
	return warm(ctx, a, texts, cfg.modelConcurrency, stdout, stderr)
}

// warm labels prompts with up to workers at a time, showing a progress bar
// when stderr is a terminal, and a summary on stdout.
func warm(ctx context.Context, a *app, prompts []string, workers int,
	stdout, stderr io.Writer) error {
	bar := progressbar.NewOptions(len(prompts), progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("warming"), progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(), progressbar.OptionSetVisibility(isTerminal(stderr)))
	start := time.Now()
	var cached, labeled, failed atomic.Int64
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, text := range prompts {
		g.Go(func() error {
			c, l, err := a.sessions.Warm(ctx, text)
			cached.Add(int64(c))
			labeled.Add(int64(l))
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				failed.Add(1)
				fmt.Fprintf(stderr, "\nprompt %d: %v\n", i+1, err)
			}
			bar.Add(1)
			return nil
		})
	}
	err := g.Wait()
	bar.Finish()
	fmt.Fprintf(stdout,
		"%d prompts in %v: %d segments labeled, %d already cached, %d prompts failed\n",
		len(prompts), time.Since(start).Round(time.Millisecond), labeled.Load(), cached.Load(),
		failed.Load())
	if err == nil && failed.Load() > 0 {
		err = fmt.Errorf("%d of %d prompts failed", failed.Load(), len(prompts))
	}
	return err
}
