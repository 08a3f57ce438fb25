package stream

import (
	"maps"
	"slices"
	"testing"
)

func TestPlural(t *testing.T) {
	cases := map[string]string{
		"shot": "shots", "dolly": "dollies", "bench": "benches", "bus": "buses",
		"day": "days", "man": "men", "wolf": "wolves", "fox": "foxes",
	}
	for in, want := range cases {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerbForms(t *testing.T) {
	cases := []struct {
		verb string
		want map[string]verbForm
	}{
		{"pan", map[string]verbForm{"pans": formS, "panning": formIng, "panned": formEd}},
		{"dolly", map[string]verbForm{"dollies": formS, "dollying": formIng, "dollied": formEd}},
		{"track", map[string]verbForm{"tracks": formS, "tracking": formIng, "tracked": formEd}},
		{"crane", map[string]verbForm{"cranes": formS, "craning": formIng, "craned": formEd}},
		{"push", map[string]verbForm{"pushes": formS, "pushing": formIng}},
		{"lie", map[string]verbForm{"lies": formS, "lying": formIng}},
		{"whip-pan", map[string]verbForm{"whip-pans": formS, "whip-panning": formIng}},
	}
	for _, c := range cases {
		got := verbForms(c.verb)
		if got[c.verb] != formBase {
			t.Errorf("verbForms(%q) lacks the base form: %v", c.verb, got)
		}
		for f, form := range c.want {
			if got[f]&form == 0 {
				t.Errorf("verbForms(%q) = %v, want %q as form %d",
					c.verb, slices.Sorted(maps.Keys(got)), f, form)
			}
		}
	}
}

func TestTermVariants(t *testing.T) {
	got := termVariants("close-up", formsNoun)
	for _, w := range []string{"close-up", "closeup", "close-ups", "closeups"} {
		if !slices.Contains(got, w) {
			t.Errorf("termVariants(close-up) = %v, want it to hold %q", got, w)
		}
	}
}

// TestVocabulary checks the vocabulary as data: valid roles, sane
// confidences, every parent covered (actions by their verb lists) and
// several hundred terms in all.
func TestVocabulary(t *testing.T) {
	perParent := map[string]int{}
	total := 0
	for _, g := range vocabGroups {
		if !ValidRole(g.role) {
			t.Errorf("group role %q is not a valid role", g.role)
		}
		if g.single <= 0 || g.single > 1 || g.multi <= 0 || g.multi > 1 {
			t.Errorf("group %s: confidences %v/%v outside (0, 1]", g.role, g.single, g.multi)
		}
		n := len(splitTerms(g.terms))
		perParent[Parent(g.role)] += n
		total += n
	}
	for _, vl := range verbLists {
		if vl.role != "" {
			perParent[Parent(vl.role)] += len(splitTerms(vl.verbs))
		}
	}
	for _, r := range Roles {
		if !IsAttribute(r) && perParent[r] == 0 {
			t.Errorf("parent %s has no vocabulary", r)
		}
	}
	if total < 500 {
		t.Errorf("got %d vocabulary terms, want several hundred", total)
	}
}

// TestLexiconTerms looks a few spellings up in the compiled trie.
func TestLexiconTerms(t *testing.T) {
	lex := theLexicon()
	cases := []struct {
		words []string
		role  string
	}{
		{[]string{"close", "up"}, "shot.type"},
		{[]string{"closeup"}, "shot.type"},
		{[]string{"dollies"}, "camera.movement"},
		{[]string{"golden", "hour"}, "lighting.timeOfDay"},
		{[]string{"neon", "signs"}, "lighting.source"},
		{[]string{"bird", "eye", "view"}, "camera.angle"},
	}
	for _, c := range cases {
		e := lex.lookup(c.words[0])
		if e == nil || e.trie == nil {
			t.Errorf("%v: no trie entry for %q", c.words, c.words[0])
			continue
		}
		n := e.trie
		for _, w := range c.words[1:] {
			if n = n.next[w]; n == nil {
				break
			}
		}
		if n == nil || n.term == nil || n.term.role != c.role {
			t.Errorf("%v: got node %+v, want a %s term", c.words, n, c.role)
		}
	}
}
