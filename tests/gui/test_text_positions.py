"""Code-point offsets and Qt's UTF-16 positions, in a real QTextDocument."""
from PySide6.QtGui import QTextCursor, QTextDocument

from gui.text_positions import TextPositions, utf16_length

TEXT = "a😀b 𝐀 قال"  # two characters outside the BMP (an emoji, a mathematical bold A)


def test_positions_agree_with_a_qt_document():
    doc = QTextDocument()
    doc.setPlainText(TEXT)
    positions = TextPositions(TEXT)
    assert utf16_length(TEXT) == doc.characterCount() - 1 == len(TEXT) + 2
    for offset, ch in enumerate(TEXT):
        cursor = QTextCursor(doc)
        cursor.setPosition(positions.to_position(offset))
        cursor.setPosition(positions.to_position(offset + 1), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == ch
        assert positions.to_offset(positions.to_position(offset)) == offset
    assert positions.to_offset(2) == 1  # between the halves of the emoji: the emoji
    assert positions.to_position(len(TEXT)) == utf16_length(TEXT)


def test_plain_text_is_the_identity():
    positions = TextPositions("قال كيري")
    assert [positions.to_position(i) for i in range(9)] == list(range(9))
    assert positions.to_offset(4) == 4
