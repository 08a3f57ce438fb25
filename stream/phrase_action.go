package stream

import "strings"

// Actions are a listed verb in its -ing form ("running through fresh
// snow"), or in its -s or base form right after a known subject ("a skier
// carves down", "surfers wait"), with a short object or particle.

const (
	actionConf        = 0.6
	actionSubjectConf = 0.65 // the verb follows a known subject
)

// actionPreps may open an action's object: "leaning against a wall".
// Others ("in", "at", "with") usually open a setting or a manner.
var actionPreps = wordSet(`through|across|along|against|before|into|onto|toward|towards|
	over|past|down|up|around|from|off|out|under|beneath|on|behind|beside|after|to|
	inside|underneath|above|below|between|among|beyond|within`)

// loneParticles may end an action alone ("carves down"); "in" and "on"
// alone say too little.
var loneParticles = wordSet(`down|up|past|away|back|backward|backwards|forward|forwards|
	around|along|across|through|over|off|out|ahead|downhill|uphill|sideways|aside|
	home|upstairs|downstairs|together|apart|behind`)

// subjectPronouns may be the subject of an action verb.
var subjectPronouns = wordSet(`he|she|it|they|who|we|i|you`)

// matchActions finds action phrases.
func (st *labelState) matchActions() {
	for k := 0; k < len(st.toks); k++ {
		role, conf, ok := st.actionVerb(k)
		if !ok {
			continue
		}
		start := k
		if st.spaced(k) && st.is(k-1, clsAdverb) && strings.HasSuffix(st.word(k-1), "ly") &&
			st.toks[k-1].roles == 0 {
			start = k - 1
		}
		last := st.actionTail(k)
		st.add(start, last, role, conf)
		k = last
	}
}

// actionVerb reports whether token k opens an action, with its role and
// confidence.
func (st *labelState) actionVerb(k int) (string, float64, bool) {
	tk := &st.toks[k]
	e := tk.entry
	if tk.heading || e == nil || e.verb.act == 0 || tk.cls&clsAux != 0 ||
		tk.conf >= wordTermConf || tk.roles&subjectBits != 0 {
		return "", 0, false
	}
	subj := st.subjectBefore(k)
	conf := actionConf
	if subj {
		conf = actionSubjectConf
	}
	switch {
	case strings.HasSuffix(tk.low, "ing") && e.verb.act&formIng != 0:
		if st.spaced(k) && (st.is(k-1, clsDet|clsAdj) || st.toks[k-1].roles&notActors != 0 ||
			st.word(k-1) == "camera") {
			return "", 0, false
		}
		return e.verb.actRole, conf, true
	case e.verb.act&formS != 0 && strings.HasSuffix(tk.low, "s"):
		return e.verb.actRole, conf, subj
	case e.verb.act&formBase != 0:
		plural := strings.HasSuffix(st.word(k-1), "s") || st.word(k-1) == "they"
		return e.verb.actRole, conf, subj && plural
	}
	return "", 0, false
}

// wordTermConf is the confidence from which a vocabulary term on a word
// outweighs reading the word as a verb: "waves" (a weak prop) may still be
// a gesture, "running" in "red running shoes" may not. Words of subject
// spans ("wrinkled hands") are never verbs.
const wordTermConf = 0.7

// notActors are roles of words an -ing verb after them describes rather
// than an action: "highlights dancing", "rain falling".
var notActors = lightingBits | cameraBits | parentBits("environment") | parentBits("style") |
	parentBits("shot") | parentBits("technical")

// subjectWindow bounds how far back a subject may stand from its verb:
// "a young painter in a worn apron stands".
const subjectWindow = 8

// subjectBefore reports whether a known subject or a subject pronoun
// stands before token k in the same clause: no comma, sentence end or
// other finite verb between them.
func (st *labelState) subjectBefore(k int) bool {
	for i := k - 1; i >= 0 && k-i <= subjectWindow && st.joined(i+1); i-- {
		if st.toks[i].roles&bitOf("subject.identity") != 0 || subjectPronouns[st.word(i)] {
			return true
		}
		if st.isFiniteVerb(i) {
			return false
		}
	}
	return false
}

// actionTail returns the last token of the action whose verb is token k.
func (st *labelState) actionTail(k int) int {
	last, p := k, k+1
	for p < len(st.toks) && st.toks[p].gap == gapHyphen && !st.toks[p].heading {
		last, p = p, p+1
	}
	if st.spaced(p) && st.is(p, clsAdverb) && !st.is(p, clsParticle) {
		last, p = p, p+1
	}
	if !st.spaced(p) {
		return last
	}
	switch {
	case st.is(p, clsPrep|clsParticle):
		last = st.actionObject(p, last)
	case st.is(p, clsDet) || st.nounish(p, true):
		if np := st.npEnd(p); np >= 0 && st.toks[np].roles&locationBit == 0 {
			last = np
		}
	}
	if st.spaced(last+1) && st.is(last+1, clsAdverb) && strings.HasSuffix(st.word(last+1), "ly") {
		last++
	}
	return last
}

// actionObject extends an action over "through fresh snow" or a lone
// particle ("sprints past"), but not over a place ("down a snowy slope"
// ends the action at "down": the slope is its own span).
func (st *labelState) actionObject(p, last int) int {
	w := st.word(p)
	if actionPreps[w] && st.spaced(p+1) {
		if np := st.npEnd(p + 1); np >= 0 && st.toks[np].roles&locationBit == 0 {
			return np
		}
	}
	if loneParticles[w] {
		return p
	}
	return last
}
