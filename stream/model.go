package stream

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/shared"
)

// ModelOptions configures a Model. The zero value means the defaults.
type ModelOptions struct {
	// APIKey authenticates with the API. Default: $OPENAI_API_KEY, as the
	// openai-go client reads it.
	APIKey string
	// BaseURL is the API root, such as "http://127.0.0.1:8090/v1" for the
	// simulator. Default: $OPENAI_BASE_URL, else the OpenAI API.
	BaseURL string
	// Model names the chat model. Default "gpt-4o-mini".
	Model string
	// HTTPClient sends the requests. Default: the openai-go client's.
	HTTPClient *http.Client
	// IdleTimeout is how long a request may go without content (including
	// the wait for the first token) before it is cancelled and reported as
	// a stall. Default 20 s.
	IdleTimeout time.Duration
	// MaxRetries is how many times a request answered with 429 or 5xx
	// before any content is tried again. Default 2; negative means none.
	MaxRetries int
	// RetryBackoff is the wait before the first retry; it doubles for each
	// further one, up to 8 times itself. A Retry-After up to 5 s from the
	// server overrides it; a longer one ends the retries. Default 250 ms.
	RetryBackoff time.Duration
	// Fallback labels the text when the model fails (error, stall,
	// overload). Default nil: the error is returned.
	Fallback Labeler
	// Limiter bounds concurrent requests; share one among all Models that
	// use the same API account. Default: a Limiter of this Model's own with
	// the LimiterOptions defaults.
	Limiter *Limiter
	// Metrics receives the labeler's measurements. Default nil: none.
	Metrics *ModelMetrics
}

// maxSpans bounds the spans placed from one answer; more are dropped.
const maxSpans = 1000

// ErrUpstream is wrapped by every error that comes from the model API or its
// answer (a failing status, an error inside the stream, a stall, an answer
// that is not the JSON asked for), so that callers can report it as such.
var ErrUpstream = errors.New("stream: upstream model failed")

// upstreamError is an ErrUpstream with a reason short enough to show a user.
type upstreamError struct {
	reason string
	cause  error
}

func (e *upstreamError) Error() string        { return ErrUpstream.Error() + ": " + e.reason }
func (e *upstreamError) Is(target error) bool { return target == ErrUpstream }
func (e *upstreamError) Unwrap() error        { return e.cause }

// Model labels text with a chat model that streams its answer, placing each
// span as soon as its JSON object closes. The model only quotes text; the
// labeler finds the offsets itself with an offsets.Locator, taking for each
// span the unclaimed occurrence nearest to the end of the previous placed
// span, since the prompt asks for spans in document order (so a repeated
// phrase lands on its next occurrence). Spans with an unknown role or a text
// not in the document are dropped and counted; confidences are clamped to
// [0,1]. It is safe for concurrent use.
type Model struct {
	client  openai.Client
	o       ModelOptions
	id      Identity
	limiter *Limiter
}

// NewModel returns a model labeler with the given options.
func NewModel(o ModelOptions) *Model {
	if o.Model == "" {
		o.Model = "gpt-4o-mini"
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 20 * time.Second
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = 2
	}
	if o.RetryBackoff <= 0 {
		o.RetryBackoff = 250 * time.Millisecond
	}
	m := &Model{o: o, limiter: o.Limiter, client: openai.NewClient(clientOptions(o)...)}
	if m.limiter == nil {
		m.limiter = NewLimiter(LimiterOptions{Metrics: o.Metrics})
	}
	m.id = Identity{Name: "model",
		Version: o.Model + "/prompt" + promptVersion + "/schema" + schemaVersion}
	if host := apiHost(o.BaseURL); host != "" {
		// The same model name on another server (a local one, the
		// simulator) may answer differently: keep their caches apart.
		m.id.Version += "@" + host
	}
	return m
}

