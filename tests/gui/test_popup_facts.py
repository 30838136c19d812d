"""The popup tells a learner the root, how common the word is, and where a derived reading comes from."""
import pytest

from gui.glossary_popup import GlossaryPopup
from models.lexicon import frequency


def shown(qtbot, service, word, translation=""):
    popup = GlossaryPopup()
    qtbot.addWidget(popup)
    popup.show_word(word, service.analyses(word, translation))
    popup.show()
    return popup


def test_popup_shows_root_and_frequency_band_of_a_verb(qtbot, service):
    popup = shown(qtbot, service, "كتب", "wrote")
    best = popup.best_label.text()
    assert "ك ت ب" in best and "root" in best
    if frequency.unavailable_reason() is None:
        assert "very common (top 1,000) · band 1 of 5" in best
    assert "Derived" not in best  # a lexicon reading is no guess


def test_popup_marks_a_derived_participle_as_a_guess_with_its_verb_and_form(qtbot, service):
    popup = shown(qtbot, service, "مستعرضا", "reviewing")
    best = popup.best_label.text()
    assert "Derived (a guess, not in the lexicon):" in best
    assert "active participle of" in best and "اِسْتَعْرَضَ" in best and "form X" in best
    assert "ع ر ض" in best  # the root of a derived noun too


def test_backoff_reading_has_no_root_or_frequency(qtbot, service):
    popup = shown(qtbot, service, "ولافروف")
    assert "root" not in popup.backoff_label.text() and "band" not in popup.backoff_label.text()
