package stream

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// gapKind says what separates a word from the word before it. The rules
// only join words across plain spaces and single hyphens, so every other
// separator is reduced to the little they need to know about it.
type gapKind uint8

const (
	gapStart  gapKind = iota // first word of the text
	gapSpace                 // whitespace on one line
	gapHyphen                // exactly one hyphen: "close-up"
	gapComma                 // a comma and spaces
	gapBreak                 // sentence or line end: . ! ? ; : or a newline
	gapOther                 // anything else: quotes, brackets, slashes
)

// wordToken is one word of the text: a run of letters, digits and marks,
// with apostrophes between letters ("bird's") and decimal points or
// thousands commas between digits ("2.39", "5,600") kept inside.
type wordToken struct {
	start, end int
	low        string    // lowercased view of text[start:end]
	poss       int       // bytes of a possessive "'s" after end, not part of the word
	gap        gapKind   // what separates the word from the one before
	heading    bool      // part of a section label such as "Camera:"
	cls        wordClass // closed-class and lexicon facts about low
	entry      *lexEntry // nil for words the lexicon does not know
	roles      roleBits  // roles of candidate spans covering the word
	conf       float64   // highest confidence of vocabulary terms on the word
}

// digit reports whether the token starts with a digit.
func (t *wordToken) digit() bool { return t.low[0] >= '0' && t.low[0] <= '9' }

// tokenize splits text into word tokens. low is text lowercased with the
// same byte length (see lowerSameLength), so token views cost nothing. A
// possessive "'s" is split off so that "Malick's" matches "malick" and no
// span ends in an apostrophe.
func tokenize(text, low string, dst []wordToken) []wordToken {
	prevEnd := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		end := wordEnd(text, i)
		g := gapStart
		if len(dst) > 0 {
			g = classifyGap(text[prevEnd:i])
		}
		poss := possessiveLen(low[i:end])
		dst = append(dst, wordToken{start: i, end: end - poss, low: low[i : end-poss],
			poss: poss, gap: g})
		prevEnd, i = end, end
	}
	return dst
}

// possessiveLen returns the byte length of a trailing "'s" of w, or 0.
func possessiveLen(w string) int {
	for _, suf := range [...]string{"'s", "\u2019s"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(suf)
		}
	}
	return 0
}

// wordEnd returns the end of the word starting at i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if n2 := joinerLen(text, i, r, n); n2 > 0 {
			i += n2
			continue
		}
		break
	}
	return i
}

// joinerLen returns how many bytes of the joiner rune r at i belong inside
// the word, or 0 when r ends it. An apostrophe joins letters; a point or a
// comma joins digits ("2.39", "5,600").
func joinerLen(text string, i int, r rune, n int) int {
	if i == 0 || i+n >= len(text) {
		return 0
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+n:])
	switch r {
	case '\'', '\u2019':
		if unicode.IsLetter(prev) && unicode.IsLetter(next) {
			return n
		}
	case '.':
		if isASCIIDigit(prev) && isASCIIDigit(next) {
			return n
		}
	case ',':
		if isASCIIDigit(prev) && thousands(text[i+1:]) {
			return n
		}
	}
	return 0
}

// thousands reports whether s starts with exactly three digits, as after
// the comma in "5,600".
func thousands(s string) bool {
	if len(s) < 3 || !isASCIIDigit(rune(s[0])) || !isASCIIDigit(rune(s[1])) ||
		!isASCIIDigit(rune(s[2])) {
		return false
	}
	return len(s) == 3 || !isASCIIDigit(rune(s[3]))
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// isWordRune reports whether r belongs to a word. Marks count so that a
// decomposed "café" stays one word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// classifyGap reduces the text between two words to a gapKind.
func classifyGap(g string) gapKind {
	switch g {
	case " ":
		return gapSpace
	case "-", "\u2010", "\u2011":
		return gapHyphen
	}
	kind := gapSpace
	for _, r := range g {
		switch {
		case r == '\n' || r == '.' || r == '!' || r == '?' || r == ';' || r == ':':
			return gapBreak
		case r == ',':
			kind = maxGap(kind, gapComma)
		case unicode.IsSpace(r):
		default:
			kind = gapOther
		}
	}
	return kind
}

func maxGap(a, b gapKind) gapKind {
	if a > b {
		return a
	}
	return b
}

// lowerSameLength lowercases s rune by rune, keeping every rune whose
// lowercase form has another UTF-8 length, so that byte offsets into the
// result are offsets into s. It returns s itself when nothing changes.
func lowerSameLength(s string) string {
	i := firstToLower(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for j := i; j < len(s); {
		if c := s[j]; c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if r == utf8.RuneError {
			b.WriteString(s[j : j+n]) // keep invalid bytes as they are
		} else {
			b.WriteRune(lowerRune(r))
		}
		j += n
	}
	return b.String()
}

// firstToLower returns the index of the first rune lowerSameLength would
// change, or -1.
func firstToLower(s string) int {
	for i, r := range s {
		if r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && lowerRune(r) != r {
			return i
		}
	}
	return -1
}

// lowerRune returns the lowercase of r when it has the same UTF-8 length,
// else r.
func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	l := unicode.ToLower(r)
	if utf8.RuneLen(l) != utf8.RuneLen(r) {
		return r
	}
	return l
}
