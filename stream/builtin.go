package stream

import (
	"context"
	"slices"
)

// builtinVersion changes whenever the rules or the vocabulary change, so
// that cached labelings of an older rule set are not served.
const builtinVersion = "1"

// BuiltinOptions configures the built-in labeler. The zero value is ready;
// there is nothing to configure yet.
type BuiltinOptions struct{}

// Builtin labels text with a curated vocabulary, patterns and phrase rules;
// it needs no network. The vocabulary (some 2,700 terms and 460 verbs) is
// compiled once per process, on first use, in a few milliseconds. A
// Builtin is safe for concurrent use; its zero value works too.
//
// Confidence says how sure the rule that found a span is, so that the
// tiers mean something (high >= 0.8, medium >= 0.6): multi-word terms,
// unambiguous specifications ("24fps", "f/1.8") and "camera + verb" chains
// score 0.8 to 0.95; one-word terms 0.55 to 0.9 by how ambiguous the word
// is ("steadicam" high, "pan" never alone); phrase guesses (actions, an
// unknown garment after "wearing") 0.6 to 0.65.
type Builtin struct {
	lex *lexicon
}

// NewBuiltin returns the built-in labeler.
func NewBuiltin(o BuiltinOptions) *Builtin { return &Builtin{lex: theLexicon()} }

// Identity implements Labeler: Name "builtin" and the rule set version.
func (b *Builtin) Identity() Identity { return Identity{Name: "builtin", Version: builtinVersion} }

// Label implements Labeler. It emits the whole result once, as a single
// Update, since every span is certain as soon as the text is scanned.
func (b *Builtin) Label(ctx context.Context, text string, emit func(Update)) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	spans, err := b.spans(ctx, text)
	if err != nil {
		return Result{}, err
	}

	if emit != nil && len(spans) > 0 {
		emit(Update{Add: slices.Clone(spans)})
	}
	return Result{Spans: spans, Source: "builtin", Complete: true}, nil
}

// labelStages run in order over one text; later stages read the role bits
// earlier ones left on tokens (a chain does not swallow a known subject).
var labelStages = []func(*labelState){
	(*labelState).markHeadings,
	(*labelState).matchPatterns,
	(*labelState).matchVocabulary,
	(*labelState).matchLightPhrases,
	(*labelState).matchWardrobe,
	(*labelState).matchCameraChains,
	(*labelState).matchActions,
}

// spans runs the stages, checking ctx between them, and resolves the
// candidates.
func (b *Builtin) spans(ctx context.Context, text string) ([]Span, error) {
	lex := b.lex
	if lex == nil {
		lex = theLexicon()
	}
	st := newLabelState(lex, text)
	for _, stage := range labelStages {
		stage(st)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return Resolve(st.cands), nil
}
