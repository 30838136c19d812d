"""The hover popup: what a word is, in its sentence.

Shows the word, the learner's own glossary entry first (when there is one), then the best
analysis (vocalized form, transliteration, segmentation such as و + ال + مساعدات, POS and the
gloss of each segment) and, one click away, the other readings. A word without analysis says so.
"Add to my glossary" is always offered (it emits :attr:`GlossaryPopup.addRequested`).
"""
from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.morphology import Analysis
from models.term_store import Term

STATUS_COLORS = {"new": "#d9534f", "learning": "#e0a800", "known": "#2e8b57"}
AFFIX_TAG_NAMES = {
    "CONJ": "conjunction", "DET": "article", "PREP": "preposition", "FUT": "future",
    "NOUN": "noun", "NOUN_PROP": "proper noun", "ADJ": "adjective", "VERB_PERFECT": "verb, perfect",
    "VERB_IMPERFECT": "verb, imperfect", "VERB_IMPERATIVE": "verb, imperative", "FUNC_WORD": "function word",
}


def describe_pos(tag: str) -> str:
    """A readable name for a Buckwalter POS tag (the tag itself when it has none)."""
    return AFFIX_TAG_NAMES.get(tag, tag)


def analysis_html(analysis: Analysis) -> str:
    """Rich text for one analysis: vocalized form and transliteration, segmentation, and one
    line per segment (form, POS, gloss)."""
    e = html.escape
    lines = [
        f'<span style="font-size:15pt">{e(analysis.vocalized)}</span>&nbsp; <i>{e(analysis.translit)}</i>',
        f'<span dir="rtl">{e(analysis.segmentation)}</span>',
    ]
    for s in analysis.segments:
        if not any(c.isalpha() for c in s.form):
            continue
        gloss = e(s.gloss.replace(";", "; ")) if s.gloss else ""
        lines.append(f'<span dir="rtl">{e(s.form)}</span> &nbsp;<small>{e(describe_pos(s.pos))}</small> &nbsp;{gloss}')
    return "<br>".join(lines)


class GlossaryPopup(QFrame):
    """A frameless tool-tip window; it never takes the keyboard focus from the reading pane.

    Signals: ``addRequested(object)`` with a prefilled :class:`Term`, ``editRequested(object)``
    with the learner's stored :class:`Term`."""

    addRequested = Signal(object)
    editRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("glossaryPopup")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet("#glossaryPopup { background: #fffef6; border: 1px solid #b9b39a; }")
        self.word_label = QLabel()
        self.word_label.setObjectName("wordLabel")
        self.word_label.setStyleSheet("font-size: 18pt")
        self.word_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.user_label = QLabel()
        self.user_label.setObjectName("userEntry")
        self.user_label.setWordWrap(True)
        self.edit_button = QPushButton("Edit")
        self.edit_button.setObjectName("editTermButton")
        self.edit_button.clicked.connect(self._edit)
        user_row = QHBoxLayout()
        user_row.addWidget(self.user_label, 1)
        user_row.addWidget(self.edit_button)
        self.best_label = QLabel()
        self.best_label.setObjectName("bestAnalysis")
        self.best_label.setTextFormat(Qt.TextFormat.RichText)
        self.best_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.others_button = QPushButton()
        self.others_button.setObjectName("otherReadingsButton")
        self.others_button.setCheckable(True)
        self.others_button.setFlat(True)
        self.others_button.toggled.connect(self._toggle_others)
        self.others_label = QLabel()
        self.others_label.setObjectName("otherReadings")
        self.others_label.setTextFormat(Qt.TextFormat.RichText)
        self.others_label.setWordWrap(True)
        self.add_button = QPushButton("Add to my glossary")
        self.add_button.setObjectName("addTermButton")
        self.add_button.clicked.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.word_label)
        layout.addLayout(user_row)
        layout.addWidget(self.best_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.others_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.others_label)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setMinimumWidth(320)
        self.setMaximumWidth(520)
        self.word = ""
        self.analyses: list[Analysis] = []
        self.user_terms: list[Term] = []
        self.sentence = ""
        self.sentence_translation = ""

    # -- content --------------------------------------------------------------
    def show_word(self, word: str, analyses: list[Analysis] | None, user_terms: list[Term] = (),
                  sentence: str = "", sentence_translation: str = "") -> None:
        """Fill the popup. ``analyses``: ranked, best first; ``None`` while the lexicon loads.
        ``user_terms``: the learner's entries matching the word, shown first."""
        self.word, self.analyses = word, list(analyses or [])
        self.user_terms = list(user_terms)
        self.sentence, self.sentence_translation = sentence, sentence_translation
        self.word_label.setText(word)
        if self.user_terms:
            t = self.user_terms[0]
            color = STATUS_COLORS.get(t.status, "#444")
            self.user_label.setText(
                f'<b>My glossary:</b> <span dir="rtl">{html.escape(t.term)}</span> — {html.escape(t.translation or "(no translation)")}'
                f' <span style="color:{color}">[{t.status}]</span>' + (f"<br><small>{html.escape(t.note)}</small>" if t.note else "")
            )
        self.user_label.setVisible(bool(self.user_terms))
        self.edit_button.setVisible(bool(self.user_terms))
        if analyses is None:
            self.message_label.setText("Loading the Arabic lexicon…")
        elif not analyses:
            self.message_label.setText("No analysis in the lexicon (perhaps a name or a rare word).")
        self.message_label.setVisible(not self.analyses)
        self.best_label.setVisible(bool(self.analyses))
        if self.analyses:
            self.best_label.setText(analysis_html(self.analyses[0]))
        others = self.analyses[1:]
        self.others_button.setVisible(bool(others))
        self.others_button.setChecked(False)
        self.others_button.setText(f"Other readings ({len(others)}) ▸")
        self.others_label.setText("<hr>".join(analysis_html(a) for a in others))
        self.others_label.hide()
        self.add_button.setVisible(not self.user_terms)
        self.adjustSize()

    def _toggle_others(self, shown: bool) -> None:
        self.others_label.setVisible(shown)
        self.others_button.setText(f"Other readings ({len(self.analyses) - 1}) {'▾' if shown else '▸'}")
        self.adjustSize()

    def prefilled_term(self) -> Term:
        """The term "Add to my glossary" proposes: the word as written, the best analysis's
        vocalized form and first sense, and the sentence it was met in."""
        best = self.analyses[0] if self.analyses else None
        return Term(
            term=self.word, vocalized=best.vocalized if best else "",
            translation=best.gloss.split(";")[0] if best else "",
            sentence=self.sentence, sentence_translation=self.sentence_translation,
        )

    def _add(self) -> None:
        self.addRequested.emit(self.prefilled_term())

    def _edit(self) -> None:
        if self.user_terms:
            self.editRequested.emit(self.user_terms[0])

    # -- placement ------------------------------------------------------------
    def show_at(self, global_pos: QPoint) -> None:
        """Show just below ``global_pos`` (screen coordinates), kept inside the screen."""
        self.adjustSize()
        screen = QGuiApplication.screenAt(global_pos) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = min(max(area.left(), global_pos.x() - self.width() // 2), area.right() - self.width())
        y = global_pos.y() + 18
        if y + self.height() > area.bottom():
            y = global_pos.y() - self.height() - 12
        self.move(x, max(area.top(), y))
        self.show()
