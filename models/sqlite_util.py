"""One write transaction on a ``sqlite3`` connection opened with ``isolation_level=None``."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def transaction(db: sqlite3.Connection, immediate: bool = True) -> Iterator[None]:
    """``BEGIN [IMMEDIATE]``, then ``COMMIT``, or ``ROLLBACK`` and re-raise on an exception.
    IMMEDIATE takes the write lock at once, so two writers never deadlock half way.

    Inside a transaction already open on ``db``, a savepoint instead (``SAVEPOINT`` …
    ``RELEASE``): an exception undoes what was done inside this block only, and the enclosing
    transaction goes on."""
    if db.in_transaction:
        db.execute("SAVEPOINT nested")
        try:
            yield
        except BaseException:
            db.execute("ROLLBACK TO nested")
            db.execute("RELEASE nested")
            raise
        db.execute("RELEASE nested")
        return
    db.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
