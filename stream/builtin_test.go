package stream

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
)

// spanWant names a span by its text and role; an empty role matches any.
type spanWant struct{ text, role string }

// labelCase is a text with spans that must and must not be found.
type labelCase struct {
	name string
	text string
	has  []spanWant
	not  []spanWant
}

// labelText runs the built-in labeler and checks the contract on the result.
func labelText(t *testing.T, text string) []Span {
	t.Helper()
	res, err := NewBuiltin(BuiltinOptions{}).Label(context.Background(), text, nil)
	if err != nil {
		t.Fatalf("Label(%q): %v", text, err)
	}
	checkContract(t, text, res.Spans)
	return res.Spans
}

// hasSpan returns whether spans hold one with w's text and role.
func hasSpan(spans []Span, w spanWant) bool {
	return slices.ContainsFunc(spans, func(s Span) bool {
		return s.Text == w.text && (w.role == "" || s.Role == w.role)
	})
}

func runLabelCases(t *testing.T, cases []labelCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			spans := labelText(t, c.text)
			for _, w := range c.has {
				if !hasSpan(spans, w) {
					t.Errorf("got %s, want a %s span %q", describeSpans(spans), w.role, w.text)
				}
			}
			for _, w := range c.not {
				if hasSpan(spans, w) {
					t.Errorf("got %s, want no %s span %q", describeSpans(spans), w.role, w.text)
				}
			}
		})
	}
}

// describeSpans prints spans compactly for failure messages.
func describeSpans(spans []Span) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = s.Role + ":" + s.Text
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func TestLabelShotAndCamera(t *testing.T) {
	runLabelCases(t, []labelCase{
		{name: "shot types", text: "Extreme close-up of a violinist, then a medium close up.",
			has: []spanWant{{"Extreme close-up", "shot.type"}, {"medium close up", "shot.type"}}},
		{name: "angle", text: "Shot from a low angle, then a Dutch angle.",
			has: []spanWant{{"low angle", "camera.angle"}, {"Dutch angle", "camera.angle"}}},
		{name: "chain of moves", text: "The camera pans left, tilts up and zooms in.",
			has: []spanWant{{"camera pans left, tilts up and zooms in", "camera.movement"}}},
		{name: "chain with while",
			text: "The camera dollies backward while panning left, revealing a hall.",
			has:  []spanWant{{"camera dollies backward while panning left", "camera.movement"}}},
		{name: "chain stops at subject", text: "The camera zooms in on the violinist.",
			has: []spanWant{{"camera zooms in", "camera.movement"},
				{"violinist", "subject.identity"}}},
		{name: "chain leaves a subject object", text: "The camera settles behind the speaker.",
			has: []spanWant{{"camera settles", "camera.movement"},
				{"speaker", "subject.identity"}}},
		{name: "chain with object", text: "The camera circles the table, then rises.",
			has: []spanWant{{"camera circles the table, then rises", "camera.movement"}}},
		{name: "imperative", text: "Pan left across the skyline.",
			has: []spanWant{{"Pan left across the skyline", "camera.movement"}}},
		{name: "movement terms", text: "A handheld tracking shot, then a slow dolly in.",
			has: []spanWant{{"handheld tracking shot", "camera.movement"},
				{"slow dolly in", "camera.movement"}}},
		{name: "lens and focus",
			text: "An 85 mm lens with shallow depth of field and a rack focus.",
			has: []spanWant{{"85 mm lens", "camera.lens"},
				{"shallow depth of field", "camera.focus"},
				{"rack focus", "camera.focus"}}},
		{name: "cook pans is no camera move", text: "A chef pans vegetables in a hot pan.",
			not: []spanWant{{"pans", "camera.movement"},
				{"chef pans", ""}, {"hot pan", "camera.movement"}}},
	})
}

