"""The hover popup: what a word is, in its sentence.

A card, from the top: the word as written, large, in the reader's Arabic font; the learner's own
glossary entry (when there is one); the best analysis -- its vocalized form (right) and
transliteration (left), its segmentation (و + ال + مساعدات) and one grid row per segment (gloss,
part of speech, form); the other readings one click away; "Add to my glossary". Arabic is aligned
right and English left throughout. A word the lexicon cannot analyse says so plainly ("Not in the
lexicon (perhaps a name)") and shows the proper-noun backoff reading (:mod:`models.lexicon.backoff`,
e.g. و + لافروف with its transliteration) underneath, never as a gloss. The popup is placed
below the hovered word's line (above it when there is no room), so it never covers the word.
"""
from __future__ import annotations

import html
import re

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.colors import color, status_color
from models.lexicon.analyzer import Analysis
from models.lexicon.frequency import analysis_frequency
from models.lexicon.vowel_check import VowelCheck
from models.lexicon.tags import tag_name
from models.glossary.store import Term

NOT_IN_LEXICON = "Not in the lexicon (perhaps a name)."
LOADING = "Loading the Arabic lexicon…"
VOWELS_UNCERTAIN = "The vowels shown for this word are uncertain: no lexicon reading has them."
#: Point sizes: the word as written, the vocalized form, the segments.
WORD_PT, VOCALIZED_PT, SEGMENT_PT = 26, 18, 14
_ARABIC_RUN_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f]+(?:\s+[\u0600-\u06ff\u0750-\u077f]+)*")
#: Gap between the word's line and the popup, in pixels.
GAP = 6


#: Buckwalter tags of stems (content words): one of these without a gloss lacks its English.
_STEM_TAGS = ("NOUN", "ADJ", "ADV", "PV", "IV", "CV", "VERB")


def _arabic(text: str, family: str, size: int) -> str:
    family_css = f"font-family:'{html.escape(family)}';" if family else ""
    return f'<span dir="rtl" style="{family_css} font-size:{size}pt">{html.escape(text)}</span>'


def analysis_html(analysis: Analysis, arabic_family: str = "") -> str:
    """Rich text for one analysis: vocalized form (right) and transliteration (left); the
    segmentation when the word has several morphemes; a grid with one row per segment: gloss
    (left), part of speech, form (right). ``arabic_family``: font family of the Arabic text."""
    e = html.escape
    parts = [
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td align="left" valign="middle"><i style="font-size:12pt">{e(analysis.translit)}</i></td>'
        f'<td align="right" valign="middle">{_arabic(analysis.vocalized, arabic_family, VOCALIZED_PT)}</td>'
        "</tr></table>"
    ]
    segments = [s for s in analysis.segments if any(c.isalpha() for c in s.form)]
    several = len(segments) > 1
    if several:
        parts.append(f'<p align="right" style="margin:0">{_arabic(analysis.segmentation, arabic_family, SEGMENT_PT)}</p>')
    rows = []
    for s in segments:
        # an affix or particle is glossed by its tag (سَ: future); a stem without English is a missing gloss
        missing = not s.gloss and (not s.pos or s.pos.startswith(_STEM_TAGS))
        gloss = f'<span style="color:{color("placeholder")}">(no gloss)</span>' if missing else e(s.gloss.replace(";", "; "))
        pos = f'<span style="color:{color("muted")}; font-size:small">&nbsp; {e(tag_name(s.pos))}</span>'
        form = _arabic(s.form, arabic_family, SEGMENT_PT) if several else ""
        rows.append(f'<tr><td align="left" valign="middle">{gloss}{pos}</td><td align="right" valign="middle">{form}</td></tr>')
    parts.append('<table width="100%" cellspacing="0" cellpadding="1" style="margin-top:2px">' + "".join(rows) + "</table>")
    parts.append(facts_html(analysis, arabic_family))
    return "".join(parts)


