"""Screenshots of the reader window in each theme, to look at (nothing is compared).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.screenshots OUTDIR

Writes ``OUTDIR/reader-light.png``, ``OUTDIR/reader-dark.png`` (side by side) and
``OUTDIR/interlinear-light.png``, ``OUTDIR/interlinear-dark.png``: the bundled sample article
beside the human English translation from ``../shared/samples`` (aligned to the Arabic sentences
by length, Gale & Church, standing in for the machine translation, which needs model weights),
with three glossary terms (one per status), a selected sentence pair, a hovered one and the
matches of a find. Settings, glossary and cache live in a temporary folder. Prints each file
written with its size in pixels."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        os.environ["QARI_DATA_DIR"] = os.environ["QARI_CACHE_DIR"] = home
        os.environ["HF_HUB_OFFLINE"] = "1"
        for path in shoot(args.outdir, Path(home)):
            print(path)
    return 0


def shoot(outdir: Path, home: Path) -> list[str]:
    from PySide6.QtCore import QSettings

    from gui.app import create_app, load_arabic_font
    from gui.main_window import MainWindow
    from gui.settings import Settings
    from gui.translation_controller import ModelState
    from models.documents import sample_path
    from models.drafts.alignment import align_by_length
    from models.glossary.store import Term
    from models.text.english_segmentation import segment_english

    app = create_app()
    settings = Settings(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
    settings.set("model", "Helsinki-NLP/opus-mt-ar-en")  # not downloaded: nothing is translated
    window = MainWindow(settings, arabic_family=load_arabic_font())
    window.resize(1280, 800)
    window.show()
    while window.translation.state is ModelState.LOADING:
        app.processEvents()
    window.model_bar.hide()
    for text, translation, status in (("وزير الخارجية", "foreign minister", "known"),
                                      ("الهدنة", "truce", "learning"), ("تعيق", "hinder", "new")):
        window.term_store.add(Term(text, translation=translation, status=status))
    window.open_path(sample_path())
    doc = window.sentences.document
    english_path = Path(__file__).resolve().parents[2] / "shared" / "samples" / "en-kerry-lavrov-syria-2016.txt"
    if english_path.exists():
        english = [s.text for s in segment_english(english_path.read_text(encoding="utf-8"))]
        for link in align_by_length([s.text for s in doc.sentences], english):
            for i, sid in enumerate(link.source):
                text = " ".join(english[d] for d in link.draft) if i == 0 else ""
                window.sentences.set_translation(sid, text or "—", True)
    window.hover_glossary.refresh_terms()
    window.on_click(2, window.arabic_pane)
    window.arabic_pane.set_highlight(4)
    window.english_pane.set_highlight(4)
    window.find_bar.open()
    window.find_bar.query.setText("لافروف")
    window.find_bar.search()
    written = []
    for mode, name in (("side by side", "reader"), ("interlinear", "interlinear")):
        window.reading.modes.set_mode(mode)
        for theme in ("light", "dark"):
            settings.set("theme", theme)
            for _ in range(5):
                app.processEvents()
            path = outdir / f"{name}-{theme}.png"
            image = window.grab()
            image.save(str(path))
            written.append(f"{path} ({image.width()} x {image.height()})")
    window.reading.modes.set_mode("side by side")  # the mode is a setting: leave it as found
    window.close()
    return written


if __name__ == "__main__":
    sys.exit(main())
