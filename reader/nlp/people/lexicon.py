"""Word lists for people detection: shipped name/word lists (loaded lazily, cached) and small hand lists.

Everything is keyed by :func:`norm`, the accent-free casefolded form of a token ("Orbán" -> "orban",
"Natásha" -> "natasha"), so spelling with or without accents matches.
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import cache, lru_cache
from importlib import resources

_NORM_CACHE: dict[str, str] = {}


def is_title_head(key: str, roles: bool = False) -> bool:
    """A title word, singular or plural ("President", "presidents", "Generals"); with ``roles`` also a
    capitalised role noun in front of a name ("Administrator", "Photographer")."""
    if key in TITLE_HEADS or (key.endswith("s") and key[:-1] in TITLE_HEADS):
        return True
    return roles and key in ROLE_NOUNS and key not in _NOT_TITLES


_NOT_TITLES = frozenset("named nicknamed man woman boy girl native resident partner mate host forward private".split())


def is_org_cue(key: str) -> bool:
    """An organisation/place/work cue word, singular or plural ("Guards", "Hills")."""
    if key in ORG_CUES or (key.endswith("s") and key[:-1] in ORG_CUES):
        return True
    if key.endswith("ies") and key[:-3] + "y" in ORG_CUES:
        return True
    return "-" in key and any(part in ORG_CUES for part in key.split("-"))


def norm(token: str) -> str:
    """Accent-free casefolded key of a token; the dot of an abbreviation is dropped ("Mr." -> "mr")."""
    cached = _NORM_CACHE.get(token)
    if cached is None:
        decomposed = unicodedata.normalize("NFKD", token.replace("’", "'"))
        cached = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().rstrip(".")
        if len(_NORM_CACHE) < 200_000:
            _NORM_CACHE[token] = cached
    return cached


def _data_lines(name: str) -> list[str]:
    ref = resources.files("reader.nlp").joinpath("data", name)
    raw = ref.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8").splitlines()


@cache
def given_names() -> dict[str, str]:
    """Known given names -> "m", "f" or "mf" (US Census 1990 + Kantrowitz names corpus)."""
    out: dict[str, str] = {}
    for line in _data_lines("given_names.txt.gz"):
        name, gender, _rank = line.split("\t")
        out[name] = gender
    return out


@cache
def given_name_ranks() -> dict[str, int]:
    """Census 1990 frequency rank of a given name (1 = most common; absent = not in the census lists)."""
    out: dict[str, int] = {}
    for line in _data_lines("given_names.txt.gz"):
        name, _gender, rank = line.split("\t")
        if rank != "0":
            out[name] = int(rank)
    return out


@cache
def _given_by_metaphone() -> dict[str, list[str]]:
    import jellyfish

    out: dict[str, list[str]] = {}
    for name in given_names():
        out.setdefault(jellyfish.metaphone(name), []).append(name)
    return out


@lru_cache(maxsize=4096)
def given_name_gender(token: str) -> str | None:
    """Gender of a known given name, or of a one-letter respelling of a common census given name that is not a
    surname itself ("viktor" -> "victor" -> "m")."""
    gender = given_names().get(token)
    if gender is not None or len(token) < 4:
        return gender
    import jellyfish

    if token in surnames() or len(token) < 5:
        return None
    ranks = given_name_ranks()
    found = {
        given_names()[name]
        for name in _given_by_metaphone().get(jellyfish.metaphone(token), ())
        if name[0] == token[0]
        and len(name) == len(token)
        and ranks.get(name, 10**6) <= 1000
        and jellyfish.hamming_distance(name, token) == 1
    }
    return found.pop() if len(found) == 1 else None


@cache
def surnames() -> dict[str, int]:
    """Census 1990 surnames -> frequency rank (1 = Smith)."""
    out: dict[str, int] = {}
    for line in _data_lines("surnames.txt.gz"):
        name, _, rank = line.partition("\t")
        out[name] = int(rank)
    return out


@cache
def ordinary_words() -> frozenset[str]:
    """Lowercase entries of the Unix words list: ordinary English words ("trump", "fried", "remember")."""
    return frozenset(_data_lines("words.txt.gz"))


@lru_cache(maxsize=131072)
def is_ordinary(key: str) -> bool:
    """An ordinary English word, or a regular inflection of one ("critics", "exploring", "negotiated")."""
    words = ordinary_words()
    if key in words:
        return True
    if len(key) < 4:
        return False
    for suffix, repl in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", "")):
        if key.endswith(suffix) and key[: -len(suffix)] + repl in words and len(key) - len(suffix) >= 3:
            return True
    return False


@cache
def nationalities() -> frozenset[str]:
    """Nationality adjectives and demonyms, normalised, with simple plurals ("russian", "russians", "frenchmen")."""
    base = {norm(line) for line in _data_lines("nationalities.txt") if line.strip()}
    base |= EXTRA_NATIONALITIES
    out = set(base)
    for word in base:
        out.add(word + "s")
        if word.endswith("man"):
            out.add(word[:-3] + "men")
    return frozenset(out)


@cache
def places() -> frozenset[str]:
    """Country names (ISO list), US states and a few world cities/regions, as normalised space-joined keys."""
    out = {norm(line) for line in _data_lines("countries.txt") if line.strip() and "," not in line}
    out |= {norm(p) for p in PLACES}
    return frozenset(out)


# --- hand lists -----------------------------------------------------------------------------------------

EXTRA_NATIONALITIES = frozenset(
    """english scot scots briton britons european asian african arab arabic persian kurdish palestinian
    cossack tatar tartar prussian bavarian saxon austrian hungarian polish slav slavic soviet ukrainian
    belarusian chechen georgian armenian jewish muslim christian catholic protestant orthodox latin hispanic
    democrat democrats republican republicans democratic frenchman englishman russian american americans
    israeli iranian syrian afghan yemeni emirati taiwanese hongkonger catalan basque flemish walloon
    sunni shia shiite hindu sikh buddhist jew jews evangelical mormon
    """.split()
)

PLACES = """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
wisconsin wyoming
europe asia africa america americas antarctica oceania australia arctic atlantic pacific caribbean balkans
scandinavia siberia crimea gaza kremlin pentagon capitol hollywood manhattan brooklyn london paris berlin
moscow petersburg rome madrid vienna warsaw kyiv kiev beijing tokyo delhi mumbai cairo istanbul jerusalem
tehran baghdad damascus beirut riyadh dubai toronto chicago boston seattle atlanta dallas houston miami
detroit philadelphia baltimore sydney melbourne seoul shanghai taipei manila jakarta bangkok hanoi lagos
nairobi johannesburg geneva brussels amsterdam stockholm oslo copenhagen helsinki dublin edinburgh lisbon
athens budapest prague bucharest sofia belgrade zagreb minsk vilnius riga tallinn smolensk borodino
austerlitz vilna russia britain england scotland wales ireland iran syria korea vietnam taiwan turkey
holland prussia bohemia moravia palestine vatican macedonia congo laos bolivia venezuela tanzania moldova
czechia lithuania brazil queensland tasmania alberta ontario quebec manitoba saskatchewan brisbane perth hobart
canberra vancouver montreal ottawa calgary edmonton winnipeg auckland burnaby denver toronto liverpool manchester
middlesbrough newcastle birmingham leeds sheffield glasgow cardiff belfast bristol southampton leicester
nottingham oxford cambridge italia chelsea roma lazio napoli milan turin barcelona valencia sevilla seville munich
dortmund porto lyon marseille monaco
""".split() + [
    "new york", "los angeles", "san francisco", "las vegas", "new orleans", "new jersey", "new mexico",
    "new hampshire", "north carolina", "south carolina", "north dakota", "south dakota", "west virginia",
    "rhode island", "new zealand", "hong kong", "north korea", "south korea", "middle east", "west bank",
    "united states", "united kingdom", "great britain", "soviet union", "wall street", "silicon valley",
    "new south wales", "nova scotia", "british columbia", "palm beach", "el salvador", "sri lanka", "saudi arabia", "mar-a-lago", "downing street",
]

MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    today tonight tomorrow yesterday christmas easter ramadan hanukkah thanksgiving""".split()
)

