package stream

// vocabGroup is a list of terms sharing a role and confidence rules.
type vocabGroup struct {
	role   string
	multi  float64  // confidence of a term of two or more words
	single float64  // confidence of a one-word term
	forms  formKind // which inflections to generate
	grow   bool     // matches may grow leftward over modifiers
	needs  bool     // one-word terms count only with a modifier
	// terms separated by "|" or newlines; "term~0.6" sets one confidence.
	terms string
}

// wordList gives a class to a list of words.
type wordList struct {
	cls   wordClass
	words string
}

// verbList is a list of verbs; role is empty for camera movement verbs.
type verbList struct {
	role  string
	verbs string
}

// wordLists are the closed classes and the open lists the phrase rules
// consult. Words may sit in several lists.
var wordLists = []wordList{
	{clsDet, `a|an|the|this|that|these|those|his|her|their|its|my|your|our|one|two|three|
		four|five|several|some|many|few|each|every|another|no|any|both|all|such`},
	{clsPrep, `in|at|on|of|by|with|from|to|into|onto|through|across|along|against|before|
		behind|beside|besides|between|beneath|below|above|over|under|underneath|near|around|
		toward|towards|past|inside|outside|within|without|amid|amidst|among|upon|during|
		after|for|like|via|alongside|throughout|beyond|off|out|down|up|about|than|per`},
	{clsConj, `and|or|but|as|while|then|when|where|which|who|whom|whose|so|yet|nor|
		because|until|if|whilst|though|although|whereas|than|finally|also`},
	{clsPron, `he|she|it|they|we|i|you|him|them|us|me|itself|himself|herself|themselves|
		something|someone|everything|everyone|nothing|there|here`},
	{clsAux, `is|are|was|were|be|being|been|has|have|had|do|does|did|will|would|can|could|
		should|may|might|must|uses|use|using|used|create|creates|creating|created|make|makes|
		making|made|show|shows|showing|shown|feature|features|featuring|featured|capture|
		captures|capturing|captured|reveal|reveals|revealing|revealed|add|adds|adding|give|
		gives|giving|keep|keeps|keeping|guide|guides|guiding|isolate|isolates|isolating|
		highlight|highlights|highlighting|emphasize|emphasizes|emphasizing|evoke|evokes|
		evoking|convey|conveys|conveying|set|sets|get|gets|getting|become|becomes|seem|
		seems|appear|appears|appearing|frame|frames|framing|inspired|reminiscent|similar|
		akin|emulating|emulate|emulates|echoing|suggesting|let|lets|see|seen|end|ends|
		begin|begins|illuminated|illuminating|illuminates|casting|casts|cast|bathed|
		bathing|filled|filling|fills|surrounded|covered|visible`},
	{clsParticle, `up|down|in|out|left|right|back|backward|backwards|forward|forwards|
		sideways|laterally|around|away|over|past|through|along|across|aside|off|on|
		closer|downhill|uphill|ahead|behind|below|above|together|apart|vertically|
		horizontally|diagonally|upward|upwards|downward|downwards|inward|outward|
		clockwise|counterclockwise|counter-clockwise|anticlockwise|overhead|home|
		downstairs|upstairs|downstream|upstream|onward|onwards|nearer|further|farther`},
	{clsAdverb, `slowly|quickly|gently|smoothly|steadily|gradually|suddenly|abruptly|
		slightly|simultaneously|finally|carefully|gracefully|briskly|intently|
		thoughtfully|energetically|meticulously|weightlessly|softly|lazily|calmly|
		swiftly|rapidly|fast|slow|still|again|together|alone|barely|almost|just|
		very|quite|rather|too|even|only|now|soon|then|once|twice|fully|partly`},
	{clsAdj, adjectives},
	{clsAdj, materials},
	{clsHeading, `shot|shots|type|types|framing|composition|subject|subjects|character|
		characters|action|actions|movement|movements|motion|environment|setting|settings|
		location|locations|scene|scenes|background|lighting|light|camera|cameras|lens|
		lenses|angle|angles|focus|style|styles|reference|references|aesthetic|aesthetics|
		look|mood|tone|tones|color|colour|colors|colours|grade|grading|palette|technical|
		tech|specs|specifications|spec|format|details|detail|audio|sound|sounds|music|score|
		sfx|notes|note|description|prompt|overview|summary|visual|visuals|key|elements|
		time|of|day|weather|wardrobe|costume|costumes|appearance|emotion|emotions|duration|
		frame|rate|resolution|aspect|ratio|film|stock|negative|alternatives|alternative|
		variations|variation|and|mood|atmosphere|output|parameters|params|main|primary|
		secondary|optional|additional|cinematography|direction|sound design|ambience|
		performance|blocking|props|set|design|post|processing|effects|vfx|the|a|an|for`},
	{clsFilm, `film|films|footage|stock|grain|celluloid|print|reel|negative|kodak|fuji|
		fujifilm|ilford|cinestill|ektachrome|kodachrome|portra|vision3|velvia|agfa`},
	{clsLensWord, `lens|lenses|prime|primes|anamorphic|zoom|macro|telephoto|spherical|
		wide-angle|wide|cine|glass|focal|length`},
}

