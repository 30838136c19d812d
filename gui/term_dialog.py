"""Add or edit one term of the learner's glossary."""
from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget,
)

from models.glossary.store import STATUSES, Term, TermStore
from models.errors import TermError

log = logging.getLogger(__name__)

#: Arabic in the dialog, relative to its Latin text (Arabic letters are small at the same size).
ARABIC_SCALE = 1.3


class TermDialog(QDialog):
    """Edits ``term`` (a new one when its ``id`` is None) and saves it to ``store`` on OK.

    The term, its vocalized form and the sentence are shown right-to-left, at the right edge,
    in ``arabic_family`` (the reader's Arabic font; default: the dialog's). When saving fails
    (no Arabic word, already in the glossary) the reason is shown in the dialog, which stays
    open. After ``accept()``, :attr:`saved` is the stored term."""

    def __init__(self, store: TermStore, term: Term, parent: QWidget | None = None, arabic_family: str | None = None):
        super().__init__(parent)
        self.arabic_font = QFont(arabic_family or self.font().family())
        self.arabic_font.setPointSizeF(self.font().pointSizeF() * ARABIC_SCALE)
        self.store = store
        self.original = term
        self.saved: Term | None = None
        self.setWindowTitle("Add to my glossary" if term.id is None else "Edit glossary term")
        self.term_edit = self._rtl(QLineEdit(term.term))
        self.term_edit.setObjectName("termEdit")
        self.translation_edit = QLineEdit(term.translation)
        self.translation_edit.setObjectName("translationEdit")
        self.vocalized_edit = self._rtl(QLineEdit(term.vocalized))
        self.status_combo = QComboBox()
        self.status_combo.addItems(STATUSES)
        self.status_combo.setCurrentText(term.status)
        self.note_edit = QPlainTextEdit(term.note)
        self.note_edit.setFixedHeight(70)
        self.sentence_label = QLabel(term.sentence)
        self.sentence_label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.sentence_label.setFont(self.arabic_font)
        self.sentence_label.setWordWrap(True)
        self.sentence_translation_label = QLabel(term.sentence_translation)
        self.sentence_translation_label.setWordWrap(True)
        self.error_label = self._error_label()
        form = QFormLayout()
        form.addRow("&Term", self.term_edit)
        form.addRow("T&ranslation", self.translation_edit)
        form.addRow("&Vocalized", self.vocalized_edit)
        form.addRow("&Status", self.status_combo)
        form.addRow("&Note", self.note_edit)
        if term.sentence:
            form.addRow("Sentence", self.sentence_label)
        if term.sentence_translation:
            form.addRow("", self.sentence_translation_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.translation_edit if term.term else self.term_edit).setFocus()

    def _error_label(self) -> QLabel:
        """The label saying why a term was not saved. Its room (two lines, the dialog's width)
        is kept from the start, so that an error shows without moving the fields or resizing
        the dialog; a longer message is cut there and shown whole in the tooltip."""
        label = QLabel()
        label.setObjectName("errorLabel")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        label.setFixedHeight(2 * label.fontMetrics().lineSpacing() + 2 * label.margin())
        return label

    def show_error(self, text: str) -> None:
        """Show ``text`` (a sentence for the user) in the room kept for it."""
        self.error_label.setText(text)
        self.error_label.setToolTip(text)

    def _rtl(self, edit: QLineEdit) -> QLineEdit:
        edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        # Absolute: on a right-to-left widget a plain AlignRight is mirrored to the left edge.
        edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        edit.setFont(self.arabic_font)
        return edit

    def term(self) -> Term:
        """The term as edited (not yet saved)."""
        return replace(
            self.original, term=self.term_edit.text().strip(), translation=self.translation_edit.text().strip(),
            vocalized=self.vocalized_edit.text().strip(), status=self.status_combo.currentText(),
            note=self.note_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        term = self.term()
        try:
            self.saved = self.store.add(term) if term.id is None else self.store.update(term)
        except TermError as exc:
            log.info("term not saved: %s", exc)
            self.show_error(str(exc))
            return
        super().accept()