# Words before a month/day word that make it a date ("in June", "the following June", "last May").
DATE_WORDS = frozenset(
    """in on since by until till from through throughout during of last next this that following early late mid
    every each before after between and or to the a an around about by circa c per previous coming same""".split()
)

# Function words: never part of a name. A capitalised one splits a run ("And", "The", "Some").
STOP = frozenset(
    """a an the this that these those some any each every all both either neither no not none one two three
    other others another such what which who whom whose whoever when where why how whether if then than
    and or but nor so yet for of in on at to from by with without within about above below over under into onto
    upon after before during since until till while as like unlike near off out up down via per despite
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    myself yourself himself herself itself ourselves themselves
    is are was were be been being am do does did done have has had having will would shall should can could
    may might must
    here there now just also even only still very too much many more most less least few several
    oh ah yes yeah hey hi hello well please thanks thank ok okay dear
    mr mrs ms
    god heaven hell
    """.split()
) - {"may", "will", "mr", "mrs", "ms"}
# ("May", "Will" are also given names/surnames; titles are peeled elsewhere.)

INTERJECTION_STOP = frozenset({"oh", "ah", "yes", "no", "hey", "dear", "well", "god"})

# Title heads: the last title word before a name ("Russian President | Vladimir Putin").
TITLE_HEADS = frozenset(
    """president presidents minister ministers premier chancellor king queen prince princess emperor empress
    tsar czar tsarina tsarevich duke duchess count countess baron baroness marquis marquess earl viscount
    lord lady sir dame mr mrs ms miss mme mlle madame monsieur mademoiselle herr frau senor senora signor
    dr doctor prof professor sen senator rep representative congressman congresswoman gov governor mayor
    gen general col colonel capt captain lt lieutenant sgt sergeant maj major adm admiral cmdr commander
    marshal corporal cpl private pope cardinal bishop archbishop rev reverend father rabbi imam
    ayatollah sheikh sheik emir sultan shah secretary ambassador judge justice chairman chairwoman chair
    speaker coach detective inspector officer agent pres supt msgr fr hon uncle aunt grandfather grandmother
    kaiser crown dauphin archduke grand-duke mister esq adviser advisor director spokesman spokeswoman spokesperson
    editor correspondent
    councillor councilor councilman councilwoman councilmember alderman alderwoman selectman selectwoman
    commissioner supervisor delegate assemblyman assemblywoman assemblymember legislator freeholder
    comptroller treasurer auditor controller registrar coroner magistrate sheriff constable trooper marshal
    superintendent chief warden ranger deputy undersecretary under-secretary secretary-general director-general
    attorney-general solicitor-general surgeon-general governor-general lieutenant-governor
    president-elect vice-president chancellor vice-chancellor provost dean principal headmaster headmistress
    headteacher rector vicar pastor parson deacon canon chaplain abbot abbess friar prior prioress patriarch
    metropolitan mufti mullah cleric nuncio consul envoy commissar brigadier commodore ensign airman seaman
    specialist gunnery skipper cllr ald det insp pvt cdr comdr brig atty amb gov supt cmdr dep sec secy emeritus
    nurse midwife midshipman cadet chef maharaja maharajah sheikha infanta infante margrave landgrave
    elector regent viceroy mx messrs assemb commr treas
    """.split()
)
# Words that may precede a title head in a title phrase ("Former Prime", "Saudi Crown", "Vice").
TITLE_MODIFIERS = frozenset(
    """former ex vice deputy acting crown prime grand field chief foreign attorney general supreme high first
    late then interim senior old young little elder younger lord home defence defense interior finance
    state national press communications executive managing assistant associate special head
    lord police fire county city district state federal regional town village borough school university
    majority minority house senate council board county justice staff petty warrant master gunnery
    detective ranking""".split()
)
# Leading descriptive words that are not part of a title phrase ("Old Mrs. Halloran" has the title "Mrs.").
TITLE_DESCRIPTIVE = frozenset("old young little elder younger dear poor good".split())
# Gendered titles and the gender they imply ("Mr. Halloran" is a man, "Mrs. Halloran" a woman).
MALE_TITLES = frozenset(
    """mr mister sir lord king prince duke count baron marquis marquess earl viscount emperor tsar czar tsarevich
    kaiser dauphin archduke grand-duke monsieur herr senor signor father brother uncle grandfather
    congressman councilman alderman selectman assemblyman chairman spokesman businessman headmaster
    abbot friar sheikh emir sultan shah infante margrave maharaja maharajah""".split()
)
FEMALE_TITLES = frozenset(
    """mrs ms miss lady dame queen princess duchess countess baroness marchioness viscountess empress tsarina
    czarina madame mme mlle mademoiselle frau senora senorita signora sister mother aunt grandmother
    congresswoman councilwoman alderwoman selectwoman assemblywoman chairwoman spokeswoman businesswoman
    headmistress abbess prioress sheikha infanta""".split()
)
NAME_ADJECTIVES = frozenset("old young little former late elder younger ex".split())
MODALS = frozenset("will may can shall must might could would should".split())
NAME_SUFFIXES = frozenset({"jr", "sr", "esq"} | {r.lower() for r in "II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII".split()})

