"""Starting the window where Qt cannot show one: one plain line and UNAVAILABLE, not Qt's abort
with its "xcb-cursor0 is needed" message."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli import ExitCode
from gui.qt_platform import debian_package, explain_failure, missing_display, missing_libraries, not_found, plugin_file
from tests.conftest import REPO

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f04)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f04)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
"""

QT_MESSAGES = [  # what Qt 6.11 logs on a machine without libxcb-icccm4 and libxcb-keysyms1
    "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.",
    'Could not load the Qt platform plugin "xcb" in "" even though it was found.',
    "This application failed to start because no Qt platform plugin could be initialized. Reinstalling the "
    "application may fix this problem.\n\nAvailable platform plugins are: minimal, offscreen, xcb, wayland.\n",
]


@pytest.mark.parametrize("soname, package", [  # as dpkg -S and apt-cache name them on Debian 12
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libX11.so.6", "libx11-6"),
    ("libEGL.so.1", "libegl1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    ("libpng16.so.16", "libpng16-16"),
    ("libwayland-cursor.so.0", "libwayland-cursor0"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libz.so.1", "zlib1g"),
])
def test_debian_package_of_a_library(soname, package):
    assert debian_package(soname) == package


def test_ldd_output_gives_each_missing_library_once():
    assert not_found(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_missing_libraries_of_a_plugin_that_loads():
    assert missing_libraries(plugin_file("offscreen")) == []
    assert plugin_file("wayland-egl").name == "libqwayland.so"


def test_missing_x11_libraries_are_named_with_their_packages():
    said = explain_failure(QT_MESSAGES, {"DISPLAY": ":0"},
                           missing=lambda p: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"] if p == "xcb" else [])
    assert said == ("cannot open a window: Qt's xcb platform plugin needs system libraries that are not installed "
                    "(libxcb-icccm.so.4, libxcb-keysyms.so.1); on Debian or Ubuntu: "
                    "sudo apt install libxcb-icccm4 libxcb-keysyms1")


def test_an_x11_display_that_cannot_be_reached_is_named():
    said = explain_failure(["could not connect to display :7", *QT_MESSAGES], {"DISPLAY": ":7"}, missing=lambda p: [])
    assert said.startswith("cannot open a window: cannot connect to the X11 display ':7'")
    assert "QT_QPA_PLATFORM=offscreen" in said and "xcb-cursor0" not in said


def test_no_display_is_found_before_qt_starts():
    assert "QT_QPA_PLATFORM=offscreen" in missing_display({}, "linux")
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert missing_display({}, "win32") is None and missing_display({}, "darwin") is None


def run_window(tmp_path, **env):
    """``python main.py`` with only ``env`` (and a private home) set: no DISPLAY, no Qt platform."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
           "QARI_CACHE_DIR": str(tmp_path / "cache"), "QARI_DATA_DIR": str(tmp_path / "data"), **env}
    return subprocess.run([sys.executable, "main.py"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


def assert_one_plain_line(result):
    assert result.returncode == ExitCode.UNAVAILABLE, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("main.py: cannot open a window: ")
    assert "xcb-cursor0" not in result.stderr and "Reinstalling" not in result.stderr


@pytest.mark.slow
def test_without_a_display_the_window_says_so_in_one_line(tmp_path):
    result = run_window(tmp_path)
    assert_one_plain_line(result)
    assert "no display" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr


@pytest.mark.slow
def test_an_unknown_qt_platform_is_named_with_the_ones_there_are(tmp_path):
    result = run_window(tmp_path, QT_QPA_PLATFORM="no-such-platform")
    assert_one_plain_line(result)
    assert "platform plugin no-such-platform (QT_QPA_PLATFORM=no-such-platform)" in result.stderr
    assert "offscreen" in result.stderr.split("picks another of:")[1]


def free_x11_display() -> str:
    """A display number no X server on this machine uses (no socket, no lock file): another
    process may run Xvfb on :99, as ``xvfb-run -a`` does first."""
    number = next(n for n in range(99, 1000)
                  if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists())
    return f":{number}"


@pytest.mark.slow
def test_an_unusable_x11_display_is_explained(tmp_path):
    """Qt's xcb plugin fails for want of a library (named with its package) or, with all its
    libraries there, because nothing listens on the display."""
    display = free_x11_display()
    result = run_window(tmp_path, DISPLAY=display)
    assert_one_plain_line(result)
    missing = missing_libraries(plugin_file("xcb"))
    if missing:
        packages = " ".join(dict.fromkeys(debian_package(lib) for lib in missing))
        assert result.stderr.endswith(f"sudo apt install {packages}\n")
    else:
        assert f"cannot connect to the X11 display '{display}'" in result.stderr
