package main

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pageProbe runs before the page's own scripts in every document the tab
// loads. It records uncaught errors and Content Security Policy
// violations, which the tests then require to be empty: a page that
// tried to run injected markup would trip the policy.
const pageProbe = `
window.__errors = [];
window.__violations = [];
addEventListener('error', (e) => __errors.push(String(e.message || e)));
addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
document.addEventListener('securitypolicyviolation',
  (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));
`

// tab is one browser tab showing the demo page.
type tab struct {
	t   *testing.T
	ctx context.Context
}

// openTab opens a new tab of browser on url, waits until the page is
// connected and idle, and closes the tab when t ends. Every action in the
// tab shares one deadline, timeout from now.
func openTab(t *testing.T, browser context.Context, url string, timeout time.Duration) *tab {
	t.Helper()
	tabCtx, closeTab := chromedp.NewContext(browser)
	t.Cleanup(closeTab)

	// The first call opens the tab, whose event loop then lives as long as
	// the context of that call: the tab's own, not the deadline below, so
	// that the page can still be described after a wait timed out.
	_, err := chromedp.Call(tabCtx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: pageProbe})
	if err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tabCtx, timeout)
	t.Cleanup(cancel)

	tb := &tab{t: t, ctx: ctx}
	tb.do("load the page", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("prompt")))
	tb.waitFor("the page to connect", `document.body.dataset.status === 'idle'`)
	return tb
}

// do runs actions, failing the test with what was being done.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v\n%s", what, err, tb.state())
	}
}

// evaluate evaluates a JavaScript expression in the page and decodes its value.
func evaluate[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.t.Fatalf("evaluate %.80q: %v\n%s", expr, err, tb.state())
	}
	return v
}

// waitFor waits until the expression is truthy in the page. It re-checks
// on a short timer rather than on animation frames, which a tab in the
// background would not get; the tab's deadline bounds the wait.
func (tb *tab) waitFor(what, expr string) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(20*time.Millisecond),
		chromedp.WithPollingTimeout(time.Hour)))
	if err != nil {
		tb.t.Fatalf("waiting for %s: %v\n%s", what, err, tb.state())
	}
}

