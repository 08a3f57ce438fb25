package stream

// subjectGroups covers who or what is filmed: people by age, trade and
// role, animals and breeds, recurring story objects; their bodies,
// clothes and feelings.
var subjectGroups = []vocabGroup{
	{role: "subject.identity", multi: 0.88, single: 0.72, forms: formsNoun, grow: true, terms: `
		man|woman|boy|girl|child|kid|baby|toddler|infant|teenager|teen|adult|person|
		people|couple|family|crowd~0.6|lady|gentleman|guy|grandmother|grandfather|
		grandma|grandpa|mother|father|mom|dad|son|daughter|brother|sister|friend|friends|
		stranger|figure~0.6|character~0.55|protagonist|hero|heroine|villain|
		old man|old woman|young man|young woman|little girl|little boy|elderly man|
		elderly woman|middle-aged man|middle-aged woman|
		astronaut|soldier|knight|detective|chef|cook|baker|butcher|painter|artist|
		sculptor|dancer|ballerina|musician|violinist|cellist|pianist|guitarist|
		drummer|singer|vocalist|DJ|conductor|athlete|runner|jogger|sprinter|cyclist|
		biker|motorcyclist|skier|snowboarder|surfer|skateboarder|skater|hiker|climber|
		mountaineer|swimmer|diver|scuba diver|pilot|driver|farmer|fisherman|lumberjack|
		gardener|botanist|scientist|researcher|doctor|surgeon|nurse|paramedic|teacher|
		student|professor|worker|construction worker|businessman|businesswoman|
		office worker|executive|cowboy|cowgirl|samurai|ninja|warrior|gladiator|viking|
		pirate|wizard|witch|sorcerer|mage|priest|monk|nun|king|queen|prince|princess|
		emperor|empress|robot|android|cyborg|alien|monster|creature|zombie|vampire|
		ghost|angel|demon|fairy|mermaid|superhero|model~0.55|actor|actress|performer|
		speaker|presenter|host|reporter|journalist|photographer|filmmaker|director|
		waiter|waitress|bartender|barista|shopkeeper|vendor|merchant|traveler|traveller|
		tourist|wanderer|explorer|adventurer|nomad|refugee|beggar|watchmaker|
		clockmaker|jeweler|historian|librarian|archaeologist|craftsman|blacksmith|
		carpenter|mechanic|engineer|programmer|hacker|gamer|writer|author|poet|
		student|mechanic|firefighter|fireman|police officer|policeman|cop|officer~0.6|
		guard|security guard|spy|agent~0.6|thief|bandit|outlaw|sheriff|hunter|archer|
		shepherd|herder|rancher|miner|sailor|captain|fisher|boxer|fighter|wrestler|
		gymnast|footballer|soccer player|basketball player|tennis player|golfer|
		player~0.6|coach|referee|yogi|monk|shaman|elder|chief|tribe|villager|
		nomads|commuter|commuters|pedestrian|pedestrians|passenger|passengers|
		shopper|customer|patient|bride|groom|widow|orphan|twins|lovers|newlyweds|
		interviewee|narrator|puppeteer|magician|clown|acrobat|juggler|mime|street performer|
		courier|messenger|postman|mail carrier|cashier|clerk|janitor|cleaner|maid|butler|
		chauffeur|taxi driver|bus driver|truck driver|delivery driver|delivery man|
		street vendor|lifeguard|ranger|park ranger|scout|skydiver|
		paraglider|rider|horseman|horsewoman|jockey|cowhand|sumo wrestler|martial artist|
		dog|puppy|cat|kitten|horse|pony|foal|cow|bull|pig|sheep|goat|lamb|chicken|rooster|
		duck|goose|swan|bird|eagle|hawk|falcon|owl|raven|crow|parrot|pigeon|seagull|
		hummingbird|sparrow|robin|flamingo|peacock|penguin|wolf|fox|bear|polar bear|
		panda|lion|lioness|tiger|leopard|cheetah|jaguar|panther|elephant|giraffe|zebra|
		rhino|hippo|deer|stag|moose|elk|reindeer|rabbit|bunny|hare|squirrel|mouse|rat|
		hamster|hedgehog|raccoon|otter|beaver|gorilla|monkey|chimpanzee|orangutan|ape|
		kangaroo|koala|camel|whale|dolphin|shark|orca|seal|sea turtle|turtle|tortoise|
		octopus|jellyfish|fish|koi|goldfish|crab|lobster|butterfly|moth|bee|dragonfly|
		ant|spider|snake|lizard|iguana|chameleon|frog|toad|crocodile|alligator|dinosaur|
		dragon|unicorn|phoenix|griffin|husky|siberian husky|golden retriever|
		labrador|labrador retriever|german shepherd|border collie|beagle|poodle|
		bulldog|corgi|dachshund|pug|chihuahua|greyhound|dalmatian|rottweiler|
		doberman|shiba inu|pit bull|terrier|retriever|sheepdog|tabby|tabby cat|
		siamese cat|persian cat|maine coon|stallion|mare|mustang|
		statue~0.6|sculpture~0.55|mannequin|puppet|doll|teddy bear|toy robot`},
	{role: "subject.appearance", multi: 0.85, single: 0.62, forms: formsNoun, grow: true,
		needs: true, terms: `
		face|hands|hand~0.55|eyes|eye~0.55|hair|beard|mustache|moustache|stubble|skin|
		complexion|freckles|wrinkles|tattoos|tattoo|scar|scars|build|physique|features|
		cheeks|lips|brow|forehead|jawline|jaw|chin|fur|mane|feathers|plumage|scales|
		whiskers|ears|nose|snout|muzzle|paws|claws|muscles|posture|silhouette~0.5|
		fingers|fingernails|nails|knuckles|arms|legs|shoulders|body|frame~0.5|
		curls|braids|ponytail|bun|dreadlocks|locks|bangs|fringe~0.5|
		makeup|lipstick|eyeliner|mascara|war paint|face paint|body paint|
		piercings|wrinkled face|weathered face|blue eyes|green eyes|brown eyes|
		grey eyes|gray eyes|piercing eyes|long hair|short hair|curly hair|gray hair|
		grey hair|white hair|blonde hair|red hair|dark hair|brown hair|black hair|
		bald head|shaved head|buzz cut|crew cut|athletic build|muscular build|
		slender build|stocky build|broad shoulders|bare feet|barefoot|
		crow's feet|laugh lines|five o'clock shadow|salt-and-pepper hair|
		salt-and-pepper beard|rosy cheeks|sunburnt skin|tanned skin|pale skin|
		dark skin|olive skin|wet fur|matted fur`},
	{role: "subject.wardrobe", multi: 0.88, single: 0.72, forms: formsNoun, grow: true, terms: `
		jacket|leather jacket|denim jacket|bomber jacket|coat|trench coat|overcoat|
		raincoat|parka|peacoat|lab coat|fur coat|dress|gown|evening gown|wedding dress|
		sundress|suit|tuxedo|blazer|shirt|t-shirt|tee|tank top|blouse|polo shirt|
		button-up shirt|button-down shirt|flannel shirt|plaid shirt|hoodie|sweater|
		jumper|cardigan|turtleneck|sweatshirt|vest|waistcoat|jeans|pants|trousers|
		slacks|shorts|skirt|miniskirt|leggings|overalls|jumpsuit|apron|uniform|
		school uniform|military uniform|scrubs|robe|bathrobe|kimono|sari|hanbok|
		poncho|cloak|cape|hat|cap|baseball cap|fedora|beanie|beret|bowler hat|top hat|
		stovepipe hat|cowboy hat|sun hat|straw hat|bucket hat|helmet|hard hat|crown|
		tiara|veil|hood|headscarf|headband|bandana|scarf|shawl|tie|bow tie|gloves|
		mittens|boots|combat boots|cowboy boots|sneakers|trainers|shoes|sandals|heels|
		high heels|loafers|slippers|socks|stockings|glasses|eyeglasses|spectacles|
		sunglasses|goggles|mask|face mask|gas mask|necklace|pendant|earrings|bracelet|
		wristwatch|jewelry|jewellery|brooch|belt|suspenders|
		backpack|satchel|handbag|purse|briefcase|bag~0.55|collar|harness|leash|
		armor|armour|chainmail|breastplate|spacesuit|space suit|wetsuit|swimsuit|
		bikini|pajamas|pyjamas|lingerie|corset|tunic|toga|gown|outfit|costume|attire|
		clothing|clothes|garb|rags|headset|headphones|earbuds|cap and gown|
		flannel|denim|leathers|tracksuit|jersey|kilt|poncho|lab goggles|visor|
		apron strings|name tag|badge~0.55|medal|medals|epaulettes|sash|overcoat`},
	{role: "subject.emotion", multi: 0.85, single: 0.75, forms: formsFixed, terms: `
		joyful|happy|sad|melancholic|melancholy|pensive|contemplative|anxious|nervous|
		fearful|frightened|terrified|scared|angry|furious|enraged|serene~0.55|calm~0.5|
		determined|wistful|hopeful|lonely~0.55|grief-stricken|grieving|tearful|crying|
		smiling|laughing|grinning|frowning|scowling|weeping|sobbing|exhausted|weary|
		bored|curious|surprised|shocked|amazed|awestruck|in awe|excited|ecstatic|
		elated|proud|confident|shy|embarrassed|worried|distressed|desperate|relieved|
		content|solemn|stoic|resigned|defiant|menacing|mischievous|heartbroken|
		despairing|euphoric|blissful|triumphant|vulnerable|tense|uneasy|puzzled|
		confused|bewildered|thoughtful~0.6|focused expression|determined expression|
		worried expression|blank expression|blank stare|neutral expression|
		wide-eyed|teary-eyed|furrowed brow|warm smile|gentle smile|wistful smile|
		faint smile|broad smile|sly smile|soft smile|tears|expression of awe|
		look of wonder|look of concentration|intense gaze|distant gaze|longing|
		contemplation|concentration|delight|joy|sorrow|grief|fear|anger|rage|dread|
		awe|wonder|nostalgia|serenity|tranquility|tension|anticipation|excitement`},
}
