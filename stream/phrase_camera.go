package stream

// A camera chain is "camera" followed by movement clauses joined by
// commas, "and", "then" or "while": "the camera pans left, tilts up and
// zooms in" is one camera.movement span, because an author writes it as
// one move. A chain stops before a known subject ("zooms in on the
// violinist") and before anything that is not a movement ("revealing").

const (
	chainConf      = 0.85 // "camera" + verb is an unambiguous construction
	imperativeConf = 0.75 // "Pan left ..." at a sentence start
	maxTailWords   = 6
)

// chainConnectors may join two clauses of a chain.
var chainConnectors = wordSet(`and|then|while|before|finally|eventually|also|gradually`)

// targetPreps after a particle name what the camera moves toward.
var targetPreps = wordSet(`on|onto|at|toward|towards|to`)

// imperativeVerbs may open a chain without "camera" at a sentence start.
var imperativeVerbs = wordSet(`pan|tilt|zoom|dolly|truck|crane|boom|pedestal|push|pull|
	arc|orbit|whip|swish|track|tracking|panning|dollying|craning|zooming`)

// matchCameraChains finds chains and lets each absorb the vocabulary
// movement terms inside it.
func (st *labelState) matchCameraChains() {
	for k := 0; k < len(st.toks); k++ {
		if st.toks[k].heading {
			continue
		}
		start, last, conf := k, -1, chainConf
		switch {
		case st.word(k) == "camera" && st.spaced(k+1):
			last = st.chain(k + 1)
		case st.sentenceStart(k) && imperativeVerbs[st.word(k)] &&
			st.spaced(k+1) && st.is(k+1, clsParticle|clsPrep|clsAdverb):
			last, conf = st.chain(k), imperativeConf
		}
		if last < 0 {
			continue
		}
		st.dropInside(st.toks[start].start, st.toks[last].end, "camera.movement")
		st.add(start, last, "camera.movement", conf)
		k = last
	}
}

// chain returns the last token of the clauses starting at token k, or -1.
func (st *labelState) chain(k int) int {
	last := -1
	for {
		v := st.skipAdverbs(k)
		if !st.camVerbAt(v) {
			return last
		}
		last = st.clauseTail(v)
		if k = st.nextClause(last + 1); k < 0 {
			return last
		}
	}
}

// skipAdverbs returns the first token from k on that is not an adverb
// before a verb ("slowly pushes").
func (st *labelState) skipAdverbs(k int) int {
	for st.is(k, clsAdverb) && !st.camVerbAt(k) && st.spaced(k+1) {
		k++
	}
	return k
}

// camVerbAt reports whether token k is a form of a camera movement verb.
func (st *labelState) camVerbAt(k int) bool {
	if k < 0 || k >= len(st.toks) || st.toks[k].heading {
		return false
	}
	e := st.toks[k].entry
	return e != nil && e.verb.cam != 0 && st.toks[k].cls&clsAux == 0
}

// nextClause returns the first token of the clause after a separator at
// token p (", then", "and", "while"), or -1.
func (st *labelState) nextClause(p int) int {
	if p >= len(st.toks) || st.toks[p].heading {
		return -1
	}
	switch st.toks[p].gap {
	case gapComma:
	case gapSpace:
		if !chainConnectors[st.word(p)] {
			return -1
		}
	default:
		return -1
	}
	k := p
	for chainConnectors[st.word(k)] && st.spaced(k+1) {
		k++
	}
	return k
}

// clauseTail returns the last token of the clause whose verb is token v:
// hyphenated parts ("whip-pans"), particles and adverbs ("left",
// "slightly"), then at most one object ("the table", "into a slow orbit").
func (st *labelState) clauseTail(v int) int {
	last, p := v, v+1
	for p < len(st.toks) && st.toks[p].gap == gapHyphen && !st.toks[p].heading {
		last, p = p, p+1
	}
	for n := 0; n < maxTailWords && st.spaced(p); n++ {
		switch {
		case targetPreps[st.word(p)] && last > v && st.is(last, clsParticle):
			return last // "pushes in on her face": the face is a target, not a path
		case st.is(p, clsPrep) && st.spaced(p+1) && st.npEnd(p+1) >= 0:
			return st.objectEnd(last, st.npEnd(p+1))
		case st.is(p, clsParticle) || st.is(p, clsAdverb) && !st.camVerbAt(p):
			last, p = p, p+1
		case st.is(p, clsDet):
			if np := st.npEnd(p); np >= 0 {
				return st.objectEnd(last, np)
			}
			return last
		default:
			return last
		}
	}
	return last
}

// objectEnd returns np, the end of the clause's object, unless the object
// is a known subject, which the chain leaves to its own span.
func (st *labelState) objectEnd(last, np int) int {
	if st.toks[np].roles&bitOf("subject.identity") != 0 {
		return last
	}
	return np
}

// dropInside removes candidates of role lying within text[start:end].
func (st *labelState) dropInside(start, end int, role string) {
	out := st.cands[:0]
	for _, c := range st.cands {
		if c.Role != role || c.Start < start || c.End > end {
			out = append(out, c)
		}
	}
	st.cands = out
}
