package stream

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// roleBits is a set of roles, one bit per index in Roles.
type roleBits uint64

var roleIndex = func() map[string]int {
	m := make(map[string]int, len(Roles))
	for i, r := range Roles {
		m[r] = i
	}
	return m
}()

// bitOf returns the bit of role.
func bitOf(role string) roleBits { return 1 << roleIndex[role] }

// parentBits returns the bits of every role under parent, itself included.
func parentBits(parent string) roleBits {
	var b roleBits
	for i, r := range Roles {
		if Parent(r) == parent {
			b |= 1 << i
		}
	}
	return b
}

// siblingBits maps a role to the bits of every role with its parent.
var siblingBits = func() map[string]roleBits {
	m := make(map[string]roleBits, len(Roles))
	for _, r := range Roles {
		m[r] = parentBits(Parent(r))
	}
	return m
}()

var (
	subjectBits  = parentBits("subject")
	lightingBits = parentBits("lighting")
	cameraBits   = parentBits("camera")
	locationBit  = bitOf("environment.location")
)

// labelState is the scratch of one labeling: the words, what stages found
// on them, and the candidate spans.
type labelState struct {
	lex   *lexicon
	text  string
	toks  []wordToken
	cands []Span
}

// newLabelState tokenizes text and looks every word up once.
func newLabelState(lex *lexicon, text string) *labelState {
	st := &labelState{lex: lex, text: text}
	st.toks = tokenize(text, lowerSameLength(text), make([]wordToken, 0, len(text)/5+1))
	for i := range st.toks {
		t := &st.toks[i]
		if e := lex.lookup(t.low); e != nil {
			t.entry = e
			t.cls = e.cls
		}
		if t.cls&clsAdverb == 0 && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") {
			t.cls |= clsAdverb
		}
	}
	st.cands = make([]Span, 0, len(st.toks)/3+1)
	return st
}

// add records a candidate span over tokens i..j inclusive and marks them.
func (st *labelState) add(i, j int, role string, conf float64) {
	st.addBytes(st.toks[i].start, st.toks[j].end, role, conf)
	bit := bitOf(role)
	for k := i; k <= j; k++ {
		st.toks[k].roles |= bit
		st.toks[k].conf = max(st.toks[k].conf, conf)
	}
}

// addBytes records a candidate span over text[start:end].
func (st *labelState) addBytes(start, end int, role string, conf float64) {
	st.cands = append(st.cands, Span{
		Start: start, End: end, Text: st.text[start:end], Role: role, Confidence: conf,
	})
}

// gapAt returns the separator before token k, or gapBreak past the end.
func (st *labelState) gapAt(k int) gapKind {
	if k <= 0 || k >= len(st.toks) {
		return gapBreak
	}
	return st.toks[k].gap
}

// spaced reports whether token k exists and follows token k-1 after a
// plain space, so that the two may belong to one phrase.
func (st *labelState) spaced(k int) bool {
	return k > 0 && k < len(st.toks) && st.toks[k].gap == gapSpace && !st.toks[k].heading
}

// joined reports whether token k follows k-1 after a space or a hyphen.
func (st *labelState) joined(k int) bool {
	return st.spaced(k) || k > 0 && k < len(st.toks) && st.toks[k].gap == gapHyphen &&
		!st.toks[k].heading
}

// is reports whether token k exists and has one of the classes c.
func (st *labelState) is(k int, c wordClass) bool {
	return k >= 0 && k < len(st.toks) && st.toks[k].cls&c != 0
}

// word returns the lowercased token k, or "" out of range.
func (st *labelState) word(k int) string {
	if k < 0 || k >= len(st.toks) {
		return ""
	}
	return st.toks[k].low
}

// capitalized reports whether token k starts with an upper-case letter.
func (st *labelState) capitalized(k int) bool {
	r, _ := utf8.DecodeRuneInString(st.text[st.toks[k].start:])
	return unicode.IsUpper(r)
}

// sentenceStart reports whether token k opens a sentence or a line.
func (st *labelState) sentenceStart(k int) bool {
	g := st.gapAt(k)
	return k == 0 || g == gapBreak
}
