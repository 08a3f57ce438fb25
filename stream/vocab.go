package stream

import (
	"strconv"
	"strings"
	"sync"
)

// wordClass holds what the rules need to know about a single word.
type wordClass uint32

const (
	clsDet      wordClass = 1 << iota // a, the, his, several
	clsPrep                           // in, at, through
	clsConj                           // and, as, while, then
	clsPron                           // he, she, it, they
	clsAux                            // is, uses, creates: verbs that describe nothing
	clsParticle                       // up, left, back, sideways
	clsAdj                            // a listed adjective or material
	clsAdverb                         // a listed adverb (words in -ly count too)
	clsVocab                          // part of some vocabulary term
	clsHeading                        // may appear in a section label
	clsFilm                           // film, footage, stock: turns a gauge into a film format
	clsLensWord                       // lens, prime, anamorphic: extends a focal length
	clsTech                           // a word of shot, camera or format terms
)

// closedClass is the union of classes that end a noun phrase.
const closedClass = clsDet | clsPrep | clsConj | clsPron | clsAux

// verbForm is a bit set of the forms a word takes as a verb.
type verbForm uint8

const (
	formBase verbForm = 1 << iota // pan
	formS                         // pans
	formIng                       // panning
	formEd                        // panned
)

// verbInfo says which listed verbs a word is a form of.
type verbInfo struct {
	cam     verbForm // forms of a camera movement verb
	act     verbForm // forms of a subject action verb
	actRole string   // action.movement, action.state or action.gesture
}

// term is one vocabulary entry at the end of a trie path.
type term struct {
	role  string
	conf  float64
	grow  bool // may grow leftward over modifiers
	needs bool // a one-word match needs a modifier to count
}

// trieNode is a node of the word trie: children are keyed by lowercased
// words, so matching costs one map lookup per word.
type trieNode struct {
	next map[string]*trieNode
	term *term
}

// lexEntry is everything known about one lowercased word.
type lexEntry struct {
	cls  wordClass
	verb verbInfo
	trie *trieNode // first-level trie node of terms starting with the word
}

// lexicon is the compiled vocabulary; it is read-only after build and so
// safe for concurrent use.
type lexicon struct {
	words map[string]*lexEntry
}

var (
	lexOnce sync.Once
	lexData *lexicon
)

// theLexicon compiles the vocabulary on first use.
func theLexicon() *lexicon {
	lexOnce.Do(func() { lexData = buildLexicon() })
	return lexData
}

// entry returns the entry of w, creating it.
func (l *lexicon) entry(w string) *lexEntry {
	e := l.words[w]
	if e == nil {
		e = &lexEntry{}
		l.words[w] = e
	}
	return e
}

// lookup returns the entry of w, or nil.
func (l *lexicon) lookup(w string) *lexEntry { return l.words[w] }

func buildLexicon() *lexicon {
	l := &lexicon{words: make(map[string]*lexEntry, 8192)}
	for _, wl := range wordLists {
		for _, w := range splitTerms(wl.words) {
			l.entry(w).cls |= wl.cls
		}
	}
	for _, vl := range verbLists {
		l.addVerbs(vl)
	}
	for _, g := range vocabGroups {
		l.addGroup(g)
	}
	return l
}

// addVerbs records every form of the verbs of vl.
func (l *lexicon) addVerbs(vl verbList) {
	for _, v := range splitTerms(vl.verbs) {
		for f, form := range verbForms(v) {
			e := l.entry(f)
			if vl.role == "" {
				e.verb.cam |= form
				continue
			}
			if e.verb.act == 0 {
				e.verb.actRole = vl.role
			}
			e.verb.act |= form
		}
	}
}

// addGroup adds the terms of g with their variants to the trie.
func (l *lexicon) addGroup(g vocabGroup) {
	for _, raw := range splitTerms(g.terms) {
		text, conf := raw, 0.0
		if i := strings.IndexByte(raw, '~'); i >= 0 {
			text = raw[:i]
			conf, _ = strconv.ParseFloat(raw[i+1:], 64)
		}
		words := termWords(text)
		if conf == 0 {
			conf = g.single
			if len(words) > 1 {
				conf = g.multi
			}
		}
		t := &term{role: g.role, conf: conf, grow: g.grow, needs: g.needs && len(words) == 1}
		for _, v := range termVariants(text, g.forms) {
			l.insert(termWords(v), t)
		}
	}
}

// insert adds the word path of t, keeping an existing term on the same path.
func (l *lexicon) insert(words []string, t *term) {
	if len(words) == 0 {
		return
	}
	e := l.entry(words[0])
	cls := clsVocab
	if p := Parent(t.role); p == "shot" || p == "camera" || p == "technical" {
		cls |= clsTech
	}
	for _, w := range words {
		l.entry(w).cls |= cls
	}
	if e.trie == nil {
		e.trie = &trieNode{}
	}
	n := e.trie
	for _, w := range words[1:] {
		if n.next == nil {
			n.next = make(map[string]*trieNode, 2)
		}
		c := n.next[w]
		if c == nil {
			c = &trieNode{}
			n.next[w] = c
		}
		n = c
	}
	if n.term == nil {
		n.term = t
	}
}

// splitTerms splits a "|"- or newline-separated list, trimming blanks.
func splitTerms(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '\n' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// termWords lowercases a term and splits it into the words the tokenizer
// would produce, so that vocabulary and text agree on what a word is.
func termWords(s string) []string {
	low := lowerSameLength(s)
	toks := tokenize(s, low, nil)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.low
	}
	return out
}
