"""Quality checks of an English draft against its Arabic source (translator mode).

:func:`check_draft` segments both texts (:mod:`models.text.segmentation`, :mod:`models.text.english_segmentation`), aligns
their sentences (:mod:`models.drafts.alignment`) and flags each link. Flag kinds:

``omission``        a source sentence with Arabic text and no draft sentence
``addition``        a draft sentence with no source sentence
``number_mismatch`` a number on one side and not the other (:mod:`models.text.numbers`: digits in
                    both scripts, ألف/مليون/مليار, thousand/million/billion, percent)
``untranslated``    Arabic script left in the draft
``length_ratio``    draft length / (source length x c) outside [``LOW_RATIO``, ``HIGH_RATIO``]
                    for sentences of at least ``MIN_RATIO_CHARS`` characters (c as in the aligner)
``glossary_term``   a term of the user's glossary in the source (found as the reader finds it:
                    :mod:`models.glossary.matching`) whose glossary translation is not in the draft
``doubled_word``    the same word twice in a row in the draft ("the the")
``unbalanced``      brackets or quotation marks in the draft that are opened and not closed, or
                    closed and not opened, within the link
``partial_omission`` Arabic content words inside a linked sentence with no word link into its draft
``name_mismatch``   a name of the source that is not in the linked draft sentence while another is
``reordered``       a source sentence translated elsewhere in the draft (it replaces the omission
                    and addition the monotonic alignment would report)

The last three and month names (compared like numbers) come from word links
(:mod:`models.drafts.word_checks`): the lexicon's, and the model's when ``model_links`` is given.

All spans are (start, end) character offsets into the source or draft text.

A draft far longer than its source is not its translation (a wrong file, a whole book): the
aligner's work grows with the product of the two sentence counts, and segmenting megabytes of
English alone takes seconds, so :func:`check_draft` refuses it up front with
:class:`DraftTooLong`. The bound is on the length model the aligner uses (Gale & Church's ``c``
English characters per Arabic character): a draft longer than ``MAX_LENGTH_RATIO`` times the
expected length of a translation, plus ``LENGTH_SLACK_CHARS`` for notes around a short source, is
refused before segmentation; after it, a draft of more than ``MAX_SENTENCE_RATIO`` times the
source's sentences plus ``SENTENCE_SLACK`` is refused too.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from models.alignment.lexical import WordReader, default_reader, lexicon_links
from models.alignment.word_links import ModelLinks, WordLink, combine
from models.drafts import word_checks
from models.errors import DraftTooLong
from models.glossary.matching import find_terms, term_spelling
from models.glossary.store import Term
from models.text.arabic import ARABIC_LETTER_CLASS, bare
from models.drafts.alignment import LEXICON, AlignParams, Link, WordTranslations, align, resolve_dictionary
from models.text.english_segmentation import segment_english
from models.text.numbers import Number, extract_numbers
from models.text.segmentation import Sentence, segment

FLAG_KINDS = (
    "omission", "addition", "number_mismatch", "untranslated", "length_ratio", "glossary_term",
    "doubled_word", "unbalanced", "partial_omission", "name_mismatch", "reordered",
)

LOW_RATIO = 0.6
HIGH_RATIO = 1.7
MIN_RATIO_CHARS = 40

#: Bounds of a draft that can be the translation of its source (see the module doc).
MAX_LENGTH_RATIO = 4.0
LENGTH_SLACK_CHARS = 2000
MAX_SENTENCE_RATIO = 4
SENTENCE_SLACK = 50

_ARABIC_RUN_RE = re.compile(f"[{ARABIC_LETTER_CLASS}][{ARABIC_LETTER_CLASS}\u064b-\u065f\u0670\u0640\\s]*(?<!\\s)")
_DOUBLED_RE = re.compile(r"\b([A-Za-z]+)\s+(\1)\b", re.IGNORECASE)
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("\u201c", "\u201d"), ("\u00ab", "\u00bb"))
_STRAIGHT_QUOTE_RE = re.compile(r'"')


def _refuse_long_draft(source_text: str, draft_text: str, params: AlignParams) -> None:
    """Raise :class:`DraftTooLong` when ``draft_text`` (characters) exceeds the length bound."""
    expected = len(bare(source_text)) * params.c
    limit = int(MAX_LENGTH_RATIO * expected + LENGTH_SLACK_CHARS)
    if len(draft_text) > limit:
        raise DraftTooLong(
            f"The draft has {len(draft_text):,} characters, more than {MAX_LENGTH_RATIO:g} times the expected length "
            f"of a translation of this {len(source_text):,}-character source (at most {limit:,}): "
            "it is not a translation of this source.")


@dataclass(frozen=True)
class Flag:
    """A problem found on a link: ``kind`` (one of :data:`FLAG_KINDS`), a one-sentence ``message``
    for the user, and the character spans involved in the source and the draft text."""

    kind: str
    message: str
    source_spans: tuple[tuple[int, int], ...] = ()
    draft_spans: tuple[tuple[int, int], ...] = ()


@dataclass
class DraftCheck:
    """Result of :func:`check_draft`: both texts, their sentences, the alignment links in order and
    the flags of each link (``flags[k]`` belongs to ``links[k]``)."""

    source_text: str
    draft_text: str
    source_sentences: list[Sentence]
    draft_sentences: list[Sentence]
    links: list[Link]
    flags: list[list[Flag]] = field(default_factory=list)
    translations: list[str] | None = None
    #: Whether a bilingual dictionary (normally the Buckwalter lexicon) helped the alignment.
    dictionary_used: bool = False
    #: Word links of each link (``word_links[k]`` belongs to ``links[k]``), spans being character
    #: offsets into ``source_text`` and ``draft_text``; empty for a link with one side empty.
    word_links: list[list[WordLink]] = field(default_factory=list)

    def flag_counts(self) -> Counter:
        """Number of flags of each kind."""
        return Counter(f.kind for fl in self.flags for f in fl)


def _span(sentences: Sequence[Sentence], ids: Iterable[int]) -> tuple[tuple[int, int], ...]:
    return tuple((sentences[i].start, sentences[i].end) for i in ids)


def _quote(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _number_flags(src: list[Number], dft: list[Number]) -> list[Flag]:
    flags = []
    left = Counter(n.key for n in dft)
    for n in src:
        if left[n.key] > 0:
            left[n.key] -= 1
        else:
            flags.append(Flag("number_mismatch", f"The source number \u201c{n.text}\u201d is not in the draft.", ((n.start, n.end),)))
    right = Counter(n.key for n in src)
    for n in dft:
        if right[n.key] > 0:
            right[n.key] -= 1
        else:
            flags.append(Flag("number_mismatch", f"The draft number \u201c{n.text}\u201d is not in the source.", (), ((n.start, n.end),)))
    return flags


def _glossary_flags(source: str, s_start: int, draft: str, glossary: Sequence[tuple[str, str]]) -> list[Flag]:
    """One flag per glossary term found in ``source`` (:func:`models.glossary.matching.find_terms`,
    the reader's own matcher) none of whose glossary translations is in ``draft`` (as a whole
    phrase, any case, with a plural -s/-es allowed)."""
    translations: dict[str, list[str]] = {}  # by term spelling
    terms = []
    for term, translation in glossary:
        spelling = term_spelling(term)
        if not spelling or not translation.strip():
            continue
        if spelling not in translations:
            terms.append(Term(term, translation, spelling=spelling))
        translations.setdefault(spelling, []).append(translation.strip())
    flags = []
    draft_l = " " + re.sub(r"\s+", " ", draft.lower()) + " "
    checked: set[str] = set()
    for match in find_terms(source, terms):
        spelling = match.term.spelling
        if spelling in checked:
            continue  # one flag per term and link, at its first occurrence
        checked.add(spelling)
        wanted = [re.sub(r"\s+", " ", t.lower()) for t in translations[spelling]]
        if any(re.search(rf"(?<![a-z]){re.escape(w)}(?:s|es)?(?![a-z])", draft_l) for w in wanted):
            continue
        rendering = " or ".join(f"\u201c{t}\u201d" for t in translations[spelling])
        flags.append(Flag("glossary_term", f"\u201c{source[match.start:match.end]}\u201d is not rendered as {rendering}.",
                          ((s_start + match.start, s_start + match.end),)))
    return flags


def _unbalanced_flags(text: str, offset: int) -> list[Flag]:
    flags = []
    for opener, closer in _BRACKETS:
        depth, lone = 0, []
        opened: list[int] = []
        for i, ch in enumerate(text):
            if ch == opener:
                opened.append(i)
            elif ch == closer:
                if opened:
                    opened.pop()
                else:
                    lone.append(i)
        for i in lone + opened:
            flags.append(Flag("unbalanced", f"\u201c{text[i]}\u201d has no matching \u201c{closer if text[i] == opener else opener}\u201d.",
                              (), ((offset + i, offset + i + 1),)))
    quotes = [m.start() for m in _STRAIGHT_QUOTE_RE.finditer(text)]
    if len(quotes) % 2:
        i = quotes[-1]
        flags.append(Flag("unbalanced", "A quotation mark \u201c\"\u201d is not closed or not opened.", (), ((offset + i, offset + i + 1),)))
    return flags


def link_flags(
    link: Link,
    source: Sequence[Sentence],
    draft: Sequence[Sentence],
    source_text: str,
    draft_text: str,
    glossary: Sequence[tuple[str, str]] = (),
    params: AlignParams = AlignParams(),
) -> list[Flag]:
    """Flags of one link (see the module doc). ``source``/``draft`` are all sentences of each
    text, ``source_text``/``draft_text`` the texts their offsets point into."""
    if not link.draft:
        if any(source[i].translatable for i in link.source):
            return [Flag("omission", "This source sentence has no translation in the draft.", _span(source, link.source))]
        return []
    d_start, d_end = draft[link.draft[0]].start, draft[link.draft[-1]].end
    d_text = draft_text[d_start:d_end]
    flags: list[Flag] = []
    if not link.source:
        flags.append(Flag("addition", "This draft sentence has no source sentence.", (), _span(draft, link.draft)))
    else:
        s_start, s_end = source[link.source[0]].start, source[link.source[-1]].end
        s_text = source_text[s_start:s_end]
        src_nums = [Number(n.value, n.percent, n.start + s_start, n.end + s_start, n.text) for n in extract_numbers(s_text)]
        dft_nums = [Number(n.value, n.percent, n.start + d_start, n.end + d_start, n.text) for n in extract_numbers(d_text)]
        flags += _number_flags(src_nums, dft_nums)
        translatable = any(source[i].translatable for i in link.source)
        l1 = len(bare(s_text)) if translatable else len(s_text) / params.c
        l2 = len(d_text)
        if min(l1, l2) >= MIN_RATIO_CHARS or max(l1, l2) >= 3 * MIN_RATIO_CHARS:
            ratio = l2 / (max(l1, 1) * params.c)
            if not LOW_RATIO <= ratio <= HIGH_RATIO:
                flags.append(Flag("length_ratio", f"The draft is {ratio:.1f} times the expected length for this source.",
                                  _span(source, link.source), _span(draft, link.draft)))
        flags += _glossary_flags(s_text, s_start, d_text, glossary)
    for m in _ARABIC_RUN_RE.finditer(d_text):
        flags.append(Flag("untranslated", f"Arabic text left in the draft: \u201c{_quote(m.group())}\u201d.", (),
                          ((d_start + m.start(), d_start + m.end()),)))
    for m in _DOUBLED_RE.finditer(d_text):
        flags.append(Flag("doubled_word", f"\u201c{m.group(1)}\u201d is written twice.", (), ((d_start + m.start(), d_start + m.end()),)))
    flags += _unbalanced_flags(d_text, d_start)
    return flags


def _link_texts(link: Link, source: Sequence[Sentence], draft: Sequence[Sentence], source_text: str,
                draft_text: str) -> tuple[int, str, int, str]:
    """(source start, source text, draft start, draft text) of a link with both sides: the text
    from its first sentence's start to its last one's end."""
    s_start, s_end = source[link.source[0]].start, source[link.source[-1]].end
    d_start, d_end = draft[link.draft[0]].start, draft[link.draft[-1]].end
    return s_start, source_text[s_start:s_end], d_start, draft_text[d_start:d_end]


def _shifted(flag: word_checks.WordFlag, s_start: int, d_start: int) -> Flag:
    return Flag(flag.kind, flag.message, tuple((a + s_start, b + s_start) for a, b in flag.source_spans),
                tuple((a + d_start, b + d_start) for a, b in flag.draft_spans))


def word_flags(check: DraftCheck, model_links: ModelLinks | None = None, reader: WordReader | None = None) -> None:
    """Fill ``check.word_links`` (lexicon links, combined with ``model_links`` of the same pairs
    when given) and add the flags that come from them (:mod:`models.drafts.word_checks`) to
    ``check.flags``; a reordered sentence's omission and the addition of the draft sentence that
    translates it are replaced by one ``reordered`` flag."""
    reader = reader or default_reader()
    source, draft = check.source_sentences, check.draft_sentences
    pairs = {k: _link_texts(link, source, draft, check.source_text, check.draft_text)
             for k, link in enumerate(check.links) if link.source and link.draft}
    lexical = {k: lexicon_links(s_text, d_text, reader=reader) for k, (_, s_text, _, d_text) in pairs.items()}
    by_model = dict(zip(pairs, model_links([(s, d) for _, s, _, d in pairs.values()]))) if model_links and pairs else {}
    combined = {k: combine(lexical[k], by_model.get(k, ())) for k in pairs}
    names = word_checks.document_names([(s, d, combined[k]) for k, (_, s, _, d) in pairs.items()], reader)
    check.word_links = [[] for _ in check.links]
    for k, (s_start, s_text, d_start, d_text) in pairs.items():
        links = combined[k]
        check.word_links[k] = [link.shifted(s_start, d_start) for link in links]
        if not any(source[i].translatable for i in check.links[k].source):
            continue
        found = (word_checks.partial_omissions(s_text, d_text, links, reader)
                 + word_checks.name_mismatches(s_text, d_text, links, names) + word_checks.month_mismatches(s_text, d_text))
        check.flags[k] += [_shifted(f, s_start, d_start) for f in found]
    owner = {j: k for k, link in enumerate(check.links) for j in link.draft}
    for k, i, j in word_checks.reordered([s.text for s in source], [d.text for d in draft], check.links, reader):
        elsewhere = draft[j]
        check.flags[k] = [f for f in check.flags[k] if f.kind != "omission"]
        check.flags[owner[j]] = [f for f in check.flags[owner[j]] if f.kind != "addition"]
        check.flags[k].append(Flag("reordered", f"This sentence is translated elsewhere in the draft: \u201c{_quote(elsewhere.text)}\u201d.",
                                   _span(source, [i]), ((elsewhere.start, elsewhere.end),)))


def check_draft(
    source_text: str,
    draft_text: str,
    *,
    glossary: Sequence[tuple[str, str]] = (),
    translations: Sequence[str] | None = None,
    dictionary: WordTranslations | None | str = LEXICON,
    params: AlignParams = AlignParams(),
    model_links: ModelLinks | None = None,
) -> DraftCheck:
    """Segment, align and flag an Arabic ``source_text`` and its English ``draft_text``.

    ``glossary`` holds the user's (Arabic term, English translation) pairs; ``translations`` one
    machine translation per source sentence (as segmented by :func:`models.text.segmentation.segment`);
    ``dictionary`` a bilingual word dictionary: the Buckwalter lexicon by default, aligning
    without one when it cannot be loaded (``DraftCheck.dictionary_used`` then is False), or
    ``None`` for none; ``model_links`` gives the model's word links of linked sentence pairs
    (see :data:`models.alignment.word_links.ModelLinks`), used with the lexicon's. Raises ``ValueError`` when
    ``translations`` does not have one entry per source sentence, :class:`DraftTooLong` (a
    ``ValueError``) for a draft far longer than the source (see the module doc), in
    milliseconds rather than minutes."""
    _refuse_long_draft(source_text, draft_text, params)
    source = segment(source_text)
    draft = segment_english(draft_text)
    limit = MAX_SENTENCE_RATIO * len(source) + SENTENCE_SLACK
    if len(draft) > limit:
        raise DraftTooLong(
            f"The draft has {len(draft):,} sentences, more than {MAX_SENTENCE_RATIO} times the source's {len(source):,} "
            f"sentences plus {SENTENCE_SLACK} (at most {limit:,}): it is not a translation of this source.")
    dictionary = resolve_dictionary(dictionary)
    links = align([s.text for s in source], [s.text for s in draft], dictionary=dictionary,
                  translations=translations, params=params)
    flags = [link_flags(link, source, draft, source_text, draft_text, glossary, params) for link in links]
    check = DraftCheck(source_text, draft_text, source, draft, links, flags,
                       list(translations) if translations is not None else None, dictionary is not None)
    word_flags(check, model_links)
    return check
