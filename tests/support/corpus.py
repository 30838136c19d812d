"""The texts the tests and benchmarks run on: the bundled sample article and, when present, the
data in the read-only ``shared`` folder beside the checkout (news articles, the UN test set;
never copied into the project). :func:`shared_dir` is the one place that finds that folder.

It lives here rather than in ``benchmarks/`` so that ``python benchmarks/X.py`` can import it:
pysbd 0.3.4 installs a top-level package named ``benchmarks`` into site-packages, which hides
this project's ``benchmarks`` package unless the checkout's root comes first on ``sys.path``
(as it does for ``python -m benchmarks.X`` run from the root, and for pytest)."""
from __future__ import annotations

import os
from pathlib import Path

from models.text.arabic import ARABIC_WORD_RE
from models.documents import load_document, sample_path

REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The read-only ``shared`` data folder: ``$QARI_SHARED`` when set, else ``shared`` beside the
    checkout (``<repo root>/../shared``) or, for a git worktree nested deeper, beside the nearest
    ancestor folder that has one. When there is none, ``<repo root>/../shared`` (which does not
    exist): callers check for the files they need and name this folder when they are missing."""
    if os.environ.get("QARI_SHARED"):
        return Path(os.environ["QARI_SHARED"])
    return next((folder / "shared" for folder in REPO.parents if (folder / "shared").is_dir()), REPO.parent / "shared")


def news_dir() -> Path | None:
    """``shared/data/news_ar`` (:func:`shared_dir`), or None when absent."""
    folder = shared_dir() / "data" / "news_ar"
    return folder.resolve() if folder.is_dir() else None


def corpus_files() -> list[Path]:
    """The sample article, then the news articles (sorted), when the folder exists."""
    files = [sample_path()]
    news = news_dir()
    if news is not None:
        files += sorted(news.glob("*.txt"))
    return files


def arabic_tokens(path: Path) -> list[str]:
    """The Arabic word tokens of a file, as the reader hit-tests them (``ARABIC_WORD_RE``)."""
    return ARABIC_WORD_RE.findall(load_document(path).text)
