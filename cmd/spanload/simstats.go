package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// simStats is the part of the simulator's GET /stats answer (see
// internal/llmsim) the typing mode reports. Token counts are pointers:
// a simulator that does not report them leaves them nil.
type simStats struct {
	Requests         int64  `json:"requests"`
	PromptTokens     *int64 `json:"prompt_tokens"`
	CompletionTokens *int64 `json:"completion_tokens"`
}

// modelDelta is what the model was asked during a run.
type modelDelta struct {
	Requests         int64  `json:"requests"`
	PromptTokens     *int64 `json:"promptTokens,omitempty"`
	CompletionTokens *int64 `json:"completionTokens,omitempty"`
}

// since returns the counts added after before.
func (s simStats) since(before simStats) *modelDelta {
	return &modelDelta{
		Requests:         s.Requests - before.Requests,
		PromptTokens:     diff(s.PromptTokens, before.PromptTokens),
		CompletionTokens: diff(s.CompletionTokens, before.CompletionTokens),
	}
}

func diff(after, before *int64) *int64 {
	if after == nil || before == nil {
		return nil
	}
	d := *after - *before
	return &d
}

// fetchStats reads the simulator's counters from u, which the caller has
// checked is loopback.
func fetchStats(ctx context.Context, c *http.Client, u string) (simStats, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return simStats{}, fmt.Errorf("llmsim stats: %w", err)
	}
	resp, err := c.Do(req)
	if err != nil {
		return simStats{}, fmt.Errorf("llmsim stats: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return simStats{}, fmt.Errorf("llmsim stats: %s answered %s", u, resp.Status)
	}
	var st simStats
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&st); err != nil {
		return simStats{}, fmt.Errorf("llmsim stats: %w", err)
	}
	return st, nil
}
