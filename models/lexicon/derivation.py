"""Derived nouns of the lexicon's verbs: participles and verbal nouns the lexicon does not list.

Buckwalter 1.0 (2002) lists a verb's participles and verbal nouns (masdars) only when its
compilers met them; news text uses many more (مُسْتَعْرِض, مُكافِح, تَرَيُّث, تَلْطِيف). Arabic
derives them regularly from the verb (Wright, *A Grammar of the Arabic Language*, 3rd ed., 1896,
vol. I §§ 195-233; Ryding, *A Reference Grammar of Modern Standard Arabic*, 2005, ch. 5, 11, 12):
the form of the verb (I-X, and the quadriliteral forms) is read from the shape of its perfect
stem, checked against the root under which ``dictStems`` lists it, and the patterns of that form
give

* the active participle (form X: مُسْتَفْعِل, form I: فاعِل),
* the passive participle (form X: مُسْتَفْعَل, form I: مَفْعُول),
* the verbal noun of forms II-X and the quadriliteral form (form II: تَفْعِيل; form I's verbal
  nouns are not predictable and are not made),
* the imperfect passive (يُفْعَل) of a verb whose passive the lexicon does not list,

with the usual changes of the hollow (قام), defective (رمى), doubled (ردّ) and hamzated
(سأل، قرأ) roots. Each candidate is a stem with a category of the lexicon's own tables (a
participle takes the suffixes of ``Nall``: ة، ون، ين، ات and the possessive pronouns), so that
clitics and suffixes work as for a lexicon noun. Its gloss is made from the verb's English
senses ("review" -> "reviewing; one who reviews"), and :class:`Derivation` says where it comes
from. These readings are guesses from regular patterns, ranked after the lexicon's own and shown
as derived (:mod:`models.lexicon.lookup`).
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import lru_cache

from models.lexicon.transliteration import to_arabic

#: Buckwalter letters that are consonants (hamza forms included), as opposed to vowel marks.
_C = r"([^aiuoFNK`~{])"
_HAMZAS = "'>&<}"
_MARKS = "aiuoFNK`~"


class DerivedKind(enum.Enum):
    """What a derived reading is, with the English name shown to the reader."""

    ACTIVE_PARTICIPLE = "active participle"
    PASSIVE_PARTICIPLE = "passive participle"
    VERBAL_NOUN = "verbal noun"
    PASSIVE_IMPERFECT = "imperfect passive"
    BROKEN_PLURAL = "broken plural"


#: Roman numerals of the verb forms; 11 and 12 stand for the quadriliteral forms QI and QII.
FORM_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X",
              11: "QI", 12: "QII"}

#: The patterns (wazn, with the radicals ف ع ل) of each form's active participle, passive
#: participle and verbal noun, as grammars name them ("" where none is made).
_FORM_PATTERNS = {
    1: ("فاعِل", "مَفْعُول", ""), 2: ("مُفَعِّل", "مُفَعَّل", "تَفْعِيل"), 3: ("مُفاعِل", "مُفاعَل", "مُفاعَلَة"),
    4: ("مُفْعِل", "مُفْعَل", "إِفْعال"), 5: ("مُتَفَعِّل", "مُتَفَعَّل", "تَفَعُّل"), 6: ("مُتَفاعِل", "مُتَفاعَل", "تَفاعُل"),
    7: ("مُنْفَعِل", "", "اِنْفِعال"), 8: ("مُفْتَعِل", "مُفْتَعَل", "اِفْتِعال"), 9: ("مُفْعَلّ", "", "اِفْعِلال"),
    10: ("مُسْتَفْعِل", "مُسْتَفْعَل", "اِسْتِفْعال"), 11: ("مُفَعْلِل", "مُفَعْلَل", "فَعْلَلَة"), 12: ("مُتَفَعْلِل", "", "تَفَعْلُل"),
}
PATTERNS: dict[tuple[int, DerivedKind], str] = {
    (form, kind): pattern
    for form, names in _FORM_PATTERNS.items()
    for kind, pattern in zip((DerivedKind.ACTIVE_PARTICIPLE, DerivedKind.PASSIVE_PARTICIPLE, DerivedKind.VERBAL_NOUN), names)
    if pattern
}
PASSIVE_IMPERFECT_PATTERN = "يُفْعَل"
#: The broken plural of four-consonant nouns with a long vowel before the last (Wright I § 303):
#: فَعالِيل, named by its first letter: مَفاعِيل (مَشْرُوع), تَفاعِيل (تَقْرِير), أَفاعِيل (إِحْساس).
PLURAL_PATTERNS = {"m": "مَفاعِيل", "t": "تَفاعِيل", "'": "أَفاعِيل"}
PLURAL_PATTERN = "فَعالِيل"
PLURAL_CATEGORY = "Ndip"

#: Stem categories (of the lexicon's tables) given to the derived stems. A participle takes every
#: noun suffix (ة، ون، ين، ات، ان، possessives); a verbal noun the dual, ات and possessives; a stem
#: written with ة (مُفاعَلَة, إِقامَة) the suffixes of ة; the participle of a defective verb
#: (مُتَلاقٍ) the five categories the lexicon gives its own (مُحامٍ): see :func:`_stems`.
PARTICIPLE_CATEGORY = "Nall"
VERBAL_NOUN_CATEGORY = "NduAt"
FEMININE_CATEGORY = "NapAt"
_MANQUS_CATEGORIES = (("iy", "N0F_Nh"), ("iy", "NAn_Nayn"), ("iy", "NapAt"), ("", "NK"), ("", "Nuwn_Niyn"))


@dataclass(frozen=True)
class Derivation:
    """Where a derived reading comes from.

    ``base``: what it is derived from, vocalized, Arabic script: the verb's perfect (اِسْتَعْرَضَ),
    or for a broken plural the singular noun (إِحْساس); ``base_gloss``: its English senses from
    the lexicon (``;``-separated); ``base_lemma``: its Buckwalter lemma id; ``form``: the verb's
    form, 1-10, 11/12 for QI/QII (0 for a plural); ``kind``: :class:`DerivedKind`; ``pattern``:
    the pattern with ف ع ل (مُسْتَفْعِل)."""

    base: str
    base_gloss: str
    base_lemma: str
    form: int
    kind: DerivedKind
    pattern: str

    @property
    def form_name(self) -> str:
        return FORM_NAMES.get(self.form, "")

    @property
    def from_verb(self) -> bool:
        return self.kind is not DerivedKind.BROKEN_PLURAL

    def describe(self) -> str:
        """One line for the reader: "active participle of اِسْتَعْرَضَ (form X, مُسْتَفْعِل), to
        review"; "broken plural of إِحْساس (أَفاعِيل), feeling"."""
        first = self.base_gloss.split(";")[0].strip()
        if not self.from_verb:
            return f"{self.kind.value} of {self.base} ({self.pattern}), {first}"
        return f"{self.kind.value} of {self.base} (form {self.form_name}, {self.pattern}), to {first}"

    def to_json(self) -> dict:
        """``{"verb" or "singular", "gloss", "lemma", "form", "kind", "pattern", "description"}``."""
        return {"verb" if self.from_verb else "singular": self.base, "gloss": self.base_gloss,
                "lemma": self.base_lemma, "form": self.form_name or None, "kind": self.kind.value,
                "pattern": self.pattern, "description": self.describe()}

    def pack(self) -> str:
        """A one-line text form kept in the compiled index (:func:`unpack`)."""
        return "|".join((self.base_lemma, str(self.form), self.kind.name, self.pattern, self.base_gloss))


