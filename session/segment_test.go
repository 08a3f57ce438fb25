package session

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	long := "First sentence here. Second one follows! Third? \"Quoted.\" Last bit"
	tests := []struct {
		name   string
		text   string
		maxLen int
		want   []string
	}{
		{"whole document", "a\n\nb", -1, []string{"a\n\nb"}},
		{"paragraphs", "one\n\ntwo\n \nthree", 100, []string{"one", "two", "three"}},
		{"crlf paragraphs", "one\r\n\r\ntwo", 100, []string{"one", "two"}},
		{"single newline stays", "Camera:\nhandheld", 100, []string{"Camera:\nhandheld"}},
		{"blank text", " \n\n \t", 100, nil},
		{"short paragraph whole", long, 100, []string{long}},
		{"long paragraph by sentence", long, 20, []string{"First sentence here.",
			"Second one follows!", "Third?", "\"Quoted.\"", "Last bit"}},
		{"decimal is no sentence end", "Shot at 23.976 fps. Then more", 10,
			[]string{"Shot at 23.976 fps.", "Then more"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := split(tt.text, tt.maxLen)
			var got []string
			for _, s := range segs {
				if tt.text[s.start:s.start+len(s.text)] != s.text {
					t.Errorf("segment %q does not sit at %d", s.text, s.start)
				}
				got = append(got, s.text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSplitIsLocal checks that an edit inside one sentence of a long
// paragraph leaves every other segment's text unchanged.
func TestSplitIsLocal(t *testing.T) {
	before := "Wide shot of a harbor. A gull circles overhead. Lit by dusk light. 24fps."
	after := strings.Replace(before, "gull circles", "pelican dives", 1)
	a, b := split(before, 30), split(after, 30)
	if len(a) != len(b) {
		t.Fatalf("got %d and %d segments, want the same count", len(a), len(b))
	}
	changed := 0
	for i := range a {
		if a[i].text != b[i].text {
			changed++
		}
	}
	if changed != 1 {
		t.Errorf("%d segments changed, want 1", changed)
	}
}
