"""Coverage of real text (the figures themselves are printed by benchmarks/gloss_coverage.py)."""
import pytest

from tests.support.corpus import arabic_tokens, news_dir
from benchmarks.gloss_coverage import coverage, main
from models.documents import sample_path


def test_sample_article_fails_the_lexicon_only_on_the_name_lavrov_which_backoff_reads():
    result = coverage(arabic_tokens(sample_path()))
    assert result.lexicon / result.tokens > 0.98
    assert set(result.failures) <= {"لافروف", "ولافروف"}
    assert result.any == result.tokens and not result.unread


def test_news_articles_coverage():
    folder = news_dir()
    if folder is None:
        pytest.skip("shared/data/news_ar is not beside the checkout")
    tokens = [t for p in sorted(folder.glob("*.txt")) for t in arabic_tokens(p)]
    result = coverage(tokens)
    assert result.lexicon / result.tokens > 0.98
    assert result.lexicon < result.any  # names are read by the backoff, and counted apart


def test_benchmark_prints_both_figures_and_the_lexicon_failures(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    overall = next(line for line in out.splitlines() if line.startswith("OVERALL"))
    assert "lexicon" in overall and "with backoff" in overall
    assert "ar-kerry-lavrov-syria-2016.txt:" in out
    assert "لافروف×" in out.split("words without a lexicon analysis")[1]
