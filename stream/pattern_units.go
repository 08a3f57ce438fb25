package stream

import "strings"

// durationUnits are the time units a duration may carry.
var durationUnits = map[string]bool{
	"s": true, "sec": true, "secs": true, "second": true, "seconds": true,
	"min": true, "mins": true, "minute": true, "minutes": true,
	"hr": true, "hrs": true, "hour": true, "hours": true,
}

// spelledNumbers are number words that may open a duration ("ten seconds").
var spelledNumbers = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true,
	"twelve": true, "fifteen": true, "twenty": true, "thirty": true, "forty": true,
	"fifty": true, "sixty": true, "ninety": true,
}

// ageWords precede a decade or an age: "his 30s", "the 80s", "mid-20s".
var ageWords = map[string]bool{
	"his": true, "her": true, "their": true, "my": true, "your": true, "our": true,
	"its": true, "the": true, "early": true, "mid": true, "late": true, "in": true,
	"those": true, "these": true,
}

// durationUnit reports whether token k is a duration unit joined to the
// number before it by a space or a hyphen ("10 seconds", "2-minute").
func (st *labelState) durationUnit(k int) (int, bool) {
	if !st.joined(k) {
		return 0, false
	}
	w := st.word(k)
	if w == "s" || !durationUnits[w] {
		return 0, false
	}
	return k, true
}

// attachedDuration handles "5s", "10sec" and "2min"; a plain "s" after a
// round number may be a decade or an age, so it needs care.
func (st *labelState) attachedDuration(k int, digits, unit string) (specMatch, bool) {
	if unit != "s" {
		return specMatch{k, roleDuration, 0.9}, true
	}
	if len(digits) >= 4 {
		return specMatch{}, false
	}
	round := strings.HasSuffix(digits, "0") && len(digits) >= 2
	if round && st.decadeContext(k) {
		return specMatch{}, false
	}
	if round {
		return specMatch{k, roleDuration, 0.75}, true
	}
	return specMatch{k, roleDuration, 0.85}, true
}

// decadeContext reports whether the words or marks before token k make a
// round "30s" a decade or an age.
func (st *labelState) decadeContext(k int) bool {
	if k == 0 {
		return false
	}
	if g := st.gapAfter(k - 1); strings.ContainsAny(g, "'\u2019") {
		return true
	}
	return (st.spaced(k) || st.toks[k].gap == gapHyphen) && ageWords[st.word(k-1)]
}

// focal handles a length in millimetres over tokens k..j: a focal length,
// or a film gauge when film words follow ("16mm Kodak Portra").
func (st *labelState) focal(k, j int, mm float64) specMatch {
	if end, ok := st.filmAfter(j + 1); ok {
		return specMatch{end, roleFilmStock, 0.92}
	}
	gauge := mm == 8 || mm == 16 || mm == 65 || mm == 70
	if gauge && !st.is(j+1, clsLensWord) {
		return specMatch{j, roleFilmStock, 0.7}
	}
	conf := 0.85
	if mm == 35 {
		conf = 0.75
	}
	for n := 0; n < 2 && st.spaced(j+1) && st.is(j+1, clsLensWord); n++ {
		j, conf = j+1, 0.95
	}
	return specMatch{j, roleLens, conf}
}

// filmAfter returns the last token of film words or a film stock name
// starting at token k ("film", "Kodak Vision3 500T").
func (st *labelState) filmAfter(k int) (int, bool) {
	if !st.spaced(k) {
		return 0, false
	}
	end := -1
	if t, j := st.longestTerm(k); t != nil && t.role == roleFilmStock {
		end = j - 1
	} else if st.is(k, clsFilm) {
		end = k
	}
	if end < 0 {
		return 0, false
	}
	for st.spaced(end+1) && (st.is(end+1, clsFilm) || isStockCode(st.word(end+1))) {
		end++
	}
	return end, true
}

// isStockCode reports whether w looks like a film stock's number: "400",
// "250d", "500t", "5222".
func isStockCode(w string) bool {
	_, n, frac := parseNumber(w)
	if n < 2 || n > 4 || frac {
		return false
	}
	return n == len(w) || len(w) == n+1 && (w[n] == 'd' || w[n] == 't')
}

// stopAt handles apertures "f/1.8", "f2.8", "T2.1" and ranges of them
// ("f/11-f/16").
func (st *labelState) stopAt(k int) (specMatch, bool) {
	j, conf, ok := st.oneStop(k)
	if !ok {
		return specMatch{}, false
	}
	next := j + 1
	if st.word(next) == "to" && st.spaced(next) {
		next++
	} else if g := strings.TrimSpace(st.gapAfter(j)); g != "-" && g != "\u2013" {
		return specMatch{j, roleLens, conf}, true
	}
	if j2, _, ok := st.oneStop(next); ok {
		j = j2
	} else if next < len(st.toks) && isPlainNumber(st.word(next)) {
		j = next
	}
	return specMatch{j, roleLens, conf}, true
}

// oneStop returns the last token of one aperture starting at token k.
func (st *labelState) oneStop(k int) (int, float64, bool) {
	if k >= len(st.toks) || st.toks[k].heading {
		return 0, 0, false
	}
	w := st.toks[k].low
	if w[0] != 'f' && w[0] != 't' {
		return 0, 0, false
	}
	if len(w) == 1 && k+1 < len(st.toks) && st.gapAfter(k) == "/" && isPlainNumber(st.word(k+1)) {
		return k + 1, 0.95, true
	}
	// "f2.8" needs its decimal point: "f8" or "t2" could be anything.
	if len(w) > 2 && isPlainNumber(w[1:]) && strings.Contains(w, ".") {
		return k, 0.85, true
	}
	return 0, 0, false
}

// isPlainNumber reports whether w is a number and nothing else.
func isPlainNumber(w string) bool {
	_, n, _ := parseNumber(w)
	return n > 0 && n == len(w)
}
