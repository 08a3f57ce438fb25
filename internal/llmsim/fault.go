package llmsim

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Fault names, each one failure a real model API shows now and then.
const (
	// FaultSplitEscapes writes every character of span texts as a \u escape
	// (surrogate pairs beyond the BMP) and cuts a chunk inside each escape.
	FaultSplitEscapes = "split-escapes"
	// FaultCodeFence wraps the answer in ```json ... ```.
	FaultCodeFence = "code-fence"
	// FaultCodeFenceBare wraps the answer in ``` ... ``` without a language.
	FaultCodeFenceBare = "code-fence-bare"
	// FaultUsageChunk sends extra chunks with an empty choices list.
	FaultUsageChunk = "usage-chunk"
	// FaultComments sends SSE comment lines and retry: lines between events.
	FaultComments = "comments"
	// FaultErrorInStream sends half the answer, then a data: {"error":...}
	// event, and ends the stream.
	FaultErrorInStream = "error-in-stream"
	// FaultLength sends half the answer and finish_reason "length".
	FaultLength = "length"
	// FaultStall sends half the answer, then nothing until the client goes.
	FaultStall = "stall"
	// FaultStatus429, FaultStatus500 and FaultStatus503 answer with that
	// status and an OpenAI-style error body.
	FaultStatus429 = "status-429"
	FaultStatus500 = "status-500"
	FaultStatus503 = "status-503"
	// FaultInvalidRole adds a span with a role outside the role list.
	FaultInvalidRole = "invalid-role"
	// FaultBadConfidence gives the first spans confidences outside [0,1].
	FaultBadConfidence = "bad-confidence"
	// FaultMissingText adds a span whose text is not in the document.
	FaultMissingText = "missing-text"
)

// Faults lists every fault name.
var Faults = []string{
	FaultSplitEscapes, FaultCodeFence, FaultCodeFenceBare, FaultUsageChunk, FaultComments,
	FaultErrorInStream, FaultLength, FaultStall, FaultStatus429, FaultStatus500,
	FaultStatus503, FaultInvalidRole, FaultBadConfidence, FaultMissingText,
}

// fault is one parsed fault: a name and, for status faults, how many
// requests carrying it fail before it stops (0: all).
type fault struct {
	spec  string
	name  string
	first int
}

var markerRE = regexp.MustCompile(`\[\[llmsim:([a-z0-9:-]+)\]\]`)

// parseFaults parses a comma-separated list of faults. Each is a name from
// Faults, optionally followed by ":K" to make only the first K requests that
// carry it fail (meant for the status faults, such as "status-503:2").
func parseFaults(list string) ([]fault, error) {
	var out []fault
	for _, spec := range strings.Split(list, ",") {
		spec = strings.TrimSpace(spec)
		if spec == "" {
			continue
		}
		f, err := parseFault(spec)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func parseFault(spec string) (fault, error) {
	name, k, hasK := strings.Cut(spec, ":")
	f := fault{spec: spec, name: name}
	if hasK {
		n, err := strconv.Atoi(k)
		if err != nil || n < 0 {
			return fault{}, fmt.Errorf("llmsim: fault %q: bad count", spec)
		}
		f.first = n
	}
	for _, known := range Faults {
		if name == known {
			return f, nil
		}
	}
	return fault{}, fmt.Errorf("llmsim: unknown fault %q", name)
}

// markerFaults returns the faults named by [[llmsim:name]] markers in text.
func markerFaults(text string) ([]fault, error) {
	var specs []string
	for _, m := range markerRE.FindAllStringSubmatch(text, -1) {
		specs = append(specs, m[1])
	}
	return parseFaults(strings.Join(specs, ","))
}

// faultSet is the faults active for one request.
type faultSet map[string]bool

func (fs faultSet) has(name string) bool { return fs[name] }
