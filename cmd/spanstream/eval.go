package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/spanstream/spanstream/internal/eval"
	"github.com/spanstream/spanstream/stream"
)

// runEval implements "spanstream eval [-v] [-min C] DIR...": it labels the
// golden prompts of every DIR with the built-in labeler and prints the
// relaxed F1 tables.
func runEval(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stdout)
	verbose := fs.Bool("v", false, "list each prompt's misses and false positives")
	minConf := fs.Float64("min", 0, "drop predicted spans below this confidence")
	fs.Usage = func() {
		fmt.Fprintln(stdout, "usage: spanstream eval [-v] [-min confidence] DIR...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("eval: no golden directory given")
	}

	prompts, err := eval.Load(fs.Args()...)
	if err != nil {
		return err
	}
	l := minConfidence{stream.NewBuiltin(stream.BuiltinOptions{}), *minConf}
	report, err := eval.Run(context.Background(), l, prompts)
	if err != nil {
		return err
	}
	return report.Write(stdout, *verbose)
}

// minConfidence filters a labeler's spans by confidence.
type minConfidence struct {
	stream.Labeler
	min float64
}

// Label implements stream.Labeler.
func (m minConfidence) Label(ctx context.Context, text string, emit func(stream.Update)) (
	stream.Result, error) {
	res, err := m.Labeler.Label(ctx, text, emit)
	res.Spans = stream.Filter(res.Spans, m.min, 0)
	return res, err
}
