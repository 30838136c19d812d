"""The root each reading shows, from the lexicon's root headings (and the groups the file leaves
without one), and the frequency band: a derived reading takes only its own word's band, a name
shown by the translation takes none."""
import json

import pytest

from main import main
from models.lexicon.buckwalter import read_dictionary, root_of_verb_lemma
from models.lexicon.frequency import FrequencyBand, analysis_frequency, frequency_band, unavailable_reason
from models.lexicon.lookup import lookup
from models.text.names import name_in_translation


def test_a_form_one_verb_lemma_gives_its_root():
    assert root_of_verb_lemma("baDaE-a_1") == "bDE"
    assert root_of_verb_lemma(">aTar-iu_1") == "ATr"  # a hamza radical is A, as in the headings
    assert root_of_verb_lemma("wajad-i_1") == "wjd"
    for lemma in ("qAl-u_1", "rad~-u_1", "ramaY-i_1", "baD~aE_1", "<iborAhiym_1"):
        assert root_of_verb_lemma(lemma) == ""  # weak, doubled, not form I, not a verb


def test_groups_after_a_root_take_no_root_or_their_own(tmp_path):
    stems = tmp_path / "dictStems"
    stems.write_text("\n".join([
        ";--- b$k", ";; ba$ak-u_1", "b$k\tba$ak\tPV\tsew quickly", ";",  # the heading's group
        ";; baDaE-a_1", "bDE\tbaDaE\tPV\tdissect", ";; biDoE_1", "bDE\tbiDoE\tN\tsome;several", ";",  # no heading
        ";--- Abr", ";; <iborap_1", "<br\t<ibor\tNap\tneedle", ";",
        ";; <iborAhiym_1", "<brAhym\t<iborAhiym\tN0\tIbrahim", ";",  # a name after the root's group
        ";; ta>obiyr_2", "t>byr\tta>obiyr\tN\tpollination", "",
    ]), encoding="latin-1")
    roots = {entry.lemma: entry.root for entry in read_dictionary(stems)}
    assert roots == {"ba$ak-u_1": "b$k", "baDaE-a_1": "bDE", "biDoE_1": "bDE", "<iborap_1": "Abr",
                     "<iborAhiym_1": "", "ta>obiyr_2": "Abr"}  # a word of the root after a ";" keeps it


def root_of(word, gloss_word):
    return next(a.root_letters for a in lookup(word).analyses if gloss_word in a.gloss)


def test_roots_in_the_lexicon():
    assert root_of("بضع", "several") == "ب ض ع"  # under the heading of b$k before
    assert root_of("بصير", "") == "ب ص ر"
    assert root_of("كتب", "write") == "ك ت ب"
    assert all(not a.root for a in lookup("إبراهيم").analyses)  # a name, not of the root ابر


@pytest.fixture
def frequencies():
    if unavailable_reason():
        pytest.skip(unavailable_reason())


def test_a_derived_reading_takes_only_the_band_of_its_own_word(frequencies):
    readings = {a.vocalized: analysis_frequency(a) for a in lookup("مستعرض").analyses if a.derived_from}
    active = [f for v, f in readings.items() if "رِض" in v]
    passive = [f for v, f in readings.items() if "رَض" in v]
    assert active and all(f is not None and f.entry == "مُسْتَعْرِض" for f in active)
    assert passive and all(f is None for f in passive)  # the list has the active participle only


def test_a_name_the_translation_shows_has_no_band_of_the_word_it_spells(frequencies, capsys):
    assert name_in_translation("مستورا", "the UN envoy Staffan de Mistura said") == "Mistura"
    assert name_in_translation("قال", "the UN envoy Staffan de Mistura said") == ""
    assert main(["gloss", "مستورا", "سوريا", "--context", "de Mistura said Syria"]) == 0
    mistura, syria = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert mistura["name"] == "Mistura" and mistura["frequency_band"] is None
    assert mistura["analyses"][0]["gloss"].startswith("hidden")  # the reading is still listed
    assert syria["name"] == "Syria" and syria["frequency_band"] == 1  # a name the list counts keeps its band
    assert main(["gloss", "مستورا"]) == 0
    assert json.loads(capsys.readouterr().out)["frequency_band"] == 5  # without context: the adjective


def test_a_word_is_as_common_as_its_most_common_reading(frequencies):
    assert frequency_band("بضع") is FrequencyBand.TOP_3000  # بِضْع "several", listed after the verb
    assert frequency_band("مستعرضا") is FrequencyBand.LISTED  # the rare active participle
    assert frequency_band("لافروف") is None
