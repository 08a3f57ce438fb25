package stream

// verbLists are the verbs of the phrase rules, in base form; every form is
// generated (see verbForms). Camera verbs label only with the camera as
// their subject or as a sentence-initial instruction ("Pan left ...").
var verbLists = []verbList{
	{"", `pan|tilt|zoom|dolly|truck|crane|boom|pedestal|track|push|pull|arc|orbit|circle|
		rotate|roll|spin|spiral|swing|sweep|swoop|glide|drift|float|hover|rise|ascend|
		descend|drop|lower|lift|climb|dive|fly|soar|move|travel|slide|creep|crawl|follow|
		trail|lead|race|rush|lunge|jerk|shake|whip|snap|settle|ease|accelerate|
		decelerate|slow|stop|pause|hold|linger|start|return|reverse|retreat|recede|
		approach|advance|close|weave|bob|sway|turn|pivot|whirl|yaw|sail|skim|hurtle|
		plunge|zip|veer|curve|bank|level|tilt-shift|whip-pan|swish-pan|yaw-rotate|
		push-in|pull-out|fly-through|flyover|dolly-zoom|reframe|refocus|rack|shift|
		wander|snake|corkscrew|spin-around|arc-around|cut|track-in|tracks|emerge|
		descend|climb|tumble|nudge|inch|backpedal|sidestep|strafe|circle-around`},
	{"action.movement", `walk|run|sprint|jog|stroll|wander|march|stride|hurry|rush|dash|
		race|chase|flee|climb|jump|leap|hop|skip|dance|spin|twirl|twist|swim|dive|surf|
		ski|skate|skateboard|snowboard|cycle|ride|drive|fly|soar|glide|float|drift|
		crawl|creep|prowl|stalk|sneak|slide|slip|fall|tumble|carve|paddle|row|sail|wade|
		splash|kick|throw|toss|catch|swing|punch|fight|wrestle|chop|cut|slice|stir|
		pour|blend|mix|knead|cook|fry|bake|paint|draw|sketch|write|type|play|strum|
		drum|hammer|saw|dig|plant|sow|water|harvest|gather|pick|collect|sweep|clean|
		wash|scrub|polish|oil|repair|fix|build|assemble|craft|sew|knit|weave|carry|
		drag|push|pull|lift|load|unload|fold|open|flip|turn|deliver|hunt|pounce|gallop|
		trot|canter|charge|stumble|limp|sway|rock|bounce|shake|tremble|shiver|stretch|
		bend|duck|dodge|perform|juggle|feed|chew|plate|garnish|sizzle|grill|roast|
		brew|sip|spray|fish|cast|reel|shoot|aim|fire|sing|shout|scream|laugh|cry|
		hug|embrace|kiss|chase|scamper|scurry|waddle|slither|swoop|flutter|flap|
		hover|graze|roam|patrol|explore|search|rummage|sort|browse|shop|bicycle|
		pedal|steer|navigate|escape|pursue|tackle|dribble|shoot|serve|spar|train|
		exercise|stretch|practice|rehearse|sculpt|mold|carve|weld|forge|hammer|
		tinker|fiddle|tend|prune|rake|shovel|mow|sweep|mop|dust|sprinkle|
		spread|pack|unpack|wrap|unwrap|stack|arrange|splash|spin|turn|step|tiptoe|
		stomp|skid|drift|bolt|lunge|sprawl|scramble|ascend|descend|emerge|enter|
		exit|cross|circle|orbit|approach|depart|arrive|leave|return|rise|sink|bark|growl|
		howl|meow|purr|chirp|roar|neigh|snarl|splash`},
	{"action.state", `stand|sit|lean|lie|rest|wait|pause|linger|hold|grip|clutch|cradle|
		gaze|stare|look|watch|observe|glance|peer|read|study|examine|inspect|listen|
		sleep|nap|doze|lounge|perch|kneel|crouch|squat|hide|hang|balance|float|hover|
		ponder|eat|drink|pose|meditate|pray|
		breathe|remain|stay|loom|tower|slump|recline|sprawl|huddle|cower|brood|
		daydream|dream|think|focus|concentrate|contemplate|admire|face|overlook|
		await|idle|bask|sunbathe|soak|bathe|shelter|guard|smoke|chew|munch|nibble|
		feast|dine|snack|savor|taste|smell|sniff|type|scroll|text|sulk|weep|sob|
		mourn|work|toil|labor|write|draw|paint`},
	{"action.gesture", `wave|point|nod|shrug|gesture|beckon|salute|bow|wink|clap|applaud|
		reach|wipe|touch|caress|stroke|pat|hug|embrace|kiss|adjust|tap|grab|scratch|rub|
		brush|tuck|fidget|cover|signal|raise|lower|extend|offer|toast|cheer|
		high-five|fist-bump|frown|smile|grin|smirk|
		squint|blink|sigh|gasp|yawn|clench|clasp|fold|cross|tilt|lift|
		sweep|flick|snap|beckon|hush|shush|cradle|press|grasp|clutch|squeeze|
		pinch|twirl|fiddle|adjust|straighten|smooth|dab|pet|cuddle|nuzzle`},
}