def frequency_text(analysis: Analysis) -> str:
    """How common the reading's lemma is, in words: "very common (top 1,000) · band 1 of 5";
    "" when the frequency list lacks it (or is not installed)."""
    found = analysis_frequency(analysis)
    return f"{found.band.label} · band {int(found.band)} of 5" if found else ""


def facts_html(analysis: Analysis, arabic_family: str = "") -> str:
    """Rich text for what a learner asks next: the root (ك ت ب) for a verb or a noun with one,
    how common the word is, and for a reading derived by pattern (not listed in the lexicon)
    where it comes from, marked as a guess. "" for a backoff reading."""
    if analysis.backoff:
        return ""
    e = html.escape
    muted = color("muted")
    lines = []
    if analysis.derived_from is not None:
        lines.append(f'<span style="color:{color("guess")}"><b>Derived (a guess, not in the lexicon):</b> '
                     f'{_mixed(analysis.derived_from.describe(), arabic_family)}</span>')
    facts = []
    if analysis.root_letters:
        facts.append(f'<span style="color:{muted}">root</span> {_arabic(analysis.root_letters, arabic_family, SEGMENT_PT)}')
    frequency = frequency_text(analysis)
    if frequency:
        facts.append(f'<span style="color:{muted}">how common:</span> {e(frequency)}')
    if facts:
        lines.append(" &nbsp;·&nbsp; ".join(facts))
    return "".join(f'<p align="left" style="margin:2px 0 0 0">{line}</p>' for line in lines)


def _mixed(text: str, arabic_family: str) -> str:
    """``text`` escaped, its Arabic runs isolated right to left in the Arabic font."""
    out, last = [], 0
    for match in _ARABIC_RUN_RE.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        out.append(_arabic(match.group(), arabic_family, SEGMENT_PT))
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def reading_html(analysis: Analysis, arabic_family: str = "") -> str:
    """One compact row for an "other reading": transliteration, gloss and part of speech (left),
    vocalized form (right)."""
    e = html.escape
    gloss = e(analysis.gloss.replace(";", "; ")) if analysis.gloss else f'<span style="color:{color("placeholder")}">(no gloss)</span>'
    return (
        f'<tr><td align="left" valign="middle"><i>{e(analysis.translit)}</i> &nbsp;{gloss}'
        f'<span style="color:{color("muted")}; font-size:small">&nbsp; {e(tag_name(analysis.pos))}</span></td>'
        f'<td align="right" valign="middle">{_arabic(analysis.vocalized, arabic_family, SEGMENT_PT)}</td></tr>'
    )


def _rich_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    return label


def best_reading(analyses: list[Analysis] | None) -> Analysis | None:
    """The first of ``analyses`` (ranked) that the lexicon has (no backoff guess), or None."""
    return next((a for a in analyses or () if not a.backoff), None)


