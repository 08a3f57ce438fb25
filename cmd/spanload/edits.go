package main

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/spanstream/spanstream/offsets"
)

// typingScript is what one typing session sends: an empty doc (version 1),
// then one edit per burst appending the next characters, then one edit
// changing a word near the middle. Offsets are UTF-16 code units, the
// protocol's default unit.
type typingScript struct {
	// Bursts are the appending edits, in order.
	Bursts []editMsg
	// Change replaces a word near the middle; nil when the text has no word
	// of three letters or more.
	Change *editMsg
}

// scriptFor types text in bursts of burst code points (never splitting a
// surrogate pair) and then changes its middle word.
func scriptFor(text string, burst int) typingScript {
	burst = max(burst, 1)
	var sc typingScript
	version, offset := int64(1), 0
	for rest := text; rest != ""; {
		chunk := prefixRunes(rest, burst)
		rest = rest[len(chunk):]
		sc.Bursts = append(sc.Bursts, editMsg{Type: "edit", Version: version + 1,
			Base: version, Changes: []change{{Start: offset, End: offset, Text: chunk}}})
		version++
		offset += utf16Len(chunk)
	}
	if c, ok := midWordChange(text); ok {
		sc.Change = &editMsg{Type: "edit", Version: version + 1, Base: version,
			Changes: []change{c}}
	}
	return sc
}

// prefixRunes returns the first n code points of s.
func prefixRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// utf16Len counts s in UTF-16 code units, the protocol's default unit.
func utf16Len(s string) int { return offsets.Len(s, offsets.UTF16) }

// word is a run of letters: bytes [start, end), code points [from, to).
type word struct{ start, end, from, to int }

// midWordChange replaces the word of at least three letters whose middle is
// nearest the middle of text, counted in code points, with the word
// reversed (or with "crimson" when the reversal reads the same): the kind
// of one-word revision an author makes after typing.
func midWordChange(text string) (change, bool) {
	mid := utf8.RuneCountInString(text) // twice the middle, as are the centers
	best, found := word{}, false
	for _, w := range words(text) {
		if w.to-w.from < 3 {
			continue
		}
		if !found || abs(w.from+w.to-mid) < abs(best.from+best.to-mid) {
			best, found = w, true
		}
	}
	if !found {
		return change{}, false
	}
	old := text[best.start:best.end]
	repl := reverse(old)
	if repl == old {
		repl = "crimson"
	}
	start := utf16Len(text[:best.start])
	return change{Start: start, End: start + utf16Len(old), Text: repl}, true
}

// words lists the maximal runs of letters in text.
func words(text string) []word {
	var out []word
	cur, n := word{start: -1}, 0
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) && cur.start < 0:
			cur = word{start: i, from: n}
		case !unicode.IsLetter(r) && cur.start >= 0:
			cur.end, cur.to = i, n
			out = append(out, cur)
			cur.start = -1
		}
		n++
	}
	if cur.start >= 0 {
		cur.end, cur.to = len(text), n
		out = append(out, cur)
	}
	return out
}

func reverse(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
