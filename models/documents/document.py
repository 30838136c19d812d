"""The :class:`Document`: an article's text, its sentences, and what was met while reading it."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from models.errors import DocumentError
from models.text.segmentation import Sentence, segment, segment_part

SAMPLE_NAME = "ar-kerry-lavrov-syria-2016.txt"


@dataclass
class Document:
    """A text and its sentences.

    ``text`` is the decoded file with line ends normalized to ``\\n``; sentence offsets are
    character offsets into it. ``source`` is the file path or URL, or a label such as "clipboard".
    ``notes`` are sentences about problems met while reading (damaged bytes, no Arabic).
    ``chapters`` are ``(title, offset)`` of an e-book's chapters, ``offset`` a character offset
    into ``text``, in reading order; ``[]`` for other documents. ``segmented_to``: the character
    offset up to which ``sentences`` cover the text (``len(text)`` once it is all segmented; a
    big document may be segmented part by part, :meth:`next_part`)."""

    text: str
    source: str
    sentences: list[Sentence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # problems met while reading, for the user
    chapters: list[tuple[str, int]] = field(default_factory=list)
    segmented_to: int = -1  # -1: all of it (set by __post_init__)

    def __post_init__(self):
        if self.segmented_to < 0:
            self.segmented_to = len(self.text)

    @classmethod
    def from_text(cls, text: str, source: str = "untitled", first_chars: int | None = None) -> "Document":
        """Segment ``text`` (only its whole lines up to about ``first_chars`` characters when
        given: :meth:`next_part` gives the rest). Raises :class:`DocumentError` if it has no
        visible character."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip():
            raise DocumentError(f"{Path(source).name or source} contains no text.")
        if first_chars is None:
            return cls(text=text, source=source, sentences=segment(text))
        sentences, stop = segment_part(text, 0, first_chars)
        return cls(text=text, source=source, sentences=sentences, segmented_to=stop)

    @property
    def segmented(self) -> bool:
        """All of the text is segmented."""
        return self.segmented_to >= len(self.text)

    def next_part(self, size: int) -> tuple[list[Sentence], int]:
        """The sentences of the next ``size`` characters (whole lines) after :attr:`segmented_to`,
        and where the part ends; changes nothing (safe on any thread while the text is read
        elsewhere). :meth:`add_part` adds them."""
        last = self.sentences[-1].paragraph if self.sentences else -1
        return segment_part(self.text, self.segmented_to, size, len(self.sentences), last)

    def add_part(self, sentences: list[Sentence], stop: int) -> None:
        """Append a part :meth:`next_part` gave (it must follow the sentences so far)."""
        self.sentences.extend(sentences)
        self.segmented_to = stop

    @property
    def paragraph_count(self) -> int:
        return self.sentences[-1].paragraph + 1 if self.sentences else 0


def sample_path() -> Path:
    """Path of the bundled sample article (Al Jazeera, 2016; its source line is the last line)."""
    return Path(str(resources.files("resources") / "samples" / SAMPLE_NAME))
