package stream

// audioTechnicalGroups covers sound and the few technical specifications
// that are words rather than numbers (numbers are patterns, see pattern.go).
var audioTechnicalGroups = []vocabGroup{
	{role: "audio.score", multi: 0.9, single: 0.72, forms: formsNoun, grow: true, terms: `
		score~0.65|orchestral score|musical score|film score|soundtrack|music~0.7|
		background music|piano score|piano melody|melody|string section|strings~0.45|
		synth score|synth~0.65|synthesizer|electronic score|choir|choral|
		drums~0.6|percussion|beat~0.5|lullaby|theme~0.5|leitmotif|swelling strings|
		jazz|lo-fi beats|classical music|orchestral~0.7|orchestra|cinematic score|
		hip-hop|rock music|acoustic guitar|guitar riff|violin solo|cello|
		piano|ambient music|ambient score|minimalist score|pulsing synths|
		bassline|song|anthem|hymn|chant|chanting|humming|whistling|
		music box|organ music|folk music|country music|techno|EDM|score swells`},
	{role: "audio.soundEffect", multi: 0.88, single: 0.7, forms: formsNoun, grow: true, terms: `
		sound effects|sound effect|SFX|foley|footsteps|whoosh|explosion|explosions|
		gunshot|gunfire|door creak|creak|creaking|thunderclap|crash~0.55|heartbeat|
		ticking clock|clock ticking|glass shattering|shattering glass|engine roar|
		engine rumble|roar~0.55|tires screeching|screeching tires|siren~0.55|
		sirens~0.55|laughter~0.6|applause|knock~0.55|knocking|rustling leaves|
		crackling fire|crunching snow|splash~0.55|splashing|thud|bang|boom~0.4|
		beep|beeping|click|clicking|ringing phone|phone ringing|doorbell|alarm|
		bell~0.55|bells~0.55|church bells|whistle|horn honking|car horn|honking|
		bark~0.5|howl|howling~0.55|growl|scream|screams|shout|shouts|gasp|sigh|
		whisper~0.55|typing sounds|keyboard clicks|camera shutter|shutter click|
		record scratch|sonic boom|rumble~0.55|rumbling|hiss|hissing|buzzing|crackle`},
	{role: "audio.ambient", multi: 0.88, single: 0.7, forms: formsNoun, grow: true, terms: `
		ambient sound|ambient sounds|ambient noise|ambience|ambiance|room tone|
		city ambience|city sounds|traffic noise|street noise|crowd noise|
		crowd murmur|murmur~0.55|birdsong|birds chirping|chirping birds|crickets|
		wind howling|howling wind|rain sounds|sound of rain|sound of waves|
		waves crashing|crashing waves|distant traffic|hum~0.55|silence|
		natural sound|natural sounds|diegetic sound|diegetic|non-diegetic|dialogue|
		voiceover|voice-over|narration|whispers|chatter|ASMR|soundscape|
		nature sounds|forest sounds|ocean sounds|white noise|static noise|
		background chatter|distant thunder|rolling thunder|thunder~0.6|wind chimes|
		rustling~0.55|babbling brook|dripping water|water dripping|echo|echoes|
		reverb|muffled sounds|muffled voices|distant voices|hum of machinery`},
	{role: "technical.resolution", multi: 0.92, single: 0.85, forms: formsFixed, terms: `
		UHD|ultra HD|ultra-HD|full HD|FHD|HD~0.6|high definition|high-definition|
		4K UHD|8K UHD|standard definition|SD~0.4|QHD|cinema 4K|DCI 4K|
		ultra high definition|high resolution|high-resolution|hi-res|low resolution`},
	{role: "technical.frameRate", multi: 0.9, single: 0.75, forms: formsFixed, terms: `
		slow motion|slow-motion|slow mo|slow-mo|slo-mo|slowmo|time-lapse~0.65|
		timelapse~0.65|time lapse~0.65|hyperlapse|high frame rate|HFR|speed ramp|
		speed ramping|undercranked|overcranked|frame rate|variable frame rate|
		real time~0.5|real-time~0.5|fast motion|fast-motion|step printing|
		bullet-time|frame-by-frame|stop-frame|freeze frame|freeze-frame`},
	{role: "technical.aspectRatio", multi: 0.9, single: 0.8, forms: formsFixed, terms: `
		widescreen|letterbox|letterboxed|anamorphic widescreen|cinemascope|
		vertical format|vertical video|portrait orientation|landscape orientation|
		square format|aspect ratio|academy ratio|scope ratio|full frame~0.5|
		ultrawide|ultra-widescreen|pillarbox|pillarboxed|open matte`},
	{role: "technical.duration", multi: 0.85, single: 0.7, forms: formsFixed, terms: `
		short clip|brief clip|loop~0.45|seamless loop|looping~0.45`},
}
