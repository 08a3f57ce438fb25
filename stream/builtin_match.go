package stream

import "strings"

// vocabHit is one vocabulary term found over tokens i..j-1.
type vocabHit struct {
	i, j int
	t    *term
}

// maxGrowth bounds how many modifiers a term may take on its left.
const maxGrowth = 4

// matchVocabulary finds vocabulary terms, leftmost-longest, then lets
// growing terms take their modifiers: "a worn leather apron" gives "worn
// leather apron" as wardrobe, not just "apron". All terms are found before
// any grows, so growth can tell what it would swallow (see growStart).
func (st *labelState) matchVocabulary() {
	var hits []vocabHit
	for i := 0; i < len(st.toks); {
		t, j := st.longestTerm(i)
		if t == nil {
			i++
			continue
		}
		hits = append(hits, vocabHit{i, j, t})
		bit := bitOf(t.role)
		for k := i; k < j; k++ {
			st.toks[k].roles |= bit
			st.toks[k].conf = max(st.toks[k].conf, t.conf)
		}
		i = j
	}
	for _, h := range hits {
		st.placeHit(h)
	}
}

// placeHit grows a hit when its group allows and adds it as a candidate.
func (st *labelState) placeHit(h vocabHit) {
	start, end := h.i, h.j-1
	if h.t.grow {
		start = st.growStart(h.i, h.t.role, h.t.conf)
	}
	if h.t.role == roleFilmStock {
		for st.spaced(end+1) && isStockCode(st.word(end+1)) {
			end++ // "Kodak Portra 400", "Vision3 500T"
		}
	}
	if h.t.needs && start == h.i && !possessives[st.word(h.i-1)] {
		return
	}
	if h.t.role == "environment.weather" && st.spaced(end+1) && weatherMotion[st.word(end+1)] {
		end++ // "rain falling", "fog rolling"
	}
	st.add(start, end, h.t.role, h.t.conf)
}

// weatherMotion are what weather does right after its noun.
var weatherMotion = wordSet(`falling|pouring|drifting|swirling|blowing|rolling|rising|lashing|
	beating|drizzling|howling|gusting|settling|sweeping|creeping|lifting|clearing|raging`)

// possessives let a body part stand alone: "his face", not "the frame".
var possessives = wordSet(`his|her|their|its|my|your|our`)

// longestTerm returns the longest term starting at token i and the token
// after it. Words of a term may be separated by a space or a hyphen, so
// "close up" and "close-up" match alike.
func (st *labelState) longestTerm(i int) (*term, int) {
	tk := &st.toks[i]
	if tk.heading || tk.entry == nil || tk.entry.trie == nil {
		return nil, 0
	}
	n := tk.entry.trie
	best, bestJ := n.term, i+1
	for k := i + 1; k < len(st.toks) && st.joined(k) && st.toks[k-1].poss == 0; k++ {
		if n.next == nil {
			break
		}
		if n = n.next[st.toks[k].low]; n == nil {
			break
		}
		if n.term != nil {
			best, bestJ = n.term, k+1
		}
	}
	// A term that is only the first part of a hyphenated word is not
	// meant: "graffiti-covered", "family-friendly".
	for best != nil && bestJ < len(st.toks) && st.toks[bestJ].gap == gapHyphen {
		if bestJ--; bestJ == i {
			return nil, 0
		}
		best = st.termOver(i, bestJ)
	}
	return best, bestJ
}

// termOver returns the term spelled by tokens i..j-1 exactly, or nil.
func (st *labelState) termOver(i, j int) *term {
	n := st.toks[i].entry.trie
	for k := i + 1; k < j && n != nil; k++ {
		n = n.next[st.toks[k].low]
	}
	if n == nil {
		return nil
	}
	return n.term
}

