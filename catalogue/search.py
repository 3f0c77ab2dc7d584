"""Free-text search that finds what people type: labels, places, synonyms, typos and joined words.

What a case is searched by: its text fields, places, country names, organisations,
participants, principles, challenges, outcomes, tags and the vocabulary labels of its
types, sectors, level and status, each field with a weight for ranking.

How a query word matches a case word (after casefolding and stripping accents):
equal; a prefix of it (query word of 3+ characters); for a word that no case holds
(as a word or the start of one), within edit distance 1 (4-7 characters) or 2 (8+
characters) of a word that one does; or equal to two adjacent case words written
together ("timebank" finds "time bank"), while two adjacent query words also match
the case word they make together ("time bank" finds "timebank"). A query term listed
in ``catalogue/data/synonyms.yaml`` also matches the other terms of its group. Every
query word (a synonym group counting as one) must match, as before.

Whether a word is corrected depends on the cases searched, so the reference
(``catalogue.filters.apply``) and the dashboard's index both search one
``SearchIndex`` over the same cases. The catalogue's distinct words are compared
with each query word once, and the cases holding them looked up.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pycountry
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from catalogue import citations
from catalogue.facets import COUNTRIES, LEVELS, SECTORS, STATUSES, TYPES
from catalogue.geography import country_name, region_of
from catalogue.problems import Problem, problem, problem_at
from catalogue.schema import Case
from catalogue.vocabulary import Vocabulary
from catalogue.yamlfile import read_yaml_file

SYNONYMS_PATH = Path(__file__).resolve().parent / "data" / "synonyms.yaml"

#: Field weights for ranking: the title first, then what a case is about, then the rest.
TITLE, ABOUT, OTHER = 3.0, 2.0, 1.0
#: How much of a field's weight each kind of match earns.
EXACT, PREFIX, FUZZY = 1.0, 0.8, 0.6
MIN_PREFIX = 3
MAX_MATCHED_WORDS = 6

_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Casefolded, without accents: 'São Paulo' -> 'sao paulo'."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The normalised words of a text, split on anything that is not a letter or digit."""
    return _WORD.findall(normalise(text))


def _spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Each word of a text (composed, as files usually are), normalised, with where it is written."""
    for found in _WORD.finditer(text):
        for word in words(found.group()):
            yield word, found.start(), found.end()


def max_distance(word: str) -> int:
    """The edit distance a query word tolerates: none up to 3 characters or with digits, 1 up to 7, then 2."""
    if len(word) < 4 or not word.isalpha():
        return 0
    return 1 if len(word) <= 7 else 2


# --- what a case is searched by ---------------------------------------------------------


def case_fields(case: Case, vocabulary: Vocabulary) -> list[tuple[float, str]]:
    """Each piece of text search looks in, with its field weight (bigrams never cross pieces)."""
    about = [
        case.summary,
        *case.tags,
        *(TYPES.label_of(t, vocabulary) for t in case.types),
        *(SECTORS.label_of(s, vocabulary) for s in case.sectors),
    ]
    other = [
        citations.strip(case.description or ""),
        *(location.name for location in case.locations),
        *(COUNTRIES.label_of(code, vocabulary) for code in case.countries),
        *_other_country_names(tuple(case.countries)),
        *sorted({region_of(code) for code in case.countries}),
        *(organisation.name for organisation in case.organisations),
        *case.participants,
        *(citations.strip(text) for text in case.principles),
        *(citations.strip(text) for text in case.challenges),
        *(outcome.text for outcome in case.outcomes),
        *([LEVELS.label_of(case.level, vocabulary)] if case.level else []),
        STATUSES.label_of(case.status, vocabulary),
    ]
    return [(TITLE, case.title), *((ABOUT, text) for text in about), *((OTHER, text) for text in other if text)]


@lru_cache(maxsize=512)
def _other_country_names(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The other names pycountry gives these countries ('Viet Nam', 'United Kingdom of Great Britain...')."""
    names: list[str] = []
    for code in codes:
        country = pycountry.countries.get(alpha_2=code)
        for attribute in ("name", "official_name"):
            name = getattr(country, attribute, None)
            if name and name != country_name(code) and name not in names:
                names.append(name)
    return tuple(names)


