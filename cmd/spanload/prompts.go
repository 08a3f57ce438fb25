package main

import (
	"errors"

	"github.com/spanstream/spanstream/internal/prompts"
)

// loadPrompts reads a prompt file (see package prompts), keeping at most
// limit prompts when limit > 0.
func loadPrompts(path string, limit int) ([]string, error) {
	out, err := prompts.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("prompts: " + path + " holds no prompt")
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
