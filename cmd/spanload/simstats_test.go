package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestFetchStatsAndDelta(t *testing.T) {
	answers := []string{
		`{"requests":3,"by_fault":{},"open":0,"prompt_tokens":100,"completion_tokens":40}`,
		`{"requests":10,"by_fault":{},"open":1,"prompt_tokens":350,"completion_tokens":90}`,
	}
	calls := 0
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/stats" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(answers[min(calls, len(answers)-1)]))
		calls++
	}))
	defer hs.Close()
	c := testClient(t)

	before, err := fetchStats(context.Background(), c, hs.URL+"/stats")
	if err != nil {
		t.Fatal(err)
	}
	after, err := fetchStats(context.Background(), c, hs.URL+"/stats")
	if err != nil {
		t.Fatal(err)
	}
	d := after.since(before)
	if d.Requests != 7 || d.PromptTokens == nil || *d.PromptTokens != 250 ||
		d.CompletionTokens == nil || *d.CompletionTokens != 50 {
		t.Errorf("got %+v, want 7 requests, 250 prompt and 50 completion tokens", d)
	}
	if _, err := fetchStats(context.Background(), c, hs.URL+"/nope"); err == nil {
		t.Errorf("got no error for a 404, want one")
	}
}

func TestDeltaWithoutTokens(t *testing.T) {
	d := simStats{Requests: 5}.since(simStats{Requests: 2})
	if d.Requests != 3 || d.PromptTokens != nil || d.CompletionTokens != nil {
		t.Errorf("got %+v, want 3 requests and no token counts", d)
	}
	if got := optional(d.PromptTokens); got != "not reported by the simulator" {
		t.Errorf("got %q, want the not-reported note", got)
	}
}
