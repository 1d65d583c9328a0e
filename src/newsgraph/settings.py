"""Defaults in one place (trafilatura's way). Everything tunable lives here."""

from __future__ import annotations

import os

DEFAULT_DB = "newsgraph.db"
DEFAULT_LANGUAGE = "de"

# ingestion
MAX_INPUT_BYTES = 25 * 1024 * 1024  # a single input file larger than this is refused
MAX_TEXT_CHARS = 2_000_000  # a single article longer than this is refused
MIN_TEXT_CHARS = 1  # an article with less text than this (after stripping) is "empty"
DETECT_LANGUAGES = ("de", "en", "fr", "es", "it", "ru")  # lingua, restricted
MIN_HTML_TEXT_CHARS = 20  # an HTML page whose main text is shorter (a menu, a cookie banner) is "empty"
LANGUAGE_MIN_CONFIDENCE = 0.5  # lingua's confidence below this → language unknown (None)
LANGUAGE_SAMPLE_CHARS = 1000  # characters of the text the language is detected on (lingua: ~2 ms)
# single-byte encodings tried (charset-normalizer) when an input is not UTF-8
INGEST_ENCODINGS = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "iso8859_5",
    "mac_roman",
    "cp1253",
    "cp1254",
    "cp1257",
    "cp437",
    "cp850",
)
METADATA_LEAD_CHARS = 600  # a dated event in the first characters dates the article ("am Dienstag (…)")
METADATA_HEAD_CHARS = 200  # the dateline region at the very start
METADATA_TRAILER_LINES = 2  # the last non-blank lines searched for "Quelle: …", "[xy/outlet]"
# a day-month gets its year from a full date within half a year in the same text
CONTEXT_DATE_WINDOW_DAYS = 183
PARTIAL_DATE_WINDOW_DAYS = 3  # resolve: a day-month gets its year from a dated article this close ...
PARTIAL_DATE_MIN_SHARED_NAMES = 3  # ... sharing at least this many proper names
PARTIAL_DATE_MIN_NAME_OVERLAP = 0.25  # ... that make at least this share of the smaller set of names

# analysis: the spaCy components run on every document, in this order.
# Each name is a factory registered by a module of newsgraph.nlp or newsgraph.extract.
PIPELINE: tuple[str, ...] = (
    "ng_sentences",
    "ng_hanta",
    "ng_ner",
    "ng_roles",
    "ng_timex",
    "ng_quotes",
    "ng_quantities",
    "ng_events",
)
# German text processing (newsgraph.nlp.sentences, newsgraph.nlp.tagger)
HANTA_MODEL = "morphmodel_ger.pgz"  # a model file inside the HanTa package, or a path
HANTA_CACHE_SIZE = 200_000  # per-process LRU entries for HanTa's word analyses and for lemmas
HANTA_MAX_WORD_LEN = 64  # HanTa's analysis is quadratic in word length: longer tokens are tagged by their end
ANALYZE_CHUNKSIZE = 4  # documents handed to a worker process at a time
NER_MODEL = os.environ.get("NEWSGRAPH_NER", "fast")  # "fast" | "accurate" | "none"


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


# resolve: entity identity (resolve/names.py, resolve/entities.py)
GIVEN_NAME_SIMILARITY = 0.88  # Jaro-Winkler on given-name keys that differ (Kasim-Iomart ~ Kasim-Somart)
DOMINANT_ENTITY_RATIO = 3.0  # a bare surname with several candidates joins one this many times more mentioned
ABBREVIATION_MAX_LEN = 8  # an all-caps ORG token up to this long may be an abbreviation of a long form
SKELETON_MIN_KEY = 7  # surname keys this long may match by consonants alone (same first given name)
LOOSE_KEY_MIN_LETTERS = 5  # a loose transliteration key (Toshkent = Taschkent) needs this many letters