def unpack(packed: str) -> Derivation:
    """The :class:`Derivation` of :meth:`Derivation.pack` output."""
    lemma, form, kind, pattern, gloss = packed.split("|", 4)
    number, derived = int(form), DerivedKind[kind]
    if derived is DerivedKind.BROKEN_PLURAL:
        return Derivation(display_noun(lemma), gloss, lemma, number, derived, pattern)
    if derived is DerivedKind.PASSIVE_IMPERFECT:
        pattern = PASSIVE_IMPERFECT_PATTERN
    else:
        pattern = PATTERNS[(number, derived)]
    return Derivation(display_perfect(lemma), gloss, lemma, number, derived, pattern)


def perfect_of_lemma(lemma: str) -> str:
    """The vocalized perfect of a verb lemma id: ``katab-u_1`` -> ``katab``, ``{isotaEoraD_1`` ->
    ``{isotaEoraD``."""
    return re.sub(r"(-[aiu]+)?_\d+$", "", lemma)


def display_perfect(lemma: str) -> str:
    """The perfect of a verb lemma in Arabic script with its final vowel: اِسْتَعْرَضَ, رَمَى."""
    perfect = perfect_of_lemma(lemma)
    if not perfect.endswith(("Y", "A")):
        perfect += "a"
    return to_arabic(perfect.replace("{", "A"))


