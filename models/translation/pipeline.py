"""Translating a whole document sentence by sentence. Qt-free and torch-free by itself: the engine
is passed in (anything that is a :class:`TranslationEngine`; in the app
:class:`models.translation.engine.Engine`)."""
from __future__ import annotations

import logging
from typing import Callable, Protocol, Sequence

from models.documents import Document
from models.text.normalization import model_text  # what the model reads: no tatweel, no bidi controls
from models.translation.cache import TranslationCache

log = logging.getLogger(__name__)


class TranslationEngine(Protocol):
    """What :func:`translate_document` needs of an engine: :class:`models.translation.engine.Engine`
    and the tests' stand-ins.

    ``cache_key`` names the model and decoding settings in the translation cache, or is None for
    an engine whose output must not be cached. ``translate`` has the arguments and meaning of
    :meth:`models.translation.engine.Engine.translate`; an engine that makes no greedy drafts
    or ignores scrolling may leave ``on_provisional`` or ``on_screen`` uncalled."""

    cache_key: str | None

    def translate(self, texts: Sequence[str], on_result: Callable[[int, str], None] | None = None,
                  should_stop: Callable[[], bool] | None = None, first: Sequence[int] = (),
                  on_provisional: Callable[[int, str], None] | None = None,
                  on_screen: Callable[[], Sequence[int]] | None = None) -> list[str | None]: ...


def translate_document(doc: Document, engine: TranslationEngine, on_result: Callable[[int, str, bool], None],
                       should_stop: Callable[[], bool] | None = None, first: Sequence[int] = (),
                       cache: TranslationCache | None = None,
                       on_provisional: Callable[[int, str], None] | None = None,
                       on_screen: Callable[[], Sequence[int]] | None = None,
                       on_cached: Callable[[list[int]], None] | None = None) -> dict[int, str]:
    """Translate the sentences of ``doc``; returns ``{sentence id: translation}``.

    Sentences without an Arabic letter (numbers, punctuation, Latin-script captions: not
    ``sentence.translatable``) never reach the model, which would invent text for them (opus-mt
    turns a lone space into "I don't know."): they are reported first, at once, with their own
    text and ``translated=False``. The others go to ``engine.translate``, each distinct text once
    (a sentence met twice gets the same translation twice), and are reported with
    ``translated=True`` as their batch finishes; ``first`` lists sentence ids to translate before
    the rest (those on screen). ``on_result(sentence_id, text, translated)``. When
    ``should_stop()`` turns True the sentences not yet translated are missing from the result.

    With a ``cache`` and an engine whose ``cache_key`` is not None, sentences found in the cache
    are reported at once (``translated=True``, after the passed through ones) and never reach
    the model; new translations are stored as each batch ends (when the engine next polls
    ``should_stop``) and when the call ends, also when it is stopped or fails.
    ``on_cached(sentence_ids)`` is told, before their ``on_result``, which sentences the cache
    served (once, with all of them; not called when none were).

    With ``on_provisional(sentence_id, text)``, the engine may first send a quick draft of the
    top sentence of ``first`` (see :func:`models.translation.scheduler.translate`);
    drafts are neither returned nor cached, and the sentence's final translation follows through
    ``on_result``. ``on_screen()`` gives the ids of the sentences on screen now, asked by the
    engine between batches (the reader may scroll while it translates)."""
    results: dict[int, str] = {}
    pending = []
    for sentence in doc.sentences:
        if sentence.translatable:
            pending.append(sentence)
        else:
            results[sentence.id] = sentence.text
            on_result(sentence.id, sentence.text, False)
    key = engine.cache_key if cache is not None else None
    if key is not None and pending:
        cached = cache.get_many(key, (s.text for s in pending))
        if on_cached is not None and cached:
            on_cached([s.id for s in pending if s.text in cached])
        for sentence in pending:
            if sentence.text in cached:
                results[sentence.id] = cached[sentence.text]
                on_result(sentence.id, cached[sentence.text], True)
        pending = [s for s in pending if s.text not in cached]
    texts = list(dict.fromkeys(s.text for s in pending))  # a sentence met twice is translated once
    number = {text: n for n, text in enumerate(texts)}
    owners: dict[str, list[int]] = {}
    for sentence in pending:
        owners.setdefault(sentence.text, []).append(sentence.id)
    position = {sentence.id: number[sentence.text] for sentence in pending}
    unsaved: dict[str, str] = {}

    def report(n: int, translation: str) -> None:
        unsaved[texts[n]] = translation
        for sentence_id in owners[texts[n]]:
            results[sentence_id] = translation
            on_result(sentence_id, translation, True)

    def save() -> None:
        if key is not None and unsaved:
            try:
                cache.put_many(key, unsaved)
            except Exception:  # a cache that cannot be written costs a model run later, nothing now
                log.exception("cannot write to the translation cache")
            unsaved.clear()

    def stop_now() -> bool:
        save()  # polled by the engine between batches: what is done is kept if the app dies
        return should_stop is not None and should_stop()

    def provisional(n: int, translation: str) -> None:
        for sentence_id in owners[texts[n]]:
            on_provisional(sentence_id, translation)

    def screen() -> list[int]:
        return [position[i] for i in on_screen() if i in position]

    try:
        if texts:
            engine.translate([model_text(t) for t in texts], on_result=report, should_stop=stop_now,
                             first=[position[i] for i in first if i in position],
                             on_provisional=provisional if on_provisional is not None else None,
                             on_screen=screen if on_screen is not None else None)
    finally:
        save()
    log.info("%s: %d of %d sentences done", doc.source, len(results), len(doc.sentences))
    return results
