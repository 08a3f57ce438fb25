package offsets

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// builder rewrites one text into a view. It writes the text into a
// preallocated array by index rather than appending, because storing a grown
// slice back into the builder costs a GC write barrier per character while a
// collection runs.
type builder struct {
	rw     *rewriter
	s      string
	mapped bool   // keep the map back to s in marks
	text   []byte // the view is text[:n]; len(text) is the room
	n      int
	marks  []mark
	// inSpace is set while the last segment emitted is whitespace, which
	// then absorbs further whitespace and dropped text; spaceAt is its source
	// offset.
	inSpace bool
	spaceAt int
}

func (b *builder) run() {
	for i := 0; i < len(b.s); {
		if j := b.plainRun(i); j > i {
			i = j
			continue
		}
		i = b.step(i)
	}
}

// plain marks the ASCII bytes that rewrite to themselves (or their lower case):
// all but whitespace, markers, control characters and DEL.
var plain = func() (t [utf8.RuneSelf]bool) {
	for c := '!'; c < utf8.RuneSelf-1; c++ {
		t[c] = c != '*' && c != '_'
	}
	return t
}()

// plainRun copies the run of plain ASCII bytes at s[i] to the view in bulk and
// returns its end. This is most of a prompt, and needs no marks.
func (b *builder) plainRun(i int) int {
	s := b.s
	j := i
	for j < len(s) && s[j] < utf8.RuneSelf && plain[s[j]] {
		j++
	}
	if j < len(s) && j > i && !boundaryBefore(s[j:]) {
		j-- // the last byte takes a combining mark: leave it to step
	}
	if j == i {
		return i
	}

	b.grow(j - i)
	text := b.text[b.n : b.n+j-i]
	copy(text, s[i:j])
	if b.rw.fold {
		for k, c := range text {
			if 'A' <= c && c <= 'Z' {
				text[k] = c + 'a' - 'A'
			}
		}
	}
	b.n += j - i
	b.inSpace = false
	return j
}

// step rewrites the segment at s[i] and returns the offset after it.
func (b *builder) step(i int) int {
	end := segmentEnd(b.s, i)
	if c := b.s[i]; end == i+1 && c < utf8.RuneSelf {
		return b.ascii(i, c)
	}

	seg := b.s[i:end]
	if r, size := utf8.DecodeRuneInString(seg); size == len(seg) {
		switch {
		case unicode.IsSpace(r):
			b.space(i, end)
			return end
		case ignorable(r):
			b.drop(i, end)
			return end
		case punct(r) != "":
			emit(b, punct(r), i, end)
			return end
		}
	}
	emit(b, b.rw.segment(seg), i, end)
	return end
}

// ascii rewrites a lone ASCII character s[i] that plainRun left.
func (b *builder) ascii(i int, c byte) int {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		b.space(i, i+1)
		return i + 1
	case '*', '_':
		return b.markers(i)
	}
	if b.rw.fold && 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	emit(b, []byte{c}, i, i+1)
	return i + 1
}

// markers handles the run of '*' and '_' starting at s[i]. Markdown emphasis
// sits at a word's edge, so a run is dropped unless it has a letter or digit
// on both sides (snake_case, 2*3), where it is kept as text.
func (b *builder) markers(i int) int {
	s := b.s
	j := i + 1
	for j < len(s) && (s[j] == '*' || s[j] == '_') && segmentEnd(s, j) == j+1 {
		j++
	}
	if !joinedMarkers(s, i, j) {
		b.drop(i, j)
		return j
	}
	emit(b, s[i:j], i, j)
	return j
}

func joinedMarkers(s string, i, j int) bool {
	if i == 0 || j == len(s) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	return wordRune(before) && wordRune(after)
}

// space emits one space for a whitespace run, or extends the run before it.
func (b *builder) space(i, end int) {
	if b.inSpace {
		b.extendSpace(end)
		return
	}
	emit(b, " ", i, end)
	b.inSpace, b.spaceAt = true, i
}

// drop leaves source bytes [i, end) out of the view. After whitespace they join
// the whitespace: a space is never at the edge of a match, so that changes no
// result and keeps the map short.
func (b *builder) drop(i, end int) {
	switch {
	case !b.mapped:
	case b.inSpace:
		b.extendSpace(end)
	case len(b.marks) > 0 && b.marks[len(b.marks)-1].n == 0 &&
		int(b.marks[len(b.marks)-1].v) == b.n:
		b.marks[len(b.marks)-1].end = int32(end)
	default:
		b.marks = append(b.marks, mark{v: int32(b.n), src: int32(i), end: int32(end)})
	}
}

// extendSpace makes the space just emitted stand for source bytes up to end.
func (b *builder) extendSpace(end int) {
	if !b.mapped {
		return
	}
	if k := len(b.marks) - 1; k >= 0 && int(b.marks[k].v) == b.n-1 && b.marks[k].n == 1 {
		b.marks[k].end = int32(end)
		return
	}
	b.marks = append(b.marks, mark{v: int32(b.n - 1), n: 1, src: int32(b.spaceAt),
		end: int32(end)})
}

// emit appends the rewrite p of source bytes [start, end) as one segment.
func emit[T string | []byte](b *builder, p T, start, end int) {
	b.inSpace = false
	if b.mapped && (len(p) != 1 || end-start != 1) {
		b.marks = append(b.marks, mark{v: int32(b.n), n: int32(len(p)), src: int32(start),
			end: int32(end)})
	}
	b.grow(len(p))
	b.n += copy(b.text[b.n:], p)
}

// grow makes room for k more view bytes.
func (b *builder) grow(k int) {
	if b.n+k > len(b.text) {
		b.text = append(b.text[:b.n], make([]byte, len(b.text)+k+16)...)
	}
}

// segmentEnd returns the end of the normalization segment starting at s[i]: a
// rune and the runes after it up to the next one that starts afresh, so that
// the text up to there normalizes the same alone as in context.
func segmentEnd(s string, i int) int {
	j := i + 1
	if s[i] >= utf8.RuneSelf {
		_, size := utf8.DecodeRuneInString(s[i:])
		j = i + size
	}
	for j < len(s) && !boundaryBefore(s[j:]) {
		j += max(norm.NFC.PropertiesString(s[j:]).Size(), 1)
	}
	return j
}

// boundaryBefore reports whether the first rune of s starts a new segment:
// it is a starter that cannot combine with anything before it. That holds for
// ASCII and everything below U+0300 (lead bytes below 0xCC), the bulk of text.
// Unlike norm's NextBoundary, a starter that composes backward (a Hangul
// vowel jamo, some Indic vowel signs) does not start a segment, so that each
// segment really normalizes on its own.
func boundaryBefore(s string) bool {
	return s[0] < 0xCC || norm.NFC.PropertiesString(s).BoundaryBefore()
}

// ignorable reports invisible format characters that writers and models drop
// or add at will: soft hyphen, zero-width space, word joiner, direction marks
// and the byte-order mark. ZWJ and ZWNJ are kept: they change how text looks.
func ignorable(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u200E', '\u200F', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// punct returns the ASCII stand-in for a typographic variant of a quote, dash
// or ellipsis, or "".
func punct(r rune) string {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\uFF07':
		return "'"
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\uFF02':
		return `"`
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212',
		'\uFE58', '\uFE63', '\uFF0D':
		return "-"
	case '\u2026':
		return "..."
	}
	return ""
}
