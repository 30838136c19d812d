"""Coverage of real text (the figure itself is printed by benchmarks/gloss_coverage.py)."""
import pytest

from benchmarks.corpus import arabic_tokens, news_dir
from models.document import sample_path
from models.wordnorm import lookup


def coverage(paths):
    tokens = [t for p in paths for t in arabic_tokens(p)]
    seen: dict[str, bool] = {}
    ok = sum(seen.setdefault(t, bool(lookup(t).analyses)) for t in tokens)
    return ok / len(tokens), [t for t, found in seen.items() if not found]


def test_sample_article_fails_only_on_the_name_lavrov():
    share, failures = coverage([sample_path()])
    assert share > 0.98
    assert set(failures) <= {"لافروف", "ولافروف"}


def test_news_articles_coverage():
    folder = news_dir()
    if folder is None:
        pytest.skip("shared/data/news_ar is not beside the checkout")
    share, _failures = coverage(sorted(folder.glob("*.txt")))
    assert share > 0.98
