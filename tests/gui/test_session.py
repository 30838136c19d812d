"""A second window opens where the first was closed: article, top sentence, splitter, zoom, theme."""
from gui import colors
from gui.main_window import MainWindow
from gui.translation_controller import TranslationController
from gui.session import scroll_to_sentence, stored_progress, top_sentence
from models.documents import sample_path
from tests.gui.test_appearance import pane_colours, restore_theme  # noqa: F401 (a fixture)

MODEL = "Helsinki-NLP/opus-mt-ar-en"  # not on this computer: the article is read without translation


def test_session_restore_across_two_windows(make_window, qtbot, settings, restore_theme):  # noqa: F811
    first = make_window(MODEL)
    assert first.session.restore(first.open_path) is False  # nothing read yet
    assert first.open_path(sample_path())
    first.resize(700, 450)  # inside the offscreen screen (800 x 600)
    first.splitter.setSizes([450, 250])
    sizes = first.splitter.sizes()
    first.zoom(+2)
    settings.set("theme", "dark")
    bar = first.arabic_pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    target = first.arabic_pane.model.rowCount() // 2
    scroll_to_sentence(first.arabic_pane, target)
    assert bar.value() > 0 and top_sentence(first.arabic_pane) == target
    point_size = first.arabic_pane.font().pointSizeF()
    assert point_size == settings.get("arabic_size") + 2  # zoomed, and kept through the change of theme
    first.close()
    assert settings.get("last_article") == str(sample_path().resolve()) and settings.get("last_sentence") == target

    colors.use_theme("light")  # as a new process starts
    second = MainWindow(settings, TranslationController(settings, cache=first.translation.cache))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    try:
        check_second(second, first, sizes, target, point_size)
    finally:
        second.translation.shutdown()


def check_second(second, first, sizes, target, point_size):
    assert (second.width(), second.height()) == (700, 450)
    assert second.splitter.sizes() == sizes
    assert second.session.restore(second.open_path)
    assert second.sentences.document.source == first.sentences.document.source
    assert top_sentence(second.arabic_pane) == target
    assert second.arabic_pane.font().pointSizeF() == point_size
    assert colors.theme() == "dark" and pane_colours(second.arabic_pane)[0] == colors.qcolor("paper")


def test_pasted_text_is_not_remembered_as_the_last_article(make_window, settings):
    from models.documents import Document

    window = make_window(MODEL)
    window.open_document(Document.from_text("مرحبا بكم.", source="clipboard"))
    window.close()
    assert settings.get("last_article") == ""


def test_recent_lists_how_far_the_reader_got_and_reopens_there(make_window, qtbot, settings, tmp_path):
    """Across two windows: the first reads two articles, the second lists them with the share
    of each read and opens the first where it was left."""
    long_article, short_article = tmp_path / "long.txt", tmp_path / "short.txt"
    long_article.write_text("\n\n".join(f"هذه الجملة رقم {n} في المقالة الطويلة." for n in range(200)), encoding="utf-8")
    short_article.write_text("جملة واحدة فقط.", encoding="utf-8")
    first = make_window(MODEL)
    assert first.open_path(long_article)
    first.reading.go_to(79)  # the 80th of 200 sentences: 40 %
    top, last_seen = top_sentence(first.arabic_pane), first.arabic_pane.visible_sentences()[-1]
    assert 0 < top <= 79 <= last_seen < 100  # the furthest on screen counts as reached
    assert first.open_path(short_article)  # the long one's progress is kept as it goes
    first.close()

    second = make_window(MODEL)  # the same settings, as a new process
    menu = second.opener.recent_menu
    menu.aboutToShow.emit()
    labels = {a.toolTip(): a.text() for a in menu.actions() if a.toolTip() and a.toolTip() != "Clear the list"}
    assert labels == {str(short_article): "short.txt — 100%",
                      str(long_article): f"long.txt — {round(100 * (last_seen + 1) / 200)}%"}
    next(a for a in menu.actions() if a.toolTip() == str(long_article)).trigger()
    assert second.sentences.document.source == str(long_article)
    assert top_sentence(second.arabic_pane) == top  # where it was left

    long_article.write_text("مقالة أخرى الآن.", encoding="utf-8")  # changed since: opened at its start
    assert second.open_path(long_article)
    assert top_sentence(second.arabic_pane) == 0
    assert stored_progress("not JSON") == {} and stored_progress('{"a.txt": {"page": 3}}') == {}
