package stream

import "testing"

func TestPatterns(t *testing.T) {
	const (
		fr  = "technical.frameRate"
		dur = "technical.duration"
		res = "technical.resolution"
		ar  = "technical.aspectRatio"
		ct  = "lighting.colorTemp"
	)
	runLabelCases(t, []labelCase{
		{name: "frame rates",
			text: "Shot at 24fps, then 24 fps, 23.976 FPS and 60 frames per second.",
			has: []spanWant{{"24fps", fr}, {"24 fps", fr}, {"23.976 FPS", fr},
				{"60 frames per second", fr}}},
		{name: "progressive frame rate", text: "Delivered as 24p.", has: []spanWant{{"24p", fr}}},
		{name: "durations", text: "A 10 seconds clip, 5s loop, a 2-minute cut, a 30-second spot.",
			has: []spanWant{{"10 seconds", dur},
				{"5s", dur}, {"2-minute", dur}, {"30-second", dur}}},
		{name: "duration range and words", text: "Duration: 4-8s, or ten seconds.",
			has: []spanWant{{"4-8s", dur}, {"ten seconds", dur}}},
		{name: "decades and ages are no durations",
			text: "Set in the 1950s; a man in his 30s, her mid-20s, the '80s, late 40s, " +
				"1970s films.",
			not: []spanWant{{"1950s", ""}, {"30s", ""}, {"20s", ""}, {"80s", ""}, {"40s", ""},
				{"1970s", ""}}},
		{name: "resolutions", text: "Master in 4K, deliver 1080p and 3840x2160 or 1920 × 1080.",
			has: []spanWant{{"4K", res}, {"1080p", res}, {"3840x2160", res}, {"1920 × 1080", res}}},
		{name: "aspect ratios", text: "Framed 16:9, also 2.39:1 aspect ratio and vertical 9:16.",
			has: []spanWant{{"16:9", ar}, {"2.39:1 aspect ratio", ar}, {"9:16", ar}}},
		{name: "clock time is no ratio", text: "The alarm rings at 10:30 and 7:05.",
			not: []spanWant{{"10:30", ""}, {"7:05", ""}}},
		{name: "focal lengths", text: "A 35mm, an 85 mm lens and a 24-70mm zoom.",
			has: []spanWant{{"35mm", "camera.lens"}, {"85 mm lens", "camera.lens"},
				{"24-70mm zoom", "camera.lens"}}},
		{name: "film gauges", text: "Shot on 16mm film, then 16mm Kodak Portra, some Super 8.",
			has: []spanWant{{"16mm film", "style.filmStock"},
				{"16mm Kodak Portra", "style.filmStock"},
				{"Super 8", "style.filmStock"}}},
		{name: "apertures", text: "Wide open at f/1.8 (f/1.8-f/2.8), deep at f/11-f/16, or f2.8.",
			has: []spanWant{{"f/1.8", "camera.lens"}, {"f/1.8-f/2.8", "camera.lens"},
				{"f/11-f/16", "camera.lens"}, {"f2.8", "camera.lens"}}},
		{name: "colour temperatures", text: "Key at 3200K, fill at 5600 K, practicals at 5,600K.",
			has: []spanWant{{"3200K", ct}, {"5600 K", ct}, {"5,600K", ct}}},
		{name: "plain numbers are nothing", text: "Two dogs, 3 cats, 1999 and 42.",
			not: []spanWant{{"3", ""}, {"1999", ""}, {"42", ""}}},
	})
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		v    float64
		n    int
		frac bool
	}{
		{"24fps", 24, 2, false},
		{"23.976", 23.976, 6, true},
		{"5,600k", 5600, 5, false},
		{"2.39", 2.39, 4, true},
		{"x", 0, 0, false},
	}
	for _, c := range cases {
		v, n, frac := parseNumber(c.in)
		if v < c.v-1e-9 || v > c.v+1e-9 || n != c.n || frac != c.frac {
			t.Errorf("parseNumber(%q) = %v, %d, %v; want %v, %d, %v",
				c.in, v, n, frac, c.v, c.n, c.frac)
		}
	}
}
