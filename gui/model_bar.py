"""The bar above the translation pane that says what the model is doing and, when it is
missing, offers to download it or to use a model folder."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from gui.translation_controller import ModelState
from models.translation.model_files import is_local_model
from models.translation.settings import DEFAULT_MODEL

#: Size of the opus-mt-ar-en download (pytorch_model.bin or model.safetensors, ~300 MB, plus
#: tokenizer files), as listed on its model card.
DOWNLOAD_LABEL = "Download model (about 300 MB)"


def download_label(model: str) -> str | None:
    """The download button's text for ``model``; None for a folder (nothing to download)."""
    if is_local_model(model):
        return None
    return DOWNLOAD_LABEL if model == DEFAULT_MODEL else "Download model"


class ModelBar(QFrame):
    """States: hidden (model ready), ``show_loading``, ``show_missing``, ``show_download``;
    :meth:`show_state` picks one for a :class:`ModelState`."""

    downloadRequested = Signal()
    folderRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("modelBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.download_button = QPushButton(DOWNLOAD_LABEL, self)
        self.folder_button = QPushButton("Use a model folder…", self)
        self.cancel_button = QPushButton("Cancel", self)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        buttons = QHBoxLayout()
        for w in (self.download_button, self.folder_button, self.progress, self.cancel_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.download_button.clicked.connect(self.downloadRequested)
        self.folder_button.clicked.connect(self.folderRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.hide()

    def _show(self, text: str, *, choices: bool = False, download: bool = False) -> None:
        self.message.setText(text)
        self.download_button.setVisible(choices)
        self.folder_button.setVisible(choices)
        self.progress.setVisible(download)
        self.cancel_button.setVisible(download)
        self.show()

    def show_state(self, state: ModelState, model: str, message: str = "") -> None:
        """Show where ``model`` stands (``message``: why it is missing)."""
        if state is ModelState.READY:
            self.hide()
        elif state is ModelState.LOADING:
            self.show_loading(model)
        elif state is ModelState.MISSING:
            self.show_missing(message, download_label(model))
        else:
            self.show_download(model)

    def show_loading(self, model: str) -> None:
        self._show(f"Loading the translation model {model}…")

    def show_missing(self, message: str, download_label: str | None = DOWNLOAD_LABEL) -> None:
        """Say why there is no model; offer the download (when ``download_label``) and a folder."""
        self._show(message, choices=True)
        self.download_button.setVisible(download_label is not None)
        if download_label:
            self.download_button.setText(download_label)

    def show_download(self, model: str) -> None:
        self.progress.setRange(0, 0)  # busy until the first size is known
        self._show(f"Downloading {model}…", download=True)

    def set_download_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
            self.progress.setFormat(f"{done / 1e6:.0f} of {total / 1e6:.0f} MB")
