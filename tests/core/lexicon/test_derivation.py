"""Readings the 2002 lexicon lacks: derived participles, verbal nouns and plurals, moods,
passive, energetic, vocative; roots and frequency bands; the gloss command on a phrase."""
import json
import unicodedata

import pytest

from main import main
from models.lexicon.derivation import DerivedKind, broken_plural, derived_gloss, derived_stems, seat_hamzas
from models.lexicon.frequency import FrequencyBand, analysis_frequency, frequency_band, unavailable_reason
from models.lexicon.lookup import LookupStep, lookup
from models.lexicon.ranking import rank


def nfc(text):
    """Marks in canonical order (the lexicon writes shadda before the vowel, NFC after)."""
    return unicodedata.normalize("NFC", text)


def bare(text):
    return "".join(c for c in text if not unicodedata.combining(c))


def first_derived(word):
    found = lookup(word)
    assert found.step is LookupStep.DERIVED and found.derived and not found.in_lexicon, (word, found.step)
    return rank(found)[0]


@pytest.mark.parametrize("word, vocalized, kind, form, verb, pattern, gloss_word", [
    ("مستعرضاً", "مُسْتَعْرِضاً", DerivedKind.ACTIVE_PARTICIPLE, "X", "اِسْتَعْرَضَ", "مُسْتَفْعِل", "reviewing"),
    ("مسترشدا", "مُسْتَرْشِداً", DerivedKind.ACTIVE_PARTICIPLE, "X", "اِسْتَرْشَدَ", "مُسْتَفْعِل", "seeking advice"),
    ("مكافحا", "مُكافِحاً", DerivedKind.ACTIVE_PARTICIPLE, "III", "كافَحَ", "مُفاعِل", "fighting against"),
    ("متلاقية", "مُتَلاقِيَة", DerivedKind.ACTIVE_PARTICIPLE, "VI", "تَلاقَى", "مُتَفاعِل", "meeting each other"),
    ("التريث", "التَّرَيُّث", DerivedKind.VERBAL_NOUN, "V", "تَرَيَّثَ", "تَفَعُّل", "hesitating"),
    ("تلطيف", "تَلْطِيف", DerivedKind.VERBAL_NOUN, "II", "لَطَّفَ", "تَفْعِيل", "softening"),
    ("التربع", "التَّرَبُّع", DerivedKind.VERBAL_NOUN, "V", "تَرَبَّعَ", "تَفَعُّل", "sitting"),
])
def test_participles_and_verbal_nouns_are_explained_through_their_verb(word, vocalized, kind, form, verb, pattern,
                                                                         gloss_word):
    analysis = first_derived(word)
    assert nfc(analysis.vocalized) == nfc(vocalized)
    derivation = analysis.derived_from
    assert (derivation.kind, derivation.form_name, nfc(derivation.base), derivation.pattern) == (kind, form, nfc(verb),
                                                                                               pattern)
    assert gloss_word in analysis.gloss.split(";")
    assert nfc(derivation.describe()).startswith(nfc(f"{kind.value} of {verb} (form {form}, {pattern}), to "))
    assert "derived from" in analysis.reason  # never presented as a lexicon entry


def test_active_participle_gloss_reads_as_in_a_dictionary():
    analysis = first_derived("مستعرض")
    assert analysis.gloss.split(";")[:2] == ["reviewing", "inspecting"]
    assert "one who reviews" in analysis.gloss.split(";")
    assert analysis.derived_from.describe() == "active participle of اِسْتَعْرَضَ (form X, مُسْتَفْعِل), to review"


@pytest.mark.parametrize("word, letters, verb", [
    ("لاصطياده", ["ل", "اصطياد", "ه"], "اِصْطادَ"),   # hollow form VIII verbal noun + pronoun suffix
    ("وتخطئته", ["و", "تخطئ", "ة", "ه"], "خَطَّأَ"),     # form II of a hamza-final verb: taf'ila
    ("المكافحون", ["ال", "مكافح", "ون"], "كافَحَ"),    # sound plural on a derived participle
    ("مستعرضات", ["مستعرض", "ات"], "اِسْتَعْرَضَ"),
    ("للمكافحين", ["ل", "ال", "مكافح", "ين"], "كافَحَ"),  # the oblique sound plural, after li- and the article
])
def test_clitics_and_suffixes_work_on_derived_forms(word, letters, verb):
    analysis = first_derived(word)
    morphemes = [bare(s.form) for s in analysis.segments if any(c.isalpha() for c in s.form)]
    assert morphemes == letters
    assert nfc(analysis.derived_from.base) == nfc(verb)