# Lowercase words just before a name that mark the name as a person ("journalist Ivan Gershkovich").
ROLE_NOUNS = frozenset(
    """wife husband son daughter brother sister father mother friend uncle aunt nephew niece cousin widow
    widower grandson granddaughter grandfather grandmother fiance fiancee girlfriend boyfriend partner
    journalist journalists reporter reporters correspondent columnist editor writer author novelist poet
    artist painter sculptor photographer actor actress singer musician composer rapper director producer
    filmmaker player players coach manager striker midfielder defender goalkeeper forward pitcher quarterback
    captain spokesman spokeswoman spokesperson adviser advisor aide lawyer attorney professor scientist
    researcher economist analyst historian president presidents minister ministers senator senators
    congressman congresswoman governor mayor chairman chairwoman chair ceo founder cofounder candidate
    nominee leader leaders official officials officer secretary ambassador envoy diplomat general colonel
    commander soldier priest bishop pope king queen prince princess emperor judge justice prosecutor
    detective inspector dr mr mrs ms miss sir lady lord count countess named nicknamed chef designer
    entrepreneur billionaire businessman businesswoman activist lawmaker legislator premier chancellor
    host anchor presenter comedian dancer boxer wrestler champion coach teammate opponent rival successor
    predecessor deputy assistant fellow student pupil teacher doctor nurse patient victim suspect
    colleague colleagues mate sergeant lieutenant major corporal private adjutant aide-de-camp footman
    valet servant steward nurse governess man woman boy girl resident native administrator commissioner
    superintendent dean provost rector photographer illustrator cartoonist astronaut pilot drummer guitarist
    bassist vocalist keyboardist pianist violinist cellist saxophonist trumpeter conductor songwriter frontman
    pitcher catcher shortstop outfielder infielder winger fullback linebacker batsman bowler jockey cyclist
    driver rider swimmer sprinter golfer skater skier tennis inventor engineer architect philosopher
    mathematician physicist chemist biologist psychologist theologian monk nun martyr explorer countryman
    countrywoman compatriot bandmate athlete
    councillor councilor councilman councilwoman councilmember alderman alderwoman selectman selectwoman
    supervisor delegate assemblyman assemblywoman assemblymember freeholder comptroller treasurer auditor
    registrar coroner magistrate sheriff constable trooper marshal warden ranger undersecretary
    curator archivist librarian conservator accountant auditor banker broker trader investor physician surgeon
    dentist pharmacist veterinarian vet therapist psychiatrist paramedic midwife firefighter policeman
    policewoman barrister solicitor paralegal clerk receptionist secretary chaplain pastor vicar rabbi imam
    cleric deacon minister missionary farmer fisherman shopkeeper owner landlord landlady tenant homeowner
    worker employee staffer volunteer organiser organizer campaigner protester demonstrator executive
    chief principal headteacher headmaster headmistress lecturer tutor coordinator consultant planner
    specialist expert technician mechanic electrician plumber carpenter builder contractor developer
    programmer blogger podcaster influencer youtuber critic reviewer commentator pundit strategist pollster
    lobbyist negotiator mediator arbitrator referee umpire trainer scout agent publicist publisher
    proprietor landowner heir heiress stepson stepdaughter stepfather stepmother stepbrother stepsister
    grandchild grandchildren ex-wife ex-husband spouse mother-in-law father-in-law son-in-law
    daughter-in-law brother-in-law sister-in-law twin veteran co-founder co-owner co-chair""".split()
)

