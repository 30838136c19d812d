"""The window's colours, in one table (after Picard's ``picard/ui/colors.py``).

Every colour the window paints -- sentence and link highlights, term-status marks, the popup,
the stylesheet -- is named here once. Code asks by name (:func:`qcolor`, :func:`color`,
:func:`status_color`); ``resources/style.qss`` writes ``${name}`` and is filled in by
:func:`stylesheet`.
"""
from __future__ import annotations

from importlib import resources
from string import Template

from PySide6.QtGui import QColor

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
    "flag_span": ("#ff9d4d", "the words a flag is about (a number, an untranslated word)"),
    # The learner's terms, by status: a mark (underline, status label) and a background.
    "status_new": ("#d9534f", "mark of a new term"),
    "status_learning": ("#e0a800", "mark of a term being learned"),
    "status_known": ("#2e8b57", "mark of a known term"),
    "status_new_background": ("#fde7e6", "background of a new term"),
    "status_learning_background": ("#fff5cc", "background of a term being learned"),
    "status_known_background": ("#e3f4e8", "background of a known term"),
    "unlisted_word": ("#7a5fb0", "dotted underline of a word not yet in my glossary (when asked for)"),
}


def color(name: str) -> str:
    """The colour ``name`` as ``#rrggbb`` (for style sheets and rich text). Raises ``KeyError``
    for a name not in :data:`COLORS`."""
    return COLORS[name][0]


def qcolor(name: str) -> QColor:
    """The colour ``name`` as a QColor. Raises ``KeyError`` for a name not in :data:`COLORS`."""
    return QColor(COLORS[name][0])


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
    return Template(template).substitute({name: value for name, (value, _) in COLORS.items()})
