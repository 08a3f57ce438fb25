package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// config is every setting of the server. Each has a flag and an environment
// variable; a flag given on the command line wins over the variable.
type config struct {
	addr            string
	logLevel        string
	logFormat       string
	maxDocBytes     int
	maxSpans        int
	minConfidence   float64
	cacheBytes      int64
	ttlLong         time.Duration
	ttlShort        time.Duration
	ttlThreshold    int
	segmentChars    int
	allowedOrigins  string
	shutdownTimeout time.Duration

	// The model path, on when apiKey is set.
	apiKey           string
	baseURL          string
	model            string
	modelConcurrency int
	modelQueue       int
	modelQueueWait   time.Duration
	modelIdle        time.Duration
	fallback         bool

	// The shared cache, on when redisURL is set.
	redisURL    string
	redisPrefix string
}

// parseConfig reads the environment, then args, which must hold flags only.
func parseConfig(args []string, getenv func(string) string) (config, error) {
	c, rest, err := parseConfigArgs(args, getenv)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	return c, err
}

// parseConfigArgs reads the environment, then the flags of args, and
// returns the arguments after the flags.
func parseConfigArgs(args []string, getenv func(string) string) (config, []string, error) {
	var c config
	fs := flag.NewFlagSet("spanstream", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "usage: spanstream [serve] [flags]\n"+
			"       spanstream warm [flags] FILE\n"+
			"       spanstream eval [-v] DIR...\n\nflags:\n")
		fs.PrintDefaults()
	}
	e := envReader{getenv: getenv}

	fs.StringVar(&c.addr, "addr", e.str("SPANSTREAM_ADDR", "127.0.0.1:8080"),
		"listen address (env SPANSTREAM_ADDR)")
	fs.StringVar(&c.logLevel, "log-level", e.str("SPANSTREAM_LOG_LEVEL", "info"),
		"debug, info, warn or error (env SPANSTREAM_LOG_LEVEL)")
	fs.StringVar(&c.logFormat, "log-format", e.str("SPANSTREAM_LOG_FORMAT", "auto"),
		"json, console, or auto: console on a terminal (env SPANSTREAM_LOG_FORMAT)")
	fs.IntVar(&c.maxDocBytes, "max-doc-bytes", e.int("SPANSTREAM_MAX_DOC_BYTES", 65536),
		"largest document in UTF-8 bytes (env SPANSTREAM_MAX_DOC_BYTES)")
	fs.IntVar(&c.maxSpans, "max-spans", e.int("SPANSTREAM_MAX_SPANS", 60),
		"default spans per version, 0 for no limit (env SPANSTREAM_MAX_SPANS)")
	fs.Float64Var(&c.minConfidence, "min-confidence",
		e.float("SPANSTREAM_MIN_CONFIDENCE", 0),
		"default confidence below which spans are not sent (env SPANSTREAM_MIN_CONFIDENCE)")
	fs.Int64Var(&c.cacheBytes, "cache-bytes", int64(e.int("SPANSTREAM_CACHE_BYTES", 64<<20)),
		"in-process cache size in bytes (env SPANSTREAM_CACHE_BYTES)")
	fs.DurationVar(&c.ttlLong, "cache-ttl", e.dur("SPANSTREAM_CACHE_TTL", time.Hour),
		"cache lifetime of texts below the threshold (env SPANSTREAM_CACHE_TTL)")
	fs.DurationVar(&c.ttlShort, "cache-ttl-long-text",
		e.dur("SPANSTREAM_CACHE_TTL_LONG_TEXT", 5*time.Minute),
		"cache lifetime of texts at or above the threshold (env SPANSTREAM_CACHE_TTL_LONG_TEXT)")
	fs.IntVar(&c.ttlThreshold, "cache-ttl-threshold",
		e.int("SPANSTREAM_CACHE_TTL_THRESHOLD", 2000),
		"text length in characters from which the long-text TTL applies "+
			"(env SPANSTREAM_CACHE_TTL_THRESHOLD)")
	fs.IntVar(&c.segmentChars, "segment-chars", e.int("SPANSTREAM_SEGMENT_CHARS", 600),
		"longest paragraph labeled as one segment; longer ones are cut at sentence ends; "+
			"-1 labels whole documents (env SPANSTREAM_SEGMENT_CHARS)")
	fs.StringVar(&c.allowedOrigins, "allowed-origins", e.str("SPANSTREAM_ALLOWED_ORIGINS", ""),
		"comma-separated host patterns of other origins allowed to connect "+
			"(env SPANSTREAM_ALLOWED_ORIGINS)")
	fs.DurationVar(&c.shutdownTimeout, "shutdown-timeout",
		e.dur("SPANSTREAM_SHUTDOWN_TIMEOUT", 10*time.Second),
		"how long shutdown waits for sessions to close (env SPANSTREAM_SHUTDOWN_TIMEOUT)")

	c.apiKey = getenv("OPENAI_API_KEY")
	fs.StringVar(&c.baseURL, "openai-base-url", e.str("OPENAI_BASE_URL", ""),
		"OpenAI-compatible API base URL (env OPENAI_BASE_URL)")
	fs.StringVar(&c.model, "model", e.str("SPANSTREAM_MODEL", "gpt-4o-mini"),
		"model name (env SPANSTREAM_MODEL)")
	fs.IntVar(&c.modelConcurrency, "model-concurrency",
		e.int("SPANSTREAM_MODEL_CONCURRENCY", 5),
		"most model requests in flight (env SPANSTREAM_MODEL_CONCURRENCY)")
	fs.IntVar(&c.modelQueue, "model-queue", e.int("SPANSTREAM_MODEL_QUEUE", 100),
		"most requests waiting for a model slot (env SPANSTREAM_MODEL_QUEUE)")
	fs.DurationVar(&c.modelQueueWait, "model-queue-timeout",
		e.dur("SPANSTREAM_MODEL_QUEUE_TIMEOUT", 30*time.Second),
		"longest wait for a model slot (env SPANSTREAM_MODEL_QUEUE_TIMEOUT)")
	fs.DurationVar(&c.modelIdle, "model-idle-timeout",
		e.dur("SPANSTREAM_MODEL_IDLE_TIMEOUT", 20*time.Second),
		"a model stream silent this long is a stall (env SPANSTREAM_MODEL_IDLE_TIMEOUT)")
	fs.BoolVar(&c.fallback, "fallback", e.bool("SPANSTREAM_FALLBACK", true),
		"label with the built-in rules when the model fails (env SPANSTREAM_FALLBACK)")

	fs.StringVar(&c.redisURL, "redis-url", e.str("REDIS_URL", ""),
		"Redis URL for the shared cache; empty for in-process only (env REDIS_URL)")
	fs.StringVar(&c.redisPrefix, "redis-prefix", e.str("SPANSTREAM_REDIS_PREFIX", "spanstream:"),
		"namespace of every Redis key (env SPANSTREAM_REDIS_PREFIX)")

	if e.err != nil {
		return c, nil, e.err
	}
	if err := fs.Parse(args); err != nil {
		return c, nil, err
	}
	return c, fs.Args(), c.validate()
}