// state describes the page for failure messages; it uses a fresh context
// because the tab's own may be what ran out.
func (tb *tab) state() string {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(tb.ctx), 2*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({
		status: document.body.dataset.status,
		version: document.getElementById('layers').dataset.version,
		conn: document.getElementById('conn').textContent,
		notice: document.getElementById('notice').textContent,
		marks: document.querySelectorAll('#layers mark').length,
		value: document.getElementById('prompt').value.slice(0, 200),
		errors: window.__errors,
	})`))
	if err != nil {
		return "page state unavailable: " + err.Error()
	}
	return "page state: " + s
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// setText replaces the prompt's text the way a paste does: through the
// editing commands, which fire "input" like typing.
func (tb *tab) setText(text string) {
	tb.t.Helper()
	ok := evaluate[bool](tb, `(() => {
		const ta = document.getElementById('prompt');
		ta.focus();
		ta.select();
		document.execCommand('insertText', false, `+jsString(text)+`);
		return ta.value === `+jsString(text)+`;
	})()`)
	if !ok {
		tb.t.Fatalf("insertText did not set the prompt\n%s", tb.state())
	}
}

// settle waits until the prompt holds text and its labels are done.
// Status idle comes only with "done" for the latest version sent (see
// docs/CLIENT.md), so no older answer can still be pending.
func (tb *tab) settle(text string) {
	tb.t.Helper()
	tb.waitFor("labels of the current text", `document.body.dataset.status === 'idle' &&
		document.getElementById('prompt').value === `+jsString(text))
}

// waitStill waits until no highlight is fading in any more, so that
// paint checks and screenshots see final colours.
func (tb *tab) waitStill() {
	tb.t.Helper()
	tb.waitFor("highlights to finish fading in", `document.getAnimations().length === 0`)
}

// noPageErrors fails the test if the page threw or broke its policy.
func (tb *tab) noPageErrors() {
	tb.t.Helper()
	got := evaluate[[]string](tb, `[...window.__errors, ...window.__violations]`)
	if len(got) > 0 {
		tb.t.Errorf("page errors and policy violations: got %q, want none", got)
	}
}

// mark is one rendered highlight as the page shows it, with the slice of
// the prompt its offsets point at and where it is drawn.
type mark struct {
	Role   string  `json:"role"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Tier   string  `json:"tier"`
	Text   string  `json:"text"`
	Slice  string  `json:"slice"`
	Depth  int     `json:"depth"`
	Left   float64 `json:"left"`
	Top    float64 `json:"top"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	// Paint is the mark's visible ink: its background colour in layer 0,
	// its underline in deeper layers; "" when it paints nothing.
	Paint string `json:"paint"`
}

// key identifies a mark by what it stands for, not how it is drawn.
func (m mark) key() string {
	b, _ := json.Marshal([]any{m.Start, m.End, m.Role, m.Text})
	return string(b)
}

// parent is the parent role of the mark.
func (m mark) parent() string {
	for i, r := range m.Role {
		if r == '.' {
			return m.Role[:i]
		}
	}
	return m.Role
}

// marksJS reads every mark in document order; it is a function so that
// other scripts can call it too.
const marksJS = `() => {
	const value = document.getElementById('prompt').value;
	return [...document.querySelectorAll('#layers .layer mark')].map((m) => {
		const r = m.getBoundingClientRect();
		const cs = getComputedStyle(m);
		const depth = Number(m.parentElement.dataset.depth);
		let paint = '';
		if (depth === 0 && cs.backgroundColor !== 'rgba(0, 0, 0, 0)') paint = cs.backgroundColor;
		if (depth > 0 && cs.textDecorationLine.includes('underline')) {
			paint = 'underline ' + cs.textDecorationColor;
		}
		if (Number(cs.opacity) === 0 || cs.visibility !== 'visible') paint = '';
		const start = Number(m.dataset.start);
		const end = Number(m.dataset.end);
		return {
			role: m.dataset.role, start, end, tier: m.dataset.tier,
			text: m.textContent, slice: value.slice(start, end), depth,
			left: r.left, top: r.top, width: r.width, height: r.height, paint,
		};
	});
}`

// marks returns the highlights the page shows now.
func (tb *tab) marks() []mark {
	tb.t.Helper()
	return evaluate[[]mark](tb, `(`+marksJS+`)()`)
}

// utf16Len is the length of s in UTF-16 code units, the page's offsets.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// checkMarksMatchText fails the test for every mark whose text is not the
// prompt's slice at its offsets.
func checkMarksMatchText(t *testing.T, marks []mark) {
	t.Helper()
	for _, m := range marks {
		if m.Text != m.Slice || m.Start >= m.End {
			t.Errorf("mark %s [%d,%d): got text %q, want the prompt's slice %q",
				m.Role, m.Start, m.End, m.Text, m.Slice)
		}
	}
}

// mirrorJS compares each highlight layer with the textarea: the layers
// only line up with the text if they have the same box and lay text out
// with the same metrics. It returns one line per difference.
const mirrorJS = `(() => {
	const ta = document.getElementById('prompt');
	const props = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'lineHeight',
		'letterSpacing', 'wordSpacing', 'tabSize', 'textIndent', 'whiteSpace', 'overflowWrap',
		'wordBreak', 'paddingTop', 'paddingLeft', 'paddingRight', 'borderTopWidth',
		'borderLeftWidth', 'borderRightWidth', 'boxSizing'];
	const want = getComputedStyle(ta);
	const tr = ta.getBoundingClientRect();
	const out = [];
	for (const layer of document.querySelectorAll('#layers .layer')) {
		const got = getComputedStyle(layer);
		for (const p of props) {
			if (got[p] !== want[p]) out.push(p + ': layer ' + got[p] + ', textarea ' + want[p]);
		}
		const lr = layer.getBoundingClientRect();
		for (const k of ['left', 'top', 'width', 'height']) {
			if (Math.abs(lr[k] - tr[k]) > 0.5) {
				out.push(k + ': layer ' + lr[k] + ', textarea ' + tr[k]);
			}
		}
		if (layer.clientWidth !== ta.clientWidth) {
			out.push('clientWidth: layer ' + layer.clientWidth + ', textarea ' + ta.clientWidth);
		}
		if (layer.scrollTop !== ta.scrollTop) {
			out.push('scrollTop: layer ' + layer.scrollTop + ', textarea ' + ta.scrollTop);
		}
		let text = ta.value;
		if (text === '' || text.endsWith('\n')) text += ' ';
		if (layer.textContent !== text) out.push('text: layer differs from textarea');
	}
	return out;
})()`

// checkMirror fails the test if a highlight layer would not line up with
// the textarea's text.
func (tb *tab) checkMirror() {
	tb.t.Helper()
	for _, d := range evaluate[[]string](tb, mirrorJS) {
		tb.t.Errorf("highlight layer differs from the textarea: %s", d)
	}
}

// checkSameKeys fails unless got and want hold the same marks.
func checkSameKeys(t *testing.T, when string, got, want []mark) {
	t.Helper()
	if g, w := keySet(got), keySet(want); !sameSet(g, w) {
		t.Errorf("%s: got marks %v, want %v", when, sortedKeys(g), sortedKeys(w))
	}
}

// checkContainsKeys fails for every mark of want missing from got.
func checkContainsKeys(t *testing.T, when string, got, want []mark) {
	t.Helper()
	g := keySet(got)
	for _, m := range want {
		if !g[m.key()] {
			t.Errorf("%s: mark %s is missing; got %v", when, m.key(), sortedKeys(g))
		}
	}
}

func keySet(marks []mark) map[string]bool {
	set := make(map[string]bool, len(marks))
	for _, m := range marks {
		set[m.key()] = true
	}
	return set
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func hasMark(marks []mark, start, end int, parent string) bool {
	for _, m := range marks {
		if m.Start == start && m.End == end && m.parent() == parent {
			return true
		}
	}
	return false
}
