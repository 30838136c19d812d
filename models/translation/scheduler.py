"""In which order, and in which batches, the sentences of an article reach the model.

Pure Python: no torch, no tokenizer. The model is anything with the three methods of
:class:`BatchModel` (:class:`models.translation.engine.Engine` in the app, a fake in the tests).

The reader looks at the screen first, so the order is: the top sentence on screen alone (it shows
in the time of one sentence), after a quick greedy draft of it when beam search is slow; the rest
of the screen; then reading order from the end of the screen down, then from the top. If the
reader scrolls meanwhile, the new screen comes next. Each batch holds the next sentence in that
order and up to :data:`STREAM_BATCH` - 1 others of like length (they pad less) from the next
:data:`READING_WINDOW`, under a token budget. A sentence longer than the model takes is cut into
parts at clause boundaries; its translation is reported when all parts are done.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from models.translation.backends.base import TranslationStopped
from models.translation.settings import DecodingSettings

log = logging.getLogger(__name__)

#: Most texts in one batch. A batch's translations come together when it ends, so smaller
#: batches stream; 48 sentences of the opus-shaped benchmark model took 12.2 s in batches of 16
#: against 11.7 s in one batch (CTranslate2, two threads), and 16.5 s in batches of 8.
STREAM_BATCH = 16
#: How far ahead in reading order a batch is chosen, shortest texts first: batches of 16 in
#: document order took 13.7 s where batches of like length took 12.2 s (same measurement).
READING_WINDOW = 2 * STREAM_BATCH


class BatchModel(Protocol):
    """What the scheduler needs of a model."""

    def split(self, text: str) -> list[str]:
        """``text`` cut into parts that each fit the model's input; ``[]`` when blank."""

    def count_tokens(self, text: str) -> int:
        """Input length of ``text`` in tokens (what a batch's token budget counts)."""

    def translate_batch(self, texts: list[str], num_beams: int | None = None,
                        should_stop: Callable[[], bool] | None = None) -> list[str]:
        """One translation per text, in one batch; ``num_beams`` overrides the beam width (1 for
        a greedy draft). May raise :class:`TranslationStopped` when ``should_stop()`` turned
        True during the batch."""


@dataclass
class Part:
    """A text, or a part of an over-long text, waiting to be translated."""

    owner: int  # index of the text in the caller's list
    number: int  # position of the part within its text
    text: str
    tokens: int


