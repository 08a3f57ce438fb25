// Command spanstream serves the labeling WebSocket, the demo page, health
// and metrics. "spanstream eval DIR..." measures labeling quality against
// hand-labeled files; "spanstream warm FILE" labels a file of prompts into
// the cache.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/rs/zerolog"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "spanstream:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(args) > 0 {
		switch args[0] {
		case "eval":
			return runEval(args[1:], stdout)
		case "warm":
			return runWarm(ctx, args[1:], stdout, stderr, os.Getenv)
		case "serve":
			args = args[1:]
		}
	}
	cfg, err := parseConfig(args, os.Getenv)
	if err != nil {
		return err
	}
	log, err := newLogger(cfg, stderr)
	if err != nil {
		return err
	}
	return serve(ctx, cfg, log)
}

// serve runs the server until ctx ends, then shuts down gracefully: stop
// accepting, close sessions with 1001, wait at most cfg.shutdownTimeout.
func serve(ctx context.Context, cfg config, log zerolog.Logger) error {
	a, err := newApp(cfg, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return errors.Join(err, a.Shutdown(context.Background()))
	}
	srv := &http.Server{Handler: a.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	log.Info().Str("addr", "http://"+ln.Addr().String()).Msg("listening")

	select {
	case err := <-served:
		return errors.Join(err, a.Shutdown(context.Background()))
	case <-ctx.Done():
	}
	log.Info().Msg("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.shutdownTimeout)
	defer cancel()
	// Side by side: http.Server.Shutdown closes the listener at once but
	// then waits for idle connections (browsers open spare ones), which
	// must not delay telling sessions to go away.
	var httpErr error
	var wg sync.WaitGroup
	wg.Go(func() { httpErr = srv.Shutdown(sctx) })
	err = a.Shutdown(sctx)
	wg.Wait()
	err = errors.Join(httpErr, err)
	<-served
	log.Info().Msg("stopped")
	return err
}

func newLogger(cfg config, w io.Writer) (zerolog.Logger, error) {
	level, err := zerolog.ParseLevel(cfg.logLevel)
	if err != nil || level < zerolog.DebugLevel || level > zerolog.ErrorLevel {
		return zerolog.Logger{}, fmt.Errorf("log level %q: want debug, info, warn or error",
			cfg.logLevel)
	}
	switch cfg.logFormat {
	case "json":
	case "console":
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}
	case "auto":
		if isTerminal(w) {
			w = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}
		}
	default:
		return zerolog.Logger{}, fmt.Errorf("log format %q: want json, console or auto",
			cfg.logFormat)
	}
	return zerolog.New(w).Level(level).With().Timestamp().Logger(), nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
