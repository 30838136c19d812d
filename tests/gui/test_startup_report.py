"""The start-up milestones ``python main.py`` prints for the cold-start benchmark
(``benchmarks/bench_translate.py``, :mod:`gui.startup_report`)."""
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_first_translation_hook_reports_each_milestone_in_order(tmp_path, tiny_model_dir, source_text):
    article = tmp_path / "article.txt"
    article.write_text(source_text, encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), QARI_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "main.py", str(article), "--model", str(tiny_model_dir),
                             "--quit-after-first-translation"], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=300)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("qari: app started at clock ") and lines[0].endswith(" s"), result.stderr
    assert float(lines[0].split()[-2]) > 0
    milestones = [line[len("qari: "):].rsplit(" after ", 1) for line in lines[1:]]
    # the window may be shown after the model is ready (the worker starts before the window is made)
    seconds = {m: float(s.removesuffix(" s")) for m, s in milestones}
    assert len(milestones) == 3 and milestones[-1][0] == "first translation shown", result.stdout
    assert set(seconds) == {"window shown", "model ready", "first translation shown"}
    assert 0 < seconds["window shown"] <= seconds["first translation shown"]
    assert seconds["model ready"] <= seconds["first translation shown"]
    assert result.returncode == 0, result.stderr  # it closes itself


def test_the_report_names_only_known_milestones(qapp):
    from gui.startup_report import StartupReport

    with pytest.raises(ValueError, match="unknown milestone"):
        StartupReport(None, 0.0, "window painted", finish=lambda: None)