def translate(texts: Sequence[str], model: BatchModel, settings: DecodingSettings,
              on_result: Callable[[int, str], None] | None = None,
              should_stop: Callable[[], bool] | None = None, first: Sequence[int] = (),
              on_provisional: Callable[[int, str], None] | None = None,
              on_screen: Callable[[], Sequence[int]] | None = None) -> list[str | None]:
    """Translate ``texts`` with ``model``; returns one translation per text, ``None`` for those
    not reached. From ``settings`` it uses ``batch_tokens``, ``first_alone`` and ``num_beams``.

    Order: the texts whose indices are in ``first`` (those on screen when the call starts)
    come before all others, with ``settings.first_alone`` the first of them in a batch of its
    own (on screen in the time of one sentence). Before each later batch ``on_screen()``, if
    given, says which texts are on screen now (the reader scrolled): those left come next.
    Then the rest in reading order, from the last text on screen down, then from the top:
    each batch is chosen by :func:`next_batch`.
    ``on_result(index, translation)`` is called as soon as a text is done (blank texts give
    ``""`` at once). ``should_stop()`` is polled before each batch (and passed to the model,
    which may end a batch early by raising :class:`TranslationStopped`); when it returns True
    the call returns early and unfinished entries stay ``None``. A text is cut into parts by
    ``model.split``, its parts translated and joined with a space: never truncated.

    Progressive refinement: with ``on_provisional``, a non-empty ``first`` and a beam width
    above 1, the first text of ``first`` is translated once more, before anything else, with
    greedy search (beam 1: 0.40 s against 0.47-0.63 s on screen with CTranslate2, 1.5 s
    against 3.5 s with torch, for a 40-token sentence of the opus-shaped benchmark model on
    two cores), and ``on_provisional(index, translation)``
    gets that quick draft; its beam-search translation follows through ``on_result`` in the
    usual order. The draft is never part of the returned list."""
    results: list[str | None] = [None] * len(texts)
    translations: dict[int, list[str | None]] = {}
    pending: dict[tuple[int, int], Part] = {}  # in document order
    for index, text in enumerate(texts):
        pieces = model.split(text)
        if not pieces:
            results[index] = ""
            if on_result is not None:
                on_result(index, "")
            continue
        translations[index] = [None] * len(pieces)
        for n, piece in enumerate(pieces):
            pending[index, n] = Part(index, n, piece, model.count_tokens(piece))

    screen = list(dict.fromkeys(first))
    top = [p for p in pending.values() if screen and p.owner == screen[0]]
    queued = budget_batches(top, settings.batch_tokens) if settings.first_alone else []

    stopped = should_stop is not None and should_stop()
    if on_provisional is not None and top and settings.num_beams > 1 and not stopped:
        try:
            draft = model.translate_batch([p.text for p in top], num_beams=1, should_stop=should_stop)
            on_provisional(screen[0], " ".join(t for t in draft if t))
        except TranslationStopped:
            pass  # the loop below sees should_stop() too

    while pending:
        if should_stop is not None and should_stop():
            log.info("translation stopped with %d of %d texts left", results.count(None), len(texts))
            break
        if on_screen is not None and not queued:
            screen = list(on_screen())
        batch = queued.pop(0) if queued else next_batch(list(pending.values()), screen, settings.batch_tokens)
        try:
            batch_translations = model.translate_batch([p.text for p in batch], should_stop=should_stop)
        except TranslationStopped:
            log.info("translation stopped during a batch, with %d of %d texts left", results.count(None), len(texts))
            break
        for part, translation in zip(batch, batch_translations):
            del pending[part.owner, part.number]
            slots = translations[part.owner]
            slots[part.number] = translation
            if all(slot is not None for slot in slots):
                joined = " ".join(slot for slot in slots if slot)
                results[part.owner] = joined
                if on_result is not None:
                    on_result(part.owner, joined)
    return results


def next_batch(pending: list[Part], screen: Sequence[int], batch_tokens: int) -> list[Part]:
    """The next batch from ``pending`` (in document order). Its pool is the parts of texts on
    ``screen`` if any are left, else the next :data:`READING_WINDOW` parts in reading order after
    the last text on screen (then from the top). The batch holds the first part of the pool (so
    none waits more than a window) and the parts closest to it in length, at most
    :data:`STREAM_BATCH`, within the token budget (see :func:`budget_batches`), shortest first."""
    shown = set(screen)
    pool = [p for p in pending if p.owner in shown]
    if not pool:
        anchor = max(shown, default=-1)
        pool = ([p for p in pending if p.owner > anchor] + [p for p in pending if p.owner <= anchor])[:READING_WINDOW]
    head = pool[0]
    ranked = sorted(pool, key=lambda p: (p.tokens, p.owner, p.number))
    at = ranked.index(head)
    size = min(STREAM_BATCH, len(ranked))
    start = min(max(0, at - size // 2), len(ranked) - size)
    return next(batch for batch in budget_batches(ranked[start:start + size], batch_tokens) if head in batch)


def budget_batches(parts: list[Part], batch_tokens: int) -> list[list[Part]]:
    """Consecutive runs of ``parts`` (sorted by length) whose padded size (parts times the
    longest part's tokens) fits ``batch_tokens``; a part over the budget by itself goes alone."""
    batches: list[list[Part]] = []
    current: list[Part] = []
    for part in parts:
        longest = max([part.tokens] + [p.tokens for p in current])
        if current and (len(current) + 1) * longest > batch_tokens:
            batches.append(current)
            current = []
        current.append(part)
    if current:
        batches.append(current)
    return batches
