"""The texts the tests and benchmarks run on: the bundled sample article and, when present, the
data in the read-only ``shared`` folder beside the checkout (news articles, the UN test set;
never copied into the project). :func:`shared_dir` is the one place that finds that folder.

It lives here rather than in ``benchmarks/`` so that ``python benchmarks/X.py`` can import it:
pysbd 0.3.4 installs a top-level package named ``benchmarks`` into site-packages, which hides
this project's ``benchmarks`` package unless the checkout's root comes first on ``sys.path``
(as it does for ``python -m benchmarks.X`` run from the root, and for pytest)."""
from __future__ import annotations

import math
import os
import statistics
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

def percentiles(times_ms: list[float]) -> dict:
    """p50, p99 (nearest rank: never below the median, the largest of fewer than 100) and max of
    ``times_ms`` (ms), and how many there are."""
    ordered = sorted(times_ms)
    return {"p50_ms": round(statistics.median(ordered), 4), "p99_ms": round(ordered[math.ceil(0.99 * len(ordered)) - 1], 4),
            "max_ms": round(ordered[-1], 4), "count": len(ordered)}



def sample_pairs() -> list[tuple[str, str]]:
    """(Arabic, English) texts of the links of the sample article with its human translation that
    have both sides (sentence alignment of :mod:`models.drafts.alignment`)."""
    from models.documents import sample_path
    from models.drafts.alignment import align
    from models.text.english_segmentation import segment_english
    from models.text.segmentation import segment

    source = sample_path().read_text(encoding="utf-8")
    draft = (REPO / "tests" / "fixtures" / "en-kerry-lavrov-syria-2016.txt").read_text(encoding="utf-8")
    ss, ds = segment(source), segment_english(draft)
    return [(" ".join(ss[i].text for i in link.source), " ".join(ds[j].text for j in link.draft))
            for link in align([s.text for s in ss], [d.text for d in ds]) if link.source and link.draft]
