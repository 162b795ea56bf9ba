"""Words for the search index: plain text, tokens and Snowball stems.

SQLite's FTS5 has no Norwegian stemmer and Python cannot give it a tokenizer of its own, so the
index holds stems made here (``snowballstemmer``, the Snowball algorithms PostgreSQL's
``norwegian`` configuration also uses) while the snippets are cut from the original text. That
works because both texts have exactly the same tokens in the same order: ``tokens()`` splits
exactly as FTS5's ``unicode61`` tokenizer does, by the character classes SQLite itself reports
(probed once per process: its Unicode tables are older than Python's and differ for a few
thousand characters), and every token has exactly one stem.
"""

import re
import sqlite3
import unicodedata
from functools import lru_cache

import snowballstemmer

from bts_portal.content.markdown import markdown_to_text

FTS5_TOKENIZER = "unicode61 remove_diacritics 0"
# Characters beyond the probed range become spaces (unassigned, tags, private use planes).
PROBED_UP_TO = 0x32000
STEMMERS = {"nb": "norwegian", "nn": "norwegian", "en": "english"}
# The markers the database puts around a match; removed from the text so none can be forged.
MARK_START, MARK_END = "\x02", "\x03"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no meaning in a query (from Snowball's Norwegian and English stop lists).
STOP_WORDS = {
    "nb": _words(
        "og i jeg det at en et den til er som på de med han av ikke der så var meg seg men ett "
        "har om vi min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans "
        "hvor eller hva skal selv her alle vil bli ble blitt kunne inn når være kom noen noe "
        "ville dere deres kun ja etter ned skulle denne for deg si sine sitt mot å meget hvorfor "
        "dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom vår "
        "hver hvem hvis både bare enn fordi før mange også slik vært begge siden"
    ),
    "nn": _words(
        "og i eg det at ein eit den til er som på dei med han av ikkje der så var meg seg men "
        "har om vi min mitt ha hadde ho no over då ved frå du ut sin dykk oss opp kan hans kvar "
        "eller kva skal sjølv her alle vil bli vart vore kunne inn når vere kom nokon noko ville "
        "dykkar berre etter ned skulle denne for deg si sine sitt mot å kvifor dette desse utan "
        "korleis ingen din ditt blir same kven viss både enn fordi før mange òg også slik"
    ),
    "en": _words(
        "a an and are as at be but by for if in into is it no not of on or such that the their "
        "then there these they this to was will with i my me we our you your he she his her "
        "what how do does can"
    ),
}


@lru_cache(maxsize=1)
def _fts5_classes() -> tuple[frozenset[str], frozenset[str]]:
    """(characters that start a word, characters that continue one) for FTS5's tokenizer in
    the SQLite that Python (and so Django) uses, from one document of every character."""
    characters = [
        chr(c) for c in range(0x80, PROBED_UP_TO) if not 0xD800 <= c < 0xE000
    ]  # fmt: skip
    db = sqlite3.connect(":memory:")
    try:
        db.execute(f"CREATE VIRTUAL TABLE t USING fts5(a, tokenize='{FTS5_TOKENIZER}')")
        db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        classes = []
        for pattern in ("{}x", "x{}"):
            db.execute("DELETE FROM t")
            document = " ".join(pattern.format(c) for c in characters)
            db.execute("INSERT INTO t (rowid, a) VALUES (1, ?)", [document])
            terms = [row[0] for row in db.execute("SELECT term FROM v ORDER BY offset")]
            # A character that is part of a word makes one two-character term with "x".
            words = {c for c, term in zip(characters, terms, strict=True) if term != "x"}
            if len(terms) != len(characters):  # a character split its pair in two
                words = {c for c in characters if _one_token(db, pattern.format(c))}
            classes.append(frozenset(words))
    finally:
        db.close()
    return classes[0], classes[1]


def _one_token(db, text: str) -> bool:
    db.execute("DELETE FROM t")
    db.execute("INSERT INTO t (rowid, a) VALUES (1, ?)", [text])
    return [row[0] for row in db.execute("SELECT term FROM v")] != ["x"]


def is_word_character(character: str, *, starts: bool = True) -> bool:
    """Whether FTS5 reads the character as part of a word (``starts``: as its first letter;
    a combining mark only continues a word)."""
    if character < "\x80":
        return character.isalnum()
    if ord(character) >= PROBED_UP_TO:
        return False
    start, follow = _fts5_classes()
    return character in (start if starts else follow)


def clean(text: str) -> str:
    """NFC, no control characters (so no forged match markers), nothing beyond the characters
    whose class was probed, single spaces."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(" " if ord(c) >= PROBED_UP_TO or 0xD800 <= ord(c) < 0xE000 else c for c in text)
    return re.sub(r"\s+", " ", _CONTROL.sub(" ", text)).strip()


def plain_text(markdown: str) -> str:
    """What a reader sees of a Markdown text, without markup: computed once, when indexing."""
    return clean(markdown_to_text(markdown or ""))


def tokens(text: str) -> list[str]:
    """The words of ``text`` as FTS5's unicode61 tokenizer sees them."""
    words: list[str] = []
    current: list[str] = []
    for character in text:
        if is_word_character(character, starts=not current):
            current.append(character)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


@lru_cache(maxsize=8)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS.get(language, "norwegian"))


@lru_cache(maxsize=100_000)
def stem(word: str, language: str) -> str:
    """One word's stem: always a single non-empty token, so positions stay aligned (kept:
    the Snowball stemmer is pure Python, and the same words come again and again)."""
    lowered = word.lower()
    stemmed = _stemmer(language).stemWord(lowered)
    word_stem = "".join(c for c in stemmed if is_word_character(c, starts=False))
    if word_stem and is_word_character(word_stem[0]):
        return word_stem
    return "x"


def stems(text: str, language: str) -> str:
    """``text`` as its stems, token for token: what the FTS5 index holds."""
    return " ".join(stem(word, language) for word in tokens(text))


def query_words(query: str, language: str, *, limit: int = 10) -> list[str]:
    """The meaningful words of what a visitor typed, lowercased; syntax of any kind is just
    a separator, so no input can become an operator in the database's query language."""
    stop = STOP_WORDS.get(language, STOP_WORDS["nb"])
    words = []
    for word in tokens(clean(query).lower()):
        if word in stop or (len(word) < 2 and not word.isdigit()) or word in words:
            continue
        words.append(word[:60])
    return words[:limit]