# named-entity recognition (newsgraph.nlp.ner)
NER_BATCH_SIZE = 256  # sentences per model call
NER_KEEP_FREED_MEMORY = True  # fast model: glibc keeps freed blocks for reuse (ner.keep_freed_memory)
NER_NUMPY_DECODER = True  # fast model: numpy greedy NER decoder (nlp/ner_decode.py, spaCy's moves)
NER_RULES = True  # gazetteer layer (lang/de/ner/) on top of the model
NER_LEXICON = True  # the training data's names (models/ner-fast/lexicon.json) after the fast model
# Second NER pass over a story (resolve.known_names): a name its other articles type fills the bare
# occurrences the model missed. One word must read as a proper noun to the tagger (NE within this margin
# of its best reading), so a common noun typed by mistake once is never spread.
NER_KNOWN_NAMES = True
NER_KNOWN_NAME_MARGIN = 0.0
NER_KNOWN_NAME_MIN_CHARS = 3
KNOWN_NAMES_INLINE = 8  # up to this many documents are analyzed again in this process, more in the pool
NER_CURRENCY_NAMES = True  # GermEval convention: "Euro"/"Dollar" alone are OTH; False drops them (cues.toml)

# time expressions (ng_timex)
TIMEX_NARRATIVE_MIN_YEARS = 3  # a text naming fewer explicit years is read as news
TIMEX_NARRATIVE_NEAR_SHARE = 0.15  # share of years near the document date below which a text is narrative

# quantities (newsgraph.extract.quantities)
QUANTITIES_MAX_PER_DOC = 2000  # a document with more numbers than this keeps the first ones

