"""Opening articles in the window: File > Open… (every format of
:data:`models.documents.FORMATS`), File > Open URL… and ``qari URL`` (fetched off the GUI thread),
drag-and-drop, File > Recent and New from clipboard.

Every way in ends in :meth:`Opener.open_document` on success; on any failure the reason goes
through :mod:`gui.messages` and the current article stays."""
from __future__ import annotations

import logging
from pathlib import Path
from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMenu, QSizePolicy, QToolButton

from gui import messages
from gui.tasks import Runner
from gui.file_chooser import choose_path
from gui.segmenter import FIRST_CHARS
from gui.session import progress_text
from models.documents import FORMATS, Document, load_document
from models.documents.html import extract_article
from models.documents.url import is_url
from models.errors import DocumentError
from models.text.arabic import has_arabic

log = logging.getLogger(__name__)

#: How many documents File > Recent lists.
RECENT_COUNT = 10
#: The Open dialog's filter: all readable formats together, then each format, then any file.
OPEN_FILTER = ";;".join(
    [f"Articles ({' '.join('*' + e for f in FORMATS for e in f.extensions)})"]
    + [f"{f.description[0].upper()}{f.description[1:]}s ({' '.join('*' + e for e in f.extensions)})" for f in FORMATS]
    + ["All files (*)"]
)


def recent_sources(stored: str) -> list[str]:
    """The sources (paths or URLs) of the ``recent`` setting, most recent first."""
    return [line for line in stored.split("\n") if line]


def with_recent(stored: str, source: str) -> str:
    """The ``recent`` setting with ``source`` first, without duplicates, at most :data:`RECENT_COUNT`."""
    return "\n".join(list(dict.fromkeys([source, *recent_sources(stored)]))[:RECENT_COUNT])


#: Widest the address in "Fetching …" is shown in the status bar (pixels); the middle is elided.
FETCH_LABEL_PX = 240


