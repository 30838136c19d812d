"""Opening articles in the window: every format from File > Open… and by drag-and-drop, a URL
fetched in the background (File > Open URL…, ``qari URL``) from a server on 127.0.0.1 only,
File > Recent, and HTML from the clipboard."""
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from gui.opening import OPEN_FILTER, RECENT_COUNT
from models.documents import FORMATS, sample_path
from tests.support.documents import docx_bytes, epub_bytes, html_page, sample_paragraphs, write
from tests.support.http_server import serving
from tests.conftest import REPO

NO_MODEL = "Helsinki-NLP/opus-mt-ar-en"
TITLE, PARAGRAPHS = sample_paragraphs()
ARTICLE = PARAGRAPHS[2:5]
PAGES = {
    "/article.html": ("text/html; charset=utf-8", html_page(TITLE, ARTICLE)),
    "/article.html?again": ("text/html; charset=utf-8", html_page(TITLE, ARTICLE)),
    "/photo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
}


@pytest.fixture(scope="module")
def server():
    with serving(PAGES) as base:
        yield base


def error_box(window) -> QMessageBox | None:
    return next((box for box in window.findChildren(QMessageBox, "errorBox") if box.isVisible()), None)


def close_boxes(window) -> None:
    for box in window.findChildren(QMessageBox, "errorBox"):
        box.close()
        box.deleteLater()


def words(text: str) -> list[str]:
    return text.split()


def test_open_dialog_offers_every_format(make_window, qtbot):
    window = make_window(NO_MODEL)
    window.findChild(type(window.stop_action), "openAction").trigger()
    dialog = window.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()
    first = dialog.nameFilters()[0]
    for fmt in FORMATS:
        for extension in fmt.extensions:
            assert f"*{extension}" in first and f"*{extension}" in OPEN_FILTER
    assert dialog.nameFilters()[-1] == "All files (*)"
    dialog.reject()


def drop(window, *urls: QUrl) -> bool:
    mime = QMimeData()
    mime.setUrls(list(urls))
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return True


def test_dropping_a_file_of_each_format_opens_it(make_window, qtbot, tmp_path):
    window = make_window(NO_MODEL)
    files = {
        "page.html": html_page(TITLE, ARTICLE),
        "book.epub": epub_bytes([("الفصل الأول", ARTICLE[:1]), ("الفصل الثاني", ARTICLE[1:2])]),
        "letter.docx": docx_bytes(ARTICLE[:2]),
        "plain.txt": "\n".join(ARTICLE).encode(),
    }
    for name, data in files.items():
        path = write(tmp_path / name, data)
        assert drop(window, QUrl.fromLocalFile(str(path)))
        assert window.sentences.document.source == str(path)
        assert " ".join(words(ARTICLE[0])) in " ".join(words(window.arabic_pane.toPlainText()))
        assert window.windowTitle() == f"{name} — Qari"
    assert not drop(window, QUrl("ftp://example.org/a.txt"))  # refused at the door


