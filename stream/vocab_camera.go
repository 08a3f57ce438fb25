package stream

// vocabGroups is the whole curated vocabulary, by parent.
var vocabGroups = joinGroups(shotCameraGroups, lightingGroups, subjectGroups,
	environmentGroups, styleGroups, audioTechnicalGroups)

func joinGroups(lists ...[]vocabGroup) []vocabGroup {
	var out []vocabGroup
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// shotCameraGroups covers framing, camera angle, movement, lens and focus.
// One-word movement verbs ("pans") are left to the camera chain rule,
// which knows whether the camera or a cook is panning.
var shotCameraGroups = []vocabGroup{
	{role: "shot.type", multi: 0.92, single: 0.8, forms: formsNoun, terms: `
		extreme wide shot|extreme long shot|very wide shot|wide shot|long shot|full shot|
		full body shot|full-length shot|medium long shot|medium wide shot|medium full shot|
		cowboy shot|american shot|medium shot|mid shot|mid-shot|medium close-up|
		medium close up shot|close-up|close-up shot|close shot|extreme close-up|
		big close-up|ECU~0.7|MCU~0.7|establishing shot|wide establishing shot|master shot|
		two-shot|three-shot|group shot|insert shot|cutaway~0.7|cut-in|reaction shot|
		point-of-view shot|POV shot|POV~0.7|first-person view|first-person perspective|
		over-the-shoulder shot|OTS shot|aerial shot|drone shot|macro shot|macro~0.6|
		underwater shot|profile shot|silhouette shot|detail shot|portrait shot|knee shot|
		waist shot|chest shot|single shot|wide angle shot|extreme wide|medium wide|
		medium close|tight shot|tight close-up|wide frame|split screen|split-screen`},
	{role: "camera.angle", multi: 0.9, single: 0.75, forms: formsNoun, terms: `
		low angle|low-angle shot|high angle|high-angle shot|eye level|eye-level shot|
		eye-level angle|dutch angle|dutch tilt|canted angle|canted frame|tilted angle|
		oblique angle|bird's-eye view|birds-eye view|bird's-eye angle|bird's-eye shot|
		worm's-eye view|worms-eye view|worm's-eye angle|overhead shot|overhead angle|
		overhead view|top-down view|top-down shot|top-down angle|top-down|aerial view|
		aerial angle|ground level|ground-level shot|ground-level angle|hip level|
		shoulder level|knee level|over-the-shoulder|three-quarter view|three-quarter angle|
		profile view|side angle|side view|side profile|front view|frontal angle|
		front-on|reverse angle|reverse shot|extreme low angle|extreme high angle|
		god's-eye view|high vantage point|low vantage point|
		straight-on angle|level angle|shot from below|low camera angle|high camera angle`},
	{role: "camera.movement", multi: 0.9, single: 0.7, forms: formsNoun, grow: true, terms: `
		tracking shot|tracking~0.65|tracking move|tracking camera|dolly shot|dolly in|
		dolly out|dolly zoom|dolly move|dolly~0.75|push in|push-in|push out|
		pull out|pull-out|pull back|pullback|pull-back|whip pan|whip-pan|swish pan|
		pan left|pan right|pan up|pan down|pan across|panning shot|slow pan|quick pan|
		fast pan|smooth pan|gentle pan|sweeping pan|lateral pan|horizontal pan|
		camera pan|tilt up|tilt down|tilt shot|slow tilt|vertical tilt|camera tilt|
		zoom in|zoom out|crash zoom|snap zoom|slow zoom|quick zoom|smooth zoom|
		camera zoom|digital zoom|optical zoom|punch in|
		punch-in|crane shot|crane up|crane down|crane move|crane~0.6|jib shot|jib up|
		jib down|jib~0.65|boom shot|boom up|boom down|pedestal up|pedestal down|arc shot|
		orbit shot|orbiting shot|360-degree orbit|360-degree shot|360 orbit|orbit~0.6|
		handheld~0.85|hand-held~0.85|handheld camera|shoulder-mounted camera|
		shoulder rig|steadicam~0.9|steadycam~0.9|steadicam shot|gimbal shot|gimbal~0.8|
		static shot|static camera|static tripod|static frame|static~0.55|locked-off shot|
		locked-off camera|locked-off|locked off|tripod shot|tripod~0.65|fixed camera|
		follow shot|following shot|leading shot|trucking shot|truck left|truck right|
		lateral move|lateral tracking|drone flyover|flyover|fly-over|fly-through|
		flythrough|FPV drone|FPV~0.8|aerial tracking|long take|single take|oner|
		continuous shot|camera movement|camera move|slow reveal|reveal shot|
		slider shot|slider move|rack zoom|dolly track|steady cam|camera shake|
		shaky cam|shaky camera|snorricam|bullet time|vertigo effect|push-pull`},
	{role: "camera.lens", multi: 0.9, single: 0.8, forms: formsNoun, terms: `
		wide-angle lens|wide angle|wide-angle|ultra-wide lens|ultra-wide|ultra wide-angle|
		telephoto lens|telephoto|long lens|fisheye lens|fisheye|fish-eye lens|fish-eye|
		macro lens|prime lens|zoom lens|anamorphic lens|anamorphic|spherical lens|
		tilt-shift lens|tilt-shift|lens flare|lens flares|anamorphic flare|
		anamorphic flares|portrait lens|normal lens|vintage lens|cine lens|cinema lens|
		split diopter|diopter|focal length|lens distortion|barrel distortion|
		chromatic aberration|lens breathing|aperture~0.6|wide aperture|open aperture|
		narrow aperture|f-stop~0.7|T-stop~0.7|lensbaby|
		petzval lens|helios lens|cooke lenses|zeiss lenses|master primes`},
	{role: "camera.focus", multi: 0.9, single: 0.75, forms: formsNoun, terms: `
		shallow depth of field|deep depth of field|depth of field|shallow DOF|deep DOF|
		DOF~0.7|deep focus|shallow focus|selective focus|soft focus|sharp focus|
		tack-sharp focus|tack sharp|rack focus|focus pull|pull focus|pulling focus|
		racking focus|split focus|out of focus|in focus~0.55|out-of-focus|bokeh|
		creamy bokeh|background blur|blurred background|blurry background|
		focus shift|focus racks|defocused|defocus|hyperfocal|soft-focus|
		sharply focused|crisp focus|pinpoint focus|
		focus falloff|focal plane|background bokeh|foreground blur`},
}
