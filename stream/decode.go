package stream

import (
	"encoding/json"
	"strings"
)

// modelSpan is one span object as the model wrote it, before validation and
// placement.
type modelSpan struct {
	Text       string  `json:"text"`
	Role       string  `json:"role"`
	Confidence float64 `json:"confidence"`
}

// decoder turns the model's answer, fed in arbitrary pieces, into span
// objects the moment each one closes. It is a byte-level state machine that
// tracks only string state and container nesting, and buffers just the span
// object being read (plus a root-level key), so every byte is looked at once.
//
// It accepts {"spans":[...]} and a bare [{...},...]; text before the
// root value (a ``` or ```json fence, a stray sentence, even one with
// brackets) and after it is skipped: a root value that holds neither a
// spans array nor a span object is not the answer. Escapes, \u sequences
// and surrogate pairs may be split anywhere: a span object is unmarshaled
// only when complete.
//
// A decoder is not safe for concurrent use.
type decoder struct {
	// stack holds the open containers, '{' or '['.
	stack []byte
	// spansDepth is len(stack) while inside the spans array, 0 otherwise
	// known.
	spansDepth int
	inString   bool
	escaped    bool
	// done is set when the root value closed; answer says whether it
	// held what the schema asks for (a spans array, or span objects).
	done   bool
	answer bool

	// obj buffers the span object being read; capturing says whether one is.
	obj       []byte
	capturing bool

	// key buffers the latest root-level string, keyOpen says whether it is
	// being read, and spansKey whether the last root key was "spans".
	key      []byte
	keyOpen  bool
	spansKey bool
}

// feed consumes the next piece of the answer and calls span for every span
// object it completes, in order. bad is called instead for a complete object
// that does not unmarshal into a span.
func (d *decoder) feed(piece string, span func(modelSpan), bad func(error)) {
	for i := 0; i < len(piece) && !d.done; i++ {
		c := piece[i]
		if d.capturing {
			d.obj = append(d.obj, c)
		}
		if d.inString {
			d.stringByte(c)
			continue
		}
		d.structByte(c, span, bad)
	}
}

// stringByte advances the string state by one byte of a string's contents.
func (d *decoder) stringByte(c byte) {
	switch {
	case d.escaped:
		d.escaped = false
	case c == '\\':
		d.escaped = true
	case c == '"':
		d.inString = false
		d.keyOpen = false
		return
	}
	if d.keyOpen {
		d.key = append(d.key, c)
	}
}

// structByte handles one byte outside any string.
func (d *decoder) structByte(c byte, span func(modelSpan), bad func(error)) {
	if len(d.stack) == 0 && c != '{' && c != '[' {
		return // before the root: fence or chatter
	}
	switch c {
	case '"':
		d.inString = true
		if len(d.stack) == 1 && d.stack[0] == '{' {
			d.key, d.keyOpen = d.key[:0], true
		}
	case ':':
		if len(d.stack) == 1 {
			d.spansKey = isSpansKey(d.key)
		}
	case ',':
		if len(d.stack) == 1 {
			d.spansKey = false
		}
	case '{', '[':
		d.open(c)
	case '}', ']':
		d.close(span, bad)
	}
}

// open pushes a container and notices the spans array and its objects.
func (d *decoder) open(c byte) {
	inSpans := d.spansDepth > 0 && len(d.stack) == d.spansDepth
	d.stack = append(d.stack, c)
	switch {
	case c == '[' && len(d.stack) == 1:
		d.spansDepth = 1 // a bare array of spans
	case c == '[' && len(d.stack) == 2 && d.spansKey:
		d.spansDepth = 2
		d.answer = true
	case c == '{' && inSpans:
		d.obj = append(d.obj[:0], '{')
		d.capturing = true
	}
}

// close pops a container; closing a span object decodes it.
func (d *decoder) close(span func(modelSpan), bad func(error)) {
	if d.capturing && len(d.stack) == d.spansDepth+1 {
		d.capturing = false
		d.answer = true
		var s modelSpan
		if err := json.Unmarshal(d.obj, &s); err != nil {
			bad(err)
		} else {
			span(s)
		}
	}
	if len(d.stack) == d.spansDepth {
		d.spansDepth = 0
	}
	d.stack = d.stack[:len(d.stack)-1]
	if len(d.stack) == 0 {
		// A bracketed aside before the answer ("Sure [here] is...") is
		// not the answer: keep looking.
		d.done = d.answer
		d.spansKey = false
	}
}

// complete reports whether the root value of the answer has closed.
func (d *decoder) complete() bool { return d.done }

// isSpansKey reports whether raw, the undecoded contents of a JSON string,
// names the spans field the way encoding/json would match it.
func isSpansKey(raw []byte) bool {
	if len(raw) > 64 {
		return false
	}
	var k string
	if err := json.Unmarshal(append(append([]byte{'"'}, raw...), '"'), &k); err != nil {
		return false
	}
	return strings.EqualFold(k, "spans")
}
