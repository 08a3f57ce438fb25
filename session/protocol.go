package session

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Protocol is the name of the wire protocol this package speaks; see
// docs/PROTOCOL.md.
const Protocol = "spanstream.v1"

// Error codes sent in error messages. Clients branch on them, so they never
// change meaning.
const (
	CodeBadJSON    = "bad_json"
	CodeBadMessage = "bad_message"
	CodeBadEdit    = "bad_edit"
	CodeResync     = "resync"
	CodeTooLarge   = "too_large"
	CodeOverloaded = "overloaded"
	CodeUpstream   = "upstream"
	CodeInternal   = "internal"
)

// protoError is a client-visible failure of one message: it becomes an error
// frame and the session goes on.
type protoError struct {
	code    string
	message string
	version int64 // 0 when the failure has no version
}

func (e *protoError) Error() string { return e.code + ": " + e.message }

func errorf(code, format string, args ...any) *protoError {
	return &protoError{code: code, message: fmt.Sprintf(format, args...)}
}

// inbound is every field any client message may carry. Pointers tell a
// missing field from a zero one.
type inbound struct {
	Type          string          `json:"type"`
	Version       *int64          `json:"version"`
	Base          *int64          `json:"base"`
	Text          *string         `json:"text"`
	Changes       []change        `json:"changes"`
	Encoding      *string         `json:"encoding"`
	MinConfidence *float64        `json:"minConfidence"`
	MaxSpans      *int            `json:"maxSpans"`
	DebounceMs    json.RawMessage `json:"debounceMs"`
}

// change replaces [Start, End) with Text; offsets are in the session's unit.
type change struct {
	Start *int    `json:"start"`
	End   *int    `json:"end"`
	Text  *string `json:"text"`
}

// parseFrame decodes one text frame. A frame whose first non-blank byte is
// not '{' is a whole document typed by hand (websocat, wscat), returned as a
// doc message without a version.
func parseFrame(frame []byte) (inbound, *protoError) {
	// JSON decoding would turn invalid bytes into U+FFFD and shift every
	// byte offset after them, so they are refused in every frame.
	if !utf8.Valid(frame) {
		return inbound{}, errorf(CodeBadMessage, "text frame is not valid UTF-8")
	}
	trimmed := bytes.TrimLeft(frame, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		text := string(frame)
		return inbound{Type: "doc", Text: &text}, nil
	}

	var m inbound
	if err := json.Unmarshal(frame, &m); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return inbound{}, errorf(CodeBadMessage, "field %q has the wrong type: %v",
				typeErr.Field, typeErr.Value)
		}
		return inbound{}, errorf(CodeBadJSON, "frame is not a JSON object: %v", err)
	}
	if m.Type == "" {
		return inbound{}, errorf(CodeBadMessage, "message has no \"type\"")
	}
	return m, nil
}

// Outbound messages. Field order is the order clients read them in.

type wireSpan struct {
	ID         string  `json:"id"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Role       string  `json:"role"`
	Confidence float64 `json:"confidence"`
}

type spansMsg struct {
	Type    string     `json:"type"`
	Version int64      `json:"version"`
	Tier    string     `json:"tier"`
	Spans   []wireSpan `json:"spans"`
}

type retractMsg struct {
	Type    string   `json:"type"`
	Version int64    `json:"version"`
	IDs     []string `json:"ids"`
}

type doneMsg struct {
	Type        string   `json:"type"`
	Version     int64    `json:"version"`
	Count       int      `json:"count"`
	Cache       string   `json:"cache"`
	Source      string   `json:"source"`
	ElapsedMs   float64  `json:"elapsedMs"`
	FirstSpanMs *float64 `json:"firstSpanMs,omitempty"`
}

type cancelledMsg struct {
	Type    string `json:"type"`
	Version int64  `json:"version"`
	Reason  string `json:"reason"`
}

type warningMsg struct {
	Type    string `json:"type"`
	Version int64  `json:"version"`
	Message string `json:"message"`
}

type errorMsg struct {
	Type    string `json:"type"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Version int64  `json:"version,omitempty"`
}

type labelerInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type tierInfo struct {
	High   float64 `json:"high"`
	Medium float64 `json:"medium"`
}

type limitsInfo struct {
	MaxDocBytes   int      `json:"maxDocBytes"`
	MaxSpans      int      `json:"maxSpans"`
	MinConfidence float64  `json:"minConfidence"`
	DebounceMs    *float64 `json:"debounceMs"`
}

type welcomeMsg struct {
	Type     string      `json:"type"`
	Session  string      `json:"session"`
	Protocol string      `json:"protocol"`
	Encoding string      `json:"encoding"`
	Labeler  labelerInfo `json:"labeler"`
	Roles    []string    `json:"roles"`
	Tiers    tierInfo    `json:"tiers"`
	Limits   limitsInfo  `json:"limits"`
}

// Tier thresholds: a span's tier says how far a client can trust it.
const (
	highTier   = 0.8
	mediumTier = 0.6
)

// tierOf names the tier of a confidence.
func tierOf(confidence float64) string {
	switch {
	case confidence >= highTier:
		return "high"
	case confidence >= mediumTier:
		return "medium"
	default:
		return "low"
	}
}

// tierRank orders tiers for delivery, highest first.
func tierRank(tier string) int {
	switch tier {
	case "high":
		return 0
	case "medium":
		return 1
	default:
		return 2
	}
}
