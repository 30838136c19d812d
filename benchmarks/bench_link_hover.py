"""Hover-to-highlight time of word links in the reader window, in milliseconds (goal: p99 <= 16 ms,
one frame at 60 Hz).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_link_hover [--repeat N] [--pairs N]

Shows the sample article's sentence pairs (its human translation as the translation, aligned
by :func:`tests.support.corpus.sample_pairs`) in an Arabic and an English
:class:`gui.reading_pane.ReadingPane` with :class:`gui.word_link_hover.WordLinkHover`, then
sends a mouse move to the middle of every word of both panes and times, per move, from the event
to the highlights set and the panes repainted (``QWidget.repaint``: the layout and painting the
user waits for). Printed twice: the first hover of each sentence pair (its lexicon links made
then, :class:`models.alignment.link_cache.LinkCache`) and every hover (links cached). Wall-clock
and CPU time; on a shared machine preemption adds to the wall-clock figures.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from tests.support.corpus import percentiles, sample_pairs
from tests.support.stall_probe import offscreen_app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="passes over the words (the first makes the links)")
    parser.add_argument("--pairs", type=int, default=0, help="only the first N sentence pairs (0: all)")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from gui.gloss_service import GlossService
    from gui.hover_glossary import HoverGlossary
    from gui.reading_pane import ReadingPane
    from gui.sentence_model import SOURCE, TARGET, SentenceModel
    from gui.word_link_hover import WordLinkHover
    from models.alignment.word_links import source_words, target_words
    from models.documents import Document
    from models.glossary.store import TermStore

    app = offscreen_app()
    service = GlossService()
    if not service.wait(120):
        print(f"the lexicon is not available: {service.error}", file=sys.stderr)
        return 2
    pairs = sample_pairs()[:args.pairs or None]
    model = SentenceModel()
    model.set_document(Document.from_text("\n".join(arabic.replace("\n", " ") for arabic, _ in pairs)))
    if len(model.document.sentences) != len(pairs):  # segmentation split a pair's Arabic again
        pairs = [(s.text, english) for s, (_, english) in zip(model.document.sentences, pairs)]
    for row, (_, english) in enumerate(pairs[:len(model.document.sentences)]):
        model.set_translation(row, english, translated=True)
    panes = [ReadingPane(model, column) for column in (SOURCE, TARGET)]
    for pane in panes:
        pane.resize(700, 900)
        pane.show()
    store = TermStore(":memory:")
    glossary = HoverGlossary(panes[0], store, service, delay_ms=lambda: 10**6)
    hover = WordLinkHover(panes[0], panes[1], glossary)
    app.processEvents()
    first, later, cpu, highlighted = [], [], [], 0
    for rounds in range(args.repeat):
        for row in range(len(model.document.sentences)):
            texts = (model.document.sentences[row].text, model.target(row))
            for pane, text, words in ((panes[0], texts[0], source_words(texts[0])), (panes[1], texts[1], target_words(texts[1]))):
                pane.ensure_sentence_visible(row)
                app.processEvents()
                start = pane.sentence_span(row)[0]
                for k, (a, b) in enumerate(words):
                    point = _glyph_point(pane, start + (a + b - 1) // 2)
                    if point is None:
                        continue
                    event = QMouseEvent(QEvent.Type.MouseMove, point, pane.viewport().mapToGlobal(point),
                                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
                    started, started_cpu = time.perf_counter(), time.process_time()
                    app.sendEvent(pane.viewport(), event)
                    for p in panes:
                        p.viewport().repaint()
                    elapsed = (time.perf_counter() - started) * 1000
                    (first if rounds == 0 and k == 0 and pane is panes[0] else later).append(elapsed)
                    cpu.append((time.process_time() - started_cpu) * 1000)
                    highlighted += bool(panes[0].word_highlights() and panes[1].word_highlights())
    for label, values in (("first hover of a sentence pair (links made)", first), ("every hover, wall-clock", later),
                          ("every hover, CPU time", cpu)):
        figures = percentiles(values)
        print(f"hover to highlight, {label}, {figures['count']} moves: p50 {figures['p50_ms']:.2f} ms,"
              f" p99 {figures['p99_ms']:.2f} ms, max {figures['max_ms']:.2f} ms")
    print(f"{len(model.document.sentences)} sentence pairs; moves that highlighted linked words: {highlighted};"
          f" load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for pane in panes:  # a caller's later windows get the mouse (the test suite runs this in-process)
        pane.close()
        pane.deleteLater()
    store.close()
    return 0


def _glyph_point(pane, position: int):
    """Viewport point in the middle of the glyph at pane ``position``, or None when out of view."""
    from PySide6.QtCore import QPointF

    block = pane.document().findBlock(position)
    layout, relative = block.layout(), position - block.position()
    line = layout.lineForTextPosition(relative)
    if not line.isValid():
        return None
    x1, _ = line.cursorToX(relative)
    x2, _ = line.cursorToX(relative + 1)
    origin = layout.position()
    point = QPointF(origin.x() + (x1 + x2) / 2, origin.y() + line.y() + line.height() / 2 - pane.verticalScrollBar().value())
    return point if 0 <= point.y() < pane.viewport().height() else None


if __name__ == "__main__":
    sys.exit(main())
