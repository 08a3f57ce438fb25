package stream

// styleGroups covers looks and genres (including film-makers whose names
// stand for a look), film stocks and colour grading.
var styleGroups = []vocabGroup{
	{role: "style.aesthetic", multi: 0.9, single: 0.75, forms: formsFixed, grow: true, terms: `
		film noir|noir|neo-noir|cinematic~0.6|documentary~0.7|documentary style|
		documentary-style|mockumentary|cinema verite|cinéma vérité|verite|vérité|
		photorealistic|photorealism|hyperrealistic|hyper-realistic|hyperrealism|
		realism|naturalistic|naturalism|surreal|surrealist|surrealism|dreamlike|
		dreamy~0.6|ethereal~0.6|whimsical~0.6|minimalist~0.65|minimalism|maximalist|
		brutalist|cyberpunk|steampunk|solarpunk|dieselpunk|retro~0.6|retro-futuristic|
		retrofuturism|vaporwave|synthwave|Y2K|grunge|gothic~0.6|baroque|art deco|
		art nouveau|impressionist|impressionistic|expressionist|expressionism|
		german expressionism|pop art|anime|anime style|manga|cartoon|animated|
		3D animation|2D animation|stop-motion|stop motion|claymation|pixar style|
		studio ghibli|ghibli|watercolor|watercolour|oil painting|painterly|
		pencil sketch|charcoal sketch|comic book|graphic novel|cel-shaded|low poly|
		pixel art|voxel art|lo-fi|glitch art|glitch~0.6|VHS|VHS aesthetic|
		found footage|home video|home movie|music video|commercial~0.6|
		advertisement|editorial~0.6|fashion editorial|fashion film|epic~0.55|
		fantasy~0.6|sci-fi|science fiction|horror|thriller|western~0.6|
		spaghetti western|indie film|arthouse|art house|art-house|art cinema|
		art film|european art cinema|hollywood blockbuster|blockbuster|bollywood|
		nature documentary|wildlife documentary|historical documentary|
		sports documentary|street photography|fine art photography|
		portrait photography|fashion photography|aerial photography|
		time-lapse photography|travel vlog|vlog|action cam|sports footage|
		broadcast~0.6|newsreel|archival footage|period drama|period piece|
		historical drama|costume drama|historical reenactment|reenactment|
		slice of life|slice-of-life|cinematic realism|gritty realism|magical realism|
		social realism|neorealism|italian neorealism|french new wave|new wave~0.6|
		dogme 95|kitchen sink realism|americana|pastoral~0.6|noir aesthetic|
		vintage aesthetic|retro aesthetic|aesthetic~0.55|sitcom|soap opera|
		telenovela|k-drama|nature film|survival film|road movie|coming-of-age|
		wes anderson|stanley kubrick|kubrick|kubrickian|tarkovsky|andrei tarkovsky|
		wong kar-wai|ridley scott|denis villeneuve|roger deakins|christopher nolan|
		david fincher|steven spielberg|spielberg|alfred hitchcock|hitchcock|
		hitchcockian|terrence malick|malick|sofia coppola|francis ford coppola|
		quentin tarantino|tarantino|akira kurosawa|kurosawa|hayao miyazaki|miyazaki|
		david lynch|lynchian|michael mann|emmanuel lubezki|lubezki|ken burns|
		edward hopper|gregory crewdson|ansel adams|annie leibovitz|wim wenders|
		yasujiro ozu|ozu|ingmar bergman|bergman|federico fellini|fellini|
		jean-luc godard|godard|agnès varda|chloé zhao|bong joon-ho|park chan-wook|
		greta gerwig|barry jenkins|spike jonze|sergio leone|john carpenter|
		tim burton|guillermo del toro|zack snyder|michael bay|baz luhrmann|
		gaspar noé|nicolas winding refn|hoyte van hoytema|vittorio storaro|
		sven nykvist|gordon willis|robert richardson|rembrandt~0.5|vermeer|
		caravaggio|monet|van gogh|hokusai`},
	{role: "style.filmStock", multi: 0.92, single: 0.85, forms: formsFixed, terms: `
		kodak portra|portra|kodak vision3|vision3|kodak vision|kodachrome|ektachrome|
		kodak ektar|ektar|kodak tri-x|tri-x|kodak double-x|double-x|kodak gold|
		kodak colorplus|kodak~0.7|fujifilm~0.7|fuji~0.6|fujicolor|fuji velvia|velvia|
		fuji provia|provia|fuji eterna|eterna|fuji superia|superia|fuji pro 400h|
		ilford~0.75|ilford hp5|hp5|ilford delta|ilford fp4|cinestill|agfa|agfa vista|
		lomochrome|polaroid|instant film|super 8|super 8mm|super-8|super 16|
		super-16|super 35|super-35|celluloid|film stock|film grain|analog film|
		analogue film|black-and-white film|color negative film|colour negative film|
		reversal film|slide film|motion picture film|technicolor|three-strip technicolor|
		35mm film|16mm film|8mm film|65mm film|70mm film|IMAX film|IMAX~0.6|
		grainy film|film emulation|halide|silver halide|orwo|kodak 5219|kodak 5207`},
	{role: "style.colorGrade", multi: 0.9, single: 0.72, forms: formsNoun, grow: true, terms: `
		color grade|colour grade|color grading|colour grading|teal and orange|
		orange and teal|teal-and-orange|desaturated|desaturated colors|muted colors|
		muted colours|muted tones|muted palette|pastel palette|pastel colors|
		pastel tones|warm tones|cool tones|earthy tones|earth tones|skin tones|
		sepia|sepia tone|sepia-toned|monochrome|monochromatic|black and white|
		black-and-white|grayscale|greyscale|high contrast|low contrast|high-contrast|
		low-contrast|crushed blacks|lifted blacks|faded blacks|milky blacks|
		bleach bypass|cross-processed|film look|LUT|vibrant colors|vibrant colours|
		saturated colors|oversaturated|undersaturated|rich colors|bold colors|
		vivid colors|color palette|colour palette|palette~0.6|tones~0.55|tone~0.5|
		hue~0.55|hues~0.55|tint~0.6|green tint|cyan tint|color wash|duotone|
		split toning|sepia tone effect|vintage grade|filmic grade|cinematic grade|
		two-tone|tonal range|color scheme|colour scheme|color contrast~0.6|
		complementary colors|analogous colors|primary colors|jewel tones|
		candy colors|neon palette|washed-out colors|washed out|faded colors|
		warm grade|cool grade|golden tones|amber tones|blue tones|teal shadows|
		color bleed|kodachrome colors`},
}
