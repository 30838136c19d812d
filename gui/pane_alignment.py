"""Side by side that lines up: each paragraph starts at the same height in both reading panes.

Both panes hold one QTextBlock per paragraph, in the same order. After any layout change (text
replaced, zoom, resize) the aligner gives each block a bottom margin so that paragraph ``i``'s
block is as tall in both panes: the taller one keeps :data:`PARAGRAPH_GAP` below it, the shorter
gets the difference in addition. Layout changes come in bursts (a translation batch, a drag of
the splitter), so the work is done once per burst, when the event loop is next idle."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextCursor

from gui.reading_pane import ReadingPane

#: Space below the taller paragraph of a pair (pixels).
PARAGRAPH_GAP = 10.0


def _content_heights(pane: ReadingPane, blocks: list[QTextBlock]) -> list[float]:
    """Height in pixels of each of ``blocks`` without its bottom margin: the distance from its
    top to the next block's top (which counts the extra leading of proportional line heights),
    less the margin; the last block's bounding rectangle."""
    layout = pane.document().documentLayout()
    tops = [layout.blockBoundingRect(b).top() for b in blocks]
    heights = [below - top - b.blockFormat().bottomMargin() for b, top, below in zip(blocks, tops, tops[1:])]
    if blocks:
        heights.append(layout.blockBoundingRect(blocks[-1]).height())
    return heights


def paragraph_blocks(pane: ReadingPane) -> list[QTextBlock]:
    """The pane's blocks, one per paragraph, in order."""
    blocks, block = [], pane.document().firstBlock()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


class ParagraphAligner(QObject):
    """Keeps the paragraph tops of ``panes`` (two :class:`ReadingPane`) at equal document y."""

    def __init__(self, *panes: ReadingPane, parent: QObject | None = None):
        super().__init__(parent)
        self.panes = panes
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.align)
        for pane in panes:
            pane.document().documentLayout().documentSizeChanged.connect(self._timer.start)
            pane.viewChanged.connect(self._timer.start)

    def align(self) -> None:
        """Set every paragraph block's bottom margin so that the pairs are equally tall. Does
        nothing while the panes hold different numbers of paragraphs (one is being rebuilt)."""
        columns = [paragraph_blocks(pane) for pane in self.panes]
        if len({len(blocks) for blocks in columns}) != 1:
            return
        heights = [_content_heights(pane, blocks) for pane, blocks in zip(self.panes, columns)]
        for pane, blocks, own in zip(self.panes, columns, heights):
            cursor = None
            for i, block in enumerate(blocks):
                margin = max(column[i] for column in heights) - own[i] + PARAGRAPH_GAP
                if abs(block.blockFormat().bottomMargin() - margin) < 0.5:
                    continue
                if cursor is None:
                    anchor = pane._scroll_anchor()  # margins above the viewport change: keep the view still
                    cursor = QTextCursor(pane.document())
                    cursor.beginEditBlock()
                fmt = block.blockFormat()
                fmt.setBottomMargin(margin)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
            if cursor is not None:
                cursor.endEditBlock()
                pane._keep_in_place(anchor)

    def paragraph_tops(self) -> list[list[float]]:
        """Document y (pixels) of each paragraph's top, one list per pane."""
        return [[pane.document().documentLayout().blockBoundingRect(b).top() for b in paragraph_blocks(pane)]
                for pane in self.panes]
