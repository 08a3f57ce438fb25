// Package prompts reads files of prompts: one prompt a line, or JSON lines
// with a "text" field (the format of ../shared/corpus/prompts.jsonl).
package prompts

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Read reads prompts from r. A line whose first non-blank character is '{'
// must be a JSON object with a "text" field; any other line is a prompt as
// it stands. Blank lines are skipped.
func Read(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if line[0] != '{' {
			out = append(out, line)
			continue
		}
		var p struct {
			Text *string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &p); err != nil || p.Text == nil {
			return nil, fmt.Errorf(
				"prompts: line %d: want a prompt or a JSON object with \"text\"", n)
		}
		out = append(out, *p.Text)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("prompts: %w", err)
	}
	return out, nil
}

// ReadFile reads the prompts of the file at path; see Read.
func ReadFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("prompts: %w", err)
	}
	defer f.Close()
	ps, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ps, nil
}
