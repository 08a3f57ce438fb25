package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"go.uber.org/goleak"
)

// tabTimeout bounds everything one subtest does in its tab.
const tabTimeout = 30 * time.Second

// TestBrowser drives the demo page in headless Chromium against the whole
// server. One browser serves every subtest; each subtest has its own
// server and tab.
func TestBrowser(t *testing.T) {
	execPath := requireBrowser(t)
	// Registered first, so it runs last: after the browser and every
	// server are gone, nothing this test started may still run. Goroutines
	// that ran before it are not this test's.
	before := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, before) })
	browser := startBrowser(t, execPath)

	t.Run("typed corpus prompt is highlighted", func(t *testing.T) {
		testTypedPrompt(t, browser)
	})
	t.Run("edit in the middle keeps the rest", func(t *testing.T) {
		testEditInMiddle(t, browser)
	})
	t.Run("overlapping spans are both visible", func(t *testing.T) {
		testOverlap(t, browser)
	})
	t.Run("emoji before a span", func(t *testing.T) {
		testEmoji(t, browser)
	})
	t.Run("markup in the prompt stays text", func(t *testing.T) {
		testMarkupIsText(t, browser)
	})
	t.Run("reconnect after server restart", func(t *testing.T) {
		testReconnect(t, browser)
	})
	t.Run("phone width", func(t *testing.T) {
		testPhoneWidth(t, browser)
	})
	t.Run("screenshot", func(t *testing.T) {
		testScreenshot(t, browser)
	})
}

// firstCorpusPrompt returns the text of the first prompt of the shared
// corpus, skipping the test when the corpus is absent.
func firstCorpusPrompt(t *testing.T) string {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "corpus", "prompts.jsonl")
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("corpus %s is absent; it lives outside the repository", path)
	}
	if err != nil {
		t.Fatalf("open corpus: %v", err)
	}
	defer f.Close()

	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() {
		t.Fatalf("corpus %s: no first line: %v", path, sc.Err())
	}
	var p struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(sc.Bytes(), &p); err != nil || p.Text == "" {
		t.Fatalf("corpus %s: first line has no text (err %v)", path, err)
	}
	return p.Text
}

// testTypedPrompt types a real prompt key by key and checks every
// highlight against the text.
func testTypedPrompt(t *testing.T, browser context.Context) {
	text := firstCorpusPrompt(t)
	srv := startServer(t, "127.0.0.1:0")
	tb := openTab(t, browser, srv.url(), tabTimeout)

	tb.do("type the prompt", chromedp.SendKeys(chromedp.ID("prompt"), text))
	tb.settle(text)

	marks := tb.marks()
	checkMarksMatchText(t, marks)
	parents := map[string]bool{}
	for _, m := range marks {
		parents[m.parent()] = true
	}
	if len(parents) < 3 {
		t.Errorf("got highlights of parents %v, want at least 3 parents", parents)
	}
	count := evaluate[string](tb, `document.getElementById('all-count').textContent`)
	if want := strconv.Itoa(len(marks)); count != want {
		t.Errorf("label count shown: got %s, want %s (one per mark)", count, want)
	}
	tb.checkMirror()
	tb.noPageErrors()
}

// editScript replaces [start, end) of the prompt as typing over a
// selection does and returns the marks drawn right after, before any
// answer from the server can have arrived (the page's event loop is busy
// with this script). It also starts recording the marks of every later
// render, to show that nothing outside the edit blinks.
const editScript = `((start, end, text) => {
	const read = %s;
	window.__renders = [];
	new MutationObserver(() => window.__renders.push(read()))
		.observe(document.getElementById('layers'), { childList: true, subtree: true });
	const ta = document.getElementById('prompt');
	ta.focus();
	ta.setSelectionRange(start, end);
	document.execCommand('insertText', false, text);
	return read();
})(%d, %d, %s)`

