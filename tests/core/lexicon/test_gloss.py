"""Word analysis as the learner sees it: segmentation, glosses, normalization, ranking, CLI."""
import json
import unicodedata

import pytest

from main import main
from models.lexicon.ranking import rank
from models.lexicon.lookup import LookupStep, lookup


def best(word, context=None):
    return rank(lookup(word), context)


def test_clitics_are_segmented_and_glossed():
    first = best("والمساعدات")[0]
    assert first.segmentation == "وَ + ال + مُساعَد + ات"
    assert [s.pos for s in first.segments][:2] == ["CONJ", "DET"]
    assert "assistance" in first.gloss
    assert first.translit == "wa-al-mus\u0101\u02bfad\u0101t"
    assert first.lemma == "musAEadap_1"


@pytest.mark.parametrize("word, gloss", [("أبي", "father"), ("إلى", "to"), ("الى", "to")])
def test_hamza_and_alef_maqsura_words_are_found(word, gloss):
    assert any(gloss in a.gloss.split(";") for a in lookup(word).analyses)


def test_diacritized_word_finds_bare_entries_and_agreeing_reading_first():
    bare = lookup("ييسر")
    marked = lookup("ييسّر")
    assert {a.vocalized for a in marked.analyses} == {a.vocalized for a in bare.analyses}
    ranked = rank(marked)
    assert ranked[0].buckwalter == "yuyas~iru"  # يُيَسِّرُ, "facilitates" (indicative)
    assert "written vowels agree" in ranked[0].reason
    assert "disagree" in ranked[-1].reason


def test_format_marks_tatweel_and_presentation_forms_are_ignored():
    plain = {a.vocalized for a in lookup("الكتاب").analyses}
    assert plain
    for variant in ("\u200fالكتاب\u200e", "\u2067الكـــتاب\u2069", "ال\u200cكتاب", "\ufe8d\ufedf\ufedb\ufe98\ufe8e\ufe8f"):
        found = lookup(variant)
        assert found.normalized == "الكتاب", variant
        assert {a.vocalized for a in found.analyses} == plain


def test_presentation_forms_of_kitab():
    assert lookup("\ufedb\ufe98\ufe8e\ufe8f").normalized == "كتاب"


def test_letters_repeated_for_emphasis_are_collapsed():
    found = lookup("وجيييه")
    assert found.step is LookupStep.COLLAPSED
    assert found.normalized == "وجيه"
    assert found.analyses


def test_ta_marbuta_written_as_ha_and_context_ranking():
    ranked = best("مدرسه", "The school opened in September.")
    assert ranked[0].gloss == "school"
    assert 'translation has "school"' in ranked[0].reason
    assert "lexicon order" in ranked[0].reason
    without = best("مدرسه")
    assert without[0].gloss != "school"  # the lexicon's own order puts "his teacher" first


def test_context_reorders_function_words():
    ranked = best("الى", "He travelled to Geneva.")
    assert ranked[0].vocalized == "إِلَى"


def test_detached_proclitic_before_number():
    found = lookup("بـ")
    assert found.analyses and any(a.segments[0].pos == "PREP" for a in found.analyses)
    assert lookup("و").analyses


@pytest.mark.parametrize("word, translit", [
    ("الشمس", "ash-shams"), ("والشمس", "wa-ash-shams"), ("بالسلام", "bi-as-salām"),
    ("النور", "an-nūr"), ("اللغة", "al-lughah"), ("القمر", "al-qamar"),
    ("للكتاب", "lil-kitāb"), ("للشمس", "lish-shams"),
])
def test_article_assimilates_to_sun_letters(word, translit):
    assert best(word)[0].translit == translit


@pytest.mark.parametrize("word, buckwalter, suffix_tag", [
    ("كتاباً", "kitAbAF", "NSUFF_MASC_SG_ACC_INDEF"),  # tanwin alef, written
    ("جديدا", "jadiydAF", "NSUFF_MASC_SG_ACC_INDEF"),  # tanwin alef, unwritten
    ("لمساعدته", "limusAEadath", "POSS_PRON_3MS"),  # ta marbuta + pronoun
    ("لاستقباله", "li{isotiqobAlh", "POSS_PRON_3MS"),
])
def test_tanwin_alef_and_pronoun_suffixes(word, buckwalter, suffix_tag):
    found = lookup(word).analyses
    assert any(a.buckwalter == buckwalter and a.segments[-1].pos == suffix_tag for a in found)


def test_names_get_only_backoff_readings_without_gloss():
    found = lookup("ولافروف")
    assert found.step is LookupStep.BACKOFF and not found.in_lexicon
    ranked = rank(found, "And Lavrov said")
    assert all(a.backoff and a.gloss == "" and a.lemma == "" for a in ranked)
    first = ranked[0]
    assert first.segmentation == "وَ + لافروف"
    assert [s.pos for s in first.segments] == ["CONJ", "NOUN_PROP"]
    assert first.translit == "wa-lāfrūf"
    assert "not in the lexicon; read as a name" in first.reason
    assert lookup("لافروف", backoff=False).step is LookupStep.NONE
    assert lookup("لافروف", backoff=False).analyses == []


def test_backoff_strips_the_article_and_keeps_name_initial_letters():
    assert best("الشرايطي")[0].segmentation == "ال + شرايطي"
    assert best("الشرايطي")[0].translit == "ash-shrāyṭī"
    assert best("بيردمان")[0].segmentation == "بيردمان"  # not بِ + يردمان
    assert best("والغتر")[0].segmentation == "وَ + ال + غتر"
    assert all(a.segments[-1].form != "الغتر" for a in best("والغتر"))


def test_known_words_get_no_backoff_reading():
    for word in ("والمساعدات", "الشمس", "العربالموت", "وجيييه"):
        found = lookup(word)
        assert found.in_lexicon and not any(a.backoff for a in found.analyses), word


def test_run_on_words_split_only_at_evident_boundaries():
    found = lookup("العربالموت")
    assert found.analyses[0].vocalized == "العَرَب المَوْت"
    assert "death" in found.analyses[0].gloss


def test_cli_prints_one_json_object_per_word(capsys):
    assert main(["gloss", "والمساعدات", "لافروف", "--context", "and the aid"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["word"] == "والمساعدات" and record["normalized"] == "والمساعدات"
    analysis = record["analyses"][0]
    assert set(analysis) == {"vocalized", "lemma", "pos", "gloss", "segments", "translit", "reason", "backoff", "root",
                             "frequency_band", "frequency_rank"}
    assert analysis["backoff"] is False
    assert analysis["segments"][0] == {"form": "وَ", "pos": "CONJ", "gloss": "and"}
    name = json.loads(lines[1])
    assert name["word"] == "لافروف" and name["analyses"]
    assert all(a["backoff"] is True and a["gloss"] == "" for a in name["analyses"])
    assert name["analyses"][0]["segments"] == [{"form": "لافروف", "pos": "NOUN_PROP", "gloss": ""}]


def test_sun_letter_shadda_after_the_article_agrees_and_is_shown(capsys):
    assert main(["gloss", "الشَّمْسُ"]) == 0
    first = json.loads(capsys.readouterr().out)["analyses"][0]
    assert first["gloss"] == "sun"
    assert unicodedata.normalize("NFC", first["vocalized"]) == unicodedata.normalize("NFC", "الشَّمْس")
    assert "written vowels agree" in first["reason"] and "disagree" not in first["reason"]


def test_moon_letters_get_no_shadda_after_the_article(capsys):
    assert main(["gloss", "القمر"]) == 0
    assert json.loads(capsys.readouterr().out)["analyses"][0]["vocalized"] == "القَمَر"
