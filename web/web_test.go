package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// get serves one request through Handler and returns the response.
func get(t *testing.T, method, target string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return string(b)
}

func embedded(t *testing.T, name string) string {
	t.Helper()
	b, err := files.ReadFile(name)
	if err != nil {
		t.Fatalf("read embedded %s: %v", name, err)
	}
	return string(b)
}

func TestHandlerServesFiles(t *testing.T) {
	tests := []struct {
		path, file, contentType string
	}{
		{"/", "index.html", "text/html; charset=utf-8"},
		{"/index.html", "index.html", "text/html; charset=utf-8"},
		{"/spanstream.js", "spanstream.js", "text/javascript; charset=utf-8"},
		{"/app.js", "app.js", "text/javascript; charset=utf-8"},
		{"/style.css", "style.css", "text/css; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := get(t, http.MethodGet, tt.path, nil)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("got status %d, want 200", res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("got Content-Type %q, want %q", got, tt.contentType)
			}
			if got := res.Header.Get("Cache-Control"); got != "no-cache" {
				t.Errorf("got Cache-Control %q, want no-cache", got)
			}
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("got X-Content-Type-Options %q, want nosniff", got)
			}
			if got, want := body(t, res), embedded(t, tt.file); got != want {
				t.Errorf("got a body of %d bytes, want the %d bytes of %s",
					len(got), len(want), tt.file)
			}
		})
	}
}

func TestHandlerRevalidates(t *testing.T) {
	first := get(t, http.MethodGet, "/app.js", nil)
	etag := first.Header.Get("ETag")
	if !regexp.MustCompile(`^"[0-9a-f]+"$`).MatchString(etag) {
		t.Fatalf("got ETag %q, want a strong quoted hex tag", etag)
	}
	other := get(t, http.MethodGet, "/style.css", nil).Header.Get("ETag")
	if other == etag {
		t.Errorf("got the same ETag %s for app.js and style.css", etag)
	}

	res := get(t, http.MethodGet, "/app.js", http.Header{"If-None-Match": {etag}})
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("got status %d for a matching If-None-Match, want 304", res.StatusCode)
	}
	res = get(t, http.MethodGet, "/app.js", http.Header{"If-None-Match": {`"stale"`}})
	if res.StatusCode != http.StatusOK {
		t.Errorf("got status %d for a stale If-None-Match, want 200", res.StatusCode)
	}
}

func TestHandlerRejects(t *testing.T) {
	tests := []struct {
		name, method, path string
		want               int
	}{
		{"unknown file", http.MethodGet, "/nope.js", http.StatusNotFound},
		{"directory traversal", http.MethodGet, "/../web.go", http.StatusNotFound},
		{"go source", http.MethodGet, "/web.go", http.StatusNotFound},
		{"test data", http.MethodGet, "/testdata/client_test.mjs", http.StatusNotFound},
		{"post", http.MethodPost, "/", http.StatusMethodNotAllowed},
		{"head", http.MethodHead, "/", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, tt.method, tt.path, nil)
			if res.StatusCode != tt.want {
				t.Errorf("%s %s: got status %d, want %d",
					tt.method, tt.path, res.StatusCode, tt.want)
			}
			if tt.method == http.MethodHead && body(t, res) != "" {
				t.Errorf("HEAD: got a body, want none")
			}
		})
	}
}

func TestPageUsesOnlyLocalAssets(t *testing.T) {
	remote := regexp.MustCompile(`(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)
	for _, name := range []string{"index.html", "app.js", "spanstream.js", "style.css"} {
		if loc := remote.FindString(embedded(t, name)); loc != "" {
			t.Errorf("%s: got a remote reference %q, want none", name, loc)
		}
	}

	page := embedded(t, "index.html")
	refs := regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(refs) < 2 {
		t.Fatalf("got %d src/href references in index.html, want the script and the stylesheet",
			len(refs))
	}
	for _, m := range refs {
		ref := m[1]
		if strings.HasPrefix(ref, "data:") {
			continue
		}
		if strings.Contains(ref, ":") || strings.HasPrefix(ref, "//") {
			t.Errorf("index.html: got reference %q, want a local path", ref)
			continue
		}
		res := get(t, http.MethodGet, "/"+strings.TrimPrefix(ref, "./"), nil)
		if res.StatusCode != http.StatusOK {
			t.Errorf("index.html: got status %d for its reference %q, want 200",
				res.StatusCode, ref)
		}
	}
	if !strings.Contains(page, `<script type="module" src="app.js">`) {
		t.Errorf("index.html: want app.js loaded as a module")
	}
}

func TestPageSetsContentSecurityPolicy(t *testing.T) {
	got := get(t, http.MethodGet, "/", nil).Header.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "connect-src 'self'", "default-src 'self'"} {
		if !strings.Contains(got, want) {
			t.Errorf("got Content-Security-Policy %q, want it to contain %q", got, want)
		}
	}
	if strings.Contains(got, "unsafe-inline") || strings.Contains(got, "unsafe-eval") {
		t.Errorf("got Content-Security-Policy %q, want no unsafe-* source", got)
	}
}

// TestPageUsesNoHTMLSinks guards the rule that document and label text reach
// the page only as text: the scripts never use an HTML-parsing sink.
func TestPageUsesNoHTMLSinks(t *testing.T) {
	sink := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|` +
		`createContextualFragment|setHTML|\beval\(|new Function`)
	for _, name := range []string{"app.js", "spanstream.js"} {
		if loc := sink.FindString(embedded(t, name)); loc != "" {
			t.Errorf("%s: got %q, want no HTML sink", name, loc)
		}
	}
}

func node(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; skipping the JavaScript tests")
	}
	return path
}

// TestClientModule runs web/testdata/client_test.mjs: the edit diff, version
// dropping, highlight shifting and reconnects, against a fake WebSocket.
func TestClientModule(t *testing.T) {
	cmd := exec.CommandContext(t.Context(), node(t), "--test", "testdata/client_test.mjs")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
}

// TestScriptsParse checks that every script is valid JavaScript, including
// app.js, which needs a browser to run.
func TestScriptsParse(t *testing.T) {
	bin := node(t)
	for _, name := range []string{"app.js", "spanstream.js"} {
		cmd := exec.CommandContext(t.Context(), bin, "--check", "--input-type=module")
		cmd.Stdin = strings.NewReader(embedded(t, name))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s does not parse: %v\n%s", name, err, out)
		}
	}
}
