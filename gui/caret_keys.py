"""Arrow keys in reading order for a right-to-left pane.

Qt maps Left and Right to the direction of the *paragraph* the caret is in: in a right-to-left
paragraph Left moves to the next character, in a left-to-right one to the previous. Where an
Arabic paragraph meets a left-to-right one (an English caption, a dateline), the end of the first
and the start of the second are both at the left edge: Left takes the caret across the boundary
and the next Left takes it back, so the caret is stuck there for good. In the Arabic pane the
keys follow the pane's direction instead: Left moves forward in reading order (the next
character or word), Right backward, in every paragraph (Lute's issue #165 shows the opposite
mapping confusing readers)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QTextEdit

Move = QTextCursor.MoveOperation
#: (key, Ctrl held) -> move in a right-to-left pane.
RTL_MOVES = {
    (Qt.Key.Key_Left, False): Move.NextCharacter,
    (Qt.Key.Key_Right, False): Move.PreviousCharacter,
    (Qt.Key.Key_Left, True): Move.NextWord,
    (Qt.Key.Key_Right, True): Move.PreviousWord,
}


class ReadingOrderArrows(QObject):
    """Event filter on ``pane`` (a right-to-left :class:`QTextEdit`) that moves its caret by
    :data:`RTL_MOVES`; Shift extends the selection."""

    def __init__(self, pane: QTextEdit):
        super().__init__(pane)
        self.pane = pane
        pane.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if modifiers & ~(Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return False  # Alt+arrows and the like are someone else's
        move = RTL_MOVES.get((Qt.Key(event.key()), ctrl))
        if move is None:
            return False
        cursor = self.pane.textCursor()
        mode = QTextCursor.MoveMode.KeepAnchor if modifiers & Qt.KeyboardModifier.ShiftModifier else QTextCursor.MoveMode.MoveAnchor
        cursor.movePosition(move, mode)
        self.pane.setTextCursor(cursor)
        self.pane.ensureCursorVisible()
        return True
