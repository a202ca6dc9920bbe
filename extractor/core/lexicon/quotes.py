"""Quotation-mark and speech-cue tables, and the quote finder's small word sets, kept as
plain data.

Why a separate module: the quote finder in ``quotes/`` is language-neutral
machinery; everything that differs between languages (which characters open
and close a quotation, which verbs report speech, which words introduce a
source like "according to" or "laut") lives here. Adding a language means
adding one ``LanguageCues`` entry, not touching the scanner. The small word
sets at the end (pronouns, joiners, clause openers, adverbs that may stand
before a cue ...) are read token by token by the steps in ``quotes/``; the
comment above each says which question it answers.

Everything is immutable (tuples, frozensets, frozen dataclasses) so the
module holds no mutable state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .calendar import ENGLISH_WEEKDAYS

# Quotation-mark pairs, opener -> the closers that may end it. Several styles
# reuse the same character in different roles (German „…“ closes with the
# English opener “; Swedish ”…” and Finnish »…» use one character for both),
# so an opener can have several closers and the scanner decides by context.
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (
    ('"', '"'),  # straight double, everywhere
    ("“", "”"),  # English, Spanish, Italian (curly)
    ("“", "“"),  # a mistyped closer ('“Not now,“ he said'); closers need no space before them
    ("“", '"'),  # mixed typography: curly opener, straight closer
    ('"', "”"),  # ... and the other way round
    ("„", '"'),
    ("«", '"'),
    ("„", "“"),  # German, Czech
    ("„", "”"),  # Polish, Dutch, Hungarian, Romanian
    ("”", "”"),  # Swedish, Finnish
    ("«", "»"),  # French, Spanish, Italian, Russian, Norwegian
    ("»", "«"),  # German, Danish (chevrons pointing inwards)
    ("»", "»"),  # Finnish, Swedish (chevrons)
    ("「", "」"),  # CJK primary
    ("『", "』"),  # CJK nested / secondary
    ("‘", "’"),  # English single (nested or British primary)
    ("‚", "‘"),  # German single
    ("‹", "›"),  # French single
    ("›", "‹"),  # German single chevrons
    ("'", "'"),  # straight single; only trusted at word boundaries
)

# Characters that are apostrophes as often as quotation marks; the scanner
# only treats them as quotes at word boundaries.
AMBIGUOUS_MARKS: frozenset[str] = frozenset({"'", "’", "‘"})

# Markers saying that the quoted words are a translation.
TRANSLATION_MARKERS: tuple[str, ...] = (
    r"translated from",
    r"translated by",
    r"our translation",
    r"\(translated\)",
    r"übersetzt",
    r"übersetzung",
    r"traduit",
    r"traducción",
    r"traduzione",
)


def _words(spaced: str) -> frozenset[str]:
    """A word set written as one spaced string, so long lists stay readable."""
    return frozenset(spaced.split())


# Verbs that attribute a quotation only when they stand right after it ('"...," the
# letter reads.' / '"...," read the sign.'); elsewhere they are ordinary verbs ("she read
# the report"), so they are not speech cues for reported speech. Regular past tenses
# ("barked", "beamed") need no entry: any "-ed" word is accepted in that position. The
# present tenses of lifestyle and service pages ('"...," she shares.', '"...," Dan advises.',
# '"...," states Dr. Roe.') are ordinary verbs elsewhere ("shares a photo", "offers discounts",
# "the United States"). '," she went on.' / '," he goes on.' go on with the speaker's words
# ("went home" is no manner phrase, so it is not taken); '," the authors state.' is plural.
ATTRIBUTION_ONLY_VERBS: frozenset[str] = _words("""
    read reads shot spoke cried sighed points went goes
    shares states state instructs confesses advises offers describes comments recommends
    """)

# Verbs whose direct object can be the very words uttered or written: 'the crowd
# chanting "U-S-A!"', 'a sign reading "Vote No"', 'he blogged: "..."'. They count as a
# cue only with the quotation right after them (a comma or colon may sit in between);
# elsewhere most are ordinary verbs ("chanting slogans", "read the report"), so they are
# not cues for reported speech. Listed in every inflection because the lookup is by word.
QUOTING_VERBS: frozenset[str] = _words("""
    chant chants chanted chanting sing sings sang singing shout shouts shouting yell yelling
    scream screaming mouth mouths mouthed mouthing whisper whispers whispered whispering
    read reads reading declare declaring proclaiming exclaiming write blog blogs blogged
    blogging tweet posting post wrote say said says saying declared proclaimed
    """)


@dataclass(frozen=True, slots=True)
class LanguageCues:
    """Speech cues of one language.

    ``object_cues`` report speech through their object rather than a clause
    ("cited several factors", "called for lower taxes", "accused Holt of being
    a Democrat"): the content is the object, up to the next comma.
    ``object_preposition`` says where such content starts after an addressee
    ("accused X of" -> "of").
    ``needs_complementizer`` lists cues that are as often nouns or other verbs
    ("news reports", "he posted a video"): they only introduce speech when
    "that" follows ("reports that ...") or when they close the sentence.

    ``verbs`` report speech and can stand before the content ("X said that
    ...") or after it ("..., X said."). ``addressee_verbs`` take the hearer as
    object ("told Reuters"). ``according_before`` introduce a source before
    it ("according to X", "laut X"); ``according_after`` follow it ("X
    zufolge"); ``inverted_short`` are one-word cues that only close a
    sentence (German ", so X."). ``complementizers`` ("that", "dass") are
    dropped from the start of the content. ``skip_words`` are adverbs and
    auxiliaries that may sit between speaker, cue and content.
    """

    verbs: frozenset[str]
    needs_complementizer: frozenset[str] = frozenset()  # also nouns ("news reports"): need "that" after
    addressee_verbs: frozenset[str] = frozenset()
    object_cues: frozenset[str] = frozenset()
    object_preposition: tuple[tuple[str, str], ...] = ()
    according_before: tuple[str, ...] = ()
    according_after: tuple[str, ...] = ()
    inverted_short: tuple[str, ...] = ()
    complementizers: tuple[str, ...] = ()
    skip_words: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    pronouns_singular: frozenset[str] = frozenset()
    pronouns_plural: frozenset[str] = frozenset()
    group_nouns: tuple[str, ...] = ()  # "Huawei representatives" -> an organisation speaking
    # Who can be a source (issue 19): head nouns of people, roles, organisations and
    # documents ("the spokesman", "officials", "the report"); plurals are derived.
    source_nouns: frozenset[str] = frozenset()
    agent_suffixes: tuple[str, ...] = ()  # "-er", "-ist": "the teacher", "economists"
    # words whose ending looks like a speaker's but that name no one ("number", "mirror", and
    # "resource", which ends in "source")
    not_agents: frozenset[str] = frozenset()
    # Words that, capitalised at a sentence start, are no name ("Much", "That", "Such").
    not_sources: frozenset[str] = frozenset()
    # What may open a reported clause after a cue: "that", "whether", "how" ...
    clause_openers: frozenset[str] = frozenset()
    # Finite verb forms that a suffix cannot reveal: auxiliaries, modals, irregular pasts.
    finite_verbs: frozenset[str] = frozenset()
    # Cues whose reported content may be an infinitive ("vowed to fight", "urged X to stay").
    infinitive_cues: frozenset[str] = frozenset()
    # Verbs that report speech in every sense ("said", "argued"): their complement is not
    # checked; every other cue word has senses that report nothing ("added features").
    speech_only_verbs: frozenset[str] = frozenset()
    # Speech verbs whose object can be the content itself ("announced new measures",
    # "tweeted her thanks", "denied the report"), unlike "added some features".
    object_content_verbs: frozenset[str] = frozenset()
    # Cues whose topic after "of"/"about" is what was said ("boasted of his skills"), though
    # their bare object is not ("boasts a great gaming mode").
    topic_cues: frozenset[str] = frozenset()
    # What "this ..." calls the page the reader is on ("This article describes Portage"):
    # the page's own words, not a source it reports.
    self_documents: frozenset[str] = frozenset()
    # What "according to" follows as a norm, not a source: "resolved according to the
    # Federal Arbitration Act", "sorted according to size".
    norm_nouns: frozenset[str] = frozenset()
    # Verbs that, before "to", hand the report to the next cue ("continued to say").
    aspect_verbs: frozenset[str] = frozenset()
    # Cues whose content may be a gerund ("suggests reducing regulations").
    gerund_cues: frozenset[str] = frozenset()
    # Head nouns of a share of people ("47 percent said", "majorities of Democrats say").
    share_nouns: frozenset[str] = frozenset()


ENGLISH = LanguageCues(
    verbs=_words("""
        said says say told tells telling added adds adding saying wrote writes writing
        noted notes noting warned warns warning argued argues arguing claimed claims claiming
        denied denies denying explained explains explaining insisted insists insisting
        stated declared declares announced announces announcing acknowledged acknowledges
        acknowledging admitted admits admitting recalled recalls recalling suggested suggests
        suggesting tweeted tweets tweeting predicted predicts predicting confirmed confirms
        confirming emphasized emphasised emphasizes stressed stresses stressing complained
        complains complaining conceded concedes conceding observed observes remarked remarks
        remarking reported reports reporting promised promises promising pledged pledges
        pledging vowed vows vowing urged urges cautioned cautions contended contends
        maintained maintains asserted asserts asserting countered counters quipped joked
        replied replies responded responds continued continues concluded concludes charged
        alleged alleges alleging testified testifies boasted boasts bragged brags lamented
        laments mused revealed reveals disclosed informed informs asked asks added explained
        agreed agrees announced acknowledged reiterated reiterates insisted clarified
        clarifies conceded griped wrote posted retorted recounted recounts repeated
        predicted proclaimed proclaims pointed boasted shouted yelled screamed chanted exclaimed
        wondered wonders demanded demands interjected answered answers snapped sang sings singing
        recalls recounted wrote quipped scoffed joked jokes told explained pleaded questioned
        asking interjected interjecting interjects
        added cautioned conceded affirmed affirms yells shouts screams exclaims
        suggest warn claim explain deny declare acknowledge admit recall predict confirm
        emphasize stress concede observe pledge vow urge caution maintain conclude allege testify boast lament reveal disclose agree reiterate argue
        insist contend assert
        """),
    needs_complementizer=_words("""reports reporting claims remarks notes answers promises pledges posted maintained
        maintains tweets counters vows reveals revealed charged admits proclaims adds
        pledged pledges continues continued responded agreed agrees proposed maintain
        inform informs informed adding stress stresses"""),
    object_cues=_words("""
        cited citing mentioned mentioning attacked attacking described describes
        describing criticized criticizes criticizing criticised praised praises praising proposed
        proposes proposing defended defends defending questioned questioning demanded
        demanding mocked mocking blasted blasting echoed echoing condemned condemns
        condemning dismissed dismisses dismissing touted touting slammed slamming
        accused accuses accusing blamed blames blaming called calling decried decries
        lambasted ridiculed
        """)
    | frozenset(
        (
            "called for",
            "calling for",
            "calls for",
            "call for",
            "called on",
            "calls on",
            "calling on",
            "talked about",
            "talking about",
            "talks about",
            "spoke about",
            "spoke of",
            "speaking about",
            "asked about",
            "complained about",
            "warned of",
            "warned about",
            "pointed to",
            "points to",
            "pointing to",
            "pointed out",
            "points out",
            "pointing out",
            "went on to say",
        )
    ),
    object_preposition=(
        ("accused", "of"),
        ("accuses", "of"),
        ("accusing", "of"),
        ("blamed", "for"),
        ("blames", "for"),
        ("blaming", "for"),
        ("praised", "for"),
        ("criticized", "for"),
    ),
    addressee_verbs=frozenset(
        {
            "told",
            "tells",
            "telling",
            "tell",
            "informed",
            "informs",
            "assured",
            "assures",
            "reminded",
            "reminds",
            "warned",
            "warns",
            "asked",
            "asks",
            "urged",
            "urges",
        }
    ),
    according_before=("according to",),
    complementizers=("that",),
    skip_words=_words("""
        also later previously then has have had long once recently repeatedly again further publicly
        privately simply only just flatly bluntly firmly earlier yesterday today tonight monday
        tuesday wednesday thursday friday saturday sunday morning afternoon evening night last
        this week month year on
        """),
    pronouns_singular=frozenset({"he", "she", "i"}),
    pronouns_plural=frozenset({"they", "we"}),
    group_nouns=(
        "representatives",
        "representative",
        "officials",
        "spokespeople",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokesmen",
        "executives",
        "lawyers",
        "aides",
        "staff",
        "press office",
        "press team",
        "management",
    ),
    source_nouns=_words("""
        surrogate backer donor associate partisan hopeful brief finding findings account clerk chef pilot priest pastor bishop pope king queen prince princess monarch marshal
        captain deputy guard poet star host anchor moderator pollster strategist operative rep
        official spokesman spokeswoman spokesperson spokespeople representative aide adviser advisor
        person people man men woman women child children kid boy girl guy friend family parent
        mother father mom dad wife husband son daughter brother sister neighbor neighbour resident
        citizen voter witness victim survivor patient customer client user member fan player
        coach staff staffer team crew colleague partner founder owner boss chief head chair
        chairman chairwoman president director executive ceo cfo cto officer leader
        minister secretary senator governor mayor lawmaker legislator congressman congresswoman
        candidate nominee delegate ambassador diplomat envoy general commander soldier veteran
        police cop detective agent sheriff judge justice jury court lawyer attorney counsel
        prosecutor investigator inspector expert analyst economist scientist researcher academic
        professor scholar doctor physician nurse surgeon psychologist specialist consultant
        engineer developer maintainer author journalist reporter editor columnist critic
        commentator writer blogger historian biographer pundit observer insider source
        activist advocate campaigner protester protestor supporter opponent rival ally
        student pupil teacher principal worker employee employer union party campaign
        committee commission council board panel agency authority authorities department ministry
        office administration government state city county town village regulator watchdog company firm
        business corporation group organization organisation association foundation institute
        institution university college school hospital bank fund network newspaper paper
        magazine outlet broadcaster channel station site website blog publication journal
        report study survey poll census data figures statistics research review analysis
        assessment estimate forecast filing complaint lawsuit suit ruling verdict decision
        statement release announcement memo letter email message note document documents
        article book essay column op-ed editorial post tweet video ad advert commercial
        speech interview transcript testimony affidavit guidance guideline guidelines rule
        rules law bill act policy manual documentation page label notice warning accord agreement
        treaty resolution proposal plan projection summary legend
        premier cashier courier financier brigadier
        airline carrier brand platform service store chain giant startup club league federation
        alliance coalition bloc regime military army navy force forces embassy parliament
        congress senate house cabinet prosecution defense defence operator provider
        press media newsroom studio publisher exchange market insurer
        clinic charity nonprofit ngo opposition majority minority public crowd audience
        management leadership community everyone everybody someone somebody
        anyone nobody many some others several
        """),
    agent_suffixes=("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee"),
    not_agents=_words("""
        number paper water order other matter power computer center centre answer letter
        error factor color colour floor door mirror corner border layer meter ever never
        either neither whether together rather further however another under over after
        cover filter folder header footer server browser player container trailer
        counter character chapter quarter winter summer weather feather finger
        content moment amount element component equipment environment treatment development
        investment payment requirement experiment segment instrument document event
        current recent percent present different important agent client
        plant giant want restaurant assistant
        human german roman woman
        resource offer
        marquee coffee toffee degree decree pedigree jubilee jamboree matinee entree puree
        settee toupee filigree guarantee spree career
        higher lower better faster bigger greater larger smaller older later harder cheaper
        stronger longer wider deeper closer newer fewer broader lesser upper inner outer
        """),
    not_sources=_words("""
        much more any each every no none such this that these those it its there here what which who whom whose when where why how whether if
        as so but and or nor yet then now also just only even still too very really perhaps
        maybe once again however although though while whilst because since unless until before
        after during without within instead rather thus hence therefore meanwhile otherwise
        let let's please have has had do does did is are was were be being been not never
        one one's nothing something everything anything nobody noone
        plus additionally moreover furthermore besides finally lastly
        """),
    clause_openers=_words("that whether if how why what when where who which"),
    finite_verbs=_words("""
        is are was were am 's 're 've 'd 'll 'm will would can could shall should may might must
        has have had does do did won't can't don't doesn't didn't isn't aren't wasn't weren't
        hasn't haven't hadn't wouldn't couldn't shouldn't
        went got took came saw gave found thought told knew left felt kept began held brought
        stood ran lost paid met sent built spent fell led won sold became meant made said
        understood wrote broke chose drove ate forgot hid rose shook spoke stole swore threw
        woke wore grew drew flew rang sang sank swam bought caught fought sought taught
        shot struck fled sat hung stuck swung tore
        """),
    speech_only_verbs=_words("""
        say says said saying argue argues argued arguing insist insists insisted insisting
        contend contends contended contending assert asserts asserted alleging alleges alleged
        """),
    object_content_verbs=_words("""
        announced announces announcing tweeted tweets tweeting repeated repeats repeating reiterated
        reiterates denied denies denying confirmed confirms confirming acknowledged acknowledges
        acknowledging admitted admits admitting promised promises promising pledged pledges
        pledging vowed vows vowing proposed proposes proposing predicted predicts predicting
        demanded demands demanding urged urges urging recalled recalls recalling questioned
        complained complains complaining warned warns warning disclosed
        revealed reveals conceded concedes declared declares reported
        """),
    topic_cues=_words("""
        boasted boasts boast boasting bragged brags brag bragging joked jokes joking wrote writes
        write writing spoke speaks speak speaking warned warns warn warning
        """),
    self_documents=_words("""
        article articles post page guide tutorial section chapter piece blog site website video
        course lesson manual documentation doc docs book
        """),
    norm_nouns=_words("""
        act rule rules regulation regulations code statute constitution terms
        conditions section clause procedure procedures standard standards schedule instructions
        size order date type plan prompt prompts direction directions recipe recipes formula
        division calculation calculations arithmetic math
        """),
    aspect_verbs=_words("continue continues continued continuing began begin begins started start starts"),
    gerund_cues=_words("""
        suggested suggests suggesting recommended recommends recommending proposed proposes
        denied denies denying admitted admits admitting
        """),
    share_nouns=_words("""
        percent % majority majorities minority half third thirds quarter fourths plurality share
        shares proportion proportions portion fraction percentage percentages
        handful number group couple dozen dozens hundreds thousands millions lot lots chorus slew
        one two three four five six seven eight nine ten both all many most some each none
        several few
        """),
    infinitive_cues=_words("""
        vowed vows vowing promised promises promising pledged pledges pledging threatened
        threatens threatening agreed agrees agreeing offered offers refused refuses declined
        declines urged urges urging asked asks asking told tells telling warned warns warning
        ordered orders demanded demands
        """),
)

GERMAN = LanguageCues(
    verbs=_words("""
        sagte sagt sagten sagen erklärte erklärt erklärten betonte betont betonten meinte meint
        ergänzte ergänzt fügte teilte berichtete berichtet warnte warnt kritisierte kritisiert
        forderte fordert bestätigte bestätigt schrieb schreibt räumte versicherte versichert
        behauptete behauptet hieß verkündete verkündet mahnte unterstrich
        """),
    addressee_verbs=frozenset({"sagte", "sagt", "erklärte", "versicherte", "teilte"}),
    according_before=("laut", "nach angaben von", "nach angaben", "zufolge"),
    according_after=("zufolge",),
    inverted_short=("so",),
    complementizers=("dass", "daß"),
    skip_words=_words("""
        am im in der dem den auch zudem außerdem bereits noch gestern heute montag dienstag
        mittwoch donnerstag freitag samstag sonntag abend morgen
        """),
    auxiliaries=_words("hat habe haben hatte hatten"),
    pronouns_singular=frozenset({"er", "sie"}),
    pronouns_plural=frozenset({"wir"}),
    group_nouns=("sprecher", "sprecherin", "vertreter"),
)

FRENCH = LanguageCues(
    verbs=_words("""
        dit déclaré affirmé expliqué ajouté estimé souligné indiqué précisé assuré confié raconté
        résumé reconnu annoncé insisté prévenu
        dit déclare affirme explique ajoute estime souligne indique précise assure confie raconte
        résume reconnaît annonce insiste prévient lance sourit
        """),
    according_before=("selon", "d'après", "d’après"),
    complementizers=("que", "qu'", "qu’"),
    # outside quotations these report only before "que": "Il assure une meilleure
    # circulation" (ensures), "reconnu pour sa fiabilité" (known for)
    needs_complementizer=_words("""
        assuré assure reconnu reconnaît annoncé annonce estimé estime indiqué indique lance
        confié confie raconté raconte résumé résume prévenu prévient souligné souligne précisé
        précise expliqué explique
        """),
    skip_words=_words("également aussi encore"),
    # the auxiliary of the passé composé: "», a déclaré le maire" (only before a French cue)
    auxiliaries=_words("a ont avait avaient"),
    pronouns_singular=frozenset({"il", "elle"}),
    pronouns_plural=frozenset({"ils", "elles", "nous"}),
)

SPANISH = LanguageCues(
    verbs=_words("dijo afirmó declaró explicó añadió aseguró señaló indicó sostuvo"),
    according_before=("según",),
    complementizers=("que",),
)

LANGUAGES: tuple[LanguageCues, ...] = (ENGLISH, GERMAN, FRENCH, SPANISH)


# Whole-statement patterns for writing systems where the word-based attribution
# search does not apply: no spaces between words (Chinese, Japanese), a dash
# before the inverted cue (Russian), or a cue prefixed to the verb (Arabic).
# Each has the named groups ``q`` (the quoted words), ``cue`` and, where the
# text gives one, ``speaker``. More can be added as data.
STATEMENT_PATTERNS: tuple[str, ...] = (
    # 陳志明表示：「…」 / 他說：「…」
    (
        r"(?P<speaker>[^\s，。、「」：:；！？]{2,12}?)(?P<cue>表示|說|说|指出|強調|强调|坦言|認為|认为)"
        r"[：:，,]?\s*「(?P<q>[^」]{4,})」"
    ),
    # 市長の山田和夫さんは「…」と話した
    (
        r"(?:^|[、。\n]|で)(?P<speaker>[^、。「」\n]{1,20}?)(?:は|が)「(?P<q>[^」]{4,})」と"
        # (言う / いう only closing the sentence: 「…」という名前 names a thing, 「…」という。 reports)
        r"(?P<cue>話した|述べた|語った|説明した|強調した|明かした|話す|語る|述べる|(?:言う|いう)(?=[。、\n]|$))"
    ),
    # «…», — рассказал глава города Андрей Белов.
    (
        r"«(?P<q>[^»]{4,})»,?\s*[—–-]\s*(?P<cue>(?:с|рас)?сказала?|заявила?|отметила?|пояснила?|добавила?|"
        r"сообщила?|подчеркнула?|признала?)\s+(?P<speaker>[^.,;!?«»]{2,60})"
    ),
    # وقالت مديرة المكتبة ريم العطار إن «…»
    (
        r"(?:^|\s)و?(?P<cue>قال|قالت|أوضح|أوضحت|أكد|أكدت|أضاف|أضافت|صرح|صرحت)\s+(?P<speaker>[^«»،.]{2,60}?)"
        r"\s*(?:إن|أن|:)?\s*«(?P<q>[^»]{4,})»"
    ),
)


# --- the quote finder's small word sets ----------------------------------------------
# English (and a little German and French) function words that the steps in ``quotes/``
# test single tokens against: who can be a subject, what may stand between a cue and its
# content, where a clause opens. Each comment says which question the set answers.

# Shared by several steps.

# Abbreviations that end with a dot inside a sentence ("Mr.", "Sen.", "Jan.", "U.S."): no sentence end.
ABBREV = _words(
    "mr mrs ms dr sen sens rep reps gov gen lt col sgt capt cmdr adm maj cpl pvt supt atty hon fr pres "
    "st jr sr prof rev no vs etc inc corp co ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n d.c a.m p.m e.g i.e"
)
# Finite auxiliaries and modals that open a clause with no subject before them, so no
# speaker starts with one: German's subject-dropped 'Habe das Paket natürlich versichert' ('[I]
# have insured the parcel'), 'Würde sagen, ...' ('[I]'d say'); English 'Would say the same'
VERB_FIRST_OPENERS = _words(
    "habe hab hat haben hatte hatten würde würden wurde wurden bin ist sind war waren wird werden "
    "kann könnte muss müsste soll sollte will wollte would could should might must shall"
)
# Lower-case abbreviations a lower-case word may follow ('approx. five', 'et al. found'): a
# dot after any other lower-case word ends a sentence even when the next one is not capitalised
LOWER_ABBREV = _words(
    "approx est dept govt fig figs vol vols pp ch chap cf al ca resp incl excl min max avg misc ref "
    "viz sec secs hrs mins yrs mos tel ext nos art arts para paras ed eds trans repr esp ibid cit seq "
    "univ assn natl intl cont lbs tsp tbsp pts qts yds mph kph kms"
)

LEAD_JUNK = _words(
    "but and so yet still however meanwhile when while whilst as because if although though after before "
    "since where then now instead also indeed moreover later earlier what despite even only etc aber und doch"
)

# Endings only adverbs have: a capitalised "Reportedly" or "Ironically" is no name, but
# "Kelly", "Emily" or "Beverly" is; "the family said" has no adverb.
ADVERB_ENDINGS = (
    "ally",
    "ously",
    "ively",
    "ably",
    "ibly",
    "edly",
    "ingly",
    "fully",
    "ently",
    "antly",
    "lessly",
    "itly",
    "ctly",
    "ately",
    # 'she sharply criticized', 'he coldly said', 'firmly', 'quickly', 'quietly', 'softly'
    "rply",
    "eply",
    "ldly",
    "rmly",
    "ckly",
    "ghtly",
    "etly",
    "ptly",
    "ftly",
)

BLOCKERS = _words(
    "to not n't never would could should might must will can cannot did does do may shall zu nicht nie"
)

PASSIVE = _words("was were been being be is are am get gets got getting")

# Words that deny the verb after them ('He did not suggest retaliation', "didn't say"): a
# cue after them reports nothing ("n't" is matched as a word ending, see ``negated``).
NEGATIONS = _words("not never")

AUX = _words(
    "is was are were has had have will would can could did does do be been being may might must "
    "shall should ist war sind waren hat hatte haben wird wurde"
)

# A time phrase opening a sentence before its speaker ('Four years ago Oracle announced',
# 'Last year AMD said'): its lead words and units, cut off the speaker (quotes/mentions.py).
TIME_PHRASE_LEADS = _words("last this next earlier later late early a one two three four five six")
TIME_PHRASE_UNITS = _words("year years week weeks month months day days decade decades")

# 'a phenomenon they called X': a relative clause without 'that' naming its
# noun (quotes/mentions.py); the subjects it has, and the words before them that make it a
# clause of its own instead ('and they called him a liar', 'when she called Smith').
NAMING_SUBJECTS = _words("they we he she i you")
NOT_NAMED_BEFORE = _words("""
    what and but or so then that when because as if who whom which while whilst after before since once
    until unless where why how than also even later first now still just though although whereas
""")

# The plainest reporting cues: on a forum thread, where every post is its writer's own
# statement, only these (with a named source) make an attribution record. Labelled samples:
# forum threads held 48 right and 34 wrong predictions; these kept 18 right, 5 wrong.
CORE_REPORTING_CUES = _words(
    "say says said saying tell tells told telling state states stated write writes wrote "
    "add adds added ask asks asked explain explains explained"
) | frozenset({"according to"})

# What makes an -ing cue finite: a form of 'be' or a verb taking an -ing complement before it
# ('Trump is demanding ...', 'he keeps saying ...'), contracted ones included ('she's
# claiming'). Without one, 'the paper proposing X', 'clear policies describing how ...' is a
# noun with a participle after it, not a report.
PROGRESSIVE_BEFORE = _words(
    "is are was were am be been being isn't aren't wasn't weren't 's 're 'm keep keeps kept "
    "keeping continue continues continued start starts started began begin begins stop stops "
    "stopped spent spend spends"
)

# Words that may stand between a subject and its -ing verb ('are now openly questioning',
# 'all calling for'), and things issued that report with a participle ('a statement saying
# ...', 'a fundraising email stressing ...', 'a radio ad calling it ...').
PROGRESSIVE_ADVERBS = _words("""
    now already still also just even again once all both not never only this last week month year
    today yesterday monday tuesday wednesday thursday friday saturday sunday
""")
ISSUED_TEXTS = _words(
    "statement statements tweet tweets post posts letter letters message messages email emails "
    "e-mail e-mails release releases ad ads advert video videos speech note notes memo memos "
    "op-ed editorial column petition announcement"
)

PREPOSITIONS = _words(
    "of for at with from by about to into on in during after before despite over under than via "
    "von mit bei nach für über"
)

DETERMINERS = _words("the a an another one two three several some many most other his her their its")

# Nouns that name an utterance, so that a colon after them opens someone's words: 'with a
# simple message: "..."', 'a snappy retort: "..."' (unlike 'in a second row: "..."').
SPEECH_NOUNS = _words("""
    message messages retort compliment proclamation case line lines words phrase remark remarks
    comment comments reply response answer statement slogan motto warning plea promise pledge
    vow tweet post note letter speech quote question verdict advice argument point refrain
    mantra chant cry joke quip boast claim charge accusation explanation assessment summary
    prediction appeal demand request challenge taunt insult praise tribute greeting farewell
    concession apology thanks congratulations
""")

# Possessive determiners: on their own after an inverted cue ('"Time" Just Announced Its
# "Person of the Year"') they open the cue's object, they name no speaker.
POSSESSIVE_DETERMINERS = _words("its his her their my our your")
# Reflexive pronouns: in quotes/naming.py, 'who call themselves "water protectors"' names
# what they go by
REFLEXIVES = _words("themselves himself herself itself ourselves myself yourself")

# Verbs of taking a turn that a purpose infinitive of speech follows: 'X interjected to say',
# 'interrupted me to say', 'took to Twitter to say', 'called to say': the report goes on
# with the same subject (unlike 'declined to say', 'wanted to say', which report nothing).
TURN_VERBS = _words("""
    interjected interjects interrupted interrupts chimed jumped stepped rose stood paused
    took takes called calls wrote writes returned broke
""")

# Verbs that report speech only with a particle or object, before a colon: 'as he put it:',
# 'Smith shot back:'.
COLON_VERBS = _words("put shot fired hit wrote spoke read")

# '-izes'/'-ises' words that are nouns, not verbs ('The following exercises:').
NOT_VERBS_IZE = _words("exercises premises surprises enterprises franchises promises compromises")

# Set phrases built on a cue word that report nothing: 'Having said that, ...', 'All that
# said, ...', 'Needless to say, ...'.
DISCOURSE_PHRASES = (
    "all told",
    "having said that",
    "having said this",
    "that said",
    "this said",
    "all that said",
    "that being said",
    "with that said",
    "that having been said",
    "needless to say",
    "suffice it to say",
    "so to speak",
    "that is to say",
    "all that being said",
)

# Cues that also mean 'to have' ('the hotel boasts a pool', 'Dota boasts an endless array'):
# they report only before 'that', a wh-word, a quotation, a colon or 'of'/'about'.
POSSESSION_CUES = _words("boast boasts boasted boasting")

# Verbs whose object a cue word can be, as a noun: 'it works wonders', 'does wonders for your
# skin' ('wonders' reports thought only with a subject: 'she wonders whether').
WORKS_BEFORE_NOUN = _words("work works worked working do does did doing")

# Words after which a cue word is a noun ('the claims', 'their reports', 'a warning')
NOUN_MARKERS = _words("the a an his her their its our my your this these those whose")

CONNECTORS = _words("of for at with 's ’s and the de von der des")

TIME_START = _words("on in at during last this late early earlier yesterday today am im") | ENGLISH_WEEKDAYS

# Time words that may stand between a cue and its 'that' ('said Thursday that')
TIME_WORDS = _words("today yesterday tonight week month year") | ENGLISH_WEEKDAYS

# Conjunctions opening a subordinate clause: a cue's subject follows the last one before it,
# as in 'It gets your attention when a leader says' or 'Even though officials said'.
SUBORDINATORS = _words("when while whilst whereas if because although though since once until unless where")


# Attribution next to a quotation (quotes/attribution.py).

# Words that may follow an unlisted verb in a short attribution ('shot back with a laugh').
MANNER_START = _words(
    "back up out with in at on to as before after during from into over again while whilst amid "
    "through across without quickly"
)

TRAILING_PREPOSITIONS = _words(
    "in on at after before during of to via while whilst as from with about when through"
)

# Words that open a reported clause between a cue and a quotation ('said that in 2009,
# "..."', 'said because ...', 'said he came up with the idea: "..."'); anything else there
# ('told the AP,', 'said on the other hand,', 'proclaimed at a press conference,') is
# circumstance, and the statement is the quotation alone.
LEAD_OPENERS = _words("because since although though if unless whether there it")

# A clause with a modal before its colon imagines or prescribes words nobody said
MODALS = frozenset({"should", "would", "could", "might", "must", "shall", "may", "can"})


# Where reported content starts and ends (quotes/content.py).

# Prepositions that open a circumstance of the speaking ('said Sunday in Virginia', 'said
# on Tuesday at a rally'): where and when it was said.
ADJUNCT_PREPOSITIONS = _words("in at on during")

ADJUNCT_DETERMINERS = _words("a an the his her their its this that last")

# 'said of the plan': after a verb of saying, "of" names the topic, not the words said
# ('complained of pain', 'warned of a crisis' keep theirs: there the object is the content).
TOPIC_OF_CUES = _words("said says say saying")

# A reported clause or object never opens with these: after them the cue word was a
# plain verb ("reported from Paris", "added to his lead", "joked with a friend"),
# a passive participle ("first reported by the Post") or the content is missing
# ("said when she resigned", "said and did the same things", "says nothing about them"), or
# the cue word is a plea in court ("pleaded guilty to fraud"), its object is the subject
# itself ("the typeface announces itself with confidence"), or a manner follows ("it writes
# like it's guessing").
NOT_CONTENT_START = _words(
    "by from with into onto off as while whilst when until than and or nor nothing anything something so von "
    "mit guilty "
    "itself himself herself themselves like"
)

# ... unless the next word shows an adverbial that the content follows
# ("say by 55% to 41% that ...", "said as much", "would not say when, or if, ...").
CONTENT_AFTER: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "by": _words("a an"),
        "as": _words("much well a an"),
        "when": _words(", or"),
        # 'did not say anything about it' reports nothing; 'said anything is possible' does
        "anything": _words("is was will would could can might may"),
        # 'said something truly implausible' names words without giving them; 'said something
        # was wrong' reports a clause
        "something": _words("is was will would could can might may had has must should"),
    }
)

# Things shared, not words: 'tweeted this photo, which shows ...', 'posted a video of the
# rally' (an object report whose object is one of these reports no statement)
MEDIA_OBJECTS = _words("""
    photo photos picture pictures image images video videos clip clips link links screenshot
    screenshots gif gifs map maps chart charts graphic graphics selfie selfies meme memes cover covers
    """)

# Objects that make a speech act a legal or official act: 'dismissed all pending lawsuits',
# 'the judge dismissed the charges', 'denied the motion' (not 'dismissed claims that ...').
ACT_OBJECTS = _words("""
    lawsuit lawsuits suit suits case cases charge charges complaint complaints appeal appeals
    motion motions petition petitions indictment indictments injunction
    """)

# After 'it', words that make the cue an idiom with no words reported: 'tells it all in a new
# book', 'said it best', 'tells it like it is', 'told it straight'
IT_IDIOM_NEXT = _words("all best like straight plainly")

# Nouns of what was found or argued that, before a colon, present the words after it ('pointed
# out one of the more interesting findings: ...', 'made two points: ...')
FINDING_NOUNS = _words("""
    finding findings fact facts lesson lessons result results reason reasons conclusion
    conclusions takeaway takeaways detail details
    """)

# Works written or posted: 'wrote an anonymous blog called ...', 'wrote a book about ...' (the
# object of a verb of writing that is one of these is a thing made, not words reported)
WORK_NOUNS = _words("""
    blog blogs book books column columns novel novels memoir essay essays song songs script
    screenplay biography thesis dissertation cookbook
    """)
# 'asked a series of questions', 'asked several questions': the questions are not given
QUESTION_NOUNS = _words("question questions")

# Words that head a capitalised job title set off after a name ('Eric Durr, Director of Public
# Affairs at X told', 'Tom Namako, Deputy News Director at Buzzfeed, ...')
ROLE_TITLE_WORDS = _words("""
    director president chief head spokesman spokeswoman spokesperson manager chairman chairwoman
    chair founder cofounder co-founder professor editor deputy executive officer coordinator
    administrator commissioner superintendent analyst economist researcher secretary minister ceo
    cfo coo cto
    """)

# Anyone at all: 'Anyone who says X is selling you nothing', 'Whoever claims X' put words in a
# hypothetical mouth; the sentence is the writer's claim (``speakers.plausible_speaker``).
HYPOTHETICAL_SPEAKERS = _words("anyone anybody whoever whomever")

# Objects that make a cue word a set phrase of greeting or rite, not a report: 'said
# goodbye and left', 'said the last prayer', 'say grace', 'said Mass' (as written: 'said
# Grace was late' names a person; up to two determiners or adjectives may come first:
# ``content.starts_content``).
SET_PHRASE_OBJECTS = _words("""
    goodbye goodbyes good-bye farewell farewells hello hellos grace amen prayer prayers mass Mass
    """)

INFINITIVE_BLOCK = _words("the a an his her their its our my your this that these those")

# After an object cue the passive agent, particles and conjunctions rule the object out:
# "described as reckless" and "criticized with harsh words" do report speech ("called off
# a deal", "called up a friend" and "as someone mentioned earlier and then ..." do not).
NOT_OBJECT_START = _words("by off up back and or nor but when while whilst until than because")

# A reported clause has its own subject. When a finite verb follows the cue directly, the
# subject was moved out ('the plan, which he said would cut taxes'); the cue sits inside a
# relative clause and the words after it are not a report of their own.
GAP_VERBS = _words("was were is are has had have will would could should can did does may might must")

# A pronoun opening a relative clause whose verb is a cue ('the plan, which officials said
# will start in May', 'what she said is growing demand', 'Windslowe, who police said uses
# aliases, was ...'): the report is the whole clause, pronoun included, since the pronoun is
# the subject of what was said; a 'who' right before its cue is the speaker (quotes/reported.py).
GAP_RELATIVES = _words("which what who whom")

ADVERBIAL_WORDS = _words(
    "in a an the on at with to during statement interview speech email letter news conference "
    "press release tweet post earlier later also previously repeatedly , : ; - reporters"
)

# A clause-opening phrase ('Despite the rain,', 'On the Republican stage,', 'Weighing in,')
# is no statement of its own: before '..., X said' the content must be a clause.
INTRO_PHRASE_START = _words(
    "despite on in at during after before since when while whilst if although though as with without "
    "for from by under amid among unlike like through via"
)


# Direct quotations, titles and transcripts (quotes/direct.py).

TITLE_MINOR_WORDS = _words("a an the of and or in on at to for with by from as is are be vs de du la le")

HONORIFICS = frozenset(
    ["mr", "ms", "mrs", "dr", "sen", "rep", "gov", "prof", "gen", "col", "sgt", "president", "senator"]
)


# Is a mention a source, does a cue report (quotes/mentions.py).

THIRD_PERSON = frozenset({"he", "she", "they", "it", "who"})

SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})

# The reader as a cue's hearer ('tells you how much', 'tells you little'): a figure of
# speech, not an addressee, unless a that-clause or a quotation follows.
GENERIC_HEARERS = frozenset({"you"})

# A hearer named by a pronoun after 'told', 'assured' ...: 'told me the plan would work'.
OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you"})

# What may follow a subject pronoun in a speaker that is still only the pronoun: 'they both',
# 'he himself' (anything else after it is the pronoun's own verb: 'he insists', 'they work').
PRONOUN_COMPANIONS = frozenset({"all", "both", "each", "too", "himself", "herself", "themselves"})

JOINERS = frozenset({"and", "or", "nor", "&"})

NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})

TRAILING_WORDS = frozenset(
    {
        "now",
        "all",
        "both",
        "each",
        "too",
        "themselves",
        "himself",
        "herself",
        "itself",
        "often",
        "never",
        "already",
        "still",
        "ever",
        "since",
        "once",
        "first",
        "later",
    }
)

# "officials also", "he just", "she never": adverbs between a subject and its cue
ADVERBS_BEFORE_CUE = _words(
    "also just only even still too very really perhaps maybe once again then now never not "
    "however meanwhile thus instead rather so yet here there"
)

FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "us", "me", "let's", "let’s"})

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})

# Words ending in "-ed" that are no verb after "that": 'that red car', 'that bed'.
NOT_VERBS_ED = _words("red bed need seed speed feed shed deed greed weed hundred")

# Auxiliaries that open a question and are never a first name ('Will', 'May', 'Can' are left out)
QUESTION_AUX = _words("has have had did does do is are was were should would could")

# A copula before a colon ('the #1 reason people don't exercise is:') introduces a list
COPULAS = _words("is are was were")

# Words that end a sentence's frame before a colon and a list ('some notable roles available
# include:', 'the top tools are the following:').
LIST_INTRODUCERS = _words("include includes included following")

# A label of cross-reference or of the page's own notes before a colon ('(Also see: "Title")',
# 'Related: "..."', 'Note: "..."', "Editor's note:"): the quotation is the title of what is
# linked or the writer's own material, not words anyone said
CROSS_REFERENCE_WORDS = _words("""
    also see read more related previously watch listen source sources via note notes update inside
    updated correction disclaimer disclosure editor's editor’s ps nb
    """)

# Adjectives that follow a source noun in its mention: 'an official familiar with the case',
# 'people close to him', 'aides loyal to the mayor'
POSTMODIFIERS = _words(
    "familiar close aware knowledgeable privy loyal opposed sympathetic critical responsible "
    "present alone themselves himself herself itself all both each too also alike overall"
)
SINGULAR_PRONOUNS = _words("he she it")
# Lower-case nouns ending in -s that take a singular verb ('the news reports', 'the series
# explains'), beside the -ss, -us, -is and -ics endings (quotes/pipeline.py)
SINGULAR_IN_S = _words("news series species means headquarters whereabouts")
# 'one of the auditors', 'each of his aides': one member of a group of sources speaks
ONE_OF_GROUP = _words("one each either neither none")
# 'Trust me, ...', 'Believe us, ...': the writer's aside, not a speaker
FIRST_PERSON_OBJECTS = _words("me us")
# a record's words addressed to the reader or spoken as the writer (quotes/confidence.py)
FIRST_PERSON_WORDS = _words("i we my our me us")
SECOND_PERSON_WORDS = _words("you your yours yourself")
# Cues of writing: 'X wrote: A. B. C.' quotes a post to its paragraph's end (quotes/reported.py)
WRITING_CUES = _words("wrote writes write posted posts replied replies commented comments tweeted tweets")
# 'X must engage, acknowledging that ...': a prescription by the writer, not a report
OBLIGATION_MODALS = _words("must should")
# After a short quotation, words that go on with a clause ('"Sad!" and he left', '"yes" is
# the answer'), not a noun the quotation names ('"Marry Me" chicken') (quotes/pipeline.py)
CLAUSE_AFTER_QUOTE = _words("that which who and or but is was are were")
# 'telling yourself, "Wow"', 'I asked myself': the writer's or the reader's inner voice
FIRST_SECOND_REFLEXIVES = _words("myself yourself ourselves yourselves")
# 'it suggests', 'this shows', 'that explains why': a fact or a finding argued by the writer
DEMONSTRATIVE_SUBJECTS = _words("it this that")
INFERENCE_CUES = _words(
    "suggest suggests indicate indicates show shows mean means imply implies explain explains"
)
# Participles that read a finding ('..., suggesting that ...'): a report only when someone
# reports in the main clause (quotes/reported.py)
INFERENCE_PARTICIPLES = _words("suggesting indicating implying showing meaning signaling signalling")
# After 'called me': a phone call ('called me and ...', 'called us back'), not a name given
PHONED_NEXT = _words("and back at on to from about when after before today yesterday")
# "called the attorney general's office", 'called police': a number rung (reported.py,
# ``_phoned``; 'called a press conference' stays: PolNeAR counts convening as a speech act)
PHONED_OBJECTS = _words("office police 911 hotline number cops ambulance")
# A mention opening with these is an embedded question or a headline ('How the agency defends
# the grid'), not a speaker
MANNER_QUESTIONS = _words("how why")
PLURAL_PEOPLE = _words("people women men children folks")

# Prepositions that also open a clause: 'shortly after Trump said', 'before Smith told': the
# name after them is the clause's subject, and speaks.
CLAUSE_PREPOSITIONS = _words("after before since until")

NAME_JOINERS = frozenset(
    {"of", "for", "and", "&", "de", "du", "la", "le", "von", "van", "der", "den", "al", "bin", "the"}
)

# Words that open an object after a verb: 'send a tweet', 'Put your toddler', 'shows both'
OBJECT_OPENERS = frozenset(
    {"the", "a", "an", "your", "my", "our", "their", "his", "her", "its", "both", "these", "those"}
)

BARE_OPENERS = frozenset({"he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those"})

PARTICIPLE_NEXT = frozenset(["by", "from", "with", "of", "in", "into", "for", "as"])

CONJUNCTIONS = frozenset(
    ["but", "and", "or", "as", "while", "whilst", "so", "yet", "although", "though", "because", "whereas"]
)

OBJECT_WORDS = _words("him her it them what this that these those us me you")

NAMING_ADVERBS = _words(
    "also sometimes often commonly usually now formerly simply typically generally widely popularly "
    "informally colloquially officially affectionately"
)


# The writer's own voice (quotes/pipeline.py).

WRITERS_WORDS = frozenset({"i", "me", "we", "us", "you", "it", "what", "let", "let's", "let’s"})
# Verbs that open the writer's instructions to the reader ('See what customers say about',
# 'Take some time to ... explain', 'Read on for a history told through'): a sentence opening
# with one is an imperative, with no speaker in it (names such as Bill, Will, Mark, Grant,
# Chase are left out)
IMPERATIVE_OPENERS = _words("""
    see read take check find learn click visit try make get use keep discover explore watch
    join sign follow contact consider remember imagine look pick choose avoid start stop give
    put ensure review compare download install subscribe browse enjoy think
""")


# Reported speech (quotes/reported.py).

ASKED_BEFORE = frozenset({"when", "was", "were", "is", "are", "being", "been", "after", "also", "once"})

QUESTION_OPENERS = frozenset({"if", "whether", "what", "who", "whom", "which", "why", "how", "when", "where"})

SOURCE_ARTICLES = _words("der die das ein eine einer des dem den")

# a sentence that opens with a subordinate clause: its comma ends that clause
# 'Around the same time that AWS announced X, Microsoft ...': a time clause, as 'when' opens one
TIME_THAT = ("time that", "moment that", "day that", "year that", "week that", "month that")

SUBORDINATE_OPENERS = frozenset(
    {
        "while",
        "whilst",
        "though",
        "although",
        "as",
        "when",
        "because",
        "if",
        "since",
        "whereas",
        "after",
        "before",
        "once",
    }
)


# Speakers next to a cue (quotes/speakers.py).

FREQUENCY_ADVERBS = _words("often never always sometimes also widely still already seldom rarely")
# Words between a subject and its cue that leave the report standing ('He even said', 'They
# still say', 'She herself said'); not 'never', 'seldom', which deny it
AFFIRMING_BEFORE_CUE = _words(
    "even still already often always sometimes usually himself herself themselves itself"
)

# Where the clause a cue belongs to opens: a subordinator, or a relative 'that'/'whom' whose
# clause has its own subject ('the plan that Trump says', 'a poet whom Burger called', 'the
# rules, which officials said'); 'what' only before a verb with no subject ('to what she
# said is growing demand'): 'see what customers say about it' is no report (quotes/speakers.py)
CLAUSE_OPENERS_BEFORE_CUE = SUBORDINATORS | _words("whenever that whom which")

APPROXIMATORS = _words("about around nearly almost roughly over under some")

# Conjunctions that open a clause of its own before a cue's subject ('revenues dipped and the
# treasurer blamed', 'fans cheered as the mayor announced'), and the words after a
# participle that describes a noun, not a finite verb ('a study published today', 'notices
# filed last week'; prepositions too: 'published in').
SUBJECT_CLAUSE_JOINERS = _words("and but as while when after before because until")
# The coordinators that join two clauses with subjects of their own ('she was packing and he
# told her ...'; '"Is it open?" and I answered'): a subject after one starts a new clause
CLAUSE_JOINERS = _words("and but")
PARTICIPLE_TIME_WORDS = _words("today yesterday last this earlier recently online")
# Words opening a clause that is an object ('contradicted what Trump and Lewandowski said'): a
# joiner after them is inside that clause.
WH_OBJECT_WORDS = _words("what how whatever")

# Words that take "'s" for 'is' or 'has' ("it's", "that's said", "no one's said"), unlike a
# possessive noun.
CONTRACTED_SUBJECTS = _words("it that there what who here where let one everyone someone nobody")

NOT_SUBJECT_END = _words("as the a an his her its their our my your")

RELATIVE = _words("who which that whose whom where der die das")

# Lower-case words that, after a name, start a new phrase rather than continue
# the speaker ('sagte Petra Lindqvist nach der Abstimmung', 'said Jane Doe in a statement').
AFTER_NAME_STOPS = _words("""
    on at after during before in to from while whilst when via
    nach am im in bei vor auf gegenüber unserer unserem unseren dieser diesem zu zum zur mit
    à au aux lors devant après avant pendant en dans
    """)

# Register of a text (quotes/pipeline.py). News copy reports speech in the past tense again and
# again ('said', 'told'); a guide, a shop page or a blog post rarely does. Only in a text that
# reads as news is a speech act with an object ('defended the plan', 'dismissed the criticism')
# or a topic ('explained how the deal works') an attribution record: elsewhere the same verbs
# mostly mean something else ('defending humanity's last bastions', 'dismissing all doubts',
# 'explains how a product works'). Labelled wcxb-dev samples a-j: in texts with fewer than two,
# such reports were 21 right and 36 wrong; PolNeAR news keeps its statement F1 (0.862 -> 0.860).
NEWS_REGISTER_CUES = _words("said told sagte sagten erklärte déclaré dit dijo afirmó declaró")
NEWS_REGISTER_MIN = 2
# Cues whose object is the message itself ('announced the release', 'reported free cash flow
# of $884 million', 'confirmed the acquisition'): their object reports hold in any register.
MESSAGE_OBJECT_CUES = _words("""
    announced announces announcing reported reports revealed reveals disclosed discloses
    confirmed confirms confirming tweeted tweets declared declares acknowledged acknowledges
    admitted admits conceded concedes reiterated reiterates repeated predicted predicts
    """)
# Verbs of naming whose second object can be a quotation of the subject's words ('Obama and
# Clinton call them "lone wolves"', 'Japan branded North Korea an "outlaw nation"', 'declaring
# it "another super Tuesday"'): the quotation is reported, though no verb of saying stands
# right before it (quotes/naming.py). News copy only: elsewhere they mostly name things.
NAMING_VERBS = _words("""
    call calls called calling label labels labeled labelled labeling labelling brand brands
    branded branding dub dubs dubbed dubbing deem deems deemed deeming pronounce pronounces
    pronounced pronouncing declare declares declared declaring
    """)
# Cues whose indirect question is what was said ('asked how it works'); after any other cue a
# question word opens a topic ('explains how it works')
QUESTIONING_CUES = _words("""
    ask asks asked asking wonder wonders wondered wondering question questions questioned
    questioning inquire inquires inquired
    """)
# A speaker span ending in one of these is cut out of a clause ('a technical way of',
# 'showing excitement and'); one holding one of these verbs is a clause ('An N-gram is a
# technical way of saying', 'The question he keeps asking') (quotes/pipeline.py)
FRAGMENT_ENDS = _words("of and or to for with by in on at as the a an from about than into")
FRAGMENT_VERBS = _words("is are was were keeps keep kept has have had")
# Pronouns of quantity that take a verb's plain form ('most say', 'many argue'): with an -s
# form after them the cue word is a noun ('most demands, especially the big ones, are met')
PLURAL_QUANTIFIERS = _words("most many several few both")
# Verbs of aspect before an -ing cue ('started admitting', 'kept saying'): part of the verb
# phrase, not of the speaker (quotes/mentions.py)
ASPECT_BEFORE_ING = _words("""
    started starts start began begins begin kept keeps keep continued continues continue
    stopped stops quit quits ended
""")
# Words before an -ed cue that make it an adjective ('make informed decisions', 'more
# reported cases', 'a well documented claim') (quotes/reported.py)
ADJECTIVE_BEFORE = _words("make makes making made more most less least well better fully poorly under un")
# Sentence openers that are no subject ('Ever wondered how ...?', 'Often, ...'): as a one-word
# speaker they mean the sentence names no source (quotes/pipeline.py)
NOT_SUBJECT_OPENERS = FREQUENCY_ADVERBS | _words("ever similarly additionally however")