// clientOptions turns o into openai-go options. The SDK's own retries are
// off: this package retries only before content arrives and counts each try.
func clientOptions(o ModelOptions) []option.RequestOption {
	opts := []option.RequestOption{option.WithMaxRetries(0)}
	if o.APIKey != "" {
		opts = append(opts, option.WithAPIKey(o.APIKey))
	}
	if o.BaseURL != "" {
		opts = append(opts, option.WithBaseURL(o.BaseURL))
	}
	if o.HTTPClient != nil {
		opts = append(opts, option.WithHTTPClient(o.HTTPClient))
	}
	return opts
}

// Identity implements Labeler: Name "model", Version
// "<model>/prompt<N>/schema<N>", followed by "@<host>" when BaseURL is set.
func (m *Model) Identity() Identity { return m.id }

type ownerKey struct{}

// WithOwner returns a context that makes the Model queue its requests under
// owner (such as a session ID) in the Limiter, so that the owner's newer
// request replaces an older one still waiting. Without it, requests never
// replace each other.
func WithOwner(ctx context.Context, owner string) context.Context {
	return context.WithValue(ctx, ownerKey{}, owner)
}

// Label implements Labeler. It emits the resolved set after each placed
// span as a difference (see Update), so the caller always holds Resolve of
// every span placed so far. An answer cut short by the token limit gives a
// Result with Complete false and a Warning.
//
// When the model fails (an ErrUpstream, or ErrOverloaded from the Limiter)
// and a Fallback is set, Label returns the fallback's result with Source
// "builtin" and a Warning, and its last emit retracts the model spans
// already sent and adds the fallback's. Without a Fallback it returns the
// error, and spans already emitted are the caller's to keep or clear. A
// request replaced in the Limiter (ErrReplaced) and an ended ctx never fall
// back.
func (m *Model) Label(ctx context.Context, text string, emit func(Update)) (Result, error) {
	if emit == nil {
		emit = func(Update) {}
	}
	if strings.TrimSpace(text) == "" {
		return Result{Source: "model", Complete: true}, nil
	}

	r := newRun(m, text, emit)
	err := r.label(ctx)
	switch {
	case err == nil:
		return r.result(), nil
	case ctx.Err() != nil:
		m.o.Metrics.canceled("client")
		return Result{}, fmt.Errorf("stream: model labeling: %w", ctx.Err())
	case errors.Is(err, ErrReplaced):
		m.o.Metrics.canceled("replaced")
		return Result{}, err
	case errors.Is(err, ErrOverloaded):
		m.o.Metrics.canceled("overloaded")
	}
	if m.o.Fallback == nil {
		return Result{}, err
	}
	return r.fallback(ctx, err)
}

// params builds the streaming request for text.
func (m *Model) params(text string) openai.ChatCompletionNewParams {
	return openai.ChatCompletionNewParams{
		Model: shared.ChatModel(m.o.Model),
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(systemPrompt),
			openai.UserMessage(text),
		},
		Temperature: openai.Float(0),
		// About twice the document, quoted with JSON around it: enough for
		// every span, and a bound on a model that repeats itself.
		MaxCompletionTokens: openai.Int(int64(256 + len(text))),
		StreamOptions: openai.ChatCompletionStreamOptionsParam{
			IncludeUsage: openai.Bool(true),
		},
		ResponseFormat: openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONSchema: &shared.ResponseFormatJSONSchemaParam{
				JSONSchema: shared.ResponseFormatJSONSchemaJSONSchemaParam{
					Name:   "spans",
					Strict: openai.Bool(true),
					Schema: answerSchema(),
				},
			},
		},
	}
}

// warningFor says in a few words why the model was not used.
func warningFor(err error) string {
	var ue *upstreamError
	reason := err.Error()
	switch {
	case errors.As(err, &ue):
		reason = ue.reason
	case errors.Is(err, ErrQueueTimeout):
		reason = "model queue wait timed out"
	case errors.Is(err, ErrOverloaded):
		reason = "model queue full"
	}
	return "model unavailable: " + reason + "; showing built-in labels"
}

// apiHost returns the host of an API base URL, or "" when it is empty or
// does not parse.
func apiHost(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return ""
	}
	return u.Host
}
