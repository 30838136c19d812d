"""The reader window's status bar: the translation's progress (a text, and a bar while a job
runs) and the model's name and state; passing notes (:func:`gui.messages.note`) cover the
progress text for a few seconds."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from gui.translation_controller import ModelState
from models.translation.model_files import is_local_model


class StatusBar(QStatusBar):
    """Slots ``show_progress`` and ``show_model`` take the signals of
    :class:`gui.translation_controller.TranslationController`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.model_label = QLabel()
        self.addWidget(self.progress_label, 1)
        self.addPermanentWidget(self.progress_bar)
        self.addPermanentWidget(self.model_label)

    def show_progress(self, text: str, done: int, total: int) -> None:
        """``text`` beside a bar at ``done`` of ``total`` sentences (no bar when ``total`` is 0)."""
        self.progress_label.setText(text)
        self.progress_bar.setVisible(total > 0)
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def show_model(self, state: ModelState, model: str, message: str = "") -> None:
        """The model's id (a folder's name) and, unless it is ready, its state."""
        name = Path(model).name if is_local_model(model) else model
        self.model_label.setText(name if state is ModelState.READY else f"{name} ({state.value})")
