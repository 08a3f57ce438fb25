package stream

import "strings"

// Roles lists every role ID a span may carry, parents before their
// attributes. The IDs match the hand-labeled files in ../shared/golden.
var Roles = []string{
	"shot", "shot.type",
	"subject", "subject.identity", "subject.appearance", "subject.wardrobe", "subject.emotion",
	"action", "action.movement", "action.state", "action.gesture",
	"environment", "environment.location", "environment.weather", "environment.context",
	"lighting", "lighting.source", "lighting.quality", "lighting.timeOfDay", "lighting.colorTemp",
	"camera", "camera.movement", "camera.lens", "camera.angle", "camera.focus",
	"style", "style.aesthetic", "style.filmStock", "style.colorGrade",
	"technical", "technical.aspectRatio", "technical.frameRate", "technical.resolution",
	"technical.duration",
	"audio", "audio.score", "audio.soundEffect", "audio.ambient",
}

var roleSet = func() map[string]bool {
	m := make(map[string]bool, len(Roles))
	for _, r := range Roles {
		m[r] = true
	}
	return m
}()

// ValidRole reports whether role is one of Roles.
func ValidRole(role string) bool { return roleSet[role] }

// Parent returns the parent of role: the text before the first dot, or role
// itself when it has no dot.
func Parent(role string) string {
	if i := strings.IndexByte(role, '.'); i >= 0 {
		return role[:i]
	}
	return role
}

// IsAttribute reports whether role is an attribute (has a parent other than
// itself), such as "camera.movement".
func IsAttribute(role string) bool { return strings.IndexByte(role, '.') >= 0 }
