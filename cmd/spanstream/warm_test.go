package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

func TestWarmFillsTheCache(t *testing.T) {
	cfg, err := parseConfig(nil, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	a, err := newApp(cfg, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer a.Shutdown(context.Background())
	prompts := []string{"Wide shot at dusk. The camera pans left.", "Close-up of a dog."}

	var out, errs bytes.Buffer
	if err := warm(context.Background(), a, prompts, 2, &out, &errs); err != nil {
		t.Fatal(err)
	}
	if err := warm(context.Background(), a, prompts, 2, &out, &errs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || strings.Contains(lines[0], ": 0 segments labeled") {
		t.Fatalf("first warm reported %q, want segments labeled", lines)
	}
	if !strings.Contains(lines[1], ": 0 segments labeled") {
		t.Errorf("second warm reported %q, want every segment already cached", lines[1])
	}
}
