"""The order and batching of sentences (models.translation.scheduler) against a fake model: no
torch, no tokenizer, milliseconds. The engine tests (test_engine.py) check the same order on the
tiny MarianMT model."""
import subprocess
import sys

import pytest

from models.translation.backends.base import TranslationStopped
from models.translation.scheduler import READING_WINDOW, STREAM_BATCH, translate
from models.translation.settings import DecodingSettings
from tests.conftest import REPO

GREEDY = DecodingSettings(num_beams=1, backend="torch")


class FakeModel:
    """A stand-in for the engine: a text's tokens are its words plus an end-of-sentence token,
    ``split`` cuts at "|" (a text with no "|" fits), and a translation is the text in brackets.
    Records each batch as ``(texts, num_beams)``. With ``stop_within``, a batch polls
    ``should_stop()`` once, as the torch backends do at each decoding step, and raises
    :class:`TranslationStopped` when it is True."""

    def __init__(self, stop_within: bool = False) -> None:
        self.batches: list[tuple[list[str], int | None]] = []
        self.stop_within = stop_within

    def count_tokens(self, text: str) -> int:
        return len(text.split()) + 1

    def split(self, text: str) -> list[str]:
        return [part for part in text.split("|") if part.strip()]

    def translate_batch(self, texts, num_beams=None, should_stop=None):
        self.batches.append((list(texts), num_beams))
        if self.stop_within and should_stop is not None and should_stop():
            raise TranslationStopped
        return [f"<{text.strip()}>" for text in texts]

    def sizes(self) -> list[int]:
        return [len(texts) for texts, _ in self.batches]


def sentences(lengths):
    """Texts ``"s0 w w"``, ``"s1 w w w"``, …: text ``i`` has ``lengths[i]`` words."""
    return [" ".join([f"s{i}"] + ["w"] * (n - 1)) for i, n in enumerate(lengths)]


def run(texts, model=None, settings=GREEDY, **options):
    """``translate`` with a fake model; returns (results, indices in the order reported, model)."""
    model = model or FakeModel()
    order = []
    results = translate(texts, model, settings, on_result=lambda i, t: order.append(i), **options)
    return results, order, model


def test_each_text_gets_its_translation_once_in_input_order():
    texts = sentences([3, 9, 2, 7, 4] * 4)
    seen = []
    results = translate(texts, FakeModel(), GREEDY, on_result=lambda i, t: seen.append((i, t)))
    assert results == [f"<{t}>" for t in texts]
    assert sorted(i for i, _ in seen) == list(range(len(texts))) and dict(seen) == dict(enumerate(results))


def test_blank_texts_are_reported_at_once_and_never_reach_the_model():
    results, order, model = run(["", "  ", "s2 w"])
    assert results == ["", "", "<s2 w>"] and order[:2] == [0, 1]
    assert model.batches == [(["s2 w"], None)]


def test_the_top_sentence_on_screen_goes_alone_then_the_rest_of_the_screen():
    texts = sentences([5] * 20)
    results, order, model = run(texts, first=[10, 3])
    assert model.batches[0] == ([texts[10]], None)  # shown in the time of one sentence
    assert model.batches[1][0][0] == texts[3]  # then the rest of the screen, before anything else
    assert order[:2] == [10, 3] and sorted(order) == list(range(20))

    _, _, together = run(texts, settings=DecodingSettings(num_beams=1, first_alone=False, backend="torch"),
                         first=[10, 3])
    assert set(together.batches[0][0]) >= {texts[10], texts[3]}  # not alone: the screen in one batch


def check_reading_order(order: list[int], sizes: list[int]) -> None:
    """Of 60 texts, with text 20 on screen, reported in ``order`` by batches of ``sizes``: after
    the screen the text goes on from 21 down to the end, then from the top, and every batch
    holds the first text left in that order (so none is left behind), at most
    :data:`STREAM_BATCH` texts, all from the next :data:`READING_WINDOW`."""
    assert order[0] == 20 and sorted(order) == list(range(60)) and sizes[0] == 1
    left = [(i - 21) % 60 for i in range(60) if i != 20]  # places in reading order: 21 … 59, then 0 … 19
    done = 1
    for size in sizes[1:]:
        assert size <= STREAM_BATCH
        batch = {(i - 21) % 60 for i in order[done:done + size]}
        assert min(left) in batch
        assert batch <= set(sorted(left)[:READING_WINDOW])
        left = [place for place in left if place not in batch]
        done += size
    assert not left and len(sizes) > 3