func TestLabelSubjectAndAction(t *testing.T) {
	runLabelCases(t, []labelCase{
		{name: "determiner adjectives noun", text: "An elderly fisherman mends a net.",
			has: []spanWant{{"elderly fisherman", "subject.identity"}}},
		{name: "wardrobe term", text: "A woman in a crimson kimono.",
			has: []spanWant{{"woman", "subject.identity"}, {"crimson kimono", "subject.wardrobe"}}},
		{name: "wearing unknown garment", text: "A gymnast wearing a sequined leotard.",
			has: []spanWant{{"sequined leotard", "subject.wardrobe"}}},
		{name: "appearance needs a modifier",
			text: "A man with a grey beard. His face. Across the frame.",
			has:  []spanWant{{"grey beard", "subject.appearance"}, {"face", "subject.appearance"}},
			not:  []spanWant{{"frame", "subject.appearance"}}},
		{name: "emotion", text: "A joyful child laughs.",
			has: []spanWant{{"joyful", "subject.emotion"}}},
		{name: "-s verb after subject", text: "A skier carves down a snowy slope.",
			has: []spanWant{{"carves down", "action.movement"},
				{"snowy slope", "environment.location"}}},
		{name: "-ing verb with object", text: "A dog chasing its own tail, a man turning pages.",
			has: []spanWant{{"chasing its own tail", "action.movement"},
				{"turning pages", "action.movement"}}},
		{name: "subject further back",
			text: "A young painter in a worn apron stands before a canvas.",
			has:  []spanWant{{"stands before a canvas", "action.state"}}},
		{name: "gesture", text: "The girl waves goodbye.",
			has: []spanWant{{"waves goodbye", "action.gesture"}}},
		{name: "adjective -ing is no action", text: "A flickering candle and red running shoes.",
			not: []spanWant{{"flickering", "action.movement"}, {"running", "action.movement"},
				{"running shoes", "action.movement"}}},
		{name: "-s word without subject", text: "The camera pans left.",
			not: []spanWant{{"pans", "action.movement"}, {"pans left", "action.movement"}}},
	})
}

func TestLabelEnvironmentLightingStyleAudio(t *testing.T) {
	runLabelCases(t, []labelCase{
		{name: "location phrase", text: "Inside a dimly lit library at dusk.",
			has: []spanWant{{"dimly lit library", "environment.location"},
				{"dusk", "lighting.timeOfDay"}}},
		{name: "weather", text: "Heavy rain and cold fog over the harbor.",
			has: []spanWant{{"Heavy rain", "environment.weather"},
				{"cold fog", "environment.weather"},
				{"harbor", "environment.location"}}},
		{name: "context", text: "Papers cover the wooden desk.",
			has: []spanWant{{"wooden desk", "environment.context"}}},
		{name: "sources", text: "Lit by warm candlelight and a practical tungsten desk lamp.",
			has: []spanWant{{"warm candlelight", "lighting.source"},
				{"practical tungsten desk lamp", "lighting.source"}}},
		{name: "quality", text: "Soft, diffused light and deep shadows; pools of warm light.",
			has: []spanWant{{"Soft, diffused light", "lighting.quality"},
				{"deep shadows", "lighting.quality"}, {"pools of warm light", "lighting.quality"}}},
		{name: "time of day stays whole", text: "Golden hour sunlight on the field.",
			has: []spanWant{{"Golden hour", "lighting.timeOfDay"},
				{"sunlight", "lighting.source"}}},
		{name: "style", text: "A film noir look, shot on Kodak Portra 400, teal and orange grade.",
			has: []spanWant{{"film noir", "style.aesthetic"},
				{"Kodak Portra 400", "style.filmStock"},
				{"teal and orange", "style.colorGrade"}}},
		{name: "film maker", text: "Inspired by Terrence Malick's nature films.",
			has: []spanWant{{"Terrence Malick", "style.aesthetic"}}},
		{name: "audio", text: "An orchestral score swells over distant thunder and footsteps.",
			has: []spanWant{{"orchestral score", "audio.score"},
				{"distant thunder", "audio.ambient"},
				{"footsteps", "audio.soundEffect"}}},
	})
}

func TestLabelWordBoundaries(t *testing.T) {
	runLabelCases(t, []labelCase{
		{name: "café whole", text: "A quiet café, two cafés.",
			has: []spanWant{{"quiet café", "environment.location"},
				{"cafés", "environment.location"}},
			not: []spanWant{{"caf", ""}}},
		{name: "decomposed accent stays inside the word", text: "A quiet cafe\u0301 terrace.",
			not: []spanWant{{"cafe", ""}, {"quiet cafe", ""}}},
		{name: "no match inside a word", text: "Tree branches by a lamppost; scarfed down.",
			not: []spanWant{{"ranch", ""}, {"lamp", ""}, {"scarf", ""}}},
		{name: "compound first part", text: "A graffiti-covered wall, family-friendly fun.",
			not: []spanWant{{"graffiti", ""}, {"family", ""}}},
	})
}