// growStart walks left from token i over modifiers and returns the first
// token of the grown phrase; conf is the confidence of the head term. Of
// the words other terms of the same parent hold, it takes those of the
// same role ("practical tungsten desk lamp" is one source) and weaker ones
// ("foggy forest", "bicycle shop"), but not a surer term of another role
// ("golden hour" stays out of "golden hour sunlight", "joyful" out of
// "joyful child"). A known subject is never a modifier of anything else.
func (st *labelState) growStart(i int, role string, conf float64) int {
	same, own := siblingBits[role], bitOf(role)
	if Parent(role) != "subject" {
		same |= subjectBits
	}
	start, n := i, 0
	for k := i - 1; k >= 0 && n < maxGrowth; k-- {
		tk := &st.toks[k]
		if tk.heading || tk.roles&same&^own != 0 && tk.conf >= conf {
			break
		}
		if st.toks[k+1].gap == gapHyphen {
			start = k
			continue
		}
		if st.toks[k+1].gap != gapSpace || !st.isModifier(k, start < i, role) {
			if c := st.coordinated(k, start); c >= 0 {
				start, k, n = c, c, n+1
				continue
			}
			break
		}
		start, n = k, n+1
	}
	return start
}

// coordinated handles adjective lists before a head: "soft, warm light",
// "cyan and amber color temperature". k is the token that stopped growth
// and start the first grown token; it returns the new start or -1.
func (st *labelState) coordinated(k, start int) int {
	if !st.is(start, clsAdj) {
		return -1
	}
	if st.toks[k+1].gap == gapComma && st.is(k, clsAdj) && st.toks[k].roles == 0 {
		return k
	}
	w := st.word(k)
	if (w == "and" || w == "or") && st.toks[k+1].gap == gapSpace && st.spaced(k) &&
		st.is(k-1, clsAdj) && st.toks[k-1].roles == 0 {
		return k - 1
	}
	return -1
}

// adjectiveEndings are suffixes that mark an unlisted word as a probable
// adjective: "gritty", "crowded", "graceful", "industrial".
var adjectiveEndings = [...]string{
	"ed", "ful", "ous", "ive", "ic", "al", "ish", "less", "ese", "ian", "ern", "y",
}

// isModifier reports whether token k can modify the noun phrase of role
// head that follows it. afterOne is true when a modifier was already
// taken, which lets an adverb in ("dimly lit library"). Camera and format
// words modify only camera heads ("dolly tracking shot", not "shot
// detective"); possessives only body parts ("subject's face").
func (st *labelState) isModifier(k int, afterOne bool, head string) bool {
	tk := &st.toks[k]
	switch {
	case tk.cls&closedClass != 0 || tk.digit():
		return false
	case tk.poss > 0:
		return head == "subject.appearance"
	case tk.cls&clsTech != 0 && tk.cls&clsAdj == 0:
		return Parent(head) == "camera"
	case tk.cls&(clsAdj|clsVocab) != 0:
		return !st.isFiniteVerb(k)
	case tk.cls&clsAdverb != 0:
		return afterOne && strings.HasSuffix(tk.low, "ly")
	case strings.HasSuffix(tk.low, "ing"):
		return k == 0 || st.is(k-1, clsDet|clsPrep|clsAdj) || tk.gap >= gapComma
	case st.isFiniteVerb(k):
		return false
	case tk.gap != gapBreak && tk.gap != gapStart && st.capitalized(k):
		return true
	}
	if strings.HasSuffix(tk.low, "ly") {
		return false
	}
	for _, e := range adjectiveEndings {
		if len(tk.low) > len(e)+2 && strings.HasSuffix(tk.low, e) {
			return true
		}
	}
	return false
}

// isFiniteVerb reports whether token k is an -s form of a listed verb
// that is not also a vocabulary word ("pans" stays a verb, "lights" not).
func (st *labelState) isFiniteVerb(k int) bool {
	e := st.toks[k].entry
	if e == nil || e.cls&clsVocab != 0 {
		return false
	}
	return (e.verb.act|e.verb.cam)&formS != 0 && strings.HasSuffix(st.toks[k].low, "s")
}
