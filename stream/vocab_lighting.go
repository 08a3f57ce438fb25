package stream

// lightingGroups covers what emits light, its character, the time of day
// and colour temperature. Sources are things that glow; quality is how the
// light falls (direction, hardness, contrast and what it draws).
var lightingGroups = []vocabGroup{
	{role: "lighting.source", multi: 0.9, single: 0.75, forms: formsNoun, grow: true, terms: `
		sunlight|daylight|natural light|natural daylight|window light|moonlight|
		candlelight|candle|firelight|lamplight|lamp|desk lamp|table lamp|floor lamp|
		street lamp|streetlight|street light|streetlamp|lamp post~0.55|lantern|
		neon sign|neon light|neon glow|neon tubes|LED~0.7|LED light|LED panel|LED strip|
		LED wall|ring light|softbox|key light|fill light|practical light|practical~0.6|
		practicals|tungsten light|tungsten bulb|tungsten lamp|tungsten~0.6|bulb|
		light bulb|bare bulb|fluorescent light|fluorescent tube|fluorescent lighting|
		fluorescents|overhead light|overhead lamp|ceiling light|ceiling lamp|spotlight|
		follow spot|headlights|headlight|car headlights|flashlight|torch|torchlight|
		campfire|fireplace|bonfire|fire~0.55|flames~0.6|embers|screen glow|screen light|
		monitor glow|TV glow|television glow|phone screen|sun~0.6|setting sun|rising sun|
		skylight|sunbeams|sunbeam|sun rays|sunrays|moon~0.6|starlight|stars~0.55|HMI|
		HMI light|fresnel|chandelier|string lights|fairy lights|christmas lights|
		strobe light|strobe|strobes|police lights|emergency lights|siren lights|
		glow sticks|projector|projector beam|headlamp|stage lights|stage lighting|
		footlights|work light|work lights|light panel|light box|lightbox|bounce board|
		reflector|beauty dish|umbrella light|tube light|light tube|light sabers|
		lighthouse beam|searchlight|searchlights|light source|sunlamp|oil lamp|
		kerosene lamp|paper lantern|chinese lanterns|torches|matchlight|lighter flame|
		magic lantern|bioluminescence|bioluminescent glow|aurora|northern lights|
		city lights|traffic lights|brake lights|taillights|neon signage|billboard glow|
		moonbeams|moonbeam`},
	{role: "lighting.quality", multi: 0.9, single: 0.72, forms: formsNoun, grow: true, terms: `
		soft light|soft lighting|hard light|hard lighting|diffused light|diffuse light|
		diffused lighting|harsh light|harsh lighting|dramatic lighting|moody lighting|
		low-key lighting|low-key|low key~0.8|high-key lighting|high-key|high key~0.8|
		rembrandt lighting|butterfly lighting|split lighting|loop lighting|
		broad lighting|short lighting|paramount lighting|clamshell lighting|chiaroscuro|
		chiaroscuro lighting|rim light|rim lighting|rim-lit|rim-lighting|backlight|
		backlit|backlighting|back-lit|back light|edge light|edge lighting|hair light|
		side light|sidelight|side lighting|side-lit|sidelit|top light|top-lit|toplit|
		underlighting|uplighting|under-lit|front lighting|front-lit|three-point lighting|
		bounce light|bounce fill|bounced light|fill~0.6|negative fill|volumetric light|
		volumetric lighting|volumetric fog|god rays|crepuscular rays|
		light rays|light shafts|shafts of light|beams of light|pools of light|
		pool of light|rays of light|streaks of light|slivers of light|dappled light|
		dappled sunlight|dappled shadows|dappled patterns|silhouette|silhouetted|
		shadows~0.68|shadow~0.62|shadow play|deep shadows|long shadows|hard shadows|
		soft shadows|cast shadows|highlights~0.62|specular highlights|reflections~0.55|
		reflection~0.5|glow~0.6|warm glow|soft glow|ambient light|ambient lighting|
		high contrast lighting|practical lighting|motivated lighting|naturalistic lighting|
		available light|flat lighting|even lighting|overhead lighting|studio lighting|
		cinematic lighting|noir lighting|neon lighting|golden light|warm light|cool light|
		cold light|blue light|light patterns|caustics|caustic patterns|
		flickering light|light flicker|strobing|halation|light bloom|bloom~0.55|haze~0.5|
		atmospheric haze|hazy light|contre-jour|contrejour|light spill|
		hotspot|hot spots|falloff|light falloff|gradient light|rim glow|halo|light halo|
		catchlight|catchlights|eye light|kicker|kicker light|top-down lighting|
		underlit|spotlit|spot-lit|lit from below|lit from above|lit from behind|
		light and shadow|interplay of light|contrasty light|moody shadows|
		sun flare~0.7|sun glare|glare~0.6|sheen|luminance|luminous glow`},
	{role: "lighting.timeOfDay", multi: 0.92, single: 0.8, forms: formsFixed, terms: `
		golden hour|magic hour|blue hour|dawn|dusk|sunrise|sunset|twilight|daybreak|
		first light|first light of dawn|midday|noon|high noon|midnight|night~0.6|nighttime|
		night-time|at night|daytime|morning~0.7|early morning|late morning|
		mid-morning|afternoon~0.7|early afternoon|late afternoon|mid-afternoon|
		midafternoon|evening~0.7|early evening|late evening|late night|small hours|
		midday sun|noon sun|afternoon sun|morning sun|evening sun|winter sun|
		summer sun|harsh midday sun|pre-dawn|predawn|sundown|nightfall|gloaming|
		blue-hour|golden-hour|after dark|overnight|daylight hours`},
	{role: "lighting.colorTemp", multi: 0.9, single: 0.75, forms: formsNoun, grow: true, terms: `
		color temperature|colour temperature|white balance|color cast|colour cast|
		tungsten balanced|tungsten-balanced|daylight balanced|daylight-balanced|
		warm white|cool white|neutral white|CTO gel|CTB gel|CTO~0.7|CTB~0.7|kelvin~0.6|color temp|
		mixed color temperatures|mixed lighting|daylight temperature|tungsten warmth|
		sodium vapor|sodium-vapor|
		sodium orange|mercury vapor|color contrast`},
}
