"""The texts the benchmarks run on: the bundled sample article and, when present, the news
articles in the sibling folder ``shared/data/news_ar`` (never copied into the project)."""
from __future__ import annotations

from pathlib import Path

from models.text.arabic import ARABIC_WORD_RE
from models.documents import load_document, sample_path

REPO = Path(__file__).resolve().parents[1]


def news_dir() -> Path | None:
    """``shared/data/news_ar`` beside the checkout (CI: ``../shared``); a git worktree nested one
    level deeper finds it beside an ancestor folder. ``None`` when absent."""
    for folder in (REPO, *REPO.parents):
        candidate = folder / ".." / "shared" / "data" / "news_ar"
        if candidate.is_dir():
            return candidate.resolve()
    return None


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
