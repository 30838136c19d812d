"""benchmarks.screenshots writes the window in both reading modes and both themes (to be looked
at; nothing is committed)."""
import os
import subprocess
import sys

from PySide6.QtGui import QImage

from gui.colors import COLORS, DARK
from tests.conftest import REPO


def test_screenshots_of_both_modes_and_themes(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "benchmarks.screenshots", str(tmp_path)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(".png (1280 x 800)") == 4
    for mode in ("reader", "interlinear"):
        for theme, paper in (("light", COLORS["paper"][0]), ("dark", DARK["paper"])):
            image = QImage(str(tmp_path / f"{mode}-{theme}.png"))
            assert (image.width(), image.height()) == (1280, 800)
            assert image.pixelColor(20, 760).name() == paper  # the reading view's background, bottom left