func TestLabelSectionHeadings(t *testing.T) {
	runLabelCases(t, []labelCase{
		{name: "colon label", text: "Camera: slow dolly in.\nStyle reference: film noir.",
			has: []spanWant{{"slow dolly in", "camera.movement"}, {"film noir", "style.aesthetic"}},
			not: []spanWant{{"Camera", ""}, {"Style", ""}, {"Style reference", ""}}},
		{name: "label that is also a term",
			text: "Color grade: teal and orange\nScore: swelling strings",
			has:  []spanWant{{"teal and orange", "style.colorGrade"}},
			not:  []spanWant{{"Color grade", ""}, {"Score", ""}}},
		{name: "markdown heading", text: "## Technical Specs\n24fps, 16:9, 4K",
			has: []spanWant{{"24fps", "technical.frameRate"}, {"16:9", "technical.aspectRatio"},
				{"4K", "technical.resolution"}},
			not: []spanWant{{"Technical", ""}, {"Specs", ""}, {"Technical Specs", ""}}},
		{name: "bold label", text: "**Lighting**\nsoft key light\n**Score:** orchestral score",
			has: []spanWant{{"soft key light", "lighting.source"},
				{"orchestral score", "audio.score"}},
			not: []spanWant{{"Lighting", ""}, {"Score", ""}}},
		{name: "label after a sentence", text: "Warm light. Color grade: bleach bypass.",
			has: []spanWant{{"bleach bypass", "style.colorGrade"}},
			not: []spanWant{{"Color grade", ""}}},
		{name: "prose before a colon is kept", text: "Tracking shot: camera trucks left.",
			has: []spanWant{{"Tracking shot", "camera.movement"}}},
	})
}

func TestBuiltinIdentity(t *testing.T) {
	id := NewBuiltin(BuiltinOptions{}).Identity()
	if id.Name != "builtin" || id.Version == "" {
		t.Errorf("got identity %+v, want name builtin and a version", id)
	}
}

func TestLabelCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	emitted := false
	_, err := NewBuiltin(BuiltinOptions{}).Label(ctx, "A wide shot of a man.",
		func(Update) { emitted = true })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got error %v, want context.Canceled", err)
	}
	if emitted {
		t.Error("got an emitted update, want none after cancellation")
	}
}

func TestLabelEmit(t *testing.T) {
	var updates []Update
	res, err := NewBuiltin(BuiltinOptions{}).Label(context.Background(),
		"A wide shot of a man in the rain.", func(u Update) { updates = append(updates, u) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Source != "builtin" || !res.Complete {
		t.Errorf("got source %q complete %v, want builtin and true", res.Source, res.Complete)
	}
	if len(updates) != 1 || len(updates[0].Retract) != 0 {
		t.Fatalf("got updates %+v, want one update without retractions", updates)
	}
	if !slices.Equal(updates[0].Add, res.Spans) {
		t.Errorf("got emitted %v, want the result %v", updates[0].Add, res.Spans)
	}
}

func TestLabelEmpty(t *testing.T) {
	for _, text := range []string{"", "   ", "...", "\n\n"} {
		res, err := NewBuiltin(BuiltinOptions{}).Label(context.Background(), text,
			func(Update) { t.Errorf("emit called for %q", text) })
		if err != nil || len(res.Spans) != 0 || !res.Complete {
			t.Errorf("Label(%q) = %+v, %v; want no spans, complete, no error", text, res, err)
		}
	}
}

// TestLabelConcurrent labels from several goroutines at once; run with
// -race it proves the compiled vocabulary is only read.
func TestLabelConcurrent(t *testing.T) {
	l := NewBuiltin(BuiltinOptions{})
	text := "The camera pans left as a dancer spins under soft light, 24fps, 16:9."
	want := labelText(t, text)
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Go(func() {
			for range 50 {
				res, err := l.Label(context.Background(), text, nil)
				if err != nil || !slices.Equal(res.Spans, want) {
					errs <- describeSpans(res.Spans)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("got %s concurrently, want %s", got, describeSpans(want))
	}
}
