import json
import random

from benchmarks import bench_align
from tests.conftest import FIXTURES

UN = FIXTURES / "un_v1.0"  # 8 documents of the UN v1.0 test set


def test_perturbations_record_the_true_links():
    arabic = [f"جملة {i}" for i in range(10)]
    english = [f"Sentence {i}, with a clause and more words here." for i in range(10)]
    source, draft, links, done = bench_align.perturb(arabic, english, random.Random(3))
    assert sum(done.values()) >= 1
    assert [i for s, _ in links for i in s] == list(range(len(source)))
    assert [j for _, d in links for j in d] == list(range(len(draft)))
    for s, d in links:  # an unperturbed link keeps its own translation
        if len(s) == len(d) == 1 and english[arabic.index(source[s[0]])] == draft[d[0]]:
            continue
        assert len(s) != 1 or len(d) != 1 or done["split"] or done["merge"]


def test_benchmark_on_the_fixture_subset(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert bench_align.main(["--data", str(UN), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "aligner" in printed and "length_baseline" in printed
    result = json.loads(out.read_text())
    assert result["documents"] == 8
    assert result["aligner"]["f1"] > result["length_baseline"]["f1"]
    assert result["aligner"]["f1"] >= 0.9


def test_missing_data_is_reported_politely(tmp_path, capsys):
    assert bench_align.main(["--data", str(tmp_path)]) == 2
    assert "not in" in capsys.readouterr().err