def test_broken_plural_of_four_consonant_noun():
    analysis = first_derived("أحاسيس")
    assert nfc(analysis.vocalized) == nfc("أَحاسِيس")
    assert analysis.derived_from.kind is DerivedKind.BROKEN_PLURAL
    assert nfc(analysis.derived_from.base) == nfc("إِحْساس") and analysis.derived_from.pattern == "أَفاعِيل"
    assert "feelings" in analysis.gloss.split(";")
    assert broken_plural("taqoriyr") == ("taqAriyr", "تَفاعِيل")


def test_defective_noun_takes_possessive_suffix():
    found = lookup("وثانيها")
    assert found.in_lexicon
    assert [bare(s.form) for s in rank(found)[0].segments] == ["و", "ثاني", "ها"]


def test_root_of_a_verb_and_of_a_participle():
    verb = rank(lookup("يكتب"))[0]
    assert verb.root_letters == "ك ت ب"
    assert first_derived("مستعرضاً").root_letters == "ع ر ض"
    assert rank(lookup("سأل"))[0].root_letters == "س ء ل"
    assert rank(lookup("لافروف"))[0].root_letters is None  # a name has no root


def test_derived_stems_cover_weak_and_hamzated_roots():
    stems = {(k, s) for k, _f, s, _c in derived_stems("{isotaqAm", "qwm")}
    assert (DerivedKind.ACTIVE_PARTICIPLE, "musotaqiym") in stems and (DerivedKind.VERBAL_NOUN, "{isotiqAm") in stems
    assert {s for k, _f, s, _c in derived_stems("qAl", "qwl")} == {"qA}il", "maquwl"}
    assert {s for k, _f, s, _c in derived_stems(">akal", "Akl")} == {"|kil", "ma>okuwl"}
    assert seat_hamzas("maso'uwl") == "maso&uwl"
    assert derived_gloss(DerivedKind.PASSIVE_PARTICIPLE, "write") == "written"


def test_unvowelled_imperfect_shows_moods_and_passive():
    readings = {nfc(a.vocalized) for a in lookup("يكتب").analyses}
    assert {nfc(w) for w in ("يَكْتُبُ", "يَكْتُبَ", "يَكْتُبْ", "يُكْتَبُ")} <= readings
    future = {nfc(a.vocalized) for a in lookup("سيكتب").analyses}
    assert nfc("سَيَكْتُبُ") in future and nfc("سَيَكْتُبَ") not in future  # sa- takes the indicative only


def test_passive_the_lexicon_does_not_list_is_derived_after_the_active():
    ranked = rank(lookup("يحتفل"))
    passive = [a for a in ranked if a.derived_from is not None]
    assert passive and nfc(passive[0].vocalized) == nfc("يُحْتَفَلُ") and passive[0].gloss == "be celebrated"
    assert ranked.index(passive[0]) > 0 and ranked[0].derived_from is None


def test_energetic_ending():
    assert any(nfc(a.vocalized) == nfc("لِيَكْتُبَنَّ") for a in lookup("ليكتبنّ").analyses)
    assert any(a.buckwalter.endswith("an~a") for a in lookup("يكتبن").analyses)


def test_vocative_joined_to_its_noun_is_read_beside_other_readings():
    found = lookup("يارب")
    assert any(a.vocalized.startswith("يَ") for a in found.analyses)  # the verb reading stays
    vocative = [a for a in found.analyses if a.segments[0].pos == "INTERJ"]
    assert vocative and nfc(vocative[0].vocalized) == nfc("يا رَبّ") and "lord" in vocative[0].gloss.lower()
    assert rank(lookup("يامسترشد"))[0].derived_from is not None


def test_frequency_band_from_the_frequency_list():
    assert unavailable_reason() is None
    assert frequency_band("الحكومة") is FrequencyBand.TOP_1000
    tarayyuth = analysis_frequency(first_derived("التريث"))
    assert tarayyuth is not None and tarayyuth.band > FrequencyBand.TOP_1000 and nfc(tarayyuth.entry) == nfc("تَرَيُّث")
    assert frequency_band("لافروف") is None


def test_gloss_cli_root_frequency_and_derivation(capsys):
    assert main(["gloss", "مستعرضاً"]) == 0
    record = json.loads(capsys.readouterr().out)
    first = record["analyses"][0]
    assert first["root"] == "ع ر ض" and isinstance(first["frequency_band"], int)
    assert nfc(first["derived_from"]["verb"]) == nfc("اِسْتَعْرَضَ") and first["derived_from"]["pattern"] == "مُسْتَفْعِل"
    assert record["frequency_band"] == first["frequency_band"]


def test_gloss_cli_answers_a_phrase_word_by_word(capsys):
    assert main(["gloss", "وقف إطلاق النار", "123"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["word"] for r in records[:3]] == ["وقف", "إطلاق", "النار"]
    assert all(r["phrase"] == "وقف إطلاق النار" and r["analyses"] for r in records[:3])
    assert "fire" in records[2]["analyses"][0]["gloss"]
    assert records[3]["analyses"] == [] and records[3]["note"] == "no Arabic word in the input"