# quotes (newsgraph.extract.quotes)
QUOTES_SHORT_WORDS = 4  # a quoted span with fewer words needs a speech cue nearby to count as a quote
QUOTES_KONJ_WINDOW = 12  # tokens after "sagte X," in which a Konjunktiv marks a reported V2 clause
QUOTES_FREE_WINDOW = 2  # sentences after a quote in which a Konjunktiv sentence continues it (free indirect)
# learned stages after the rules (weights in lang/<lang>/quotes/<stage>_model.json, scripts/quotes/train.py):
# "screen" drops rule candidates it does not believe, "sentences" classifies the sentences left open
QUOTES_MODELS: tuple[str, ...] = ("screen", "sentences")
QUOTES_SENTENCE_THRESHOLD: float | None = None  # the classifier keeps a unit from this score (None: model's)
QUOTES_SENTENCE_KONJ_THRESHOLD: float | None = 0.2  # … a unit with a Konjunktiv I verb from this (None: off)
QUOTES_SCREEN_THRESHOLD: float | None = None  # the screen keeps a candidate from this score (None: model's)
QUOTES_SENTENCE_OPEN = 0.3  # a sentence is open to the classifier when rule quotes cover at most this share
QUOTES_SENTENCE_CONTEXT = 3  # sentences back in which a classified continuation takes the last speaker
QUOTES_FREE_RULE = False  # the rule for free indirect sentences (off: the "sentences" model reads them)
QUOTES_SPEECH_ACTS = True  # a sentence whose indicative main verb is a listed speech act is reported speech
QUOTES_SPEECH_ACT_PERFECT = True  # also a perfect ("hat … gefordert") with a name, role or pronoun subject
QUOTES_SPEECH_ACT_APPOSITION = True  # "X, Rolle, fordert …": an apposition or relative clause is skipped
QUOTES_MARKER_INSIDE = 0.35  # a marker ("laut X") at most this share of its clause: the message is the clause
QUOTES_SPEECH_ACT_PASSIVE = True  # a passive speech act with its agent ("von X wurde … gefordert")
QUOTES_SPEECH_ACT_AGENTLESS = True  # "Als Grund wurde … genannt": a passive naming act after "als" + noun
QUOTES_SPEECH_ACT_LIST = True  # "X, Y und Z fordern …": a coordinated list before the act's verb is skipped
QUOTES_SENTENCE_CHAIN = True  # a classified sentence is the quote before the next (sequence decoding)
# (train halves: F1 0.748 -> 0.752; a model trained with gold chains instead did worse, 0.746)
QUOTES_MENTION_NAMES = True  # a capitalised ADJD/ADV word inside a name mention reads as a name
QUOTES_NP_STRICT_LINK = True  # "die Polizei [von einem Mord]", "laut X [aus Sicherheitsgründen] abgesagt"
QUOTES_IMPERSONAL_RELATIVE = True  # "In dem Bericht, der …, heißt es, […]": the message follows the cue
QUOTES_OBJECT_FIRST = True  # "Die Äußerungen bezeichnete der Abgeordnete als …": the nominative speaks
QUOTES_PREFIELD_SUBJECT = True  # "X hatte Y gebeten, …": the prefield phrase before the auxiliary speaks
QUOTES_PREFIELD_PP = True  # that prefield phrase may carry a prepositional phrase ("Ein Gericht in Virginia")
QUOTES_MARKER_SKIP_PARENS = True  # the clause around a marker runs over a closed parenthesis "(CDU)"
QUOTES_SHORT_CAPITAL = "host"  # short capitalised quoted phrases: "none" | "host" (in a quote) | "cue"
QUOTES_NESTED_DIRECT = "lower"  # quoted phrases in a classified sentence as direct quotes (see below)
# none | lower (opening in lower case) | multi | all; on train "all" and "multi" add more wrong than right
QUOTES_CHAIN_HEADS: tuple[str, ...] = ("free_indirect",)  # kinds a free indirect continuation merges into
# (train: adding "indirect" or "reported" heads lowers F1, the gold mostly keeps the indirect clause apart)
QUOTES_CHAIN_WHOLE_INDIRECT = True  # an indirect quote that is its whole sentence (cue outside) heads a chain
QUOTES_FREE_EXTEND = True  # a free indirect passage takes the uncovered Konjunktiv sentences after it
QUOTES_FREE_MERGE = True  # the rule merges consecutive free indirect sentences into one quote
QUOTES_FREE_KONJ2 = True  # a Konjunktiv II sentence (hätte, würde) right after a quote also continues it
QUOTES_COLON_QUOTE = True  # an indirect message ends at ": „…“" (the direct quote after it is its own quote)
QUOTES_MARKER_PREFIELD = True  # "Weil …, ist es laut X schwer": a marker's clause takes its fronted clause
QUOTES_MARKER_CLAUSE = True  # a marker in a relative clause: the message ends with it; none after "Das sagte"
QUOTES_MARKER_SOURCE_NP = True  # "nach Angaben des X der Y, Name,": the source runs over its genitives
QUOTES_MARKER_AFTER_NP = True  # "X zufolge": the source is the noun phrase before it, not the whole prefield
QUOTES_MARKER_POSTPOSITION = True  # "Seiner Meinung nach": a marker word after its speech noun
QUOTES_MARKER_QUOTE = True  # "Laut X: „…“": the direct quote after a marker is its message
QUOTES_MARKER_NOUNS = True  # a marker word with its own noun list ("unter Berufung") takes no other noun
QUOTES_MARKER_AFTER_REPORT = True  # "Danach …" is a source only after a sentence naming a report ("Studie")
QUOTES_MARKER_SUBJECT_FIRST = True  # "Die Regenzeit könnte nach Angaben des X der Y …": "der Y" is genitive
QUOTES_SO_INSERTED = True  # "A, so X, B": the message is the longer of A and B (gold leaves "so X" out)
QUOTES_MARKER_PRONOMINAL_FIRST = True  # "…, nach denen …", "…, laut dem …" are relative markers, not "nach X"
QUOTES_MARKER_MISSED_STOP = True  # "… 7,1. Nach Angaben X …": a marker after "7,1." starts a sentence
QUOTES_MARKER_GENITIVE_NOUN = True  # "nach dem Scheitern der Verfassung": no marker (a genitive of a noun)
QUOTES_NOUN_ZU_FIRM = True  # "Dem Appell der Polizei, sich zu stellen": the screen keeps such a clause
QUOTES_MARKER_ATTRIBUTIVE = True  # "die seiner Meinung nach falsche Politik": the message is that noun phrase
QUOTES_MARKER_NAME_END = True  # "laut NAME der Sprecher …": the article after the name opens the subject
QUOTES_WIE_AFTER_ADVERB = True  # "Denn wie X berichtete, …": a connective may precede the opening "wie"
QUOTES_WIE_QUOTED_SOURCE = True  # "wie die „Bild“-Zeitung berichtete": a source with a quoted name
QUOTES_TRIM_INDICATIVE = True  # a classified unit loses the indicative comma clauses before its Konjunktiv
QUOTES_ZU_DEPENDENTS = True  # an infinitive message takes the relative and subordinate clauses after it
QUOTES_NAME_LIKE = True  # a quoted verbless, mostly capitalised phrase with no cue in its sentence is a name
QUOTES_WORD_PUNCT = True  # a short quoted span is sentence-like only with a mark that ends a sentence
QUOTES_FOREIGN_PHRASE = True  # a short quoted phrase mostly in a foreign language (tag FM) is a name/title
QUOTES_GLOSS = True  # a short quoted phrase alone in parentheses ("„Cast Lead“ („…“)") is a gloss
QUOTES_ORPHAN_OPENER = True  # a closing mark pairs with an opening mark the scan passed ("„ Creative…“")
QUOTES_NESTED_LOWER = True  # a short lower-case quoted phrase inside a message takes its speaker
QUOTES_FREE_WHOLE = True  # a classified free indirect clause widens to its sentence after a Konjunktiv
QUOTES_ZU_REACH = True  # an infinitive message reaches back over verbless comma phrases to the first comma
QUOTES_ZU_NO_COMMA = True  # "hat angekündigt die Preise zu erhöhen": an infinitive message without its comma
QUOTES_ZU_INFIX = True  # an infinitive clause may end in a verb with "zu" inside (tag VVIZU)
QUOTES_WIE_APPOSITION = True  # "Wie X, Rolle, mitteilte, …": the wie clause runs over an apposition
QUOTES_SENTENCE_DISJOINT = True  # a classified unit may not overlap a quote the rules found (not direct)
QUOTES_BREAK_KONJ = True  # "…, aber es seien …": a contrast still in the Konjunktiv I stays in the message
QUOTES_CUE_MESSAGE_END = True  # after a speech noun or "heißt es", the message ends where a reported one ends
QUOTES_COORDINATED_BREAK = True  # "und <indicative finite verb>" ends a reported message ("und fügte hinzu")
QUOTES_ZU_PURPOSE = True  # ", um … zu": a purpose clause is not an infinitive complement of the cue
QUOTES_UNIT_TAIL = True  # a classified unit ends before ", <indicative finite verb> …" after its Konjunktiv
QUOTES_UNIT_TAIL_SOURCE = True  # … and before a closing ", so X" / ", wie X mitteilte" after its Konjunktiv
QUOTES_KONJ_VERB_FIRST = True  # "Die Toten, vor allem Zivilisten, seien …": a Konjunktiv sentence, whole
QUOTES_FREE_EXTEND_BACK = 1  # sentences back a free indirect passage takes (uncovered, Konjunktiv)
QUOTES_PREFIELD_WIDEN = True  # a classified clause opening with its Konjunktiv verb takes its prefield
QUOTES_MIN_MESSAGE_WORDS = 3  # an indirect or reported message shorter than this is dropped
QUOTES_DIRECT_CHAIN = 2  # sentences back in which a cue-less direct quote finds the speaker it continues
QUOTES_PRONOUN_SENTENCES = 4  # sentences (outside quotes) searched back for a pronoun's antecedent
QUOTES_NAMING = True  # a quoted name after "als" in a sentence with a naming verb is that verb's quote
QUOTES_POSTPOSED_MAIN = True  # "…, sagte X": a reported message before it is a main clause with its verb
QUOTES_NAMING_OBJECT = True  # … and a quoted phrase that closes the sentence after a naming verb
QUOTES_OBJECT_QUOTED = True  # "X nannte Y „…“." read as a reported act gives way to the quoted phrase
QUOTES_MAX_CHARS = 4000  # a quotation mark without its closing mark within this many characters is ignored
QUOTES_GENITIVE_NOT_NAME = True  # "Obamas Einsatz": a genitive name in front does not make a name phrase
QUOTES_PREP_NOT_ADJ = True  # a speaker phrase after "über"/"unter" is a PP object (not an adjective)
QUOTES_PASSAGE_DIRECT = True  # a cue-less direct quote in a Konjunktiv message: the message's speaker
QUOTES_RELATIVE_MARKER = True  # "…, nach denen [X sei Y]": the relative pronoun is the reported speaker
QUOTES_SPEAKER_RANKER = True  # the learned speaker ranker (speaker_model.json) re-picks the rules' speakers
QUOTES_FREE_OWN_SUBJECT = True  # "[Die Staatsanwaltschaft hegt den Verdacht, …]": its own subject speaks
QUOTES_AGENTLESS_CONTEXT = True  # "[Als Termin wurde … genannt]": a phrase of the sentences before speaks
QUOTES_DIRECT_RELATIVE = True  # "…, der … als [„Fest“] bezeichnete, …": the relative pronoun speaks
QUOTES_DIRECT_DOCUMENT = True  # "In einem Schreiben war von [„…“] die Rede": the document speaks
QUOTES_VETO_BELOW = 0.5  # a classified unit scored below this is dropped when a veto below says so (0: off)
QUOTES_VETO_RELATIVE = True  # … a relative clause ("…, die … werden könnte") without a Konjunktiv I verb
QUOTES_VETO_CONDITIONAL = True  # … a verb-first conditional ("Sollte …, könnte …") in the Konjunktiv II only
QUOTES_VETO_FIRST_PERSON = True  # … a unit with a first-person pronoun outside quotation marks
QUOTES_SPLIT_PARTICLE = True  # "wie X bekannt gab": a clause-final verb after its particle is the joined form
QUOTES_FINAL_CUE = True  # "Während X ankündigte, …", "Ägypten, das vorschlug, …": a verb-final cue, then ","
QUOTES_NOUN_ZU = True  # "die Forderung des X, … zu senken": an infinitive clause after a listed demand noun
QUOTES_WIE_PP = True  # "Wie aus einer Verlautbarung der X hervorgeht, …": the source after the preposition
QUOTES_V2_HEARSAY = True  # "X berichtete, 200 Mitarbeiter sollen entlassen werden": hearsay "sollen" marks V2
QUOTES_POSTPOSED_INNER = True  # "Der Planet umkreist den Stern „HD 13189“, teilte X mit": the quote ends it
QUOTES_POSTPOSED_THAT = True  # "X, der …, bekräftigte gegenüber Y, dass …": the dass clause is the message
QUOTES_BECAME_KNOWN = True  # "Im April wurde bekannt, dass …": a listed adjective with "werden", then dass
QUOTES_VETO_QUESTION = True  # a classified unit in a sentence ending with an unquoted "?" (any score)
QUOTES_SENTENCE_SO_SPEAKER = True  # a classified message closed by ", so X weiter": X speaks, no continuation
QUOTES_VETO_PRONOUN_BELOW = 0.4  # free indirect under this, no Konjunktiv I, own pronoun subject (0: off)
QUOTES_SPEECH_ACT_NEGATED = True  # a negated speech act ("wurden … nicht genannt") reports nothing said
QUOTES_CHAIN_HEARSAY = True  # no chain joins a sentence with only hearsay "soll" and a Konjunktiv I sentence
QUOTES_NESTED_MARKER = True  # a marker's message inside a longer message stays ("…, weil X laut Y …")
QUOTES_OUTER_MARKER = True  # … and one around a message ("Laut X hat Y angekündigt, …"): X relays Y's words
QUOTES_OTHER_SENSE = True  # an object word gives a verb another sense than speech ("forderte 92 Tote")
QUOTES_STANCE_OBJECT = True  # a stance verb's nominal object ("bedauert den Vorfall") is no reported act
QUOTES_FOLLOW_NEW_SOURCE = True  # a convention's new speaker for a quote passes on to its continuations
QUOTES_MARKER_OVER_ANAPHOR = True  # dedupe: a marker quote beats a "Dies belegen X" one when X cannot speak
QUOTES_MARKER_THEN_SOURCE = True  # "unter Berufung auf X" with no readable X: no quote (not an "auf …" span)
QUOTES_OUTER_NOT_CITING = True  # "Unter Berufung auf X teilte Y mit, …": no outer marker quote beside Y's

