package stream

import (
	"slices"
	"testing"
)

// rs builds a span for tests; the text is irrelevant to Resolve and Filter.
func rs(start, end int, role string, conf float64) Span {
	return Span{Start: start, End: end, Text: "x", Role: role, Confidence: conf}
}

func TestResolve(t *testing.T) {
	cases := []struct {
		name string
		in   []Span
		want []Span
	}{
		{"attribute beats parent",
			[]Span{rs(0, 10, "camera", 0.95), rs(5, 15, "camera.movement", 0.5)},
			[]Span{rs(5, 15, "camera.movement", 0.5)}},
		{"higher confidence wins within a parent",
			[]Span{rs(0, 10, "lighting.source", 0.6), rs(5, 12, "lighting.quality", 0.9)},
			[]Span{rs(5, 12, "lighting.quality", 0.9)}},
		{"longer wins on equal confidence",
			[]Span{rs(0, 4, "subject.identity", 0.7), rs(0, 9, "subject.wardrobe", 0.7)},
			[]Span{rs(0, 9, "subject.wardrobe", 0.7)}},
		{"earlier wins on a full tie",
			[]Span{rs(3, 8, "style.aesthetic", 0.7), rs(0, 5, "style.colorGrade", 0.7)},
			[]Span{rs(0, 5, "style.colorGrade", 0.7)}},
		{"overlaps across parents are kept",
			[]Span{rs(0, 11, "lighting.timeOfDay", 0.9), rs(0, 20, "environment.location", 0.7)},
			[]Span{rs(0, 11, "lighting.timeOfDay", 0.9), rs(0, 20, "environment.location", 0.7)}},
		{"identical duplicates removed, surer kept",
			[]Span{rs(2, 6, "shot.type", 0.5), rs(2, 6, "shot.type", 0.8),
				rs(2, 6, "shot.type", 0.8)},
			[]Span{rs(2, 6, "shot.type", 0.8)}},
		{"touching spans do not overlap",
			[]Span{rs(0, 5, "camera.lens", 0.9), rs(5, 9, "camera.focus", 0.9)},
			[]Span{rs(0, 5, "camera.lens", 0.9), rs(5, 9, "camera.focus", 0.9)}},
		{"invalid roles and empty ranges dropped",
			[]Span{rs(0, 5, "camera.zoomies", 0.9), rs(4, 4, "shot.type", 0.9),
				rs(6, 3, "shot.type", 0.9), rs(-1, 3, "shot.type", 0.9), rs(1, 2, "audio", 0.4)},
			[]Span{rs(1, 2, "audio", 0.4)}},
		{"sorted by start then end",
			[]Span{rs(9, 12, "audio.score", 0.6), rs(0, 8, "shot.type", 0.9),
				rs(0, 4, "camera.angle", 0.9)},
			[]Span{rs(0, 4, "camera.angle", 0.9), rs(0, 8, "shot.type", 0.9),
				rs(9, 12, "audio.score", 0.6)}},
		{"empty", nil, []Span{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := slices.Clone(c.in)
			got := Resolve(in)
			if !slices.Equal(got, c.want) {
				t.Errorf("Resolve(%v) = %v, want %v", c.in, got, c.want)
			}
			if !slices.Equal(in, c.in) {
				t.Errorf("Resolve modified its input: got %v, want %v", in, c.in)
			}
		})
	}
}

func TestFilter(t *testing.T) {
	in := []Span{
		rs(0, 3, "shot.type", 0.9), rs(4, 8, "subject.identity", 0.55),
		rs(9, 12, "camera.lens", 0.7), rs(13, 15, "audio.score", 0.7),
		rs(16, 20, "style.aesthetic", 0.95),
	}
	cases := []struct {
		name    string
		min     float64
		max     int
		wantIdx []int
	}{
		{"no limits", 0, 0, []int{0, 1, 2, 3, 4}},
		{"min confidence inclusive", 0.7, 0, []int{0, 2, 3, 4}},
		{"max keeps the most confident", 0, 2, []int{0, 4}},
		{"ties go to the earlier span", 0, 3, []int{0, 2, 4}},
		{"both", 0.8, 1, []int{4}},
		{"negative max means no limit", 0.6, -1, []int{0, 2, 3, 4}},
		{"nothing passes", 0.99, 3, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			orig := slices.Clone(in)
			got := Filter(in, c.min, c.max)
			var want []Span
			for _, i := range c.wantIdx {
				want = append(want, in[i])
			}
			if len(got) != len(want) || len(want) > 0 && !slices.Equal(got, want) {
				t.Errorf("Filter(min %v, max %d) = %v, want %v", c.min, c.max, got, want)
			}
			if !slices.Equal(in, orig) {
				t.Errorf("Filter modified its input: got %v, want %v", in, orig)
			}
		})
	}
}
