package stream

import (
	"strings"
	"testing"
)

func TestModelIdentityNamesEverythingThatChangesAnswers(t *testing.T) {
	base := NewModel(ModelOptions{Model: "m1"}).Identity()
	others := map[string]Identity{
		"model": NewModel(ModelOptions{Model: "m2"}).Identity(),
		"base URL": NewModel(ModelOptions{Model: "m1",
			BaseURL: "http://127.0.0.1:9/v1"}).Identity(),
	}
	for what, id := range others {
		if id == base {
			t.Errorf("changing the %s kept the identity %v", what, id)
		}
	}
	for _, part := range []string{"prompt" + promptVersion, "schema" + schemaVersion} {
		if !strings.Contains(base.Version, part) {
			t.Errorf("identity %q does not name %s", base.Version, part)
		}
	}
}
