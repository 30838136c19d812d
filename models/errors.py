"""The core's one exception base: every error the core raises for the user derives from
:class:`QariError`, and ``str(error)`` is a plain sentence to show as it is (in the window's
message channel, or on one line of stderr from a command)."""
from __future__ import annotations


class QariError(Exception):
    """An error the user must be told about. ``str(error)`` is a complete sentence for the user,
    naming what went wrong and, where there is one, what to do; never a traceback or a repr."""


class DocumentError(QariError):
    """A file, URL or pasted text could not be opened as an article."""


class ModelUnavailable(QariError):
    """A translation model could not be found, loaded or fetched. ``model`` is the hub id or
    folder asked for."""

    def __init__(self, message: str, model: str) -> None:
        super().__init__(message)
        self.model = model


class DownloadCancelled(QariError):
    """The user stopped a model download (``should_stop`` returned True)."""


class LexiconDataError(QariError):
    """The Buckwalter lexicon data files are missing or malformed."""


class TermError(QariError):
    """A term of the learner's glossary cannot be stored (empty, no Arabic word, duplicate, bad
    status, unreadable file)."""


class DraftTooLong(QariError, ValueError):
    """A draft is far longer than any translation of its source could be (see
    :mod:`models.drafts.checks`)."""
