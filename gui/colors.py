"""The window's colours, in one table (after Picard's ``picard/ui/colors.py``).

Every colour the window paints -- sentence and link highlights, term-status marks, the popup,
the stylesheet -- is named here once, for the light theme (:data:`COLORS`) and the dark one
(:data:`DARK`). Code asks by name (:func:`qcolor`, :func:`color`, :func:`status_color`) and gets
the colour of the theme in use (:func:`use_theme`); ``resources/style.qss`` writes ``${name}``
and is filled in by :func:`stylesheet`.
"""
from __future__ import annotations

from importlib import resources
from string import Template

from PySide6.QtGui import QColor

#: The themes, by name.
THEMES = ("light", "dark")

#: name -> (colour as #rrggbb, what it paints).
COLORS: dict[str, tuple[str, str]] = {
    # Text and surfaces.
    "ink": ("#1d1d1d", "text"),
    "muted": ("#6b6b6b", "secondary text: text passed through, quick drafts, parts of speech"),
    "placeholder": ("#9a9a9a", "where text is still missing: a translation to come, a missing gloss"),
    "warning": ("#8a5a00", "a notice in the popup (word not in the lexicon, lexicon loading)"),
    "error": ("#b00020", "an error message in a dialog"),
    "guess": ("#7a4fa0", "a reading derived by pattern or vowels from a model: a guess, never certain"),
    "machine_vowels": ("#f1ecfa", "background of words whose vowels were added by a model"),
    "paper": ("#fffdf8", "background of the reading panes, the draft columns and the popup"),
    "list": ("#fbfaf6", "background of lists (the draft's flags)"),
    "border": ("#b9b39a", "border of the popup"),
    "rule": ("#e4e0d6", "separator lines and splitter handles"),
    "notice": ("#fff4e0", "background of the model bar"),
    "notice_border": ("#e6c98f", "border of the model bar"),
    "text_selection": ("#b7d3f7", "text selected with the mouse or keyboard"),
    # Sentences and links.
    "hovered": ("#fff1b8", "the sentence under the pointer and its counterpart"),
    "selected": ("#cfe4ff", "the selected sentence or draft link and its counterparts"),
    "flagged": ("#ffe3b8", "a draft link with a flag"),
    "selected_flagged": ("#ffb866", "the selected draft link when it has a flag"),
    "linked": ("#5aa0ff", "the words linked to the word under the pointer (opacity by the link's score)"),
    "flag_span": ("#ff9d4d", "the words a flag is about (a number, an untranslated word)"),
    "find_match": ("#fff08a", "a match of the find bar"),
    "find_current": ("#ffb347", "the current match of the find bar"),
    # The learner's terms, by status: a mark (underline, status label) and a background.
    "status_new": ("#d9534f", "mark of a new term"),
    "status_learning": ("#e0a800", "mark of a term being learned"),
    "status_known": ("#2e8b57", "mark of a known term"),
    "status_new_background": ("#fde7e6", "background of a new term"),
    "status_learning_background": ("#fff5cc", "background of a term being learned"),
    "status_known_background": ("#e3f4e8", "background of a known term"),
    "unlisted_word": ("#7a5fb0", "dotted underline of a word not yet in my glossary (when asked for)"),
    "frequent_word": ("#00707a", "letters of a common word not yet known (when asked for)"),
}

#: name -> colour of the dark theme, for every name of :data:`COLORS` (light text on dark
#: surfaces; highlights dark enough that the light text stays readable on them).
DARK: dict[str, str] = {
    "ink": "#e4e0d6",
    "muted": "#a09b90",
    "placeholder": "#75716a",
    "warning": "#e8b85c",
    "error": "#ff7083",
    "paper": "#1f2023",
    "list": "#25262a",
    "border": "#57544b",
    "rule": "#3a3b40",
    "notice": "#3b3120",
    "notice_border": "#76602f",
    "text_selection": "#2f5080",
    "hovered": "#4a4020",
    "linked": "#7fb6ff",
    "selected": "#1f3b5e",
    "flagged": "#4d3518",
    "selected_flagged": "#7a4a12",
    "flag_span": "#9a4e16",
    "find_match": "#6b5c00",
    "find_current": "#8f5a10",
    "status_new": "#ff7b72",
    "status_learning": "#f0c040",
    "status_known": "#5cc98a",
    "status_new_background": "#4a2624",
    "status_learning_background": "#443a16",
    "status_known_background": "#1e3d2b",
    "unlisted_word": "#b39ddb",
    "frequent_word": "#5fd0d8",
    "machine_vowels": "#2e2740",
    "guess": "#c3a6e8",
}

_theme = "light"


def use_theme(theme: str) -> None:
    """Make :func:`color` and the functions after it answer for ``theme`` (one of
    :data:`THEMES`); raises ``ValueError`` for another name."""
    global _theme
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}")
    _theme = theme


def theme() -> str:
    """The theme in use (one of :data:`THEMES`)."""
    return _theme


def color(name: str) -> str:
    """The colour ``name`` of the theme in use as ``#rrggbb`` (for style sheets and rich text).
    Raises ``KeyError`` for a name not in :data:`COLORS`."""
    return DARK[name] if _theme == "dark" else COLORS[name][0]


def qcolor(name: str) -> QColor:
    """The colour ``name`` of the theme in use as a QColor. Raises ``KeyError`` for a name not
    in :data:`COLORS`."""
    return QColor(color(name))


def status_color(status: str) -> QColor:
    """Mark colour of a term status (``new``, ``learning``, ``known``; see
    :data:`models.glossary.store.STATUSES`)."""
    return qcolor(f"status_{status}")


def status_background(status: str) -> QColor:
    """Background colour of a term status."""
    return qcolor(f"status_{status}_background")


def stylesheet() -> str:
    """The application style sheet: ``resources/style.qss`` with each ``${name}`` replaced by
    :func:`color`. Raises ``KeyError`` for an unknown name in the file."""
    template = (resources.files("resources") / "style.qss").read_text(encoding="utf-8")
    return Template(template).substitute({name: color(name) for name in COLORS})