def case_terms(case: Case, vocabulary: Vocabulary) -> tuple[dict[str, float], set[str]]:
    """Every word and joined pair of adjacent words of a case, with the heaviest field it is in; and its single words."""
    terms: dict[str, float] = {}
    single: set[str] = set()
    for weight, text in case_fields(case, vocabulary):
        previous = ""
        for word in words(text):
            single.add(word)
            if terms.get(word, 0.0) < weight:
                terms[word] = weight
            if previous:
                pair = previous + word
                if terms.get(pair, 0.0) < weight:
                    terms[pair] = weight
            previous = word
    return terms, single


# --- synonyms -------------------------------------------------------------------------


class SynonymsError(ValueError):
    """The synonyms file is malformed; the message starts with path:line:col."""

    def __init__(self, problems: Sequence[Problem]):
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = list(problems)


Synonyms = tuple[tuple[tuple[str, ...], ...], ...]
"""Groups of equivalent terms, each term its normalised words."""


@lru_cache(maxsize=8)
def load_synonyms(path: Path = SYNONYMS_PATH) -> Synonyms:
    """Read the synonym groups once per process; a malformed file raises ``SynonymsError``."""
    name = str(path)
    document, problems = read_yaml_file(Path(path), kind="synonyms")
    if document is None:
        raise SynonymsError(problems)
    data = document.data
    if not isinstance(data, dict) or set(data) != {"groups"} or not isinstance(data["groups"], list):
        raise SynonymsError([problem(name, 1, 1, "", "expected one key, groups: a list of groups, each a list of terms")])
    groups: list[tuple[tuple[str, ...], ...]] = []
    seen: dict[tuple[str, ...], int] = {}
    for g, group in enumerate(data["groups"]):
        if not isinstance(group, list) or len(group) < 2:
            raise SynonymsError([problem_at(name, document, ("groups", g), "a group is a list of at least two terms")])
        terms = []
        for t, term in enumerate(group):
            term_words = tuple(words(term)) if isinstance(term, str) else ()
            if not term_words:
                raise SynonymsError([problem_at(name, document, ("groups", g, t), f"{term!r} is not a word or phrase")])
            if term_words in seen:
                message = f"{term!r} is already in group {seen[term_words] + 1}; a term belongs to one group"
                raise SynonymsError([problem_at(name, document, ("groups", g, t), message)])
            seen[term_words] = g
            terms.append(term_words)
        groups.append(tuple(terms))
    return tuple(groups)


# --- queries --------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """One thing a case must match: a query word, or a synonym group (any of its terms)."""

    alternatives: tuple[tuple[str, ...], ...]
    #: A word the query wrote as two ('co-delivery'): matched exactly or as a prefix, never fuzzily.
    joined: bool = False

    @property
    def word(self) -> str | None:
        """The query word, when this unit is a plain word (so it can join its neighbour)."""
        return self.alternatives[0][0] if len(self.alternatives) == 1 and len(self.alternatives[0]) == 1 else None


def _query_words(token: str) -> list[tuple[str, bool]]:
    """The words of one space-separated query token, and whether each was joined: 'co-delivery' is one word."""
    parts = words(token)
    return [("".join(parts), True)] if len(parts) == 2 else [(part, False) for part in parts]


def parse(query: str, synonyms: Synonyms) -> list[Unit]:
    """The units of a query: its words, with any synonym term (longest first) replaced by its group.

    'co-delivery' or "women's" is one word ('codelivery', 'womens'), matching the two
    words written apart in a case; longer hyphenations ('face-to-face') are their words.
    """
    tokens = [found for token in query.split() for found in _query_words(token)]
    query_words = [word for word, _ in tokens]
    terms = sorted(((term, group) for group in synonyms for term in group), key=lambda item: -len(item[0]))
    units: list[Unit] = []
    i = 0
    while i < len(query_words):
        for term, group in terms:
            if tuple(query_words[i : i + len(term)]) == term:
                units.append(Unit(group))
                i += len(term)
                break
        else:
            units.append(Unit(((query_words[i],),), joined=tokens[i][1]))
            i += 1
    return units


# --- the index ------------------------------------------------------------------------