def test_reading_order_goes_on_after_the_screen_then_from_the_top():
    texts = sentences([3, 12, 5, 8, 20, 4, 6, 15, 9, 2] * 6)
    _, order, model = run(texts, first=[20], settings=DecodingSettings(num_beams=1, batch_tokens=200, backend="torch"))
    check_reading_order(order, model.sizes())


def test_batches_hold_texts_of_like_length():
    """Short and long sentences alternate; each batch takes the 16 of like length."""
    texts = sentences([2, 30] * 16)
    _, _, model = run(texts, settings=DecodingSettings(num_beams=1, batch_tokens=10_000, backend="torch"))
    assert [set(batch) for batch, _ in model.batches] == [set(texts[0::2]), set(texts[1::2])]
    for batch, _ in model.batches:  # each sorted by length, shortest first
        assert [len(t.split()) for t in batch] == sorted(len(t.split()) for t in batch)


def test_batches_keep_to_the_token_budget_and_at_most_stream_batch_texts():
    texts = sentences([5] * 40)  # 6 tokens each
    _, _, model = run(texts, settings=DecodingSettings(num_beams=1, batch_tokens=10_000, backend="torch"))
    assert model.sizes() == [STREAM_BATCH, STREAM_BATCH, 40 - 2 * STREAM_BATCH]

    _, _, model = run(texts, settings=DecodingSettings(num_beams=1, batch_tokens=30, backend="torch"))
    assert set(model.sizes()) == {5}  # 5 texts times 6 tokens, padding counted

    lengths = [3, 40, 7, 12, 5, 25, 9, 2, 18, 6] * 5
    _, _, model = run(sentences(lengths), settings=DecodingSettings(num_beams=1, batch_tokens=60, backend="torch"))
    for batch, _ in model.batches:
        tokens = [len(t.split()) + 1 for t in batch]
        assert len(batch) * max(tokens) <= 60 or len(batch) == 1  # a text over the budget goes alone
    assert ([sentences(lengths)[1]], None) in model.batches  # 41 tokens: alone


def test_scrolling_during_a_job_puts_the_new_screen_next():
    texts = sentences([4] * 60)
    order = []
    screen = [0, 1]
    translate(texts, FakeModel(), GREEDY, first=[0, 1], on_screen=lambda: screen,
              on_result=lambda i, t: (order.append(i), screen.__setitem__(slice(None), [50, 51])))
    assert order[0] == 0  # the top sentence alone
    assert set(order[1:3]) == {50, 51}  # then what the reader scrolled to, before sentence 1
    assert sorted(order) == list(range(60))


def test_top_sentence_gets_a_greedy_draft_first_then_its_beam_translation():
    texts = sentences([6, 4, 8, 3, 7, 5])
    events = []
    model = FakeModel()
    results = translate(texts, model, DecodingSettings(num_beams=4, backend="torch"), first=[4, 2],
                        on_result=lambda i, t: events.append(("final", i, t)),
                        on_provisional=lambda i, t: events.append(("draft", i, t)))
    assert model.batches[0] == ([texts[4]], 1)  # greedy search
    assert events[0] == ("draft", 4, f"<{texts[4]}>")
    assert events[1][:2] == ("final", 4)  # then its beam translation, first of the finals
    assert [kind for kind, _, _ in events].count("draft") == 1
    assert all(beams is None for _, beams in model.batches[1:])  # all else with the settings' beams
    assert results == [f"<{t}>" for t in texts]  # finals only

    drafts = []
    for settings, options in [
        (DecodingSettings(num_beams=4, backend="torch"), {}),  # nothing on screen
        (GREEDY, {"first": [0]}),  # greedy already
        (DecodingSettings(num_beams=4, backend="torch"), {"first": [0], "should_stop": lambda: True}),  # stopped
    ]:
        translate(texts, FakeModel(), settings, on_provisional=lambda i, t: drafts.append(i), **options)
    assert drafts == []


