package stream

import "strings"

// Section labels ("Camera:", "## Technical Specs", "**Lighting**", "Style
// reference:") name a part of the prompt; they are not spans themselves,
// their values are. markHeadings flags their words so no rule uses them.

// maxHeadingWords bounds a label; a longer line is prose, not a label.
const maxHeadingWords = 6

// markHeadings flags the words of every section label.
func (st *labelState) markHeadings() {
	for i := 0; i < len(st.toks); i++ {
		if !st.sentenceStart(i) {
			continue
		}
		if j := st.headingEnd(i); j >= i {
			for k := i; k <= j; k++ {
				st.toks[k].heading = true
			}
			i = j
		}
	}
}

// headingEnd returns the last token of a label starting at token i, or -1.
func (st *labelState) headingEnd(i int) int {
	lead := st.leadIn(i)
	switch {
	case strings.Contains(lead, "#"):
		return st.markdownHeading(i)
	case strings.HasSuffix(lead, "**") || strings.HasSuffix(lead, "__"):
		if j := st.boldEnd(i); j >= 0 {
			return j
		}
	}
	return st.colonLabel(i)
}

// leadIn returns the text on token i's line before it, spaces trimmed.
func (st *labelState) leadIn(i int) string {
	from := 0
	if i > 0 {
		from = st.toks[i-1].end + st.toks[i-1].poss
	}
	lead := st.text[from:st.toks[i].start]
	if nl := strings.LastIndexByte(lead, '\n'); nl >= 0 {
		lead = lead[nl+1:]
	} else if i > 0 {
		// Markdown markers only count at the start of a line.
		lead = strings.TrimLeft(lead, ".!?;: \t")
	}
	return strings.TrimSpace(lead)
}

// gapAfter returns the text between token j and the next one (or the end).
func (st *labelState) gapAfter(j int) string {
	from := st.toks[j].end + st.toks[j].poss
	if j+1 < len(st.toks) {
		return st.text[from:st.toks[j+1].start]
	}
	return st.text[from:]
}

// markdownHeading takes a "#" heading up to its colon or line end.
func (st *labelState) markdownHeading(i int) int {
	for j := i; j < len(st.toks) && j-i < maxHeadingWords; j++ {
		g := st.gapAfter(j)
		if strings.ContainsAny(g, ":\n") || j+1 == len(st.toks) {
			return j
		}
	}
	return -1
}

// boldEnd takes "**Lighting**" or "**Lighting:**" up to the closing stars.
func (st *labelState) boldEnd(i int) int {
	for j := i; j < len(st.toks) && j-i < maxHeadingWords; j++ {
		g := st.gapAfter(j)
		if strings.Contains(g, "**") || strings.Contains(g, "__") {
			return j
		}
		if strings.ContainsAny(g, "\n.") {
			break
		}
	}
	return -1
}

// colonLabel takes "Style reference:" when every word is a heading word,
// so that "Drone shot over the coastline:" stays prose.
func (st *labelState) colonLabel(i int) int {
	for j := i; j < len(st.toks) && j-i < maxHeadingWords; j++ {
		if !st.is(j, clsHeading) {
			return -1
		}
		g := strings.TrimLeft(st.gapAfter(j), "*_ ")
		if strings.HasPrefix(g, ":") {
			return j
		}
		if j+1 < len(st.toks) && st.toks[j+1].gap != gapSpace && st.toks[j+1].gap != gapHyphen {
			return -1
		}
	}
	return -1
}
