// Package web serves the spanstream demo page and the JavaScript client
// module that editors import. The files are embedded in the binary, so the
// page needs no build step and loads nothing from another host; the client
// is described in docs/CLIENT.md.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed index.html spanstream.js app.js style.css
var files embed.FS

// contentTypes names the type of each embedded file by extension; spelled out
// here rather than taken from the system's MIME table, which varies.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
}

// csp keeps the page to its own origin: its scripts, its styles and the
// WebSocket at /ws. Styles set from scripts through the CSSOM stay allowed.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
	"frame-ancestors 'none'"

// asset is one embedded file, ready to serve.
type asset struct {
	name        string
	body        []byte
	contentType string
	etag        string
}

type handler struct {
	assets map[string]asset
}

// Handler returns a handler that serves the demo page at "/" and
// "/index.html" and its files by name ("/app.js", "/spanstream.js",
// "/style.css"); other paths get 404 and methods other than GET and HEAD
// get 405. Mount it at the root, or under a prefix with http.StripPrefix.
// Responses carry a strong ETag and Cache-Control: no-cache, so browsers
// revalidate and pick up a new binary's files at once. The handler is safe
// for concurrent use.
func Handler() http.Handler { return &handler{assets: assets} }

var assets = load()

func load() map[string]asset {
	entries, err := files.ReadDir(".")
	if err != nil {
		panic("web: read embedded files: " + err.Error())
	}
	m := make(map[string]asset, len(entries))
	for _, e := range entries {
		body, err := files.ReadFile(e.Name())
		if err != nil {
			panic("web: read embedded file: " + err.Error())
		}
		sum := sha256.Sum256(body)
		m[e.Name()] = asset{
			name:        e.Name(),
			body:        body,
			contentType: contentTypes[path.Ext(e.Name())],
			etag:        `"` + hex.EncodeToString(sum[:12]) + `"`,
		}
	}
	return m
}

// ServeHTTP implements http.Handler.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}

	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	a, ok := h.assets[name]
	if !ok {
		http.NotFound(w, r)
		return
	}

	hdr := w.Header()
	hdr.Set("Content-Type", a.contentType)
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("ETag", a.etag)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Content-Security-Policy", csp)
	hdr.Set("Referrer-Policy", "no-referrer")
	// ServeContent answers If-None-Match with 304 and HEAD without a body.
	http.ServeContent(w, r, a.name, time.Time{}, bytes.NewReader(a.body))
}
