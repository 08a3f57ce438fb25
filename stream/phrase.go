package stream

import "strings"

// Phrase rules: spans whose extent comes from grammar rather than from the
// vocabulary alone. Each rule is a guess about boundaries, so confidences
// stay between 0.55 and 0.85.

// maxPhraseWords bounds a noun phrase after its determiner.
const maxPhraseWords = 4

// npEnd returns the last token of a noun phrase starting at token p (an
// optional determiner, then up to four words that are neither closed-class
// words nor finite verbs), or -1. Hyphenated compounds count as one word.
func (st *labelState) npEnd(p int) int {
	k := p
	if st.is(k, clsDet) {
		k++
		if !st.spaced(k) {
			return -1
		}
	}
	last := -1
	for n := 0; k < len(st.toks) && n < maxPhraseWords; n++ {
		if last >= 0 && !st.spaced(k) || !st.nounish(k, last < 0 && k == p) {
			break
		}
		last = k
		for k++; k < len(st.toks) && st.toks[k].gap == gapHyphen && !st.toks[k].heading; k++ {
			last = k
		}
	}
	return last
}

// nounish reports whether token k may stand inside a noun phrase. A bare
// phrase (no determiner) must not open with a verb: "to reveal".
func (st *labelState) nounish(k int, bare bool) bool {
	tk := &st.toks[k]
	if tk.heading || tk.cls&closedClass != 0 || st.isFiniteVerb(k) {
		return false
	}
	if bare && tk.entry != nil && tk.entry.verb.act|tk.entry.verb.cam != 0 &&
		tk.cls&(clsVocab|clsAdj) == 0 {
		// "steering wheel": an -ing word before a noun is its modifier.
		return strings.HasSuffix(tk.low, "ing") && st.spaced(k+1) && st.nounish(k+1, false)
	}
	return true
}

// lightShapes are nouns that give light a shape: "pools of warm light".
var lightShapes = wordSet(`pools|pool|shafts|shaft|beams|beam|rays|ray|streaks|streak|
	slivers|sliver|patches|patch|pockets|pocket|splashes|splash|bands|band|ribbons|
	ribbon|flecks|glints|specks|dapples|wash|washes|halo|halos|columns|column|fingers|
	blades|spears|puddles|spill|bursts|flashes|flickers|glimmers`)

// lightStuff are what such shapes are made of.
var lightStuff = wordSet(`light|sunlight|moonlight|lamplight|candlelight|firelight|
	neon|color|colour|colors|colours|shadow|shadows|shade|gold|warmth|glow|starlight|
	daylight|brightness|darkness|flame|fire`)

// lightPhraseConf is the confidence of a light-shape phrase; it takes the
// place of the shorter terms inside it ("warm light").
const lightPhraseConf = 0.85

// matchLightPhrases labels "<shape> of <modifiers> light" as lighting
// quality, with the shape's own modifiers ("warm pools of light").
func (st *labelState) matchLightPhrases() {
	for k := 0; k+2 < len(st.toks); k++ {
		if !lightShapes[st.word(k)] || st.word(k+1) != "of" || !st.spaced(k+1) {
			continue
		}
		p := k + 2
		for n := 0; n < 2 && st.spaced(p) && !lightStuff[st.word(p)] && st.is(p, clsAdj); n++ {
			p++
		}
		if !st.spaced(p) || !lightStuff[st.word(p)] || st.toks[k].heading {
			continue
		}
		start := st.growStart(k, "lighting.quality", lightPhraseConf)
		st.dropInside(st.toks[start].start, st.toks[p].end, "lighting.quality")
		st.add(start, p, "lighting.quality", lightPhraseConf)
		k = p
	}
}

// wardrobeVerbs introduce clothing; "dressed" and "clad" need an "in".
var wardrobeVerbs = wordSet(`wearing|wears|wore|donning|dons|sporting|dressed|clad`)

// matchWardrobe labels the noun phrase after "wearing" as wardrobe, so a
// garment missing from the vocabulary is still found.
func (st *labelState) matchWardrobe() {
	wardrobe := bitOf("subject.wardrobe")
	for k := 0; k+1 < len(st.toks); k++ {
		w := st.word(k)
		if !wardrobeVerbs[w] || st.toks[k].heading {
			continue
		}
		p := k + 1
		if (w == "dressed" || w == "clad") && st.word(p) == "in" {
			p++
		}
		if !st.spaced(p) {
			continue
		}
		q := p
		if st.is(q, clsDet) {
			q++
		}
		last := st.npEnd(p)
		if last < q || st.covered(q, last, wardrobe) {
			continue
		}
		st.add(q, last, "subject.wardrobe", 0.62)
	}
}

// covered reports whether any token of i..j carries a role of bits.
func (st *labelState) covered(i, j int, bits roleBits) bool {
	for k := i; k <= j; k++ {
		if st.toks[k].roles&bits != 0 {
			return true
		}
	}
	return false
}

// wordSet builds a set from a "|"-separated list.
func wordSet(list string) map[string]bool {
	words := splitTerms(list)
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