def test_a_url_opens_in_the_background_and_the_window_stays_responsive(make_window, qtbot, server):
    window = make_window(NO_MODEL)
    # Nothing open yet (as while a URL given at start-up is fetched): the pane says how to open one.
    assert window.sentences.document is None and window.arabic_pane.document().isEmpty()
    assert "Ctrl+O" in window.arabic_pane.placeholderText()
    window.open_path(sample_path())
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    assert window.opener.open_source(f"{server}/slow")  # started, not finished
    label = window.opener.fetch_label
    assert label.isVisible() and label.text() == f"Fetching {server}/slow…" and label.toolTip() == f"{server}/slow"
    window.opener.open_url(f"{server}/slow#" + "a-long-address-" * 30)  # (the fragment is not sent)
    assert "…" in label.text() and label.fontMetrics().horizontalAdvance(label.text()) < 400  # elided
    # The label holds the window no wider than it can be without a fetch: only Cancel adds to it.
    fetching = window.minimumSizeHint().width()
    window.opener.cancel_fetch()
    assert fetching <= window.minimumSizeHint().width() + window.opener.cancel_button.sizeHint().width() + 20
    window.opener.open_url(f"{server}/slow")
    assert not window.opener.open_path(REPO / "tests" / "fixtures" / "no-such-file.pdf")  # a file that fails
    assert window.opener.pending_url == f"{server}/slow" and label.isVisible()  # leaves the fetch alone
    close_boxes(window)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the server does not answer; the event loop runs on
    assert window.opener.pending_url == f"{server}/slow"
    assert window.sentences.document.source == str(sample_path())
    cancel = window.opener.cancel_button
    assert cancel.isVisible()  # a slow page can be given up
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert window.opener.pending_url == "" and not cancel.isVisible()
    assert window.statusBar().currentMessage() == f"Stopped fetching {server}/slow."
    assert not window.opener.fetch_label.isVisible()
    assert window.sentences.document.source == str(sample_path())  # the article shown stays
    for _ in range(4):  # pages given up hold no thread of the window's other work
        window.opener.open_url(f"{server}/slow")
        window.opener.cancel_fetch()
    done = []
    window.tasks.run(lambda: 42, done.append)
    qtbot.waitUntil(lambda: done == [42], timeout=5000)
    window.opener.open_source(f"{server}/slow")
    window.opener.open_url(f"{server}/article.html")  # a newer request wins over the slow one
    qtbot.waitUntil(lambda: window.sentences.document.source == f"{server}/article.html", timeout=20000)
    paragraphs = window.sentences.document.text.split("\n\n")
    assert paragraphs[0] == TITLE and [words(p) for p in paragraphs[1:]] == [words(p) for p in ARTICLE]
    assert window.windowTitle() == f"{server}/article.html — Qari"
    assert error_box(window) is None and not cancel.isVisible()

    again = f"{server}/article.html?again"
    with qtbot.waitSignal(window.opener.fetched, timeout=20000, check_params_cb=lambda doc: doc.source == again):
        window.opener.open_url(again)
        window.open_path(sample_path())  # asked for after the URL: the file stays when the page arrives
    assert window.sentences.document.source == str(sample_path()) and error_box(window) is None


@pytest.mark.parametrize(("path", "message"), [("/gone", "was not found (HTTP 404)"),
                                               ("/photo.png", "the server sent image/png")])
def test_a_url_that_fails_says_why_and_keeps_the_article(make_window, qtbot, server, path, message):
    window = make_window(NO_MODEL)
    window.open_path(sample_path())
    window.opener.open_url(server + path)
    qtbot.waitUntil(lambda: error_box(window) is not None, timeout=20000)
    assert message in error_box(window).text() and error_box(window).windowTitle() == "Cannot open the URL"
    assert window.sentences.document.source == str(sample_path())
    assert "خلافات أميركية" in window.arabic_pane.toPlainText()
    close_boxes(window)


def test_open_url_dialog(make_window, qtbot, server):
    window = make_window(NO_MODEL)
    window.findChild(type(window.stop_action), "openUrlAction").trigger()
    dialog = window.findChild(QInputDialog, "urlDialog")
    assert dialog is not None and dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal
    dialog.setTextValue(f"  {server}/article.html ")
    dialog.accept()
    qtbot.waitUntil(lambda: window.sentences.document is not None
                    and window.sentences.document.source == f"{server}/article.html", timeout=20000)
    window.opener.open_url("www.example.org")  # no scheme: said at once, nothing fetched
    assert "is not an http or https address" in error_box(window).text()
    close_boxes(window)


