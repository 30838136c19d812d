"""The reader window's status bar: the translation's progress (a text, and a bar while a job
runs), how many sentences are translated and how many of those the translation cache served,
and the model's name, state and backend; passing notes (:func:`gui.messages.note`) cover the
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
        self.counts_label = QLabel()
        self.counts_label.setToolTip("Sentences translated of those with Arabic text; "
                                     "those the translation cache served were not run through the model again.")
        self.model_label = QLabel()
        self.backend = ""
        self._model: tuple[ModelState, str] | None = None  # the state and name shown
        self.addWidget(self.progress_label, 1)
        self.addPermanentWidget(self.progress_bar)
        self.addPermanentWidget(self.counts_label)
        self.addPermanentWidget(self.model_label)

    def show_progress(self, text: str, done: int, total: int) -> None:
        """``text`` beside a bar at ``done`` of ``total`` sentences (no bar when ``total`` is 0)."""
        self.progress_label.setText(text)
        self.progress_bar.setVisible(total > 0)
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def show_counts(self, translated: int, total: int, cached: int) -> None:
        """"``translated``/``total`` translated", and how many of them came from the cache."""
        text = f"{translated}/{total} translated" if total else ""
        self.counts_label.setText(f"{text}, {cached} from the cache" if text and cached else text)

    def show_model(self, state: ModelState, model: str, message: str = "") -> None:
        """The model's id (a folder's name) and its backend when it is ready, else its state."""
        name = Path(model).name if is_local_model(model) else model
        self._model = (state, name)
        if state is ModelState.READY:
            self.model_label.setText(f"{name} · {self.backend}" if self.backend else name)
        else:
            self.model_label.setText(f"{name} ({state.value})")

    def show_backend(self, backend: str) -> None:
        """The backend the model runs on (shown beside the model's name once it is ready)."""
        self.backend = backend
        if self._model is not None:
            self.show_model(*self._model)
