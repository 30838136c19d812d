"""A draft check (:class:`models.drafts.checks.DraftCheck`) for translation tools: XLIFF 2.0 and TMX.

- :func:`report_xliff`: an XLIFF 2.0 document (OASIS, 2014), source language ``ar``, target
  ``en``, one ``<unit id="lN">`` per sentence link in document order, its ``<source>`` the Arabic
  sentence(s) and its ``<target>`` the draft sentence(s) (either may be empty: an omission, an
  addition), each flag a ``<note category="KIND">message</note>`` in the unit's ``<notes>``.
  The notes are put at unit level, before the segment, as the XLIFF 2.0 core schema requires
  (section 4.3.1.2); translate-toolkit's own ``addnote`` puts them inside the segment.
- :func:`aligned_tmx`: a TMX 1.4 translation memory of the aligned pairs (links with text on
  both sides), for a CAT tool's memory.

Both are written with translate-toolkit (``translate.storage.xliff2``, ``translate.storage.tmx``;
GPL-3.0-or-later) and are UTF-8 bytes.
"""
from __future__ import annotations

from lxml import etree
from translate.storage import tmx, xliff2

from models.drafts.checks import DraftCheck

SOURCE_LANGUAGE = "ar"
TARGET_LANGUAGE = "en"
XLIFF2_NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"


def _texts(check: DraftCheck, k: int) -> tuple[str, str]:
    link = check.links[k]
    return (" ".join(check.source_sentences[i].text for i in link.source),
            " ".join(check.draft_sentences[j].text for j in link.draft))


def report_xliff(check: DraftCheck) -> bytes:
    """The check as an XLIFF 2.0 document (module doc)."""
    document = xliff2.Xliff2File()
    document.setsourcelanguage(SOURCE_LANGUAGE)
    document.settargetlanguage(TARGET_LANGUAGE)
    for k, flags in enumerate(check.flags):
        source, draft = _texts(check, k)
        unit = document.addsourceunit(source)
        unit.setid(f"l{k + 1}")
        if draft:
            unit.target = draft
        if flags:
            element = unit.getunitelement()
            notes = etree.Element(f"{{{XLIFF2_NAMESPACE}}}notes")
            for flag in flags:
                note = etree.SubElement(notes, f"{{{XLIFF2_NAMESPACE}}}note", category=flag.kind)
                note.text = flag.message
            element.insert(0, notes)
    return bytes(document)


def xliff_notes(unit: xliff2.Xliff2Unit) -> list[tuple[str, str]]:
    """(category, text) of the unit-level notes of an XLIFF 2.0 unit read by translate-toolkit."""
    notes = unit.getunitelement().find(f"{{{XLIFF2_NAMESPACE}}}notes")
    if notes is None:
        return []
    return [(note.get("category", ""), note.text or "") for note in notes.iterchildren(f"{{{XLIFF2_NAMESPACE}}}note")]


def aligned_tmx(check: DraftCheck) -> bytes:
    """The aligned sentence pairs of the check as a TMX 1.4 memory (module doc)."""
    memory = tmx.tmxfile(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=TARGET_LANGUAGE)
    for k, link in enumerate(check.links):
        source, draft = _texts(check, k)
        if link.source and link.draft and source.strip() and draft.strip():
            memory.addtranslation(source, SOURCE_LANGUAGE, draft, TARGET_LANGUAGE)
    return bytes(memory)
