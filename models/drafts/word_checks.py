"""Translator-mode checks that look inside a linked sentence pair, with word links
(:mod:`models.alignment`): what of the source is missing from its draft sentence, which name
stands for which, which sentence went elsewhere, and month names compared like numbers.

``partial_omission``  a run of Arabic content words (nouns, verbs, adjectives, names) none of
                      which is linked into the draft sentence, with too few unlinked English
                      content words where the run's translation would stand to hold it (between
                      the English words linked to the Arabic words on either side of the run):
                      at least :data:`MIN_RUN` content words and fewer than one unlinked English
                      content word per :data:`WORDS_PER_GAP_WORD` of them there, nor in the
                      whole draft sentence per :data:`WORDS_PER_GAP_WORD` unlinked Arabic ones
``name_mismatch``     a name of the source (an Arabic word linked somewhere in the document to
                      a capitalized draft word by its consonant skeleton, or a proper noun of the
                      lexicon linked to one by its gloss: its transliteration) with no link into
                      the linked draft sentence, while another name of the document is in it
``reordered``         a source sentence whose best match is a draft sentence outside its link,
                      which in turn matches it best, by a margin (:func:`reordered_flags`)
``number_mismatch``   a month on one side and not the other (:mod:`models.text.months`:
                      فبراير/شباط and February are one month)

Word links here are the lexicon's (:func:`models.alignment.lexical.lexicon_links`) and, when a
model is given, its alignment attention's too; a link of clitic evidence alone (و "and") does not
make a content word present.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from models.alignment.lexical import Readings, WordReader
from models.alignment.word_links import Evidence, Span, WordLink, source_words, target_words
from models.lexicon.ranking import STOPWORDS
from models.text.arabic import has_arabic
from models.text.lemmas import lemma
from models.text.months import extract_months
from models.text.names import arabic_skeletons, english_names, same_name

#: Fewest Arabic content words in a run flagged as a partial omission.
MIN_RUN = 2
#: A run is flagged when its gap holds fewer than one unlinked English content word per this
#: many of its content words.
WORDS_PER_GAP_WORD = 2.0


@dataclass(frozen=True)
class WordFlag:
    """A flag found inside a link: ``kind``, ``message``, and spans (character offsets into the
    link's source and draft texts, as given to the function that found it)."""

    kind: str
    message: str
    source_spans: tuple[Span, ...] = ()
    draft_spans: tuple[Span, ...] = ()


def is_content(word: str, readings: Readings) -> bool:
    """Whether an Arabic ``word`` is a content word for omission checks: a name the lexicon does
    not know, or a word whose every analysis is a noun, adjective or verb with an English gloss."""
    if not has_arabic(word):
        return False
    if not readings.known:
        return len(word) >= 3
    return readings.content_word and bool(readings.content)


def is_english_content(word: str) -> bool:
    """Whether an English word of a draft is a content word: not a number, not a stop word
    (:data:`models.lexicon.ranking.STOPWORDS`) unless written in capitals (``US``)."""
    return not word.isdigit() and (word.lower() not in STOPWORDS or (word.isupper() and len(word) > 1))


def _present(links: Sequence[WordLink]) -> tuple[set[Span], set[Span]]:
    """Source and target spans linked by more than clitic evidence."""
    strong = [l for l in links if l.evidence != Evidence.CLITIC.value]
    return {l.source_span for l in strong}, {l.target_span for l in strong}


def partial_omissions(source: str, draft: str, links: Sequence[WordLink], reader: WordReader) -> list[WordFlag]:
    """``partial_omission`` flags of one linked pair (module doc); spans are offsets into
    ``source`` and ``draft``, ``links`` the pair's word links over the same texts."""
    src, tgt = source_words(source), target_words(draft)
    linked_src, linked_tgt = _present(links)
    targets: dict[Span, list[int]] = {}
    index = {span: j for j, span in enumerate(tgt)}
    for link in links:
        if link.evidence != Evidence.CLITIC.value and link.target_span in index:
            targets.setdefault(link.source_span, []).append(index[link.target_span])
    free = [j for j, (a, b) in enumerate(tgt) if (a, b) not in linked_tgt and is_english_content(draft[a:b])]
    unlinked = [k for k, span in enumerate(src)
                if span not in linked_src and is_content(source[slice(*span)], reader(source[slice(*span)]))]
    flags = []
    run: list[int] = []
    for i in range(len(src) + 1):
        if i < len(src) and src[i] not in linked_src:
            run.append(i)
            continue
        content = [k for k in run if is_content(source[slice(*src[k])], reader(source[slice(*src[k])]))]
        if len(content) >= MIN_RUN:
            left = max(targets.get(src[run[0] - 1], [-1])) if run[0] > 0 else -1
            right = min(targets.get(src[i], [len(tgt)])) if i < len(src) else len(tgt)
            gap = [j for j in free if left < j < right] if left < right else free
            if len(gap) * WORDS_PER_GAP_WORD < len(content) and len(free) * WORDS_PER_GAP_WORD < len(unlinked):
                start, end = src[content[0]][0], src[content[-1]][1]
                glosses = ", ".join(g for g in (reader(source[slice(*src[k])]).gloss or source[slice(*src[k])] for k in content))
                flags.append(WordFlag("partial_omission", f"\u201c{source[start:end]}\u201d ({glosses}) is not in the draft.",
                                      ((start, end),)))
        run = []
    return flags


def document_names(pairs: Sequence[tuple[str, str, Sequence[WordLink]]], reader: WordReader) -> dict[str, set[str]]:
    """Names of a document, from the word links of its linked sentence pairs ``(source text,
    draft text, links)``: each Arabic word (as written) linked to a capitalized draft word by
    name evidence, or by gloss evidence when the lexicon reads it as a proper noun, -> the
    consonant skeletons (:mod:`models.text.names`) of the draft words it is linked to."""
    found: dict[str, set[str]] = {}
    for source, draft, links in pairs:
        keys = {(a, b): key for a, b, key in english_names(draft)}
        for link in links:
            key = keys.get(link.target_span)
            kinds = link.evidence.split("+")
            word = source[slice(*link.source_span)]
            if key and (Evidence.NAME.value in kinds or (Evidence.GLOSS.value in kinds and reader(word).proper)):
                found.setdefault(word, set()).add(key)
    return found


def name_mismatches(source: str, draft: str, links: Sequence[WordLink], names: dict[str, set[str]]) -> list[WordFlag]:
    """``name_mismatch`` flags of one linked pair (module doc): ``links`` its word links, ``names``
    from :func:`document_names`; spans are offsets into ``source`` and ``draft``."""
    linked, _ = _present(links)
    here = english_names(draft)
    every_name = set().union(*names.values()) if names else set()
    flags = []
    for a, b in source_words(source):
        keys = names.get(source[a:b])
        if not keys or (a, b) in linked or any(same_name(keys, key, 2) for _, _, key in here):
            continue
        others = [(s, e) for s, e, key in here if key in every_name]
        if others:
            shown = ", ".join(dict.fromkeys(draft[s:e] for s, e in others))
            flags.append(WordFlag("name_mismatch", f"The name \u201c{source[a:b]}\u201d is not in the draft sentence, which names {shown}.",
                                  ((a, b),), tuple(others)))
    return flags


def month_mismatches(source: str, draft: str) -> list[WordFlag]:
    """``number_mismatch`` flags for months on one side only (module doc)."""
    flags = []
    left = Counter(m.month for m in extract_months(draft))
    for month in extract_months(source):
        if left[month.month] > 0:
            left[month.month] -= 1
        else:
            flags.append(WordFlag("number_mismatch", f"The source month \u201c{month.text}\u201d is not in the draft.",
                                  ((month.start, month.end),)))
    right = Counter(m.month for m in extract_months(source))
    for month in extract_months(draft):
        if right[month.month] > 0:
            right[month.month] -= 1
        else:
            flags.append(WordFlag("number_mismatch", f"The draft month \u201c{month.text}\u201d is not in the source.", (),
                                  ((month.start, month.end),)))
    return flags


def sentence_terms(text: str, reader: WordReader | None) -> list[frozenset[str]]:
    """Per word of a source sentence (``reader`` given) its content-gloss lemmas and name skeletons;
    of a draft sentence (``reader`` None) one set of its content lemmas and name skeletons."""
    if reader is None:
        words = {lemma(text[a:b]) for a, b in target_words(text) if text[a:b].lower() not in STOPWORDS}
        return [frozenset(words | {key for _, _, key in english_names(text)})]
    terms = []
    for a, b in source_words(text):
        word = text[a:b]
        info = reader(word)
        names = {k for k in arabic_skeletons(word) if len(k) >= 3} if has_arabic(word) else {word.lower()}
        if info.content or names:
            terms.append(frozenset(info.content | names))
    return terms


def match_score(source_terms: list[frozenset[str]], draft_terms: frozenset[str]) -> float:
    """Share of a source sentence's words with a gloss lemma or name skeleton in a draft
    sentence's terms, in [0, 1]."""
    if not source_terms:
        return 0.0
    return sum(1 for terms in source_terms if terms & draft_terms) / len(source_terms)


#: How many draft sentences on either side of a link are searched for a better match.
REORDER_WINDOW = 8
#: How much better (share of source words matched) the match elsewhere must be.
REORDER_MARGIN = 0.25
#: Least share of a source sentence's words matched in the draft sentence found elsewhere.
REORDER_MIN = 0.4


def reordered(source: Sequence[str], draft: Sequence[str], links: Sequence, reader: WordReader) -> list[tuple[int, int, int]]:
    """Source sentences translated elsewhere in the draft: ``(link index, source sentence, draft
    sentence)`` for each source sentence ``i`` of link ``k`` whose best-matching draft sentence
    ``j`` (by :func:`match_score`, within :data:`REORDER_WINDOW` sentences of the link) is not the
    one the link puts it with: ``j`` is outside the link, or inside a link of several sentences
    but matched by the link's other source sentence in order. ``j`` must match ``i`` better than
    any other source sentence does (mutual best), by at least :data:`REORDER_MIN` and by
    :data:`REORDER_MARGIN` more than the link's own draft sentence for ``i``.

    ``links`` are :class:`models.drafts.alignment.Link` over ``source`` and ``draft`` (sentence
    texts)."""
    source_terms = [sentence_terms(text, reader) for text in source]
    draft_terms = [sentence_terms(text, None)[0] for text in draft]
    cache: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        if (i, j) not in cache:
            cache[i, j] = match_score(source_terms[i], draft_terms[j])
        return cache[i, j]

    found = []
    for k, link in enumerate(links):
        if not link.source:
            continue
        middle = link.draft[0] if link.draft else next((l.draft[0] for l in links[k:] if l.draft), len(draft))
        window = range(max(0, middle - REORDER_WINDOW), min(len(draft), middle + REORDER_WINDOW + 1))
        for position, i in enumerate(link.source):
            if len(source_terms[i]) < 3:
                continue
            best = max(window, key=lambda j: score(i, j), default=None)
            if best is None or score(i, best) < REORDER_MIN:
                continue
            if best in link.draft:  # in the link: is it where the link's order puts it?
                if len(link.draft) < 2 or len(link.source) < 2:
                    continue
                mine: int | None = link.draft[position * len(link.draft) // len(link.source)]
                if best == mine:
                    continue
            else:
                mine = max(link.draft, key=lambda j: score(i, j), default=None)
            mine_score = score(i, mine) if mine is not None else 0.0
            rivals = [r for r in range(max(0, i - REORDER_WINDOW), min(len(source), i + REORDER_WINDOW + 1)) if abs(r - i) > 1]
            if score(i, best) < mine_score + REORDER_MARGIN or any(score(r, best) > score(i, best) for r in rivals):
                continue
            found.append((k, i, best))
    return found
