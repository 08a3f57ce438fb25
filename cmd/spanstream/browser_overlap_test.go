package main

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/spanstream/spanstream/stream"
)

// overlapCandidates are prompts written for this test; the test uses the
// first in which the built-in labeler finds two overlapping spans of
// different parents, so that a change of the rules moves the check to
// another prompt instead of breaking it.
var overlapCandidates = []string{
	"Close-up of a cat on a windowsill, rain ambience, synthwave soundtrack",
	"Night street in the city, rain ambience and distant thunder, handheld camera",
	"Neon skyline at night, synthwave soundtrack, slow pan right",
}

// findOverlap labels the candidates with the built-in labeler and returns
// the first prompt with two overlapping spans of different parents, with
// their offsets converted to UTF-16.
func findOverlap(t *testing.T) (string, [2]stream.Span) {
	t.Helper()
	b := stream.NewBuiltin(stream.BuiltinOptions{})
	for _, text := range overlapCandidates {
		res, err := b.Label(context.Background(), text, nil)
		if err != nil {
			t.Fatalf("label %q: %v", text, err)
		}
		for i, a := range res.Spans {
			for _, c := range res.Spans[i+1:] {
				if a.Start < c.End && c.Start < a.End && parentRole(a.Role) != parentRole(c.Role) {
					return text, [2]stream.Span{toUTF16(text, a), toUTF16(text, c)}
				}
			}
		}
	}
	t.Fatalf("no candidate prompt has overlapping spans of different parents; add one")
	return "", [2]stream.Span{}
}

func parentRole(role string) string { return mark{Role: role}.parent() }

func toUTF16(text string, s stream.Span) stream.Span {
	s.Start, s.End = utf16Len(text[:s.Start]), utf16Len(text[:s.End])
	return s
}

// testOverlap checks that two overlapping spans of different parents are
// both drawn, in different layers, with visible ink, and that hovering
// the shared words lists both in the tooltip.
func testOverlap(t *testing.T, browser context.Context) {
	text, pair := findOverlap(t)
	srv := startServer(t, "127.0.0.1:0")
	tb := openTab(t, browser, srv.url(), tabTimeout)
	tb.setText(text)
	tb.settle(text)
	tb.waitStill()

	marks := tb.marks()
	checkMarksMatchText(t, marks)
	var found [2]mark
	for i, s := range pair {
		for _, m := range marks {
			if m.Start == s.Start && m.End == s.End && m.Role == s.Role {
				found[i] = m
			}
		}
		m := found[i]
		switch {
		case m.Role == "":
			t.Fatalf("no mark for %s %q at [%d,%d); got %v", s.Role, s.Text, s.Start, s.End, marks)
		case m.Width <= 0 || m.Height <= 0:
			t.Errorf("mark %s: got box %vx%v, want a nonzero box", m.Role, m.Width, m.Height)
		case m.Paint == "":
			t.Errorf("mark %s in layer %d: paints nothing", m.Role, m.Depth)
		}
	}
	if found[0].Depth == found[1].Depth {
		t.Errorf("overlapping marks %s and %s: both in layer %d, want different layers",
			found[0].Role, found[1].Role, found[0].Depth)
	}

	// Hover the middle of the words both spans cover.
	x := (max(found[0].Left, found[1].Left) +
		min(found[0].Left+found[0].Width, found[1].Left+found[1].Width)) / 2
	y := found[0].Top + found[0].Height/2
	tb.do("hover the overlap", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y))
	tb.waitFor("the tooltip", `!document.getElementById('tooltip').hidden`)
	tip := evaluate[string](tb, `document.getElementById('tooltip').textContent`)
	for _, m := range found {
		if !strings.Contains(tip, m.Role) {
			t.Errorf("tooltip over the overlap: got %q, want it to name %s", tip, m.Role)
		}
	}
	tb.checkMirror()
	tb.noPageErrors()
}