def test_recent_is_shared_by_windows_most_recent_first(make_window, qtbot, tmp_path, server):
    first = make_window(NO_MODEL)
    paths = [write(tmp_path / f"a{n}.txt", f"مقالة رقم {n}.".encode()) for n in range(RECENT_COUNT + 2)]
    for path in paths:
        first.open_path(path)
    first.opener.open_url(f"{server}/article.html")
    qtbot.waitUntil(lambda: first.sentences.document.source == f"{server}/article.html", timeout=20000)
    first.open_path(paths[3])  # opened again: moves to the top, no duplicate

    second = make_window(NO_MODEL)  # the same settings
    menu = second.opener.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.toolTip() and not a.isSeparator() and a.isEnabled()][:RECENT_COUNT]
    sources = [a.toolTip() for a in entries]
    assert sources[:2] == [str(paths[3]), f"{server}/article.html"]
    assert sources[2:] == [str(p) for p in reversed(paths) if p != paths[3]][:RECENT_COUNT - 2]
    assert entries[0].text() == "a3.txt — 100%"  # its one sentence was on screen
    assert menu.menuAction() in next(a.menu() for a in second.menuBar().actions() if a.text() == "&File").actions()

    entries[1].trigger()  # a URL from the list is fetched again
    qtbot.waitUntil(lambda: second.sentences.document is not None
                    and second.sentences.document.source == f"{server}/article.html", timeout=20000)
    paths[3].unlink()
    second.open_path(paths[-1])
    menu.aboutToShow.emit()
    gone = next(a for a in menu.actions() if a.toolTip() == str(paths[3]))
    gone.trigger()  # a missing file: said, taken off the list, the article kept
    assert "no longer there" in error_box(second).text()
    assert second.sentences.document.source == str(paths[-1])
    menu.aboutToShow.emit()
    assert str(paths[3]) not in [a.toolTip() for a in menu.actions()]
    assert str(paths[3]) not in first.settings.get("recent")
    close_boxes(second)


def test_clipboard_html_goes_through_the_article_extractor(make_window, qtbot):
    window = make_window(NO_MODEL)
    mime = QMimeData()
    mime.setHtml(html_page(TITLE, ARTICLE).decode())
    mime.setText("قائمة " + " ".join(ARTICLE))  # what a browser puts beside it: menus and all
    QGuiApplication.clipboard().setMimeData(mime)
    window.opener.open_clipboard()
    doc = window.sentences.document
    assert doc.source == "clipboard"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == TITLE and [words(p) for p in paragraphs[1:]] == [words(p) for p in ARTICLE]
    assert "جميع الحقوق محفوظة" not in doc.text and "الرئيسية" not in doc.text  # footer and menu left out

    QGuiApplication.clipboard().setText("مرحبا بكم في القارئ. هذه جملة ثانية.")  # plain text only
    window.opener.open_clipboard()
    assert window.sentences.document.text == "مرحبا بكم في القارئ. هذه جملة ثانية."


@pytest.mark.slow
def test_the_command_line_opens_a_url(tmp_path, server):
    """``qari URL``: the window comes up, the page is fetched and shown (it joins File > Recent)."""
    import os
    import signal
    import subprocess
    import sys
    import time


    from tests.support.waiting import RunClock, wait_for_exit

    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), HF_HUB_OFFLINE="1")
    url = f"{server}/article.html"
    stderr = tmp_path / "stderr.txt"
    with stderr.open("w") as err, subprocess.Popen([sys.executable, "main.py", url, "--model", NO_MODEL], cwd=REPO,
                                                   env=env, stdout=subprocess.DEVNULL, stderr=err) as process:
        try:
            clock, recent = RunClock(), ""  # 60 s, less the time other processes took the cores
            while clock.elapsed() < 60 and url not in recent:
                time.sleep(0.2)
                recent = "".join(p.read_text() for p in tmp_path.rglob("*.conf"))
            process.send_signal(signal.SIGINT)
            status = wait_for_exit(process, 60)
        finally:
            process.kill()
    err = stderr.read_text()
    assert url in recent
    assert status == 0, err
    assert "Traceback" not in err
