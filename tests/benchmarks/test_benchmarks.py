"""The quality benchmark scores each backend on aligned files (tiny model: the scores are low but
real sacrebleu figures, one per backend)."""
import json

import pytest

from benchmarks import bench_quality

pytestmark = pytest.mark.slow


def test_quality_benchmark_scores_each_backend(tiny_model_dir, tmp_path):
    pytest.importorskip("sacrebleu")
    src = tmp_path / "ar.txt"
    ref = tmp_path / "en.txt"
    src.write_text("وقال كيري في جنيف\nخلافات أميركية روسية تعيق الاتفاق بشأن سوريا\n", encoding="utf-8")
    ref.write_text("Kerry said in Geneva\nUS-Russian differences hinder the agreement on Syria\n", encoding="utf-8")
    out = tmp_path / "q.json"
    assert bench_quality.main(["--model", str(tiny_model_dir), "--src", str(src), "--ref", str(ref), "--beams", "1",
                               "--backends", "torch,ctranslate2,ctranslate2-whole-vocabulary", "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["sentences"] == 2
    assert set(report["backends"]) == {"torch", "ctranslate2", "ctranslate2-whole-vocabulary"}
    for scores in report["backends"].values():
        assert 0 <= scores["bleu"] <= 100 and 0 <= scores["chrf"] <= 100


def test_quality_benchmark_rejects_misaligned_files(tiny_model_dir, tmp_path):
    (tmp_path / "a").write_text("x\ny\n", encoding="utf-8")
    (tmp_path / "b").write_text("x\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        bench_quality.main(["--model", str(tiny_model_dir), "--src", str(tmp_path / "a"), "--ref", str(tmp_path / "b")])


@pytest.mark.parametrize("src, extra, says", [
    ("missing", [], "cannot read"),
    ("empty", [], "no lines"),
    ("binary", [], "not a text file"),
    ("good", ["--limit", "0"], "at least 1"),
    ("good", ["--backends", " , "], "no backend"),
    ("good", ["--json", "/nonexistent/q.json"], "cannot be written"),
])
def test_quality_benchmark_reports_bad_input_in_one_line(tiny_model_dir, tmp_path, capsys, src, extra, says):
    (tmp_path / "empty").write_bytes(b"")
    (tmp_path / "binary").write_bytes(b"\x00\x01\x02\x03binary")
    (tmp_path / "good").write_text("وقال كيري\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        bench_quality.main(["--model", str(tiny_model_dir), "--src", str(tmp_path / src), "--ref", str(tmp_path / src),
                            *extra])
    assert exit_.value.code == 2 and says in capsys.readouterr().err


def test_reading_aids_benchmark_prints_figures_and_writes_screenshots(qtbot, tmp_path, capsys):
    from benchmarks import bench_reading_aids

    assert bench_reading_aids.main(["--copies", "1", "--repeat", "2", "--screenshots", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "line up the paragraphs after one translation:" in out and "show one translation in it:" in out
    assert (tmp_path / "side_by_side.png").stat().st_size > 0 and (tmp_path / "interlinear.png").stat().st_size > 0
