"""The launcher: ``qari`` / ``python main.py`` (window or command), ``qari-cli`` (commands only),
one exit status per kind of failure, and the installed entry points and desktop file."""
import configparser
import importlib
import subprocess
import sys
from importlib import resources

import pytest

from cli import ExitCode
from cli.main import COMMANDS, main, main_cli
from models.errors import DocumentError, DraftTooLong, LexiconDataError, ModelUnavailable
from tests.conftest import REPO


def test_exit_codes_are_distinct_and_usage_is_argparse_own():
    assert len(set(ExitCode)) == len(ExitCode) and ExitCode.OK == 0
    assert ExitCode.USAGE == 2  # what argparse exits with for a malformed command line
    assert 1 not in set(ExitCode)  # Python's status for an uncaught exception


@pytest.mark.parametrize("error, status", [
    (DocumentError("x.txt does not exist."), ExitCode.BAD_INPUT),
    (DraftTooLong("far too long."), ExitCode.BAD_INPUT),
    (LexiconDataError("The Arabic lexicon data files are missing."), ExitCode.UNAVAILABLE),
    (ModelUnavailable("The translation model x/y is not on this computer.", "x/y"), ExitCode.UNAVAILABLE),
])
def test_each_kind_of_core_error_has_its_status(error, status):
    from cli.main import exit_code_for

    assert exit_code_for(error) == status


def test_gloss_without_the_lexicon_says_why_in_one_line(monkeypatch, capsys):
    import models.lexicon.lookup

    def fail(word, *args, **kwargs):
        raise LexiconDataError("The Arabic lexicon data files are missing.")

    monkeypatch.setattr(models.lexicon.lookup, "lookup", fail)
    monkeypatch.setattr(sys, "argv", ["/usr/bin/qari"])
    assert main(["gloss", "كتاب"]) == ExitCode.UNAVAILABLE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "qari gloss: error: The Arabic lexicon data files are missing.\n"


def test_qari_cli_runs_a_command(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["/usr/bin/qari-cli"])
    assert main_cli(["gloss", "القمر"]) == ExitCode.OK
    assert '"word": "القمر"' in capsys.readouterr().out


def test_qari_cli_lists_its_commands_and_never_opens_a_window(monkeypatch, capsys):
    import gui.app

    def no_window(*args, **kwargs):
        raise AssertionError("qari-cli opened the window")

    monkeypatch.setattr(gui.app, "run_app", no_window)
    monkeypatch.setattr(sys, "argv", ["/usr/bin/qari-cli"])
    with pytest.raises(SystemExit) as help_:
        main_cli(["--help"])
    out = capsys.readouterr().out
    assert help_.value.code == 0 and out.startswith("usage: qari-cli")
    assert all(name in out for name in COMMANDS)
    for argv in ([], ["article.txt"]):  # what qari would open in the window
        with pytest.raises(SystemExit) as usage:
            main_cli(argv)
        assert usage.value.code == ExitCode.USAGE
    assert "invalid choice: 'article.txt'" in capsys.readouterr().err


def test_command_help_names_the_program(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["/home/u/.local/bin/qari"])
    with pytest.raises(SystemExit) as help_:
        main(["export", "--help"])
    assert help_.value.code == 0 and capsys.readouterr().out.startswith("usage: qari export ")


def entry_points() -> dict[str, dict[str, str]]:
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    section = config["options.entry_points"]
    return {group: dict(line.replace(" ", "").split("=") for line in section[group].strip().splitlines())
            for group in ("gui_scripts", "console_scripts")}


def test_entry_points_name_the_launchers():
    points = entry_points()
    assert points == {"gui_scripts": {"qari": "cli.main:main"}, "console_scripts": {"qari-cli": "cli.main:main_cli"}}
    for group in points.values():
        for target in group.values():
            module, _, name = target.partition(":")
            assert callable(getattr(importlib.import_module(module), name))


def test_desktop_file_starts_the_gui_entry_point_with_the_bundled_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read_string((resources.files("resources") / "qari.desktop").read_text(encoding="utf-8"))
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Qari" and desktop["Terminal"] == "false"
    assert desktop["Exec"].split()[0] == desktop["TryExec"] == "qari" in entry_points()["gui_scripts"]
    assert (resources.files("resources") / "icons" / f"{desktop['Icon']}.svg").is_file()
    assert desktop["Categories"].endswith(";") and "Education" in desktop["Categories"].split(";")


@pytest.mark.slow
def test_python_main_py_help_works_without_a_display(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}  # no DISPLAY, no QT_QPA_PLATFORM
    result = subprocess.run([sys.executable, "main.py", "--help"], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: main.py [-h]") and "main.py export FILE -o OUT" in result.stdout
    assert "--quit-after-show" not in result.stdout  # a hidden measuring option


@pytest.mark.slow
def test_the_application_has_the_bundled_icon_and_desktop_file_name():
    code = ("from gui.app import create_app; app = create_app(); icon = app.windowIcon(); "
            "print(icon.isNull(), icon.pixmap(64, 64).isNull(), app.desktopFileName())")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["False", "False", "qari"], result.stderr