class SearchIndex:
    """Search over a fixed list of cases: distinct terms, the cases holding each, and the query logic."""

    def __init__(self, cases: Sequence[Case], vocabulary: Vocabulary, synonyms: Synonyms | None = None):
        self.cases = tuple(cases)
        self.vocabulary = vocabulary
        self.synonyms = load_synonyms() if synonyms is None else synonyms
        ids: dict[str, int] = {}
        unigrams: set[str] = set()
        tids: list[int] = []
        rows: list[int] = []
        weights: list[float] = []
        for row, case in enumerate(self.cases):
            terms, case_words = case_terms(case, vocabulary)
            unigrams |= case_words
            for term, weight in terms.items():
                tids.append(ids.setdefault(term, len(ids)))
                rows.append(row)
                weights.append(weight)
        self._ids = ids
        self._terms = list(ids)
        # Postings, grouped by term: the cases holding term t are _rows[_start[t]:_start[t + 1]].
        order = np.argsort(np.array(tids, dtype=np.int64), kind="stable")
        self._rows = np.array(rows, dtype=np.int64)[order]
        self._weights = np.array(weights, dtype=np.float32)[order]
        self._start = np.concatenate([[0], np.cumsum(np.bincount(np.array(tids, dtype=np.int64), minlength=len(ids)))])
        #: Single words (not joined pairs), sorted: prefixes and suggestions look only at these.
        self._words = sorted(unigrams)
        self._word_cache: dict[tuple[str, bool], list[tuple[int, float]]] = {}
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()

    # how one query word meets the catalogue's terms

    def term_matches(self, word: str, fuzzy: bool = True) -> list[tuple[int, float]]:
        """The catalogue terms a query word matches, as (term id, match factor): exact > prefix > fuzzy.

        A word the catalogue holds (as a word or the start of one) is taken as written; only
        a word it does not hold is corrected, to terms within ``max_distance`` edits. So
        "mental helth" finds "health", but "police" does not also find "policy", nor "care"
        "case". Joined pairs of case words match only exactly: close to a pair is too often
        an accident.
        """
        cached = self._word_cache.get((word, fuzzy))
        if cached is not None:
            return cached
        found: dict[int, float] = {}
        if len(word) >= MIN_PREFIX:
            start = bisect.bisect_left(self._words, word)
            for term in self._words[start:]:
                if not term.startswith(word):
                    break
                found[self._ids[term]] = PREFIX
        distance = max_distance(word) if fuzzy and not found and word not in self._ids else 0
        if distance:
            for term, _, _ in process.extract(word, self._words, scorer=Levenshtein.distance, score_cutoff=distance, limit=None):
                found.setdefault(self._ids[term], FUZZY)
        if word in self._ids:
            found[self._ids[word]] = EXACT
        result = list(found.items())
        if len(self._word_cache) > 4096:
            self._word_cache.clear()
        self._word_cache[word, fuzzy] = result
        return result

    def _word_scores(self, word: str, fuzzy: bool = True) -> np.ndarray:
        """Per case, the best weight x factor with which a query word matches (0: no match)."""
        score = np.zeros(len(self.cases), dtype=np.float32)
        for tid, factor in self.term_matches(word, fuzzy):
            held = slice(self._start[tid], self._start[tid + 1])
            rows = self._rows[held]  # each case once per term
            score[rows] = np.maximum(score[rows], self._weights[held] * factor)
        return score

    def _phrase_scores(self, units: Sequence[Unit]) -> np.ndarray:
        """Per case, the score of matching every unit (-1: no match).

        Adjacent plain words may instead match together as one joined word: a running
        best over the units, which either takes the next unit alone or the next two joined.
        """
        n = len(self.cases)
        none = np.full(n, -1.0, dtype=np.float32)
        best = [np.zeros(n, dtype=np.float32)]
        for i, unit in enumerate(units):
            alone = self._unit_scores(unit)
            current = np.where((best[i] >= 0) & (alone > 0), best[i] + alone, none)
            previous = units[i - 1].word if i else None
            if previous is not None and unit.word is not None:
                joined = self._word_scores(previous + unit.word, fuzzy=False)
                current = np.maximum(current, np.where((best[i - 1] >= 0) & (joined > 0), best[i - 1] + 2 * joined, none))
            best.append(current)
        return best[-1]

    def _unit_scores(self, unit: Unit) -> np.ndarray:
        """Per case, the best score of any alternative of a unit (0: no match)."""
        if unit.word is not None:
            return self._word_scores(unit.word, fuzzy=not unit.joined)
        score = np.zeros(len(self.cases), dtype=np.float32)
        for alternative in unit.alternatives:
            phrase = self._phrase_scores([Unit(((word,),)) for word in alternative])
            score = np.maximum(score, phrase / len(alternative))
        return score

    # the public answers

    def _query_scores(self, query: str) -> np.ndarray | None:
        """Per case, the query's score (-1: no match); None for a query without words. The last few are kept."""
        units = parse(query, self.synonyms)
        if not units:
            return None
        key = " ".join(str(unit.alternatives) for unit in units)
        if key in self._query_cache:
            self._query_cache.move_to_end(key)
        else:
            self._query_cache[key] = self._phrase_scores(units)
            if len(self._query_cache) > 32:
                self._query_cache.popitem(last=False)
        return self._query_cache[key]

    def scores(self, query: str) -> np.ndarray:
        """Each case's relevance to the query (0 where it does not match; every case 0 for an empty query)."""
        found = self._query_scores(query)
        return np.zeros(len(self.cases), dtype=np.float32) if found is None else np.maximum(found, 0.0)

    def mask(self, query: str) -> np.ndarray:
        """Which cases match the query, in catalogue order (every case for an empty query)."""
        found = self._query_scores(query)
        return np.ones(len(self.cases), dtype=bool) if found is None else found > 0

    def matched_words(self, row: int, query: str) -> list[str]:
        """The words of one case, as written, that a query word matched (heaviest fields first, at most six)."""
        units = parse(query, self.synonyms)
        plain = [unit.word for unit in units]
        query_words = [(a + b, False) for a, b in zip(plain, plain[1:], strict=False) if a and b]
        for unit in units:
            for alternative in unit.alternatives:  # only the synonyms this case matched
                if len(unit.alternatives) == 1 or self._phrase_scores([Unit(((w,),)) for w in alternative])[row] > 0:
                    query_words += [(word, not unit.joined) for word in alternative]
                    query_words += [(a + b, False) for a, b in zip(alternative, alternative[1:], strict=False)]
        wanted = {self._terms[tid] for word, fuzzy in query_words for tid, _ in self.term_matches(word, fuzzy)}
        found: list[tuple[float, int, str]] = []
        for weight, text in self.case_fields(row):
            text = unicodedata.normalize("NFC", text)
            spans = list(_spans(text))
            for i, (word, start, end) in enumerate(spans):
                if word in wanted:
                    found.append((-weight, len(found), text[start:end]))
                if i and spans[i - 1][0] + word in wanted:
                    found.append((-weight, len(found), text[spans[i - 1][1] : end]))
        shown: dict[tuple[str, ...], str] = {}
        for _, _, written in sorted(found):
            shown.setdefault(tuple(words(written)), written)
        pairs = [key for key in shown if len(key) == 2]
        return [written for key, written in shown.items() if not (len(key) == 1 and any(key[0] in pair for pair in pairs))][
            :MAX_MATCHED_WORDS
        ]

    def case_fields(self, row: int) -> list[tuple[float, str]]:
        """The weighted text of one case."""
        return case_fields(self.cases[row], self.vocabulary)

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Terms of the catalogue close to a query that finds nothing: vocabulary labels first, then case words.

        Offered only when they find cases themselves.
        """
        wanted = " ".join(words(query))
        if not wanted:
            return []
        labels = {
            normalise(term.label): term.label.casefold()
            for facet in ("types", "sectors", "levels", "statuses")
            for term in self.vocabulary.terms(facet).values()
        }
        candidates: dict[str, float] = {}
        for found, score, _ in process.extract(wanted, list(labels), scorer=fuzz.ratio, score_cutoff=70, limit=limit):
            candidates[labels[found]] = score + 5  # a label is a better suggestion than a stray word
        corrected = " ".join(self._nearest_word(word) for word in wanted.split())
        if corrected != wanted:
            candidates.setdefault(corrected, fuzz.ratio(wanted, corrected))
        for found, score, _ in process.extract(wanted, self._words, scorer=fuzz.ratio, score_cutoff=70, limit=limit):
            candidates.setdefault(found, score)
        ranked = sorted(candidates, key=lambda term: -candidates[term])
        return [term for term in ranked if term != wanted and self.mask(term).any()][:limit]

    def _nearest_word(self, word: str) -> str:
        """The catalogue's most frequent word within the tolerated distance of a word (the word itself if none)."""
        if word in self._ids or not max_distance(word):
            return word
        close = process.extract(word, self._words, scorer=Levenshtein.distance, score_cutoff=max_distance(word), limit=None)
        if not close:
            return word
        return min(close, key=lambda item: (item[1], -self._cases_holding(item[0])))[0]

    def _cases_holding(self, term: str) -> int:
        tid = self._ids[term]
        return int(self._start[tid + 1] - self._start[tid])