func (c config) validate() error {
	switch {
	case c.maxDocBytes <= 0:
		return fmt.Errorf("max-doc-bytes must be positive, got %d", c.maxDocBytes)
	case c.maxSpans < 0:
		return fmt.Errorf("max-spans must be 0 or more, got %d", c.maxSpans)
	case c.minConfidence < 0 || c.minConfidence > 1:
		return fmt.Errorf("min-confidence must be between 0 and 1, got %v", c.minConfidence)
	case c.segmentChars == 0:
		return fmt.Errorf("segment-chars must be positive, or -1 for whole documents")
	case c.cacheBytes <= 0:
		return fmt.Errorf("cache-bytes must be positive, got %d", c.cacheBytes)
	case c.modelConcurrency <= 0:
		return fmt.Errorf("model-concurrency must be positive, got %d", c.modelConcurrency)
	}
	return nil
}

// origins splits allowedOrigins into patterns.
func (c config) origins() []string {
	var out []string
	for _, p := range strings.Split(c.allowedOrigins, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// envReader reads typed environment variables, keeping the first error.
type envReader struct {
	getenv func(string) string
	err    error
}

func (e *envReader) str(name, def string) string {
	if v := e.getenv(name); v != "" {
		return v
	}
	return def
}

func (e *envReader) parse(name string, parse func(string) error) {
	v := e.getenv(name)
	if v == "" || e.err != nil {
		return
	}
	if err := parse(v); err != nil {
		e.err = fmt.Errorf("environment variable %s=%q: %w", name, v, err)
	}
}

func (e *envReader) int(name string, def int) int {
	e.parse(name, func(v string) (err error) { def, err = strconv.Atoi(v); return err })
	return def
}

func (e *envReader) float(name string, def float64) float64 {
	e.parse(name, func(v string) (err error) { def, err = strconv.ParseFloat(v, 64); return err })
	return def
}

func (e *envReader) dur(name string, def time.Duration) time.Duration {
	e.parse(name, func(v string) (err error) { def, err = time.ParseDuration(v); return err })
	return def
}

func (e *envReader) bool(name string, def bool) bool {
	e.parse(name, func(v string) (err error) { def, err = strconv.ParseBool(v); return err })
	return def
}