# stories and comparisons (newsgraph.resolve.stories, newsgraph.resolve.compare; benchmarks/stories.py)
STORY_METHOD = "tfidf"  # text similarity for stories: "tfidf" | "e5" (measured in benchmarks/stories.py)
STORY_TEXT_WEIGHT = 0.6  # link score = text weight · text similarity + entity weight · entity Jaccard
STORY_ENTITY_WEIGHT = 0.4
STORY_LINK_THRESHOLD = 0.22  # documents whose score reaches this (within the window) tell the same story
STORY_E5_LINK_THRESHOLD = 0.42  # the same for method "e5" (best F1 in benchmarks/stories.py)
STORY_MIN_WORDS = 50  # a shorter text (a stub, a teaser) links to a story by its entities only
STORY_WINDOW_DAYS = 10  # dated documents further apart than this are never one story
STORY_DUPLICATE_CONTAINMENT = 0.5  # share of the shorter text's word 5-grams found in the other: a copy
STORY_DUPLICATE_MIN_SHARED = 30  # ... and at least this many shared 5-grams (a shared stub is no copy)
STORY_E5_FLOOR = 0.80  # e5 cosines are rescaled from [floor, 1] to [0, 1] (German text is all ~0.8-0.9)
COMPARE_APPROX_TOLERANCE = 0.10  # "etwa", "rund": ± this share
COMPARE_EVENT_WINDOW_DAYS = 31  # an untimed claim joins an event (a day … a month) this recent
