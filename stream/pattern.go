package stream

import "strings"

// Patterns label specifications written with numbers: frame rates
// ("24fps", "60 frames per second"), durations ("10 seconds", "5s",
// "2-minute", but not "1950s" or "his 30s"), resolutions ("4K", "1080p",
// "3840x2160"), aspect ratios ("16:9", "2.39:1"), focal lengths ("35mm",
// "85 mm lens"), film gauges ("16mm film"), apertures ("f/1.8",
// "f/11-f/16") and colour temperatures ("3200K", "5600 K").

const (
	roleFrameRate  = "technical.frameRate"
	roleDuration   = "technical.duration"
	roleResolution = "technical.resolution"
	roleAspect     = "technical.aspectRatio"
	roleLens       = "camera.lens"
	roleFilmStock  = "style.filmStock"
	roleColorTemp  = "lighting.colorTemp"
)

// specMatch is a pattern found over tokens i..j inclusive.
type specMatch struct {
	j    int
	role string
	conf float64
}

// matchPatterns scans every number and aperture.
func (st *labelState) matchPatterns() {
	for k := 0; k < len(st.toks); k++ {
		if st.toks[k].heading {
			continue
		}
		m, ok := st.specAt(k)
		if !ok {
			continue
		}
		st.add(k, m.j, m.role, m.conf)
		k = m.j
	}
}

// specAt returns the specification starting at token k, if any.
func (st *labelState) specAt(k int) (specMatch, bool) {
	tk := &st.toks[k]
	if tk.digit() {
		return st.numberAt(k)
	}
	if m, ok := st.stopAt(k); ok {
		return m, true
	}
	if spelledNumbers[tk.low] {
		if j, ok := st.durationUnit(k + 1); ok {
			return specMatch{j, roleDuration, 0.85}, true
		}
	}
	return specMatch{}, false
}

// numberAt handles a token that starts with a digit: its attached unit
// ("24fps", "4K") or the words after it ("24 fps", "16:9").
func (st *labelState) numberAt(k int) (specMatch, bool) {
	low := st.toks[k].low
	num, n, frac := parseNumber(low)
	unit := low[n:]
	switch {
	case unit == "":
		return st.bareNumber(k, num, frac)
	case unit == "fps":
		return specMatch{k, roleFrameRate, 0.95}, true
	case unit == "p" && num <= 120:
		return specMatch{k, roleFrameRate, 0.8}, true
	case (unit == "p" || unit == "i") && isLineCount(num):
		return st.resolution(k, k, 0.95), true
	case unit == "k":
		return st.kelvin(k, k, num, frac)
	case unit == "mm":
		return st.focal(k, k, num), true
	case durationUnits[unit]:
		return st.attachedDuration(k, low[:n], unit)
	case unit[0] == 'x' || strings.HasPrefix(unit, "\u00d7"):
		return st.pixels(k, num, unit)
	}
	return specMatch{}, false
}

// bareNumber handles a number token followed by its unit or a range.
func (st *labelState) bareNumber(k int, num float64, frac bool) (specMatch, bool) {
	if m, ok := st.numberRange(k); ok {
		return m, true
	}
	if !st.joined(k + 1) {
		return st.punctuatedNumber(k, num, frac)
	}
	next := st.word(k + 1)
	switch {
	case next == "fps":
		return specMatch{k + 1, roleFrameRate, 0.95}, true
	case next == "frames":
		return st.framesPer(k + 1)
	case next == "k" || next == "kelvin":
		return st.kelvin(k, k+1, num, frac)
	case next == "mm":
		return st.focal(k, k+1, num), true
	}
	if j, ok := st.durationUnit(k + 1); ok {
		return specMatch{j, roleDuration, 0.95}, true
	}
	if next == "x" && st.spaced(k+2) && st.toks[k+2].digit() {
		return st.pixelPair(k, k+2, num)
	}
	return specMatch{}, false
}

// punctuatedNumber handles "16:9" and "1920×1080", where punctuation
// joins two numbers.
func (st *labelState) punctuatedNumber(k int, num float64, frac bool) (specMatch, bool) {
	if k+1 >= len(st.toks) || !st.toks[k+1].digit() || st.toks[k+1].heading {
		return specMatch{}, false
	}
	g := strings.TrimSpace(st.gapAfter(k))
	switch g {
	case ":":
		if st.gapAfter(k) != ":" {
			return specMatch{}, false
		}
		return st.aspect(k, num, frac)
	case "x", "\u00d7":
		return st.pixelPair(k, k+1, num)
	}
	return specMatch{}, false
}

