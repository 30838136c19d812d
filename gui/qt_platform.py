"""Whether Qt can open a window here, and a plain sentence for the user when it cannot.

Without a display, or when its X11 platform plugin lacks a system library, Qt aborts the process
from the QApplication constructor with "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to
load the Qt xcb platform plugin", whatever is really wrong. :func:`missing_display` catches the
first case before Qt starts; :func:`platform_guard` catches Qt's fatal message and names the
missing libraries (from ``ldd`` of the plugin) and the Debian/Ubuntu packages that hold them.
"""
from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger(__name__)

OFFSCREEN_HINT = "or set QT_QPA_PLATFORM=offscreen to run it without showing a window"

#: Debian/Ubuntu packages whose name does not follow from the library's soname (Debian Policy 8.1).
DEBIAN_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0", "libgio-2.0.so.0": "libglib2.0-0",
    "libGLdispatch.so.0": "libglvnd0", "libbrotlidec.so.1": "libbrotli1", "libbrotlicommon.so.1": "libbrotli1",
    "libz.so.1": "zlib1g", "libgcc_s.so.1": "libgcc-s1",
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6", "libpthread.so.0": "libc6",
}

_SONAME_RE = re.compile(r"^(?P<name>lib.+?)\.so\.(?P<version>\d+)")
_NOT_FOUND_RE = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_FAILED_PLUGIN_RE = re.compile(r'Could not (?:load|find) the Qt platform plugin "([^"]+)"')


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships the shared library ``soname``: from
    :data:`DEBIAN_PACKAGES`, else by Debian Policy 8.1 (``libxcb-icccm.so.4`` → ``libxcb-icccm4``,
    ``libxkbcommon-x11.so.0`` → ``libxkbcommon-x11-0``: a hyphen when the name ends in a digit)."""
    if soname in DEBIAN_PACKAGES:
        return DEBIAN_PACKAGES[soname]
    match = _SONAME_RE.match(soname)
    if match is None:
        return soname
    name, version = match["name"].lower(), match["version"]
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def not_found(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` reports as ``not found``, once each, in its order."""
    return list(dict.fromkeys(_NOT_FOUND_RE.findall(ldd_output)))


def plugin_file(platform: str) -> Path:
    """The file of Qt's platform plugin ``platform`` (``xcb`` → ``platforms/libqxcb.so``;
    ``wayland-egl`` is in ``libqwayland.so``)."""
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    return plugins / "platforms" / f"libq{platform.split('-')[0]}.so"


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries ``plugin`` needs that the system lacks (``ldd``); empty when none
    are missing or ``ldd`` cannot tell."""
    try:
        result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("cannot run ldd on %s: %s", plugin, exc)
        return []
    return not_found(result.stdout)


def missing_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """Why no window can open, when Qt would pick its platform plugin itself on Linux and there is
    no X11 or Wayland display to show it on; None otherwise."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") \
            or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("cannot open a window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). "
            f"Run it in a desktop session, {OFFSCREEN_HINT}.")


def explain_failure(messages: list[str], environ: Mapping[str, str] = os.environ,
                    missing: Callable[[str], list[str]] = lambda p: missing_libraries(plugin_file(p))) -> str:
    """One sentence for the user from the messages Qt logged before it gave up starting its
    platform plugin (``missing(platform)`` lists the libraries that plugin lacks)."""
    failed = list(dict.fromkeys(name for m in messages for name in _FAILED_PLUGIN_RE.findall(m)))
    libraries = list(dict.fromkeys(lib for name in failed for lib in missing(name)))
    if libraries:
        packages = " ".join(dict.fromkeys(debian_package(lib) for lib in libraries))
        plugins = f"{' and '.join(failed)} platform plugin{'s need' if len(failed) > 1 else ' needs'}"
        return (f"cannot open a window: Qt's {plugins} system libraries that are not installed "
                f"({', '.join(libraries)}); on Debian or Ubuntu: sudo apt install {packages}")
    if any("could not connect to display" in m for m in messages):
        return (f"cannot open a window: cannot connect to the X11 display {environ.get('DISPLAY', '')!r} (is it "
                f"running, and may this user use it?); run it in a desktop session, {OFFSCREEN_HINT}.")
    named = f" (QT_QPA_PLATFORM={environ['QT_QPA_PLATFORM']})" if environ.get("QT_QPA_PLATFORM") else ""
    available = next((m.split("Available platform plugins are:")[1].strip().rstrip(".")
                      for m in messages if "Available platform plugins are:" in m), "")
    plugins = f" {', '.join(failed)}" if failed else ""
    return (f"cannot open a window: Qt could not start its platform plugin{plugins}{named}"
            + (f"; QT_QPA_PLATFORM picks another of: {available}." if available else "."))


@contextmanager
def platform_guard(prog: str, exit_code: int) -> Iterator[None]:
    """Around the QApplication constructor: if Qt gives up starting its platform plugin, print
    ``PROG: SENTENCE`` (:func:`explain_failure`) as one line on stderr and end the process with
    ``exit_code`` instead of Qt's abort. Qt's other messages meanwhile are held back and printed
    after, as Qt would have."""
    held: list[tuple[str, str]] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        held.append((context.category or "default", message))
        if kind == QtMsgType.QtFatalMsg:
            for category, text in held:
                log.info("Qt (%s): %s", category, text)
            print(f"{prog}: {explain_failure([text for _, text in held])}", file=sys.stderr, flush=True)
            logging.shutdown()
            os._exit(exit_code)  # Qt aborts the process when this handler returns

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        for category, text in held:
            print(text if category == "default" else f"{category}: {text}", file=sys.stderr)
