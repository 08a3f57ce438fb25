// Command llmsim serves a simulated OpenAI-compatible chat completions API
// that answers like a span-labeling model, for tests and demos of the model
// labeler without a real model. See package internal/llmsim.
package main

import (
	"context"
	"errors"
	"flag"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/rs/zerolog"

	"github.com/spanstream/spanstream/internal/llmsim"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8090", "listen address")
	ttft := flag.Duration("ttft", 300*time.Millisecond, "time to first token")
	tps := flag.Float64("tps", 80, "tokens per second (about 4 characters each); 0 = no pacing")
	chunk := flag.Int("chunk", 8, "characters per content chunk")
	seed := flag.Uint64("seed", 1, "random seed (mixed with each document)")
	fault := flag.String("fault", "", "comma-separated faults for every request, "+
		"such as stall or status-503:2 (first 2 requests fail)")
	flag.Parse()

	log := zerolog.New(zerolog.ConsoleWriter{Out: os.Stderr, TimeFormat: time.TimeOnly}).
		With().Timestamp().Logger()
	if err := run(*addr, llmsim.Options{Seed: *seed, TTFT: *ttft, TokensPerSecond: *tps,
		ChunkChars: *chunk, Faults: *fault}, log); err != nil {
		log.Error().Err(err).Msg("llmsim failed")
		os.Exit(1)
	}
}

// run serves until SIGINT or SIGTERM, then shuts down gracefully.
func run(addr string, o llmsim.Options, log zerolog.Logger) error {
	sim, err := llmsim.New(o)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	srv := &http.Server{Addr: addr, Handler: sim, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Info().Str("addr", "http://"+addr).Str("faults", o.Faults).Msg("listening")

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdown)
	if e := <-errc; !errors.Is(e, http.ErrServerClosed) {
		err = errors.Join(err, e)
	}
	return err
}
