"""Quotation-mark and speech-cue tables, kept as plain data.

Why a separate module: the quote finder in ``quotes/`` is language-neutral
machinery; everything that differs between languages (which characters open
and close a quotation, which verbs report speech, which words introduce a
source like "according to" or "laut") lives here. Adding a language means
adding one ``LanguageCues`` entry, not touching the scanner.

Everything is immutable (tuples, frozensets, frozen dataclasses) so the
module holds no mutable state.
"""

from __future__ import annotations

from dataclasses import dataclass

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
# ("barked", "beamed") need no entry: any "-ed" word is accepted in that position.
ATTRIBUTION_ONLY_VERBS: frozenset[str] = _words("read reads shot spoke cried sighed")

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
    not_agents: frozenset[str] = frozenset()  # "-er"/"-or" words that name no one ("number", "mirror")
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
        inform informs informed adding"""),
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
        treaty resolution proposal plan
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
        """),
    not_sources=_words("""
        much more any each every no none such this that these those it its there here what which who whom whose when where why how whether if
        as so but and or nor yet then now also just only even still too very really perhaps
        maybe once again however although though while because since unless until before
        after during without within instead rather thus hence therefore meanwhile otherwise
        let let's please have has had do does did is are was were be being been not never
        one one's nothing something everything anything nobody noone
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
        size order date type plan
        """),
    aspect_verbs=_words("continue continues continued continuing began begin begins started start starts"),
    gerund_cues=_words("""
        suggested suggests suggesting recommended recommends recommending proposed proposes
        denied denies denying admitted admits admitting
        """),
    share_nouns=_words("""
        percent % majority majorities minority half third thirds quarter fourths plurality share
        handful number group couple dozen dozens hundreds thousands millions lot lots
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
        r"(?P<cue>話した|述べた|語った|説明した|強調した|明かした|話す|語る|述べる|言う|いう)"
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