SPEECH_VERBS = frozenset(
    """said says say told tells added adds asked asks explained explains wrote writes argued argues noted
    notes stated states claimed claims replied replies answered answers continued continues recalled recalls
    insisted insists warned warns cried exclaimed whispered shouted thought remarked muttered murmured
    declared announced admitted acknowledged testified tweeted posted responded reported confirmed denied
    began interrupted screamed laughed smiled sighed nodded went""".split()
)

# Cue words that are also common surnames after a given name ("Doris Day", "Kanye West", "Stuart Hall").
SURNAME_CUES = frozenset("day hall west east north south church post court banks brooks hill wood woods field fields".split())

def is_surname_cue(key: tuple[str, ...]) -> bool:
    """"Doris Day", "Stuart Hall": a given name, then a cue word that is also a common surname."""
    return (
        len(key) >= 2
        and key[0] in given_names()
        and key[-1] in SURNAME_CUES
        and not any(is_org_cue(k) for k in key[:-1])
    )


# After a name ("X said"): only verbs whose subject is a person.
SPEECH_VERBS_AFTER = frozenset(
    """said says told tells added adds asked asks explained explains replied replies answered answers
    exclaimed whispered shouted muttered murmured remarked insisted insists recalled recalls testified tweeted
    admitted cried died resigned retired graduated starred married smiled laughed sighed nodded shrugged
    frowned grinned""".split()
)
# Verbs after a name of two or more tokens that a person, not a thing, typically does ("Barack Obama spoke",
# "Xi Jinping met", "Narendra Modi visited"); not used for a lone token ("Berlin warned" is a government).
PERSON_VERBS_AFTER_FULL = frozenset(
    """spoke speaks met meets visited visits arrived arrives warned warns urged urges vowed vows praised
    praises thanked thanks promised promises pledged pledges greeted greets addressed addresses""".split()
)
# "X was born", "X has died", "X is married".
PERSON_PARTICIPLES = frozenset("born died married retired resigned elected appointed knighted buried".split())