def display_noun(lemma: str) -> str:
    """A noun lemma id in Arabic script: ``<iHosAs_1`` -> إِحْساس."""
    return to_arabic(perfect_of_lemma(lemma).replace("{", "A"))


# ---------------------------------------------------------------------------------------------
# Hamza spelling

def seat_hamzas(vocalized: str) -> str:
    """``vocalized`` (Buckwalter) with every hamza (``'`` or a seated form) written on the seat
    the spelling rules give it (Wright I § 131-134; Ryding ch. 2.6): at the start on alef (إ before
    i); in the middle on ya after or before i (or after ya), on waw after or before u, on alef
    after or before a, alone after a long alef followed by a; at the end on the seat of the vowel
    before it, alone after sukun or a long vowel; hamza on alef before a long alef is written
    with madda (آ)."""
    out = list(vocalized)
    n = len(out)
    for i, ch in enumerate(out):
        if ch not in _HAMZAS:
            continue
        before = out[i - 1] if i else ""
        after = out[i + 1] if i + 1 < n else ""
        rest = "".join(out[i + 1:])
        if i == 0:
            out[i] = "<" if after == "i" else ">"
        elif not rest.strip(_MARKS):  # final hamza
            out[i] = {"i": "}", "u": "&", "a": ">"}.get(before, "'")
        elif "i" in (before, after) or before == "y":
            out[i] = "}"
        elif "u" in (before, after):
            out[i] = "&"
        elif before == "A":
            out[i] = "'"
        elif "a" in (before, after):
            out[i] = ">"
        else:
            out[i] = "'"
    return "".join(out).replace(">A", "|")  # hamza before a long a: madda (آكِل)


def unvocalized(vocalized: str) -> str:
    """The written (unvocalized) Buckwalter form of a vocalized stem: marks dropped, wasla as alef."""
    return re.sub(f"[{_MARKS}]", "", vocalized).replace("{", "A")


# ---------------------------------------------------------------------------------------------
# Forms and their patterns

_AP, _PP, _VN = DerivedKind.ACTIVE_PARTICIPLE, DerivedKind.PASSIVE_PARTICIPLE, DerivedKind.VERBAL_NOUN


@dataclass(frozen=True)
class _Rule:
    """One shape of perfect stem: ``form``; ``regex`` over the vocalized perfect (hamzas written
    ``'``); ``radicals``: the groups that are root letters, ``"w"`` standing for a weak radical
    not written (hollow, defective) and checked against the root's w/y/A; ``templates``: kind ->
    (template: literal text and group numbers, ending shape: ``""`` plain, ``"p"`` written with
    ة, ``"iy"`` defective participle)."""

    form: int
    regex: re.Pattern
    radicals: tuple
    templates: dict