// adjectives lists common descriptive adjectives of video prompts: colour,
// size, age, texture, light, mood and place. Unlisted adjectives are often
// still recognized by their ending (see isModifier).
const adjectives = `
red|orange|yellow|green|blue|purple|violet|pink|white|black|gray|grey|brown|golden|gold|
silver|amber|cyan|teal|magenta|crimson|scarlet|maroon|beige|ivory|bronze|copper|turquoise|
emerald|navy|indigo|lavender|lilac|olive|ochre|rust|tan|cream|charcoal|jet|pale|dark|light|
bright|dim|deep|vivid|vibrant|muted|pastel|neon|blonde|blond|auburn|ginger|brunette|
big|large|small|tiny|huge|giant|massive|enormous|tall|short|long|wide|narrow|thin|thick|
broad|vast|little|slim|slender|lean|stocky|petite|chubby|plump|heavy|light|high|low|
young|old|elderly|ancient|aged|middle-aged|teenage|new|modern|vintage|retro|classic|antique|
worn|weathered|rough|smooth|wet|dry|dusty|rusty|rusted|muddy|shiny|glossy|matte|soft|hard|
harsh|gentle|warm|cool|cold|hot|icy|frozen|fresh|crisp|sharp|clean|dirty|messy|tidy|neat|
rich|subtle|faint|strong|intense|dramatic|moody|quiet|busy|crowded|empty|abandoned|lonely|
distant|nearby|sunlit|moonlit|candlelit|lit|sunny|snowy|rainy|foggy|misty|stormy|cloudy|
natural|artificial|practical|single|dappled|striped|spotted|curly|straight|wavy|fluffy|
furry|bald|bearded|muscular|athletic|elegant|graceful|fierce|gritty|urban|rural|suburban|
tropical|arctic|alpine|coastal|industrial|futuristic|medieval|victorian|gothic|rustic|
cozy|cosy|grand|tiny|open|closed|narrow|winding|steep|flat|sprawling|towering|dense|
lush|barren|desolate|remote|hidden|secret|sacred|holy|haunted|dim|gloomy|shadowy|hazy|
glowing|flickering|shimmering|sparkling|twinkling|blinking|pulsing|swirling|rolling|
falling|rising|setting|drifting|floating|hanging|burning|smoldering|crackling|
diffused|diffuse|filtered|scattered|reflected|bounced|directional|ambient|overhead|
cinematic|documentary|handheld|static|steady|shaky|smooth|fluid|kinetic|dynamic|
upper|lower|inner|outer|central|main|
whole|entire|full|half|double|twin|lone|solitary|various|colorful|colourful|
beautiful|pretty|handsome|ugly|plain|simple|ornate|intricate|delicate|fragile|sturdy|
solid|hollow|transparent|translucent|opaque|reflective|metallic|wooden|woolen|woollen|
leathery|silky|velvety|golden-hour|sun-drenched|rain-soaked|snow-covered|tree-lined|
overgrown|manicured|polished|battered|tattered|torn|ragged|faded|stained|cracked|broken|
shattered|twisted|gnarled|wrinkled|freckled|tattooed|scarred|pierced|painted|carved|
engraved|embroidered|patterned|checkered|plaid|tartan|floral|polka-dot|sleek|slick|
rugged|grizzled|wiry|lanky|burly|brawny|petite|mysterious|ominous|eerie|serene|calm|
peaceful|tranquil|idyllic|bustling|lively|vibrant|chaotic|frantic|sterile|clinical|
neutral|deep|shallow|soft-focus|blurred|blurry|hazy|grainy|noisy|clear|flawless|
pristine|immaculate|dilapidated|rundown|run-down|derelict|crumbling|ruined|makeshift|
cluttered|sparse|minimal|minimalist|luxurious|opulent|lavish|humble|modest|shabby|
raw|bare|naked|exposed|hidden|glass|stone|iron|steel|brass|chrome|marble|concrete|
brick|wood|paper|plastic|rubber|canvas|cotton|silk|velvet|satin|lace|linen|wool|denim|
leather|suede|fur|feathered|knitted|woven|sequined|beaded|metal|ceramic|porcelain|
crystal|golden|silvery|bony|slippery|sticky|dusty|smoky|steamy|misty|sunny|breezy|
windswept|wind-swept|sandy|rocky|grassy|leafy|mossy|icy|frosty|snowy|watery|murky|
translucent|luminous|radiant|brilliant|dazzling|blinding|gleaming|glistening|
iridescent|prismatic|holographic|psychedelic|surreal|dreamy|ethereal|whimsical|
nostalgic|melancholic|somber|sombre|bleak|grim|dreary|cheerful|joyful|playful|
festive|romantic|intimate|epic|majestic|monumental|colossal|miniature|mini|
intermittent|constant|occasional|faint|soft|hard|harsh|flat|even|uneven|patchy|
specular|volumetric|caustic|glossy|matte|satin|velvet|organic|geometric|symmetrical|
asymmetrical|vertical|horizontal|diagonal|circular|round|square|oval|curved|jagged|
pointed|spiky|bristly|shaggy|sleepy|tired|wild|tame|feral|stray|domestic|local|foreign|
distant|faraway|far|near|close|tight|loose|baggy|fitted|oversized|cropped|ripped|own|
`

// materials are nouns that commonly modify other nouns: "leather jacket".
const materials = `
leather|denim|wool|cotton|silk|velvet|satin|lace|linen|tweed|flannel|corduroy|suede|
nylon|polyester|canvas|burlap|wicker|bamboo|wood|oak|pine|mahogany|walnut|cedar|birch|
stone|granite|marble|slate|brick|concrete|cement|glass|steel|iron|brass|bronze|copper|
chrome|aluminum|aluminium|tin|gold|silver|platinum|plastic|rubber|paper|cardboard|
porcelain|ceramic|clay|terracotta|crystal|diamond|pearl|ivory|bone|fur|feather|wax|
neon|tungsten|sodium|halogen|led|fluorescent|incandescent|xenon|mercury|
`
