package session

import (
	"strings"
	"unicode/utf8"
)

// segment is a piece of the document labeled and cached on its own: a
// paragraph, or a sentence of a long paragraph. start is its byte offset in
// the document.
type segment struct {
	start int
	text  string
}

// split cuts text into segments: paragraphs (runs of lines between blank
// lines) up to maxLen characters, and every sentence of a longer paragraph on
// its own. A segment never starts or ends with white space; the white
// space between segments belongs to none. maxLen <= 0 means the whole
// document is one segment.
//
// Splitting long paragraphs at every sentence end, rather than packing
// sentences up to maxLen, keeps segments local: an edit changes only the
// segments it touches, never the cut points of the rest.
func split(text string, maxLen int) []segment {
	if maxLen <= 0 {
		return trimmed(segment{0, text}, nil)
	}
	var out []segment
	for _, p := range paragraphs(text) {
		if utf8.RuneCountInString(p.text) <= maxLen {
			out = trimmed(p, out)
			continue
		}
		for _, s := range sentences(p) {
			out = trimmed(s, out)
		}
	}
	return out
}

// trimmed appends s without its surrounding white space, unless nothing
// is left.
func trimmed(s segment, out []segment) []segment {
	lead := len(s.text) - len(strings.TrimLeft(s.text, " \t\r\n\f\v"))
	t := strings.TrimRight(s.text[lead:], " \t\r\n\f\v")
	if t == "" {
		return out
	}
	return append(out, segment{start: s.start + lead, text: t})
}

// paragraphs cuts text at blank lines (lines holding only white space).
func paragraphs(text string) []segment {
	var out []segment
	start, lineStart := 0, 0
	for lineStart < len(text) {
		end := strings.IndexByte(text[lineStart:], '\n')
		if end < 0 {
			break
		}
		end += lineStart + 1
		if strings.TrimSpace(text[lineStart:end]) == "" {
			out = append(out, segment{start, text[start:lineStart]})
			start = end
		}
		lineStart = end
	}
	return append(out, segment{start, text[start:]})
}

// sentences cuts a paragraph after each '.', '!' or '?' (and any closing
// quotes or brackets) that white space follows.
func sentences(p segment) []segment {
	var out []segment
	text, start := p.text, 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.IndexByte(`"')]`, text[j]) >= 0 {
			j++
		}
		if j < len(text) && isSpace(text[j]) {
			out = append(out, segment{p.start + start, text[start:j]})
			start, i = j, j
		}
	}
	return append(out, segment{p.start + start, text[start:]})
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
