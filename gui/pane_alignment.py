"""Side by side that lines up: each paragraph starts at the same height in both reading panes.

Both panes hold one QTextBlock per paragraph, in the same order. After any layout change (text
replaced, zoom, resize) the aligner gives each block a bottom margin so that paragraph ``i``'s
block is as tall in both panes: the taller one keeps :data:`PARAGRAPH_GAP` below it, the shorter
gets the difference in addition. Layout changes come in bursts (a translation batch, a drag of
the splitter), so the work is done once per burst, when the event loop is next idle: the pairs on
screen at once, then the others in order in slices of at most :data:`ALIGN_BUDGET_S` (a book has
tens of thousands of paragraphs; a pair's margins depend on that pair alone). A change of text
takes the sweep back to the paragraph it is in (text appended to a book being laid out leaves
the pairs before it alone); a change of layout alone (zoom, font, width) takes it back to the
first pair. Qt lays out again every block after one whose margin changes (16 ms after a change
near the top of 20,000 blocks), so lining up pairs far down only once, as they come, matters."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock, QTextCursor

from gui.reading_pane import ReadingPane
from gui.text_layout import block_at_y

#: Space below the taller paragraph of a pair (pixels).
PARAGRAPH_GAP = 10.0
#: Longest the GUI thread spends lining up paragraphs off screen before the event loop runs (s).
ALIGN_BUDGET_S = 0.005
#: Paragraph pairs lined up at a time.
PAIRS_AT_ONCE = 64


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
        self._next = 0  # the first pair of paragraphs the sweep has not lined up since the last change
        self._aligning = False
        self._text_changed = False  # text changed since the last turn (a size change is then its)
        for pane in panes:
            pane.document().contentsChange.connect(lambda position, _removed, _added, pane=pane:
                                                   self._text_changed_at(pane, position))
            pane.document().documentLayout().documentSizeChanged.connect(self._layout_changed)
            pane.viewChanged.connect(self._schedule)  # scrolled: the pairs now on screen

    def _schedule(self) -> None:
        """Line up on the next turn of the event loop. A timer already started is left to fire:
        restarting it at each change would put the lining up off for as long as changes keep
        coming (a book appended a slice at a time: for seconds, the pairs on screen too)."""
        if not self._timer.isActive():
            self._timer.start()

    def _text_changed_at(self, pane: ReadingPane, position: int) -> None:
        if not self._aligning:  # not the margins just set
            self._text_changed = True
            self._next = min(self._next, pane.document().findBlock(position).blockNumber())
            self._schedule()

    def _layout_changed(self, *_) -> None:
        if not self._aligning and not self._text_changed:  # zoom, font or width: every pair again
            self._next = 0
        self._schedule()

    def align(self) -> None:
        """Line up the paragraph pairs on screen, then the next pairs of the sweep for at most
        :data:`ALIGN_BUDGET_S`; again on the next turn of the event loop until every pair of
        paragraphs in both panes is done (while one pane is being laid out, the pairs the two
        have so far)."""
        self._text_changed = False
        count = min(pane.document().blockCount() for pane in self.panes)
        for pane in self.panes:
            bar = pane.verticalScrollBar()
            top = block_at_y(pane.document(), bar.value()).blockNumber()
            bottom = block_at_y(pane.document(), bar.value() + pane.viewport().height()).blockNumber()
            self._align_pairs(top, min(count, bottom + 1))
        deadline = time.perf_counter() + ALIGN_BUDGET_S
        while self._next < count and time.perf_counter() < deadline:
            self._align_pairs(self._next, min(count, self._next + PAIRS_AT_ONCE))
            self._next += PAIRS_AT_ONCE
        if self._next < count:
            self._timer.start()

    def _align_pairs(self, first: int, stop: int) -> None:
        """Set the bottom margins of paragraph pairs ``first`` to ``stop`` (block numbers)."""
        if first >= stop:
            return
        columns = [[pane.document().findBlockByNumber(i) for i in range(first, min(stop + 1, pane.document().blockCount()))]
                   for pane in self.panes]
        heights = [_content_heights(pane, blocks) for pane, blocks in zip(self.panes, columns)]
        for pane, blocks, own in zip(self.panes, columns, heights):
            cursor = None
            for i, block in enumerate(blocks[:stop - first]):
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
                self._aligning = True
                try:
                    cursor.endEditBlock()
                    pane._keep_in_place(anchor)
                finally:
                    self._aligning = False

    def paragraph_tops(self) -> list[list[float]]:
        """Document y (pixels) of each paragraph's top, one list per pane."""
        return [[pane.document().documentLayout().blockBoundingRect(b).top() for b in paragraph_blocks(pane)]
                for pane in self.panes]