def _template(text: str) -> tuple:
    """``r"mu\\1o\\2i\\3"`` -> ("mu", 1, "o", 2, "i", 3)."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"\\(\d)", text) if part)


def _expand(template: tuple, groups: tuple[str, ...]) -> str:
    return "".join(groups[part - 1] if isinstance(part, int) else part for part in template)


def _r(form: int, shape: str, radicals: tuple, **templates: tuple[str, str] | str) -> _Rule:
    normalized = {}
    for name, value in templates.items():
        kind = {"ap": _AP, "pp": _PP, "vn": _VN}[name]
        text, ending = value if isinstance(value, tuple) else (value, "")
        normalized[kind] = (_template(text), ending)
    return _Rule(form, re.compile("^" + shape.replace("C", _C) + "$"), radicals, normalized)


#: Perfect shapes, most specific first. Weak: ``w`` in ``radicals`` marks an unwritten weak
#: radical (its position in the root).
_RULES: tuple[_Rule, ...] = (
    # Form X
    _r(10, "{isotaCoCaC", (1, 2, 3), ap=r"musota\1o\2i\3", pp=r"musota\1o\2a\3", vn=r"{isoti\1o\2A\3"),
    _r(10, "{isotaCAC", (1, "w", 2), ap=r"musota\1iy\2", pp=r"musota\1A\2", vn=(r"{isoti\1A\2", "p")),
    _r(10, "{isotaCaC~", (1, 2, 2), ap=r"musota\1i\2~", pp=r"musota\1a\2~", vn=r"{isoti\1o\2A\2"),
    _r(10, "{isotaCoCaY", (1, 2, "w"), ap=(r"musota\1o\2", "iy"), vn=r"{isoti\1o\2A'"),
    # Form VII (before VIII: {inotaqal is VIII of n-q-l, told apart by the root)
    _r(7, "{inoCaCaC", (1, 2, 3), ap=r"muno\1a\2i\3", vn=r"{ino\1i\2A\3"),
    _r(7, "{inoCAC", (1, "w", 2), ap=r"muno\1A\2", vn=r"{ino\1iyA\2"),
    _r(7, "{inoCaC~", (1, 2, 2), ap=r"muno\1a\2~", vn=r"{ino\1i\2A\2"),
    _r(7, "{inoCaCaY", (1, 2, "w"), ap=(r"muno\1a\2", "iy"), vn=r"{ino\1i\2A'"),
    # Form IX (before VIII's doubled shape; told apart by the root)
    _r(9, "{iCoCaC~", (1, 2, 3), ap=r"mu\1o\2a\3~", vn=r"{i\1o\2i\3A\3"),
    # Form VIII: the infixed t (assimilated as T, d, D, t~) is group 2
    _r(8, "{iCoCaCaC", (1, 3, 4), ap=r"mu\1o\2a\3i\4", pp=r"mu\1o\2a\3a\4", vn=r"{i\1o\2i\3A\4"),
    _r(8, "{iC~aCaC", ("w", 2, 3), ap=r"mu\1~a\2i\3", pp=r"mu\1~a\2a\3", vn=r"{i\1~i\2A\3"),
    _r(8, "{iCoCAC", (1, "w", 3), ap=r"mu\1o\2A\3", vn=r"{i\1o\2iyA\3"),
    _r(8, "{iCoCaC~", (1, 3, 3), ap=r"mu\1o\2a\3~", pp=r"mu\1o\2a\3~", vn=r"{i\1o\2i\3A\3"),
    _r(8, "{iCoCaCaY", (1, 3, "w"), ap=(r"mu\1o\2a\3", "iy"), vn=r"{i\1o\2i\3A'"),
    # Form IV
    _r(4, "'aCoCaC", (1, 2, 3), ap=r"mu\1o\2i\3", pp=r"mu\1o\2a\3", vn=r"'i\1o\2A\3"),
    _r(4, "'aCAC", (1, "w", 2), ap=r"mu\1iy\2", pp=r"mu\1A\2", vn=(r"'i\1A\2", "p")),
    _r(4, "'aCaC~", (1, 2, 2), ap=r"mu\1i\2~", pp=r"mu\1a\2~", vn=r"'i\1o\2A\2"),
    _r(4, "'aCoCaY", (1, 2, "w"), ap=(r"mu\1o\2", "iy"), vn=r"'i\1o\2A'"),
    _r(4, r"\|CaC", ("'", 1, 2), ap=r"mu'o\1i\2", pp=r"mu'o\1a\2", vn=r"'iy\1A\2"),
    # Quadriliteral II and forms V, VI
    _r(12, "taCaCoCaC", (1, 2, 3, 4), ap=r"muta\1a\2o\3i\4", vn=r"ta\1a\2o\3u\4"),
    _r(5, "taCaC~aC", (1, 2, 3), ap=r"muta\1a\2~i\3", pp=r"muta\1a\2~a\3", vn=r"ta\1a\2~u\3"),
    _r(5, "taCaC~aY", (1, 2, "w"), ap=(r"muta\1a\2~", "iy"), vn=r"ta\1a\2~iy"),
    _r(6, "taCACaC", (1, 2, 3), ap=r"muta\1A\2i\3", pp=r"muta\1A\2a\3", vn=r"ta\1A\2u\3"),
    _r(6, "taCACaY", (1, 2, "w"), ap=(r"muta\1A\2", "iy"), vn=r"ta\1A\2iy"),
    # Quadriliteral I, forms II and III
    _r(11, "CaCoCaC", (1, 2, 3, 4), ap=r"mu\1a\2o\3i\4", pp=r"mu\1a\2o\3a\4", vn=(r"\1a\2o\3a\4", "p")),
    _r(2, "CaC~a'", (1, 2, "'"), ap=r"mu\1a\2~i'", pp=r"mu\1a\2~a'", vn=(r"ta\1o\2i'", "p")),
    _r(2, "CaC~aC", (1, 2, 3), ap=r"mu\1a\2~i\3", pp=r"mu\1a\2~a\3", vn=r"ta\1o\2iy\3"),
    _r(2, "CaC~aY", (1, 2, "w"), ap=(r"mu\1a\2~", "iy"), vn=(r"ta\1o\2iy", "p")),
    _r(3, "CACaC", (1, 2, 3), ap=r"mu\1A\2i\3", pp=r"mu\1A\2a\3", vn=(r"mu\1A\2a\3", "p")),
    _r(3, "CACaY", (1, 2, "w"), ap=(r"mu\1A\2", "iy"), vn=(r"mu\1A\2A", "p")),
    # Form I
    _r(1, "CaC[aiu]C", (1, 2, 3), ap=r"\1A\2i\3", pp=r"ma\1o\2uw\3"),
    _r(1, "CAC", (1, "w", 2), ap=r"\1A'i\2"),
    _r(1, "CaC~", (1, 2, 2), ap=r"\1A\2~", pp=r"ma\1o\2uw\2"),
    _r(1, "CaC(?:aY|A|iy)", (1, 2, "w"), ap=(r"\1A\2", "iy")),
)


_TO_PLAIN_HAMZA = str.maketrans({h: "'" for h in _HAMZAS})


def _normalize_hamzas(text: str) -> str:
    return text.translate(_TO_PLAIN_HAMZA)


def _root_letters(root: str) -> tuple[str, tuple[str, ...]]:
    """(letters, alternatives for each position): ``Axw/y`` -> ("'xw", ((), (), ("y",)))."""
    main, _, alt = root.partition("/")
    letters = _normalize_hamzas(main.replace("A", "'"))
    return letters, tuple(alt for _ in letters)


def _matches_root(rule: _Rule, groups: tuple[str, ...], root: str) -> bool:
    letters, alternatives = _root_letters(root)
    if len(letters) != len(rule.radicals):
        return False
    for position, radical in enumerate(rule.radicals):
        expected = letters[position]
        allowed = {expected, *alternatives[position]}
        if radical == "w":
            if not allowed & set("wy'"):
                return False
            continue
        if radical == "'":
            if expected != "'":
                return False
            continue
        if _normalize_hamzas(groups[radical - 1]) not in allowed:
            return False
    return True


def verb_form(perfect: str, root: str) -> tuple[_Rule, tuple[str, ...]] | None:
    """The rule (form and patterns) of a vocalized Buckwalter perfect stem whose root (as
    :func:`models.lexicon.buckwalter.root_of_heading` gives it) is ``root``, and the letters its
    groups matched; ``None`` when no shape fits or the radicals do not agree with the root."""
    text = _normalize_hamzas(perfect)
    for rule in _RULES:
        match = rule.regex.match(text)
        if match and _matches_root(rule, match.groups(), root):
            return rule, match.groups()
    return None


def _stems(template: tuple, ending: str, groups: tuple[str, ...]) -> list[tuple[str, str]]:
    """(vocalized stem, category) of one template filled with the radicals in ``groups``."""
    filled = _expand(template, groups)
    if ending == "p":
        return [(seat_hamzas(filled), FEMININE_CATEGORY)]
    if ending == "iy":
        return [(seat_hamzas(filled + tail), category) for tail, category in _MANQUS_CATEGORIES]
    return [(seat_hamzas(filled), "")]


def derived_stems(perfect: str, root: str) -> list[tuple[DerivedKind, int, str, str]]:
    """The derived noun stems of a verb: ``(kind, form, vocalized stem, category)`` for its
    perfect stem ``perfect`` (vocalized Buckwalter, e.g. ``{isotaEoraD``) and ``root``
    (``ErD``), with the category of the lexicon's tables the stem takes. ``[]`` when the form
    cannot be told."""
    found = verb_form(perfect, root)
    if found is None:
        return []
    rule, groups = found
    result = []
    for kind, (template, ending) in rule.templates.items():
        for stem, category in _stems(template, ending, groups):
            default = PARTICIPLE_CATEGORY if kind is not _VN else VERBAL_NOUN_CATEGORY
            result.append((kind, rule.form, stem, category or default))
    if rule.form == 1 and _PP not in rule.templates:
        # A hollow or defective verb's passive participle needs its weak radical: مَقُول، مَبِيع، مَرْمِيّ.
        letters, _ = _root_letters(root)
        if len(letters) == 3 and rule.radicals[1] == "w" and letters[1] in "wy":
            long_vowel = "uw" if letters[1] == "w" else "iy"
            result.append((_PP, 1, seat_hamzas(f"ma{letters[0]}{long_vowel}{letters[2]}"), PARTICIPLE_CATEGORY))
        elif len(letters) == 3 and rule.radicals[2] == "w" and letters[2] in "wy":
            ending = "uw~" if letters[2] == "w" else "iy~"
            result.append((_PP, 1, seat_hamzas(f"ma{letters[0]}o{letters[1]}{ending}"), PARTICIPLE_CATEGORY))
    return result


_PLURAL_TEMPLATE = _template(r"\1a\2A\3iy\4")
_PLURAL_SHAPE = re.compile("^" + _C + "[aiu]?" + _C + "o?" + _C + "(?:A|uw|iy)" + _C + "$")


@lru_cache(maxsize=None)
def broken_plural(singular: str) -> tuple[str, str] | None:
    """(vocalized stem, pattern) of the broken plural فَعالِيل of a singular noun stem
    (vocalized Buckwalter) of four consonants with a long vowel before the last (Wright I § 303):
    ``<iHosAs`` -> (``>aHAsiys``, أَفاعِيل), ``taqoriyr`` -> ``taqAriyr``, ``ma$oruwE`` ->
    ``ma$AriyE``. ``None`` for other shapes, and for stems whose first two consonants are alike."""
    match = _PLURAL_SHAPE.match(_normalize_hamzas(singular))
    if match is None or match.group(1) == match.group(2) or "w" in match.group(2, 3) or "y" in match.group(2, 3):
        return None
    first = match.group(1)
    plural = seat_hamzas(_expand(_PLURAL_TEMPLATE, match.groups()))
    return plural, PLURAL_PATTERNS.get(first, PLURAL_PATTERN)


#: Active imperfect categories -> the passive category with the same suffixes, and the shape
#: change of the stem (the last short vowel becomes a; a hollow stem's long vowel becomes A).
_PASSIVE_CATEGORIES = {
    "IV": "IV_Pass_yu", "IV_yu": "IV_Pass_yu", "IV_intr": "IV_Pass_yu", "IV_intr_yu": "IV_Pass_yu",
    "IV_V": "IV_V_Pass_yu", "IV_V_yu": "IV_V_Pass_yu", "IV_V_intr": "IV_V_Pass_yu",
    "IV_C": "IV_C_Pass_yu", "IV_C_yu": "IV_C_Pass_yu", "IV_C_intr": "IV_C_Pass_yu",
}


def passive_imperfect_stem(stem: str, category: str) -> tuple[str, str] | None:
    """(vocalized stem, category) of the imperfect passive for an active imperfect stem of the
    lexicon (``sotaxodim``, ``IV``) -> (``sotaxodam``, ``IV_Pass_yu``): the last short vowel
    becomes a (يُسْتَخْدَم), a hollow stem's long vowel becomes alef (يَقُول -> يُقال). ``None``
    for other categories (defective stems)."""
    passive = _PASSIVE_CATEGORIES.get(category)
    if passive is None:
        return None
    if category.startswith("IV_V"):
        changed, count = re.subn(r"(uw|iy|A)" + _C + "$", r"A\2", stem)
    else:
        changed, count = re.subn(r"[aiu]" + _C + "$", r"a\1", stem)
    return (changed, passive) if count else None


# ---------------------------------------------------------------------------------------------
# English glosses

_IRREGULAR_PARTICIPLES = dict(pair.split(":") for pair in (
    "arise:arisen bear:borne beat:beaten become:become begin:begun bend:bent bind:bound bite:bitten "
    "bleed:bled blow:blown break:broken breed:bred bring:brought build:built burn:burnt buy:bought "
    "catch:caught choose:chosen cling:clung come:come cost:cost creep:crept cut:cut deal:dealt dig:dug "
    "do:done draw:drawn drink:drunk drive:driven eat:eaten fall:fallen feed:fed feel:felt fight:fought "
    "find:found flee:fled fling:flung fly:flown forbid:forbidden forget:forgotten forgive:forgiven "
    "freeze:frozen get:gotten give:given go:gone grind:ground grow:grown hang:hung have:had hear:heard "
    "hide:hidden hit:hit hold:held hurt:hurt keep:kept kneel:knelt know:known lay:laid lead:led "
    "leave:left lend:lent let:let lie:lain light:lit lose:lost make:made mean:meant meet:met pay:paid "
    "put:put quit:quit read:read ride:ridden ring:rung rise:risen run:run say:said see:seen seek:sought "
    "sell:sold send:sent set:set shake:shaken shed:shed shine:shone shoot:shot show:shown shrink:shrunk "
    "shut:shut sing:sung sink:sunk sit:sat sleep:slept slide:slid speak:spoken spend:spent spin:spun "
    "split:split spread:spread spring:sprung stand:stood steal:stolen stick:stuck sting:stung "
    "strike:struck strive:striven swear:sworn sweep:swept swim:swum swing:swung take:taken teach:taught "
    "tear:torn tell:told think:thought throw:thrown understand:understood undertake:undertaken "
    "wake:woken wear:worn weave:woven weep:wept win:won wind:wound withdraw:withdrawn write:written "
    "overcome:overcome overtake:overtaken uphold:upheld withhold:withheld"
).split())
_VOWEL_LETTERS = "aeiou"


def _double_final(word: str) -> bool:
    """A one-syllable verb ending consonant-vowel-consonant doubles it (sit -> sitting)."""
    return (len(word) >= 3 and word[-1] not in _VOWEL_LETTERS + "wxy" and word[-2] in _VOWEL_LETTERS
            and word[-3] not in _VOWEL_LETTERS and sum(c in _VOWEL_LETTERS for c in word) == 1)


def ing_form(verb: str) -> str:
    """English -ing form of a verb (regular spelling rules): review -> reviewing, hesitate ->
    hesitating, sit -> sitting, lie -> lying, be -> being."""
    if verb == "be":
        return "being"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if _double_final(verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def third_person(verb: str) -> str:
    """English third person singular: review -> reviews, teach -> teaches, carry -> carries."""
    if verb in ("be", "have"):
        return {"be": "is", "have": "has"}[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWEL_LETTERS:
        return verb[:-1] + "ies"
    return verb + "s"


def past_participle(verb: str) -> str:
    """English past participle: irregular verbs from a table, else the regular -ed spelling."""
    if verb in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[verb]
    if verb == "be":
        return "been"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWEL_LETTERS:
        return verb[:-1] + "ied"
    if _double_final(verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


_BRACKETS_RE = re.compile(r"\s*[\[(<][^\])>]*[\])>]")


def _senses(gloss: str, limit: int = 2) -> list[tuple[str, str]]:
    """(first word, rest) of the first ``limit`` verb senses of a gloss, notes in brackets dropped."""
    result = []
    for sense in gloss.split(";"):
        words = _BRACKETS_RE.sub("", sense).strip().split()
        if words and words[0].isalpha():
            result.append((words[0].lower(), " ".join(words[1:])))
        if len(result) == limit:
            break
    return result


def _joined(word: str, rest: str) -> str:
    return f"{word} {rest}".strip()


def plural_noun(noun: str) -> str:
    """English plural of a noun phrase's head word: feeling -> feelings, city -> cities, box ->
    boxes, "report of X" -> "reports of X"."""
    head, sep, tail = noun.partition(" of ")
    words = head.split()
    if not words:
        return noun
    word = words[-1]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        word += "es"
    elif word.endswith("y") and len(word) > 1 and word[-2] not in _VOWEL_LETTERS:
        word = word[:-1] + "ies"
    else:
        word += "s"
    return " ".join(words[:-1] + [word]) + sep + tail


@lru_cache(maxsize=None)
def derived_gloss(kind: DerivedKind, verb_gloss: str) -> str:
    """English senses (``;``-separated) of a derived form made from its verb's senses:
    active participle "reviewing;one who reviews", passive participle "reviewed", verbal noun
    "reviewing", imperfect passive "be reviewed"; for a broken plural, the singular's senses in
    the plural ("feelings"). ``""`` when the gloss has no usable sense."""
    if kind is DerivedKind.BROKEN_PLURAL:
        senses = [_BRACKETS_RE.sub("", g).strip() for g in verb_gloss.split(";")[:3]]
        return ";".join(plural_noun(g) for g in senses if g)
    senses = _senses(verb_gloss)
    if not senses:
        return ""
    if kind is DerivedKind.ACTIVE_PARTICIPLE:
        forms = [_joined(ing_form(w), r) for w, r in senses]
        first, rest = senses[0]
        return ";".join(forms + [f"one who {_joined(third_person(first), rest)}"])
    if kind is DerivedKind.PASSIVE_PARTICIPLE:
        return ";".join(_joined(past_participle(w), r) for w, r in senses if w != "be")
    if kind is DerivedKind.PASSIVE_IMPERFECT:
        return ";".join(f"be {_joined(past_participle(w), r)}" for w, r in senses if w != "be")
    return ";".join(_joined(ing_form(w), r) for w, r in senses)
