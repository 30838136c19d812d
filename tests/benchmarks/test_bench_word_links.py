import json

from benchmarks import bench_word_links


def test_gold_set_has_thirty_pairs_with_links_inside_each_sentence():
    gold = bench_word_links.read_gold(bench_word_links.GOLD)
    assert len(gold) == 30
    from models.alignment.word_links import source_words, target_words

    for arabic, english, sure, possible in gold:
        assert sure and sure <= possible
        assert all(i < len(source_words(arabic)) and j < len(target_words(english)) for i, j in possible)


def test_scores_follow_och_and_ney():
    gold = [("", "", {(0, 0), (1, 1)}, {(0, 0), (1, 1), (2, 2)})]
    result = bench_word_links.score(gold, [{(0, 0), (2, 2), (3, 3)}])
    assert result["precision"] == round(2 / 3, 4) and result["recall"] == 0.5
    assert result["aer"] == round(1 - (1 + 2) / (3 + 2), 4)


def test_benchmark_without_the_model(tmp_path, capsys):
    out = tmp_path / "links.json"
    assert bench_word_links.main(["--skip-model", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "precision" in printed and "hover lookup" in printed
    report = json.loads(out.read_text())
    quality = report["lexicon_links"]["all"]
    assert quality["precision"] >= 0.8 and quality["recall"] >= 0.5  # measured 0.872 and 0.592
    assert report["hover"]["lookup"]["count"] > 1000


def test_missing_gold_set_is_reported_politely(tmp_path, capsys):
    assert bench_word_links.main(["--skip-model", "--gold", str(tmp_path)]) == 2
    assert "not usable" in capsys.readouterr().err