// testEditInMiddle replaces a labeled word in the middle of a labeled
// prompt and checks that the highlights around it stay while the edited
// part is relabeled.
func testEditInMiddle(t *testing.T, browser context.Context) {
	const (
		before = "Wide shot of a fisherman mending nets on a wooden pier at dusk, " +
			"warm tungsten light from a lantern, slow dolly in, shot on 35mm film, 24fps"
		old, repl = "dusk", "golden hour"
	)
	srv := startServer(t, "127.0.0.1:0")
	tb := openTab(t, browser, srv.url(), tabTimeout)
	tb.setText(before)
	tb.settle(before)
	initial := tb.marks()
	checkMarksMatchText(t, initial)

	// Offsets are UTF-16; the text is ASCII, so byte indexes equal them.
	start := strings.Index(before, old)
	end := start + len(old)
	kept, touched := splitAround(initial, start, end, len(repl)-len(old))
	if len(touched) == 0 || len(kept) == len(touched) {
		t.Fatalf("test prompt: got %d marks on %q and %d elsewhere, want some of each",
			len(touched), old, len(kept))
	}

	after := strings.Replace(before, old, repl, 1)
	js := fmt.Sprintf(editScript, marksJS, start, end, jsString(repl))
	immediate := evaluate[[]mark](tb, js)
	checkMarksMatchText(t, immediate)
	checkSameKeys(t, "right after the edit", immediate, kept)

	tb.settle(after)
	final := tb.marks()
	checkMarksMatchText(t, final)
	checkContainsKeys(t, "after relabeling", final, kept)
	if !hasMark(final, start, start+len(repl), "lighting") {
		t.Errorf("after relabeling: no lighting mark on %q at [%d,%d); got %v",
			repl, start, start+len(repl), final)
	}
	for i, r := range evaluate[[][]mark](tb, `window.__renders`) {
		checkContainsKeys(t, fmt.Sprintf("render %d while relabeling", i+1), r, kept)
	}
	tb.checkMirror()
	tb.noPageErrors()
}

// splitAround sorts marks around an edit of [start, end) that changes the
// length by delta: the marks the edit does not touch, those after it moved
// to where their text goes, and the marks it touches.
func splitAround(marks []mark, start, end, delta int) (kept, touched []mark) {
	for _, m := range marks {
		switch {
		case m.End <= start:
			kept = append(kept, m)
		case m.Start >= end:
			m.Start, m.End = m.Start+delta, m.End+delta
			kept = append(kept, m)
		default:
			touched = append(touched, m)
		}
	}
	return kept, touched
}

// emojiGeometryJS measures where the first line of the textarea's text
// would put the prefix before offset start, with the textarea's own font,
// and where the mark for it is drawn.
const emojiGeometryJS = `((start) => {
	const ta = document.getElementById('prompt');
	const cs = getComputedStyle(ta);
	const ctx = document.createElement('canvas').getContext('2d');
	ctx.font = cs.font;
	const box = ta.getBoundingClientRect();
	const m = [...document.querySelectorAll('#layers mark')]
		.find((e) => Number(e.dataset.start) === start);
	const r = m.getBoundingClientRect();
	return {
		want: box.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) +
			ctx.measureText(ta.value.slice(0, start)).width,
		got: r.left,
		lineTop: box.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop),
		top: r.top,
		lineHeight: parseFloat(cs.lineHeight),
	};
})(%d)`

// testEmoji types a prompt that starts with emoji (two UTF-16 units each)
// and checks the first span is highlighted exactly, where the text is.
func testEmoji(t *testing.T, browser context.Context) {
	const text = "🛹🎬 Wide shot of a skateboarder in a yellow raincoat at night, slow dolly in"
	srv := startServer(t, "127.0.0.1:0")
	tb := openTab(t, browser, srv.url(), tabTimeout)
	tb.do("type the prompt", chromedp.SendKeys(chromedp.ID("prompt"), text))
	tb.settle(text)

	marks := tb.marks()
	checkMarksMatchText(t, marks)
	start := utf16Len(text[:strings.Index(text, "Wide shot")])
	var first mark
	for _, m := range marks {
		if m.Start == start {
			first = m
		}
	}
	if first.Text != "Wide shot" {
		t.Fatalf("no mark of %q at UTF-16 offset %d; got %v", "Wide shot", start, marks)
	}

	g := evaluate[struct {
		Want       float64 `json:"want"`
		Got        float64 `json:"got"`
		LineTop    float64 `json:"lineTop"`
		Top        float64 `json:"top"`
		LineHeight float64 `json:"lineHeight"`
	}](tb, fmt.Sprintf(emojiGeometryJS, start))
	if d := g.Got - g.Want; d < -1 || d > 1 {
		t.Errorf("mark after the emoji starts at x=%.1f, want x=%.1f (where the text is)",
			g.Got, g.Want)
	}
	if g.Top < g.LineTop-g.LineHeight/2 || g.Top > g.LineTop+g.LineHeight/2 {
		t.Errorf("mark after the emoji at y=%.1f, want on the first line at y=%.1f",
			g.Top, g.LineTop)
	}
	tb.checkMirror()
	tb.noPageErrors()
}
