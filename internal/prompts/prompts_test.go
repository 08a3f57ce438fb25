package prompts

import (
	"reflect"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		wantErr  bool
	}{
		{"plain lines", "wide shot\n\n  dusk light  \n",
			[]string{"wide shot", "dusk light"}, false},
		{"json lines", `{"id":"a","text":"wide shot"}` + "\n" + `{"text":"two\nlines"}`,
			[]string{"wide shot", "two\nlines"}, false},
		{"json without text", `{"id":"a"}`, nil, true},
		{"broken json", `{"text":`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("got error %v, want error %v", err, tt.wantErr)
			}
			if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
