package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// testMarkupIsText puts HTML in the prompt and checks that the page shows
// it as text everywhere it repeats document or label text, and runs none.
func testMarkupIsText(t *testing.T, browser context.Context) {
	const (
		img    = `<img src=x onerror="window.__pwned=1">`
		script = `<script>window.__pwned=2</script>`
		text   = "Wide shot of " + img + " a lighthouse at dusk " + script +
			", slow dolly in, 24fps"
	)
	srv := startServer(t, "127.0.0.1:0")
	tb := openTab(t, browser, srv.url(), tabTimeout)
	tb.setText(text)
	tb.settle(text)
	tb.showSpanLists(strings.Index(text, "lighthouse") + 2)
	checkMarksMatchText(t, tb.marks())

	got := evaluate[markupReport](tb, markupReportJS)
	if got.Pwned != "undefined" {
		t.Errorf("window.__pwned: got type %s, want undefined", got.Pwned)
	}
	if got.Elements != 0 {
		t.Errorf("embedded elements in the page: got %d, want 0", got.Elements)
	}
	if got.Scripts != 1 {
		t.Errorf("script elements in the page: got %d, want 1 (app.js)", got.Scripts)
	}
	for _, s := range []string{img, script} {
		if !strings.Contains(got.Layer, s) {
			t.Errorf("highlight layer text: got %q, want it to contain %q", got.Layer, s)
		}
	}
	if strings.Contains(got.HTML, "<img") || strings.Contains(got.HTML, "<script") {
		t.Errorf("highlight layer markup: got %q, want no img or script tags", got.HTML)
	}
	tb.noPageErrors()
}

// showSpanLists makes the page draw every list that repeats span text:
// all labels, and the labels at the caret, put at offset caret.
func (tb *tab) showSpanLists(caret int) {
	tb.t.Helper()
	tb.do("open all labels", chromedp.Click(chromedp.CSS("#all summary")))
	evaluate[bool](tb, fmt.Sprintf(`(() => {
		const ta = document.getElementById('prompt');
		ta.focus();
		ta.setSelectionRange(%d, %d);
		return true;
	})()`, caret, caret))
	tb.waitFor("labels at the caret", `document.querySelectorAll('#caret-list li').length > 0`)
}

// markupReport is what markupReportJS finds in the page.
type markupReport struct {
	Pwned    string `json:"pwned"`    // typeof window.__pwned
	Elements int    `json:"elements"` // elements that load or embed content
	Scripts  int    `json:"scripts"`  // script elements
	Layer    string `json:"layer"`    // text of the first highlight layer
	HTML     string `json:"html"`     // markup of the highlight layers
}

const markupReportJS = `({
	pwned: typeof window.__pwned,
	elements: document.querySelectorAll('img, iframe, object, embed, svg').length,
	scripts: document.querySelectorAll('script').length,
	layer: document.querySelector('#layers .layer').textContent,
	html: document.getElementById('layers').innerHTML,
})`

// statusLogJS records every value body's data-status takes from now on,
// so that a brief state is not missed between two checks.
const statusLogJS = `(() => {
	window.__statuses = [];
	new MutationObserver(() => window.__statuses.push(document.body.dataset.status))
		.observe(document.body, { attributes: true, attributeFilter: ['data-status'] });
	window.__sameDocument = true;
	return Number(document.getElementById('layers').dataset.version);
})()`

// testReconnect stops the server under a labeled page, checks the page
// says so, starts a new server on the same address and checks the page
// relabels by itself, without a reload.
func testReconnect(t *testing.T, browser context.Context) {
	const text = "Aerial shot of a red kite over a misty valley at sunrise, slow pan left, 4K"
	srv := startServer(t, "127.0.0.1:0")
	tb := openTab(t, browser, srv.url(), tabTimeout)
	tb.setText(text)
	tb.settle(text)
	if len(tb.marks()) == 0 {
		t.Fatalf("no marks before the restart\n%s", tb.state())
	}
	version := evaluate[int](tb, statusLogJS)

	if err := srv.stop(); err != nil {
		t.Fatalf("stop server: %v", err)
	}
	tb.waitFor("the lost-connection banner", `!document.getElementById('banner').hidden`)
	statuses := evaluate[[]string](tb, `window.__statuses`)
	if len(statuses) == 0 || (statuses[0] != "offline" && statuses[0] != "connecting") {
		t.Errorf("statuses after the server stopped: got %q, want offline or connecting first",
			statuses)
	}
	if n := len(tb.marks()); n == 0 {
		t.Errorf("marks while offline: got none, want the last labels kept")
	}

	startServer(t, srv.addr)
	tb.waitFor("relabeling on the new server", `document.body.dataset.status === 'idle' &&
		Number(document.getElementById('layers').dataset.version) > `+strconv.Itoa(version)+` &&
		document.querySelectorAll('#layers mark').length > 0`)
	if !evaluate[bool](tb, `window.__sameDocument === true`) {
		t.Errorf("the page reloaded; want it to reconnect in place")
	}
	if !evaluate[bool](tb, `document.getElementById('banner').hidden`) {
		t.Errorf("banner still shown after reconnecting")
	}
	checkMarksMatchText(t, tb.marks())
	tb.noPageErrors()
}
