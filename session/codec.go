package session

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/spanstream/spanstream/stream"
)

// Cached results are stored in a compact binary form that holds byte
// offsets, so one entry serves every wire unit:
//
//	version byte (codecVersion)
//	source length (uvarint) and source bytes
//	span count (uvarint)
//	per span: start (uvarint), length (uvarint), role index (one byte),
//	confidence * 10000 (uvarint)
//
// Span text is not stored: it is the slice of the text the key was made
// from.
const codecVersion = 1

var errCorrupt = errors.New("cached value is corrupt")

var roleIndex = func() map[string]byte {
	m := make(map[string]byte, len(stream.Roles))
	for i, r := range stream.Roles {
		m[r] = byte(i)
	}
	return m
}()

// encodeResult serializes spans of a complete result.
func encodeResult(source string, spans []stream.Span) []byte {
	b := make([]byte, 0, 8+len(source)+len(spans)*8)
	b = append(b, codecVersion)
	b = binary.AppendUvarint(b, uint64(len(source)))
	b = append(b, source...)
	b = binary.AppendUvarint(b, uint64(len(spans)))
	for _, s := range spans {
		b = binary.AppendUvarint(b, uint64(s.Start))
		b = binary.AppendUvarint(b, uint64(s.End-s.Start))
		b = append(b, roleIndex[s.Role])
		b = binary.AppendUvarint(b, uint64(math.Round(s.Confidence*10000)))
	}
	return b
}

// decodeResult parses a value written by encodeResult for text. It refuses
// anything that does not fit text, so a corrupt or foreign entry is a miss,
// never a misplaced span.
func decodeResult(text string, b []byte) (string, []stream.Span, error) {
	if len(b) == 0 || b[0] != codecVersion {
		return "", nil, errCorrupt
	}
	r := reader{b: b[1:]}
	source := string(r.bytes(r.uvarint()))
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		return "", nil, errCorrupt
	}

	spans := make([]stream.Span, 0, n)
	for range n {
		start, length := r.uvarint(), r.uvarint()
		role, conf := r.byte(), r.uvarint()
		end := start + length
		if r.err != nil || end > uint64(len(text)) || int(role) >= len(stream.Roles) {
			return "", nil, errCorrupt
		}
		spans = append(spans, stream.Span{
			Start: int(start), End: int(end), Text: text[start:end],
			Role: stream.Roles[role], Confidence: float64(conf) / 10000,
		})
	}
	if len(r.b) != 0 {
		return "", nil, errCorrupt
	}
	return source, spans, nil
}

// reader reads varints and bytes, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errCorrupt
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.err = errCorrupt
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) bytes(n uint64) []byte {
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errCorrupt
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}