def test_the_draft_of_a_split_sentence_joins_its_parts():
    texts = ["s0 a b | c d", "s1 e"]
    drafts = []
    translate(texts, FakeModel(), DecodingSettings(num_beams=4, backend="torch"), first=[0],
              on_provisional=lambda i, t: drafts.append((i, t)))
    assert drafts == [(0, "<s0 a b> <c d>")]


def test_stop_before_a_batch_returns_early_with_the_rest_missing():
    texts = sentences([5] * 20)
    seen = {}
    results = translate(texts, FakeModel(), DecodingSettings(num_beams=1, batch_tokens=18, backend="torch"),
                        on_result=seen.__setitem__, should_stop=lambda: bool(seen))
    done = {i: r for i, r in enumerate(results) if r is not None}
    assert done == seen and len(done) == 3  # one batch of 3 (18 tokens), then stopped


def test_stop_during_a_batch_drops_it():
    texts = sentences([5] * 20)
    seen = {}
    model = FakeModel(stop_within=True)
    calls = []

    def should_stop():
        calls.append(1)
        return len(calls) >= 5  # polled at the start, before and within the first batch, then before and within the second

    results = translate(texts, model, DecodingSettings(num_beams=1, batch_tokens=18, backend="torch"),
                        on_result=seen.__setitem__, should_stop=should_stop)
    assert len(model.batches) == 2  # the second ended mid-way
    assert len(seen) == 3 and all(results[i] is not None for i in seen)
    assert results.count(None) == 17  # its texts stay unfinished, not reported

    drafts = []
    model = FakeModel(stop_within=True)
    results = translate(texts, model, DecodingSettings(num_beams=4, backend="torch"), first=[0],
                        should_stop=lambda: len(model.batches) > 0, on_provisional=lambda i, t: drafts.append(i))
    assert drafts == [] and results == [None] * 20  # stopped in the draft: nothing after it


def test_an_over_long_text_is_reported_once_when_all_its_parts_are_done():
    texts = ["s0 a b c | d e f | g h i", "s1 j", "s2 k | | l"]
    reported = []
    model = FakeModel()
    results = translate(texts, model, DecodingSettings(num_beams=1, batch_tokens=8, backend="torch"),
                        on_result=lambda i, t: reported.append((i, t)))
    assert results == ["<s0 a b c> <d e f> <g h i>", "<s1 j>", "<s2 k> <l>"]
    assert sorted(reported) == sorted(enumerate(results))  # once per text, joined with a space
    assert len(model.batches) > 2  # the parts went in several batches


def test_the_parts_of_the_top_sentence_come_before_anything_else():
    texts = ["s0 a", "s1 b c d e | f g h i j | k l m n o", "s2 p"]
    _, order, model = run(texts, first=[1], settings=DecodingSettings(num_beams=1, batch_tokens=11, backend="torch"))
    assert [batch for batch, _ in model.batches[:3]] == [["s1 b c d e "], [" f g h i j "], [" k l m n o"]]
    assert order[0] == 1


@pytest.mark.slow  # runs a subprocess
def test_the_scheduler_runs_without_torch():
    """The scheduler is pure Python: this module's tests pass with torch, transformers and
    ctranslate2 made unimportable, and importing the scheduler imports none of them."""
    code = (
        "import sys\n"
        "sys.modules.update(torch=None, transformers=None, ctranslate2=None)  # import fails\n"
        "import models.translation.scheduler\n"
        "import pytest\n"
        "sys.exit(pytest.main([sys.argv[1], '-q', '-p', 'no:cacheprovider', '-m', 'not slow']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, __file__], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert " passed" in out.stdout and "deselected" in out.stdout
