package main

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// screenshotEnv names the variable that makes TestBrowser write
// docs/screenshot.png; without it the screenshot is taken and checked but
// the repository is left alone.
const screenshotEnv = "SPANSTREAM_SCREENSHOT"

// loadSample clicks the first sample button, as a visitor would, and
// waits for its labels.
func (tb *tab) loadSample() {
	tb.t.Helper()
	tb.do("click a sample", chromedp.Click(chromedp.CSS("#samples button")))
	tb.waitFor("the sample's labels", `document.body.dataset.status === 'idle' &&
		document.getElementById('prompt').value !== '' &&
		document.querySelectorAll('#layers mark').length > 0`)
	tb.waitStill()
}

// testPhoneWidth checks the page at a phone's width: nothing scrolls
// sideways and the highlights still line up.
func testPhoneWidth(t *testing.T, browser context.Context) {
	srv := startServer(t, "127.0.0.1:0")
	tb := openTab(t, browser, srv.url(), tabTimeout)
	tb.do("emulate a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile,
		chromedp.EmulateScale(2)))
	tb.loadSample()

	got := evaluate[struct {
		ScrollWidth int `json:"scrollWidth"`
		InnerWidth  int `json:"innerWidth"`
	}](tb, `({
		scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })`)
	if got.InnerWidth != 390 {
		t.Fatalf("viewport width: got %d, want 390", got.InnerWidth)
	}
	if got.ScrollWidth > got.InnerWidth {
		t.Errorf("page width at 390px: got scrollWidth %d, want <= %d (no sideways scroll)",
			got.ScrollWidth, got.InnerWidth)
	}
	checkMarksMatchText(t, tb.marks())
	tb.checkMirror()
	tb.noPageErrors()
}

// testScreenshot takes the picture of the page shown in the README: a
// sample prompt, labeled. It writes docs/screenshot.png only when
// SPANSTREAM_SCREENSHOT is set.
func testScreenshot(t *testing.T, browser context.Context) {
	srv := startServer(t, "127.0.0.1:0")
	tb := openTab(t, browser, srv.url(), tabTimeout)
	tb.do("set the viewport", chromedp.EmulateViewport(960, 760))
	// A scrollbar would only take room from the picture.
	if _, err := chromedp.Call(tb.ctx, emulation.SetScrollbarsHidden,
		emulation.SetScrollbarsHiddenParams{Hidden: true}); err != nil {
		t.Fatalf("hide scrollbars: %v", err)
	}
	tb.loadSample()
	// The caret would blink into the picture.
	evaluate[bool](tb, `(document.activeElement.blur(), true)`)
	tb.checkMirror()

	buf, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(buf))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if cfg.Width != 960 {
		t.Errorf("screenshot width: got %d, want 960", cfg.Width)
	}
	if os.Getenv(screenshotEnv) == "" {
		return
	}
	out := filepath.Join("..", "..", "docs", "screenshot.png")
	if err := os.WriteFile(out, buf, 0o644); err != nil {
		t.Fatalf("write screenshot: %v", err)
	}
	t.Logf("wrote %s (%dx%d)", out, cfg.Width, cfg.Height)
}