# A token like these inside a capitalised run makes it an organisation, place, event or work, not a person.
ORG_CUES = frozenset(
    """house party journal institute institution street st avenue road lane boulevard square park day days
    university college school academy company co corp corporation inc ltd llc plc group holdings bank banks
    council committee commission department ministry agency association union club church cathedral abbey
    chapel mosque temple hospital clinic museum gallery library center centre foundation fund trust times
    post news press review magazine gazette herald tribune daily weekly network networks channel tv radio
    airlines airline airways airport army navy force forces corps court congress senate parliament assembly
    office service services station park river lake mountain mountains mount island islands sea ocean bay
    gulf valley hill county city state states kingdom republic empire province region district territory
    convention conference summit social media games cup league championship olympics festival award awards
    prize records studios pictures entertainment motors systems technologies labs laboratory hall tower
    bridge castle palace stadium arena theatre theater band orchestra choir team fc rovers administration
    government cabinet election elections security intelligence police guard fleet campaign war revolution
    act treaty accord agreement church world international national federal global foundation
    organization organisation authority board bureau society federation alliance coalition movement front
    brigade regiment division battalion order medal redoubt battery camp fort village squadron street railway railroad hotel restaurant cafe bar pub
    market exchange index airport port harbor harbour beach coast north south east west northern southern
    eastern western central middle upper lower new great greater saint holy
    book books film movie show series album song novel magazine newspaper online app
    highness majesty excellency lordship ladyship honour honor
    hook field fields rink ave lounge dock docks playfield reservoir gym creek mill mills hollow corner highway
    metro connector casino story diocese parish cemetery plaza mall pier wharf canal falls springs heights
    garden gardens woods forest ridge canyon peninsula cape glacier desert plains trail drive place terrace
    crescent junction crossing terminal express subway tunnel dam mine farm ranch manor inn motel resort
    ground grounds pavilion cinema studio productions publishing publications chronicle observer telegraph
    courier sentinel examiner inquirer statesman monitor bulletin digest quarterly report tour saga trilogy
    edition fair expo exhibition parade classic derby marathon season tournament bowl trophy scholarship
    lecture gmbh ag sa nv bv spa srl pty llp limited enterprises industries partners associates holdings
    brothers bros sons consulting solutions software pharmaceuticals energy oil gas mining airlines motor
    university polytechnic seminary conservatory kindergarten program programme project initiative collection
    collections cross prize zoo aquarium sports household tickets liga premiership united town rovers
    wanderers athletic athletics devils line lines grove relations affairs rights studies sciences resources development research
    """.split()
)
