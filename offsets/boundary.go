package offsets

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// maxBack bounds how far a grapheme check scans back for a safe place to
// restart segmentation before it falls back to segmenting the whole document.
const maxBack = 128

// graphemeBoundary reports whether byte offset p of the document is a
// grapheme-cluster boundary (UAX #29), so that a range ending or starting there
// splits neither a character nor a user-perceived one such as "e" plus a
// combining accent, a flag or a ZWJ emoji sequence.
func (l *Locator) graphemeBoundary(p int) bool {
	s := l.doc
	if p <= 0 || p >= len(s) {
		return p == 0 || p == len(s)
	}
	// Between two ASCII characters the only rule that joins is CR LF.
	if a, b := s[p-1], s[p]; a < utf8.RuneSelf && b < utf8.RuneSelf {
		return a != '\r' || b != '\n'
	}
	if !runeBoundary(s, p) {
		return false
	}
	if q := safeStart(s, p); q >= 0 {
		return clusterEdge(s[q:], p-q)
	}
	return l.allGraphemes().has(p)
}

// safeStart returns an offset q <= p, no more than maxBack bytes back, that is
// certainly a grapheme boundary, or -1. Before a printable ASCII character
// preceded by another ASCII character no rule joins (Prepend, ZWJ and regional
// indicators are all non-ASCII, and LF is not printable), and the rules after q
// never look back past q.
func safeStart(s string, p int) int {
	for q := p - 1; q >= 0 && p-q <= maxBack; q-- {
		if q == 0 || (s[q] >= ' ' && s[q] < utf8.RuneSelf-1 && s[q-1] < utf8.RuneSelf) {
			return q
		}
	}
	return -1
}

// clusterEdge reports whether segmenting s from its start into grapheme
// clusters puts a boundary at byte n.
func clusterEdge(s string, n int) bool {
	pos, state := 0, -1
	for pos < n {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		pos += len(c)
	}
	return pos == n
}

// bitset is a set of byte offsets.
type bitset []uint64

func (b bitset) has(p int) bool { return b[p/64]&(1<<(p%64)) != 0 }

func (b bitset) add(p int) { b[p/64] |= 1 << (p % 64) }

// allGraphemes returns every grapheme boundary of the document, segmenting it
// on first use: only long runs without ASCII (such as Japanese text) need it.
func (l *Locator) allGraphemes() bitset {
	if l.graphemes != nil {
		return l.graphemes
	}
	s := l.doc
	b := make(bitset, len(s)/64+1)
	pos, state := 0, -1
	b.add(0)
	for len(s) > 0 {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		pos += len(c)
		b.add(pos)
	}
	l.graphemes = b
	return b
}

// joined reports whether byte offset p of s lies inside a word: a needle
// that starts or ends with a letter or digit may not start or end there, so
// "red car" does not match in "red cart" nor "café" in "cafés". Scripts written
// without spaces between words (Chinese, Japanese, Thai, ...) have no word
// boundaries to find without a dictionary, so a letter of theirs never joins.
// Unlike UAX #29 words, an apostrophe, a dot or an underscore always separates,
// so "dog" matches in "dog's" and "red" in "_red_".
func joined(s string, p int) bool {
	if p <= 0 || p >= len(s) {
		return false
	}
	a, _ := utf8.DecodeLastRuneInString(s[:p])
	b, _ := utf8.DecodeRuneInString(s[p:])
	return wordRune(a) && wordRune(b) && !spaceless(a) && !spaceless(b)
}

// wordRune reports whether r belongs to a word: a letter, a number, or a
// combining mark (which belongs to the letter before it).
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// spacelessScripts are scripts that do not separate words with spaces.
var spacelessScripts = []*unicode.RangeTable{
	unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
	unicode.Lao, unicode.Khmer, unicode.Myanmar,
}

func spaceless(r rune) bool {
	return r >= 0x0E00 && unicode.In(r, spacelessScripts...)
}

// edges records whether a needle starts and ends with a letter or digit, and
// so must start and end on a word boundary.
type edges struct{ start, end bool }

func needleEdges(s string) edges {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return edges{start: wordRune(first), end: wordRune(last)}
}
