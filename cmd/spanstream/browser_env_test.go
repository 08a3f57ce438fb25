package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/rs/zerolog"
)

// browserNames are the executables tried, in order, for the browser tests.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome"}

// requireBrowser returns the path of a Chromium-family browser. Without one
// the test is skipped, except in CI (CI=true), where .ci/run installs
// Debian's chromium and a missing browser is a broken setup.
func requireBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("browser tests need one of %v on PATH "+
		"(Debian: apt-get install chromium)", browserNames)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// startBrowser launches one headless browser for the whole test and returns
// its chromedp context; tabs are opened from it with openPage. The browser
// is closed, and its process waited for, when t ends.
func startBrowser(t *testing.T, execPath string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless,
		// Real scrollbars, as users have: the textarea and the highlight
		// layers must reserve the same gutter.
		chromedp.Flag("hide-scrollbars", false),
		// Tests run as root in containers, where the sandbox cannot start.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// The page's reconnect backoff runs on timers; a tab that Chrome
		// considers hidden must not have them slowed down.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.WindowSize(1100, 900),
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	// allocCancel waits for the browser process to exit.
	t.Cleanup(func() {
		cancel()
		allocCancel()
	})

	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", execPath, err)
	}
	return ctx
}

// testServer is the whole app (built-in labeler, in-memory cache) served
// on a loopback listener, as main's serve does.
type testServer struct {
	addr   string
	app    *app
	srv    *http.Server
	served chan error

	stopOnce sync.Once
	stopErr  error
}

// startServer serves a new app on addr ("127.0.0.1:0" for any free port)
// and stops it when t ends.
func startServer(t *testing.T, addr string) *testServer {
	t.Helper()
	cfg, err := parseConfig(nil, func(string) string { return "" })
	if err != nil {
		t.Fatalf("parseConfig: %v", err)
	}
	log := zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)
	a, err := newApp(cfg, log)
	if err != nil {
		t.Fatalf("newApp: %v", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		a.Shutdown(context.Background())
		t.Fatalf("listen on %s: %v", addr, err)
	}

	s := &testServer{
		addr:   ln.Addr().String(),
		app:    a,
		srv:    &http.Server{Handler: a.Handler(), ReadHeaderTimeout: 10 * time.Second},
		served: make(chan error, 1),
	}
	go func() { s.served <- s.srv.Serve(ln) }()
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Errorf("stop server: %v", err)
		}
	})
	return s
}

// url is the address of the demo page.
func (s *testServer) url() string { return "http://" + s.addr + "/" }

// stop shuts the server down in main's order: stop accepting, close the
// sessions with 1001, then wait for Serve to return. Later calls return
// the first call's error.
//
// It closes the HTTP server rather than shutting it down gracefully:
// Shutdown waits up to 5 s for connections that never sent a request,
// and Chromium opens such connections ahead of need.
func (s *testServer) stop() error {
	s.stopOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err := errors.Join(s.srv.Close(), s.app.Shutdown(ctx))
		if serveErr := <-s.served; !errors.Is(serveErr, http.ErrServerClosed) {
			err = errors.Join(err, serveErr)
		}
		s.stopErr = err
	})
	return s.stopErr
}
