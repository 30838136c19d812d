"""The :class:`Document`: an article's text, its sentences, and what was met while reading it."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from models.errors import DocumentError
from models.text.segmentation import Sentence, segment

SAMPLE_NAME = "ar-kerry-lavrov-syria-2016.txt"


@dataclass
class Document:
    """A text and its sentences.

    ``text`` is the decoded file with line ends normalized to ``\\n``; sentence offsets are
    character offsets into it. ``source`` is the file path or URL, or a label such as "clipboard".
    ``notes`` are sentences about problems met while reading (damaged bytes, no Arabic).
    ``chapters`` are ``(title, offset)`` of an e-book's chapters, ``offset`` a character offset
    into ``text``, in reading order; ``[]`` for other documents."""

    text: str
    source: str
    sentences: list[Sentence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # problems met while reading, for the user
    chapters: list[tuple[str, int]] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, source: str = "untitled") -> "Document":
        """Segment ``text``. Raises :class:`DocumentError` if it has no visible character."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip():
            raise DocumentError(f"{Path(source).name or source} contains no text.")
        return cls(text=text, source=source, sentences=segment(text))

    @property
    def paragraph_count(self) -> int:
        return self.sentences[-1].paragraph + 1 if self.sentences else 0


def sample_path() -> Path:
    """Path of the bundled sample article (Al Jazeera, 2016; its source line is the last line)."""
    return Path(str(resources.files("resources") / "samples" / SAMPLE_NAME))