class GlossaryPopup(QFrame):
    """A frameless tool-tip window; it never takes the keyboard focus from the reading pane.

    Signals: ``addRequested(object)`` with a prefilled :class:`Term`, ``editRequested(object)``
    with the learner's stored :class:`Term`."""

    addRequested = Signal(object)
    editRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None, arabic_family: str = ""):
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("glossaryPopup")
        # The interface is English: left to right, even over the right-to-left Arabic pane.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.arabic_family = arabic_family
        self.word_label = QLabel()
        self.word_label.setObjectName("wordLabel")
        self.word_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute)
        self.user_label = _rich_label("userEntry")
        self.edit_button = QPushButton("Edit")
        self.edit_button.setObjectName("editTermButton")
        self.edit_button.clicked.connect(self._edit)
        self.user_box = QWidget()  # one widget, so that hiding it leaves no gap
        self.user_box.setObjectName("userBox")
        user_row = QHBoxLayout(self.user_box)
        user_row.setContentsMargins(0, 0, 0, 0)
        user_row.addWidget(self.user_label, 1)
        user_row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.here_label = _rich_label("linkedEnglish")
        self.name_label = _rich_label("linkedName")
        self.best_label = _rich_label("bestAnalysis")
        self.vowels_label = QLabel(VOWELS_UNCERTAIN)
        self.vowels_label.setObjectName("vowelsUncertain")
        self.vowels_label.setWordWrap(True)
        self.vowels_label.setStyleSheet(f"color: {color('guess')}")
        self.vowels_label.hide()
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.backoff_caption = QLabel("Read as a name (a guess from the letters; no gloss):")
        self.backoff_caption.setObjectName("backoffCaption")
        self.backoff_label = _rich_label("backoffReading")
        self.others_button = QPushButton()
        self.others_button.setObjectName("otherReadingsButton")
        self.others_button.setCheckable(True)
        self.others_button.setFlat(True)
        self.others_button.toggled.connect(self._toggle_others)
        self.others_label = _rich_label("otherReadings")
        self.add_button = QPushButton("Add to my glossary")
        self.add_button.setObjectName("addTermButton")
        self.add_button.clicked.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(4)
        for widget in (self.word_label, self.here_label, self.user_box, self.name_label, self.vowels_label, self.best_label,
                       self.message_label,
                       self.backoff_caption, self.backoff_label):
            layout.addWidget(widget)
        layout.addWidget(self.others_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.others_label)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setFixedWidth(400)
        self.word = self.linked = self.name = ""
        self.analyses: list[Analysis] = []
        self.user_terms: list[Term] = []
        self.sentence = ""
        self.sentence_translation = ""
        self.anchor = QRect()
        self.set_arabic_family(arabic_family)

    def set_arabic_family(self, family: str) -> None:
        """Use font ``family`` (the reader's Arabic font) for the Arabic text of the popup."""
        self.arabic_family = family
        font = QFont(family) if family else QFont(self.font())
        font.setPointSize(WORD_PT)
        self.word_label.setFont(font)

    # -- content --------------------------------------------------------------
    @property
    def in_lexicon(self) -> bool:
        """True when the word shown has an analysis from the lexicon (backoff readings aside)."""
        return any(not a.backoff for a in self.analyses)

    def show_word(self, word: str, analyses: list[Analysis] | None, user_terms: list[Term] = (),
                  sentence: str = "", sentence_translation: str = "", linked: str = "", name: str = "") -> None:
        """Fill the popup. ``analyses``: ranked, best first (lexicon analyses, or else backoff
        readings); ``None`` while the lexicon loads. ``user_terms``: the learner's entries
        matching the word, shown first. ``linked``: the English words the word is linked to in
        the translation ("here: *military cooperation*"); ``name``: an English proper name it is
        linked to by its letters, shown before the lexicon's readings, which then all go under
        "Other readings" (:mod:`models.alignment.gloss_context`)."""
        self.linked, self.name = linked, name
        self.here_label.setText(f"here: <i>{html.escape(linked)}</i>")
        self.here_label.setVisible(bool(linked))
        self.name_label.setText(f"<b>{html.escape(name)}</b> <span style=\"color:{color('muted')}\">— a name:"
                                f" its letters match the translation's</span>")
        self.name_label.setVisible(bool(name))
        self.word, self.analyses = word, list(analyses or [])
        self.user_terms = list(user_terms)
        self.sentence, self.sentence_translation = sentence, sentence_translation
        self.word_label.setText(word)
        self.vowels_label.hide()  # until show_vowel_check says otherwise
        if self.user_terms:
            t = self.user_terms[0]
            mark = status_color(t.status).name()
            self.user_label.setText(
                f'<b>My glossary:</b> {_arabic(t.term, self.arabic_family, SEGMENT_PT)} — {html.escape(t.translation or "(no translation)")}'
                f' <span style="color:{mark}">[{t.status}]</span>' + (f"<br><small>{html.escape(t.note)}</small>" if t.note else "")
            )
        self.user_box.setVisible(bool(self.user_terms))
        lexical = [a for a in self.analyses if not a.backoff]
        backoff = [a for a in self.analyses if a.backoff]
        self.message_label.setText(LOADING if analyses is None else NOT_IN_LEXICON)
        self.message_label.setVisible(not lexical and not name)
        self.best_label.setVisible(bool(lexical) and not name)
        if lexical:
            self.best_label.setText(analysis_html(lexical[0], self.arabic_family))
        shown_backoff = bool(backoff) and not lexical and not name
        self.backoff_caption.setVisible(shown_backoff)
        self.backoff_label.setVisible(shown_backoff)
        if shown_backoff:
            self.backoff_label.setText(analysis_html(backoff[0], self.arabic_family))
        others = (lexical or backoff) if name else lexical[1:] if lexical else backoff[1:]
        self._others_count = len(others)
        self.others_button.setVisible(bool(others))
        self.others_button.setChecked(False)
        self.others_button.setText(f"Other readings ({len(others)}) ▸")
        self.others_label.setText('<table width="100%" cellspacing="0" cellpadding="1">'
                                  + "".join(reading_html(a, self.arabic_family) for a in others) + "</table>")
        self.others_label.hide()
        self.add_button.setVisible(not self.user_terms)
        self._fit()

    def show_vowel_check(self, checked: VowelCheck | None) -> None:
        """Say when the vowels the model added to the word agree with no reading (``checked``:
        the readings' check against them, ``None`` when no vowels are shown)."""
        self.vowels_label.setVisible(checked is not None and checked.uncertain)
        self._fit()

    def _toggle_others(self, shown: bool) -> None:
        self.others_label.setVisible(shown)
        self.others_button.setText(f"Other readings ({self._others_count}) {'▾' if shown else '▸'}")
        self._fit()
        if self.isVisible() and not self.anchor.isNull():
            self.show_near(self.anchor)

    def _fit(self) -> None:
        self.layout().activate()
        self.resize(self.width(), self.layout().totalHeightForWidth(self.width()))

    def prefilled_term(self) -> Term:
        """The term "Add to my glossary" proposes: the word as written, the best lexicon
        analysis's vocalized form and first sense (the linked English name instead, when there is
        one; empty for a word the lexicon lacks: a backoff reading is no gloss), and the sentence
        it was met in."""
        best = best_reading(self.analyses)
        return Term(
            term=self.word, vocalized=best.vocalized if best else "",
            translation=self.name or (best.gloss.split(";")[0] if best else ""),
            sentence=self.sentence, sentence_translation=self.sentence_translation,
        )

    def _add(self) -> None:
        self.addRequested.emit(self.prefilled_term())

    def _edit(self) -> None:
        if self.user_terms:
            self.editRequested.emit(self.user_terms[0])

    # -- placement ------------------------------------------------------------
    def show_near(self, word_rect: QRect) -> None:
        """Show below ``word_rect`` (the hovered word's line box, screen coordinates), centred on
        it, or above it when there is no room below; kept inside the screen, never over the word."""
        self.anchor = QRect(word_rect)
        self._fit()
        centre = word_rect.center()
        screen = QGuiApplication.screenAt(centre) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = min(max(area.left(), centre.x() - self.width() // 2), area.right() + 1 - self.width())
        below = word_rect.bottom() + 1 + GAP
        above = word_rect.top() - GAP - self.height()
        if below + self.height() <= area.bottom() + 1:
            y = below
        elif above >= area.top():
            y = above
        else:  # fits neither side: the side with more room, kept on the screen
            room_below = area.bottom() + 1 - below
            y = below if room_below >= word_rect.top() - area.top() else area.top()
            y = max(area.top(), min(y, area.bottom() + 1 - self.height()))
        self.move(x, y)
        self.show()

    def show_at(self, global_pos: QPoint) -> None:
        """Show below the point ``global_pos`` (screen coordinates): :meth:`show_near` a small box."""
        self.show_near(QRect(global_pos - QPoint(0, 12), QSize(1, 24)))