// aspect accepts "16:9" or "2.39:1" and rejects clock times ("10:30").
func (st *labelState) aspect(k int, left float64, frac bool) (specMatch, bool) {
	right, n, rfrac := parseNumber(st.toks[k+1].low)
	if n != len(st.toks[k+1].low) || left <= 0 || right <= 0 || left > 32 || right > 32 {
		return specMatch{}, false
	}
	if !frac && !rfrac && right >= 22 || strings.HasPrefix(st.toks[k+1].low, "0") {
		return specMatch{}, false
	}
	j, conf := k+1, 0.9
	for _, w := range [...]string{"aspect", "ratio"} {
		if st.spaced(j+1) && st.word(j+1) == w {
			j, conf = j+1, 0.95
		}
	}
	return specMatch{j, roleAspect, conf}, true
}

// numberRange handles "24-70mm", "4-8s", "10 to 15 seconds": the unit of
// the second number types the range.
func (st *labelState) numberRange(k int) (specMatch, bool) {
	j := k + 1
	if st.word(j) == "to" && st.spaced(j) {
		j++
	} else if g := strings.TrimSpace(st.gapAfter(k)); g != "-" && g != "\u2013" && g != "\u2014" {
		return specMatch{}, false
	}
	if j >= len(st.toks) || !st.toks[j].digit() || st.toks[j].heading ||
		j == k+2 && !st.spaced(j) {
		return specMatch{}, false
	}
	if _, n, _ := parseNumber(st.toks[j].low); n == len(st.toks[j].low) && !st.joined(j+1) {
		return specMatch{}, false
	}
	return st.numberAt(j)
}

// framesPer handles "frames per second" and "frames/second" after a number.
func (st *labelState) framesPer(k int) (specMatch, bool) {
	j := k + 1
	if st.word(j) == "per" || st.word(j) == "a" {
		j++
	} else if strings.TrimSpace(st.gapAfter(k)) != "/" {
		return specMatch{}, false
	}
	if w := st.word(j); w == "second" || w == "sec" || w == "s" {
		return specMatch{j, roleFrameRate, 0.95}, true
	}
	return specMatch{}, false
}

// kelvin handles "3200K" and "5600 Kelvin"; small numbers are resolutions.
func (st *labelState) kelvin(k, j int, num float64, frac bool) (specMatch, bool) {
	switch {
	case num >= 1000 && num <= 20000:
		return specMatch{j, roleColorTemp, 0.95}, true
	case !frac && num >= 1 && num <= 16 && j == k:
		return st.resolution(k, j, 0.95), true
	}
	return specMatch{}, false
}

// resolution returns a resolution over k..j, taking a following
// "UHD" or "resolution".
func (st *labelState) resolution(k, j int, conf float64) specMatch {
	for st.spaced(j+1) && (st.word(j+1) == "uhd" || st.word(j+1) == "resolution") {
		j++
	}
	return specMatch{j, roleResolution, conf}
}

// pixels handles "3840x2160" in one token.
func (st *labelState) pixels(k int, w float64, unit string) (specMatch, bool) {
	rest := strings.TrimPrefix(strings.TrimPrefix(unit, "x"), "\u00d7")
	h, n, _ := parseNumber(rest)
	if n == 0 || n != len(rest) || w < 100 || h < 100 {
		return specMatch{}, false
	}
	return st.resolution(k, k, 0.95), true
}

// pixelPair handles "1920 x 1080" over tokens k..j.
func (st *labelState) pixelPair(k, j int, w float64) (specMatch, bool) {
	h, n, _ := parseNumber(st.toks[j].low)
	if n != len(st.toks[j].low) || w < 100 || h < 100 {
		return specMatch{}, false
	}
	return st.resolution(k, j, 0.95), true
}

// isLineCount reports whether n is a standard number of video lines.
func isLineCount(n float64) bool {
	switch n {
	case 240, 360, 480, 576, 720, 1080, 1440, 2160, 4320:
		return true
	}
	return false
}

// parseNumber reads the number at the start of s: digits with optional
// thousands commas and a fraction. It returns the value, the bytes read
// and whether a fraction was present.
func parseNumber(s string) (v float64, n int, frac bool) {
	scale := 0.0
	for n < len(s) {
		c := s[n]
		switch {
		case c >= '0' && c <= '9':
			if scale > 0 {
				v += float64(c-'0') * scale
				scale /= 10
			} else {
				v = v*10 + float64(c-'0')
			}
		case c == ',' && scale == 0 && n > 0:
		case c == '.' && scale == 0 && n > 0:
			scale, frac = 0.1, true
		default:
			return v, n, frac
		}
		n++
	}
	return v, n, frac
}
