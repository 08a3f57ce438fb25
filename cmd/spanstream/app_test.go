package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rs/zerolog"

	"github.com/spanstream/spanstream/internal/redistest"
)

func TestHealthzReportsRedis(t *testing.T) {
	s := redistest.StartSilent(t)
	env := map[string]string{"REDIS_URL": "redis://" + s.Addr()}
	cfg, err := parseConfig(nil, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	a, err := newApp(cfg, zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	defer a.Shutdown(context.Background())

	health := func() map[string]any {
		rec := httptest.NewRecorder()
		a.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
		var h map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &h); err != nil || rec.Code != 200 {
			t.Fatalf("healthz: %d %q: %v", rec.Code, rec.Body, err)
		}
		return h
	}
	if h := health(); h["redis"] != "ok" || h["status"] != "ok" {
		t.Errorf("before any failure: got %v, want status ok, redis ok", h)
	}
	for range 3 { // the breaker opens after three failures
		a.redis.Get(context.Background(), "k")
	}
	if h := health(); h["redis"] != "unavailable" || h["status"] != "ok" {
		t.Errorf("after failures: got %v, want status ok, redis unavailable", h)
	}
}
