package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const evalFixture = `{"metadata": {}, "prompts": [
 {"id": "p1", "text": "Wide shot of a dancer at dusk.",
  "groundTruth": {"spans": [
   {"text": "Wide shot", "start": 0, "end": 9, "role": "shot.type"},
   {"text": "dancer", "start": 15, "end": 21, "role": "subject.identity"},
   {"text": "at dusk", "start": 22, "end": 29, "role": "environment.context"}]}}]}`

func writeEvalFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "g.json"), []byte(evalFixture), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRunEval(t *testing.T) {
	dir := writeEvalFixture(t)
	cases := []struct {
		name string
		args []string
		has  []string // regular expressions
		not  []string // plain strings
	}{
		{"table", []string{dir},
			[]string{"overall", `shot\.type +1\.000 +1\.000 +1\.000 +1 +0 +0`,
				`subject +1\.000`, `environment +0\.000 +0\.000 +0\.000 +0 +0 +1`},
			[]string{"miss"}},
		{"verbose lists misses and extras", []string{"-v", dir},
			[]string{"== p1", `miss +environment\.context +"at dusk"`,
				`extra +lighting\.timeOfDay +"dusk"`},
			nil},
		{"min confidence drops every span", []string{"-min", "0.99", dir},
			[]string{`all +0\.000 +0\.000 +0\.000 +0 +0 +3`}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := runEval(c.args, &out); err != nil {
				t.Fatalf("runEval(%v): %v", c.args, err)
			}
			for _, re := range c.has {
				if !regexp.MustCompile(re).MatchString(out.String()) {
					t.Errorf("got output\n%s\nwant it to match %q", out.String(), re)
				}
			}
			for _, s := range c.not {
				if strings.Contains(out.String(), s) {
					t.Errorf("got output\n%s\nwant it not to contain %q", out.String(), s)
				}
			}
		})
	}
}

func TestRunEvalErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"-bogus"}, {t.TempDir()}} {
		var out bytes.Buffer
		if err := runEval(args, &out); err == nil {
			t.Errorf("runEval(%v): got no error, want one", args)
		}
	}
}
