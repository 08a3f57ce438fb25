package stream

import "strings"

// formKind says which inflections a vocabulary group generates.
type formKind uint8

const (
	formsFixed formKind = iota // terms match as written
	formsNoun                  // the last word also matches in the plural
	formsVerb                  // the first word also matches as -s, -ing, -ed
)

// termVariants returns the spellings a term matches: as written, with
// hyphens closed up ("close-up" also as "closeup"), and inflected.
func termVariants(text string, forms formKind) []string {
	spellings := []string{text}
	if strings.Contains(text, "-") {
		spellings = append(spellings, strings.ReplaceAll(text, "-", ""))
	}
	out := spellings
	for _, s := range spellings {
		switch forms {
		case formsNoun:
			out = append(out, pluralLast(s))
		case formsVerb:
			for f := range verbForms(firstWord(s)) {
				out = append(out, f+s[len(firstWord(s)):])
			}
		}
	}
	return out
}

// firstWord returns s up to its first space.
func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// pluralLast returns s with its last word in the plural.
func pluralLast(s string) string {
	i := strings.LastIndexAny(s, " -") + 1
	return s[:i] + plural(s[i:])
}

// irregularPlurals covers the nouns of the vocabulary that do not take -s.
var irregularPlurals = map[string]string{
	"man": "men", "woman": "women", "child": "children", "person": "people",
	"foot": "feet", "tooth": "teeth", "mouse": "mice", "goose": "geese",
	"wolf": "wolves", "leaf": "leaves", "scarf": "scarves", "knife": "knives",
	"shelf": "shelves", "calf": "calves", "thief": "thieves", "elf": "elves",
	"fisherman": "fishermen", "policeman": "policemen", "businessman": "businessmen",
	"businesswoman": "businesswomen", "fireman": "firemen", "craftsman": "craftsmen",
	"sheep": "sheep", "deer": "deer", "fish": "fish", "aircraft": "aircraft",
}

// plural returns the plural of a lowercase English noun.
func plural(w string) string {
	if p, ok := irregularPlurals[w]; ok {
		return p
	}
	n := len(w)
	switch {
	case n == 0:
		return w
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") ||
		strings.HasSuffix(w, "z") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

// verbForms returns the base, -s, -ing and -ed forms of a lowercase verb.
// A hyphenated verb ("whip-pan") inflects its last part. Doubling a final
// consonant is guessed from the spelling, and both spellings are kept when
// the guess is unsure; an unused wrong spelling costs nothing.
func verbForms(v string) map[string]verbForm {
	pre, w := "", v
	if i := strings.LastIndexByte(v, '-'); i >= 0 {
		pre, w = v[:i+1], v[i+1:]
	}
	f := map[string]verbForm{pre + w: formBase}
	add := func(s string, form verbForm) { f[pre+s] |= form }
	add(thirdPerson(w), formS)
	stem := w
	switch {
	case strings.HasSuffix(w, "ie"):
		stem = w[:len(w)-2] + "y"
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") && len(w) > 2:
		stem = w[:len(w)-1]
	}
	add(stem+"ing", formIng)
	add(pastForm(w), formEd)
	if doubles(w) {
		d := w + w[len(w)-1:]
		add(d+"ing", formIng)
		add(d+"ed", formEd)
	}
	return f
}

// thirdPerson returns the -s form of w.
func thirdPerson(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "o"):
		return w + "es"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

// pastForm returns the regular -ed form of w.
func pastForm(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ied"
	}
	return w + "ed"
}

// doubles reports whether w probably doubles its last consonant before
// -ing: one vowel group ending consonant-vowel-consonant, as in "pan".
func doubles(w string) bool {
	n := len(w)
	if n < 3 || strings.ContainsRune("wxy", rune(w[n-1])) {
		return false
	}
	if isVowel(w[n-1]) || !isVowel(w[n-2]) || isVowel(w[n-3]) {
		return false
	}
	groups := 0
	for i := 0; i < n; i++ {
		if isVowel(w[i]) && (i == 0 || !isVowel(w[i-1])) {
			groups++
		}
	}
	return groups == 1
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
