"""Additions to the affix tables of Buckwalter 1.0 for forms it leaves out.

Buckwalter's analyzer (Buckwalter 2002, LDC2002L49) analyses an imperfect verb with no suffix
(يكتب) without its mood, has no energetic ending, and gives some defective nouns no possessive
suffix. Its successor SAMA 3.1 (Maamouri et al. 2010, LDC2010L01) marks all three; here the
same is done by adding entries to the suffix file and pairs to the tables while the lexicon is
compiled (:func:`amend`), so that the analyzer needs no special case:

* **mood** of a suffixless imperfect: indicative يَكْتُبُ (``+u/IVSUFF_MOOD:I``), subjunctive
  يَكْتُبَ (``+a/IVSUFF_MOOD:S``), jussive يَكْتُبْ (``+o/IVSUFF_MOOD:J``) in place of the null
  suffix, for stems of sound categories; the long stem of a hollow verb (يَقُول) takes the
  indicative and subjunctive, its short stem (يَقُل) the jussive. The future particle سـ goes
  only with the indicative, the subjunctive particle لِـ not with it (:func:`mood_allowed`).
  Defective stems (يَرْمِي) keep the null suffix;
* **energetic** ـَنَّ (``+an~a/IVSUFF_MOOD:E``): يَكْتُبَنَّ, after the stems that take the
  null suffix, with the same prefixes; and ـُنَّ (masc. plural, after the stems that take ـون);
* **possessives on defective nouns**: a stem of category ``N0F`` (الثاني, with no suffix but
  tanwin) whose word (lemma id without its number) also has an ``NK`` stem (ثانٍ) is a defective noun, which takes the
  possessive pronouns like the lexicon's own ``N0F_Nh`` stems (مُحاميه): ثانيها.
"""
from __future__ import annotations

#: New suffix categories.
MOOD_CATEGORIES = {"I": "IVSuff-MoodI", "S": "IVSuff-MoodS", "J": "IVSuff-MoodJ"}
ENERGETIC_CATEGORY = "IVSuff-En"
ENERGETIC_PLURAL_CATEGORY = "IVSuff-wEn"
NULL_SUFFIX = "Suff-0"

#: (form, vocalized, category, gloss, pos) of the added suffix entries.
_SUFFIXES = (
    ("", "u", MOOD_CATEGORIES["I"], "[indicative]", "+u/IVSUFF_MOOD:I"),
    ("", "a", MOOD_CATEGORIES["S"], "[subjunctive]", "+a/IVSUFF_MOOD:S"),
    ("", "o", MOOD_CATEGORIES["J"], "[jussive]", "+o/IVSUFF_MOOD:J"),
    ("n", "an~a", ENERGETIC_CATEGORY, "[energetic]", "+an~a/IVSUFF_MOOD:E"),
    ("n", "un~a", ENERGETIC_PLURAL_CATEGORY, "[energetic]", "+un~a/IVSUFF_SUBJ:MP_MOOD:E"),
)


def _moods(category: str) -> str:
    """The moods a suffixless imperfect stem of ``category`` can carry ("" for none)."""
    if "_0" in category:  # defective stems: the mood is not written
        return ""
    if category.startswith("IV_V"):
        return "IS"
    if category.startswith("IV_C"):
        return "J"
    return "ISJ"


def amend(prefixes: dict, stems: dict, suffixes: dict, ab: set, ac: set, bc: set) -> None:
    """Add the entries and table pairs of the module docstring, in place. ``prefixes``,
    ``stems``, ``suffixes``: form -> list of entry tuples as :func:`models.lexicon.index.compile_lexicon`
    builds them (affixes ``(vocalized, category, gloss, pos, order)``, stems with the lemma id
    before ``order``); ``ab``/``ac``/``bc``: the compatibility tables."""
    order = max((e[-1] for entries in suffixes.values() for e in entries), default=0) + 1
    for form, voc, category, gloss, pos in _SUFFIXES:
        suffixes.setdefault(form, []).append((voc, category, gloss, pos, order))
        order += 1
    null_prefixes = {a for (a, c) in ac if c == NULL_SUFFIX and a.startswith("IVPref")}
    plural_prefixes = {a for (a, c) in ac if c == "IVSuff-wn"}
    for stem_category, suffix_category in list(bc):
        if not stem_category.startswith("IV"):
            continue
        if suffix_category == NULL_SUFFIX:
            moods = _moods(stem_category)
            if moods:
                bc.discard((stem_category, NULL_SUFFIX))
                bc.update((stem_category, MOOD_CATEGORIES[m]) for m in moods)
            bc.add((stem_category, ENERGETIC_CATEGORY))
        elif suffix_category == "IVSuff-wn":
            bc.add((stem_category, ENERGETIC_PLURAL_CATEGORY))
    for prefix_category in null_prefixes:
        ac.update((prefix_category, c) for c in (*MOOD_CATEGORIES.values(), ENERGETIC_CATEGORY))
    ac.update((p, ENERGETIC_PLURAL_CATEGORY) for p in plural_prefixes)
    _defective_possessives(stems)


def _defective_possessives(stems: dict) -> None:
    """``N0F`` stems of lemmas that have an ``NK`` stem become ``N0F_Nh`` (module docstring)."""
    def word(lemma: str) -> str:  # vAniy_3 -> vAniy: the lexicon splits one word's senses into lemmas
        return lemma.rsplit("_", 1)[0]

    defective = {word(row[4]) for rows in stems.values() for row in rows if row[1] == "NK"}
    for form, rows in stems.items():
        stems[form] = [
            (*row[:1], "N0F_Nh", *row[2:]) if row[1] == "N0F" and word(row[4]) in defective else row
            for row in rows
        ]


def mood_allowed(prefix_pos: str, suffix_pos: str) -> bool:
    """False for a mood the prefix rules out: the future particle (``sa/FUT``) with the
    subjunctive or jussive, the subjunctive particle (``li/SUBJUNC``) with the indicative."""
    if "IVSUFF_MOOD:" not in suffix_pos:
        return True
    mood = suffix_pos.rsplit("MOOD:", 1)[1][:1]
    if mood == "E":
        return True
    if "/FUT" in prefix_pos:
        return mood == "I"
    if "/SUBJUNC" in prefix_pos:
        return mood in "SJ"
    return True
