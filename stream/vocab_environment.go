package stream

// environmentGroups covers places, weather and the things that furnish a
// scene. Props are the least certain: a bench may be a setting or a prop.
var environmentGroups = []vocabGroup{
	{role: "environment.location", multi: 0.88, single: 0.72, forms: formsNoun, grow: true,
		terms: `
		room|living room|bedroom|bathroom|kitchen|dining room|hallway|corridor|
		staircase|stairwell|attic|basement|cellar|garage|office|studio|workshop|
		library|classroom|lecture hall|laboratory|lab~0.6|hospital|hospital room|
		operating room|clinic|ward|waiting room|lobby|elevator|apartment|loft|
		penthouse|cabin|cottage|farmhouse|mansion|manor|palace|castle|tower|
		lighthouse~0.6|church|cathedral|chapel|temple|shrine|monastery|mosque|
		museum|gallery|art gallery|theater|theatre|cinema|stage|concert hall|
		opera house|arena|stadium|gym|gymnasium|locker room|boxing ring|dance floor|
		ballroom|nightclub|club~0.55|bar|pub|tavern|saloon|restaurant|cafe|café|
		coffee shop|diner|cafeteria|canteen|bakery|market|marketplace|bazaar|
		shop|store|boutique|supermarket|grocery store|mall|shopping mall|pharmacy|
		bookstore|bookshop|factory|warehouse|mill|foundry|power plant|refinery|
		construction site|shipyard|dock|docks|harbor|harbour|port|pier|wharf|marina|
		boardwalk|jetty|station|train station|subway|subway station|metro|platform|
		airport|hangar|runway|bus stop|gas station|parking lot|parking garage|
		street|city street|side street|back street|alley|alleyway|road|highway|
		freeway|motorway|bridge|tunnel|intersection|crosswalk|sidewalk|pavement~0.55|
		boulevard|avenue|plaza|square|courtyard|backyard|front yard|yard~0.6|porch|
		balcony|terrace|rooftop|roof|patio|driveway|neighborhood|neighbourhood|suburb|
		suburbs|downtown|city|town|village|hamlet|metropolis|cityscape|skyline|
		slum|favela|ghetto|district|quarter|chinatown|ruins|park|playground|garden|
		botanical garden|greenhouse|orchard|vineyard|farm|ranch|barn|stable|field|
		meadow|pasture|prairie|grassland|savanna|savannah|farmland|countryside|
		forest|woods|woodland|jungle|rainforest|grove|clearing|trail|path|pathway|
		footpath|desert|dunes|sand dunes|oasis|canyon|gorge|valley|ravine|cliff|
		cliffs|cliffside|mountain|mountains|mountaintop|summit|peak|ridge|hill|hills|
		hillside|slope|ski slope|glacier|ice field|tundra|volcano|crater|cave|cavern|
		grotto|beach|shore|shoreline|coast|coastline|seaside|bay|cove|ocean|sea|
		lake|lakeside|pond|river|riverbank|stream~0.55|creek|waterfall|lagoon|
		swamp|marsh|bog|wetlands|reef|coral reef|seabed|ocean floor|island|
		space station|spaceship|spacecraft|cockpit|bridge of a starship|space~0.5|
		outer space|orbit~0.5|planet|moon surface|lunar surface|mars|asteroid field|
		car interior|backseat|train car|carriage|subway car|bus|boat|ship|deck|
		yacht|submarine|plane cabin|battlefield|trench|bunker|prison|cell~0.55|
		courtroom|boardroom|conference room|cubicle|newsroom|control room|
		server room|studio apartment|dorm room|nursery|playroom|den|study~0.55|
		parlor|salon|spa|sauna|swimming pool|pool deck|hot tub|locker|garden path|
		cemetery|graveyard|battleground|campsite|camp|tent|fairground|carnival|
		amusement park|zoo|aquarium|farmers market|night market|food court|arcade|
		casino|hotel|hotel room|motel|inn|hostel|laundromat|barbershop|salon|
		tattoo parlor|garage workshop|studio set|soundstage|
		wasteland|badlands|steppe|plains|highlands|lowlands|fjord|archipelago|
		metropolis|megacity|underpass|overpass|rail yard|railway|train tracks|
		canal|harbor front|waterfront|promenade|esplanade|skyscraper|skyscrapers|
		interior|exterior~0.55|indoors~0.6|outdoors~0.6|nook|window seat`},
	{role: "environment.weather", multi: 0.88, single: 0.75, forms: formsNoun, grow: true,
		terms: `
		rain|rainfall|heavy rain|light rain|drizzle|downpour|rainstorm|raindrops|
		snow|snowfall|falling snow|snowflakes|blizzard|sleet|hail|fog|mist|smog|
		storm|thunderstorm|lightning|storm clouds|clouds~0.65|cloud cover|overcast|
		overcast sky|cloudy sky|clear sky|blue sky|grey sky|gray sky|wind|strong wind|
		breeze|gusts|gust of wind|dust storm|sandstorm|heat haze|humidity|frost|
		rainbow|drizzly|foggy~0.7|misty~0.7|rainy~0.7|snowy~0.55|stormy~0.7|windy~0.7|
		hazy~0.6|sunny~0.6|cloudy~0.65|raining|snowing|pouring rain|monsoon|
		typhoon|hurricane|tornado|whiteout|freezing rain|steam~0.5|spray~0.5|
		sea spray|dust~0.55|dust motes|ash~0.5|falling ash|smoke~0.6|mist rising|
		morning mist|morning fog|low fog|ground fog|sunshine|clear weather|
		bad weather|weather~0.55|puddles~0.55|wet streets|rain-slicked streets`},
	{role: "environment.context", multi: 0.8, single: 0.55, forms: formsNoun, grow: true,
		terms: `
		table|desk|workbench|bench|chair|armchair|sofa|couch|bed|stool|shelf|
		bookshelf|bookshelves|bookcase|cabinet|counter|countertop|furniture|toys|
		books|papers|documents|manuscript|map|maps|letters|notebook|
		easel|paintbrush|brushes|paint|instruments|equipment|machinery|tools|
		props|clutter|debris|rubble|wreckage|trash|litter|graffiti|murals|mural|
		posters|paintings|picture frames|photographs|mirror|curtains|blinds|
		wallpaper|paneling|panelling|wood paneling|fence|fences|picket fence|
		gate|		asphalt|cobblestones|cobblestone|gravel|sand~0.6|grass~0.6|wildflowers|
		flowers|petals|leaves~0.6|foliage|trees~0.6|pines|palm trees|vines|moss|
		rocks|boulders|driftwood|waves~0.6|traffic|cars~0.6|vehicles|parked cars|
		crowds~0.6|onlookers|bystanders|passersby|stalls|market stalls|lanterns~0.55|
		candles~0.55|plates|dishes|cutlery|bottles|cups|mugs|
		computer|laptop|monitor|keyboard|screens|screen~0.5|television|TV|radio|
		typewriter|telephone|phone|smartphone|clock|clocks|vase|
		flowers in a vase|fruit bowl|food~0.5|groceries|boxes|crates|barrels|
		shipping containers|scaffolding|pipes|wires|cables|neon signs~0.5|
		billboards|storefronts|shop windows|streetlights~0.5|lamp posts|benches|
		railings|steps|stairs|ladder|tracks~0.5|train~0.6|bicycle|bike|motorcycle|
		car~0.6|van|taxi|bus stop sign|umbrella|umbrellas|kite|balloons|
		confetti|fireworks|snowman|campfire smoke|embers~0.5|smoke plumes`},
}