class Opener(QObject):
    """Opens documents into ``window`` (a :class:`gui.main_window.MainWindow`): its
    ``open_document(document)`` shows one, ``settings`` keeps the ``recent`` list. Signals, on
    the GUI thread: ``fetched(document)`` when a URL was read, ``fetchFailed(url, message)`` when
    it could not be. ``tasks``: the window's task runner, which fetches URLs off the GUI thread
    (each on a thread of its own: :meth:`gui.tasks.TaskRunner.run_detached`)."""

    fetched = Signal(object)
    fetchFailed = Signal(str, str)

    def __init__(self, window: QMainWindow, tasks: Runner):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.tasks = tasks
        self.pending_url = ""
        self.cancel_button = QToolButton()  # in the status bar while a page is being fetched
        self.cancel_button.setObjectName("cancelFetchButton")
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop waiting for the page; the article shown stays")
        self.cancel_button.clicked.connect(self.cancel_fetch)
        self.cancel_button.hide()
        self.fetch_label = QLabel()  # "Fetching URL…", beside it (a status message would be overwritten)
        self.fetch_label.setObjectName("fetchLabel")
        self.fetch_label.setMinimumWidth(1)  # the window may be narrower than the label: it is then cut
        self.fetch_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.fetch_label.hide()
        window.statusBar().addPermanentWidget(self.fetch_label)
        window.statusBar().addPermanentWidget(self.cancel_button)
        self.fetched.connect(self._on_fetched)
        self.fetchFailed.connect(self._on_fetch_failed)
        self.recent_menu = QMenu("&Recent", window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)

    # -- files ----------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Open a file of any format (a URL being fetched is then not shown when it arrives); on
        failure say why and keep the current article (and a URL being fetched)."""
        try:
            document = load_document(Path(path), first_chars=FIRST_CHARS)  # the rest in the background
        except DocumentError as exc:
            messages.error(self.window, "Cannot open the file", str(exc))
            return False
        self._forget_fetch()
        self._show(document)
        return True

    def open_source(self, source: str | Path) -> bool:
        """Open a path now, or start fetching an http(s) URL (True: started; the result comes later)."""
        if isinstance(source, str) and is_url(source):
            self.open_url(source)
            return True
        return self.open_path(source)

    def choose_file(self) -> None:
        choose_path(self.window, "Open an Arabic article", self.open_path, OPEN_FILTER)

    def _show(self, document: Document) -> None:
        self.window.open_document(document)
        self.settings.set("recent", with_recent(self.settings.get("recent"), document.source))
        if document.notes:
            messages.error(self.window, "Opened with a problem", " ".join(document.notes))

    # -- URLs -----------------------------------------------------------------
    def choose_url(self) -> None:
        dialog = QInputDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setObjectName("urlDialog")
        dialog.setWindowTitle("Open URL")
        dialog.setLabelText("Address of an Arabic web page (http or https):")
        clipboard = QGuiApplication.clipboard().text().strip()
        dialog.setTextValue(clipboard if is_url(clipboard) else "https://")
        dialog.textValueSelected.connect(self.open_url)
        dialog.open()

    def open_url(self, url: str) -> None:
        """Fetch and read ``url`` in the background (the window stays responsive); the document
        is shown when it arrives, unless another URL was asked for meanwhile."""
        url = url.strip()
        if not is_url(url):
            messages.error(self.window, "Cannot open the URL", f"{url or 'The address'} is not an http or https address.")
            return
        self.pending_url = url
        log.info("fetching %s", url)
        shown = self.fetch_label.fontMetrics().elidedText(url, Qt.TextElideMode.ElideMiddle, FETCH_LABEL_PX)
        self.fetch_label.setText(f"Fetching {shown}" + ("…" if shown == url else ""))  # a long address must not crowd the bar
        self.fetch_label.setToolTip(url)
        self.fetch_label.show()
        self.cancel_button.show()
        # On a thread of its own: a server that never answers holds it until the fetch's own time
        # limit, and must hold neither the window's task threads nor its closing.
        self.tasks.run_detached(lambda: load_document(url), self.fetched.emit,
                                lambda exc: self._fetch_failed(url, exc), context=self)

    def _fetch_failed(self, url: str, exc: BaseException) -> None:
        if not isinstance(exc, DocumentError):  # a reader's bug must not pass silently
            log.error("reading %s failed", url, exc_info=exc)
        self.fetchFailed.emit(url, str(exc) if isinstance(exc, DocumentError) else f"{url} cannot be read: {exc}.")

    def _forget_fetch(self) -> None:
        """Show no URL that is being fetched: another document was asked for."""
        self.pending_url = ""
        self.cancel_button.hide()
        self.fetch_label.hide()

    def cancel_fetch(self) -> None:
        """Stop waiting for the URL being fetched: its page is not shown when it arrives (the
        request itself ends at its own time limit, off the GUI thread)."""
        url = self.pending_url
        self._forget_fetch()
        if url:
            messages.note(self.window, f"Stopped fetching {url}.")

    def _on_fetched(self, document: Document) -> None:
        if document.source != self.pending_url:
            return
        self._forget_fetch()
        messages.note(self.window, f"Opened {document.source}")
        self._show(document)

    def _on_fetch_failed(self, url: str, message: str) -> None:
        if url != self.pending_url:
            return
        self._forget_fetch()
        messages.error(self.window, "Cannot open the URL", message)

    def shutdown(self) -> None:
        """Forget a fetch under way: its page is not shown (the window's task runner ends it)."""
        self._forget_fetch()

    # -- drag-and-drop ----------------------------------------------------------
    @staticmethod
    def can_drop(mime: QMimeData) -> bool:
        return mime.hasUrls() and any(u.isLocalFile() or u.scheme() in ("http", "https") for u in mime.urls())

    def drop(self, mime: QMimeData) -> bool:
        """Open the first file (or web address) dropped; False when there was none."""
        for url in mime.urls():
            if url.isLocalFile():
                return self.open_path(url.toLocalFile())
            if url.scheme() in ("http", "https"):
                self.open_url(url.toString())
                return True
        return False

    # -- recent ---------------------------------------------------------------
    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        sources = recent_sources(self.settings.get("recent"))
        for source in sources:
            name = source if is_url(source) else Path(source).name
            action = self.recent_menu.addAction(name + progress_text(self.settings, source))
            action.setToolTip(source)
            action.setStatusTip(source)
            action.triggered.connect(lambda _checked=False, s=source: self.open_recent(s))
        if not sources:
            self.recent_menu.addAction("No recent documents").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("&Clear the list", lambda: self.settings.set("recent", ""))

    def open_recent(self, source: str) -> bool:
        """Open a document of the Recent list; a file that is gone is taken off the list, with a message."""
        if not is_url(source) and not Path(source).is_file():
            self.settings.set("recent", "\n".join(s for s in recent_sources(self.settings.get("recent")) if s != source))
            messages.error(self.window, "Cannot open the file",
                           f"{source} is no longer there (moved or deleted); it is taken off the Recent list.")
            return False
        return self.open_source(source)

    # -- clipboard --------------------------------------------------------------
    def open_clipboard(self) -> None:
        """A new document from the clipboard: its ``text/html`` through the web-page article
        extractor when it has one, else its plain text."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None else ""
        if mime is not None and mime.hasHtml():
            try:
                text = extract_article(mime.html(), "The clipboard").text
            except DocumentError as exc:
                log.info("clipboard HTML not read as an article (%s); using its plain text", exc)
        if not has_arabic(text):
            messages.error(self.window, "Nothing to open", "The clipboard holds no Arabic text. Copy an Arabic article first.")
            return
        self._forget_fetch()
        self.window.open_document(Document.from_text(text, source="clipboard"))


def add_menu_before(window: QMainWindow, menu: QMenu, action_name: str) -> None:
    """Insert ``menu`` as a submenu just before the action named ``action_name`` in its menu."""
    for action in window.menuBar().actions():
        for entry in action.menu().actions():
            if entry.objectName() == action_name:
                action.menu().insertMenu(entry, menu)
                return
    raise LookupError(action_name)

