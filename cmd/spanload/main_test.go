package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestRunRefusesBadCommandLines(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"no mode", nil, 2, "usage: spanload hits|typing"},
		{"unknown mode", []string{"flood"}, 2, "usage: spanload hits|typing"},
		{"remote target", []string{"hits", "-url", "ws://10.0.0.1:8080/ws"}, 1, "not a loopback"},
		{"remote name", []string{"typing", "-url", "ws://example.com/ws"}, 1, "not a loopback"},
		{"remote stats", []string{"typing", "-llmsim-stats", "http://192.168.1.2:8090/stats",
			"-prompts", "testdata/prompts.jsonl"}, 1, "not a loopback"},
		{"too many sessions", []string{"hits", "-sessions", "20001",
			"-prompts", "testdata/prompts.jsonl"}, 1, "-sessions 20001"},
		{"no timeout", []string{"hits", "-timeout", "0s"}, 1, "-timeout"},
		{"stray argument", []string{"hits", "now"}, 2, "unexpected arguments"},
		{"help", []string{"hits", "-h"}, 0, "cache-hit latency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("got exit %d, stderr %q; want exit %d, stderr containing %q",
					code, stderr.String(), tt.code, tt.want)
			}
			if stdout.Len() != 0 {
				t.Errorf("got stdout %q, want nothing", stdout.String())
			}
		})
	}
}
