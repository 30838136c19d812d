"""What a word's links say for its gloss, on the sample with its human translation as the
translation (no model): the linked English, the reading matching it first, names first."""
import pytest

from models.alignment.gloss_context import WordContext, rank_by_links, word_context
from models.alignment.lexical import default_reader
from models.alignment.link_cache import LinkCache
from models.lexicon.lookup import lookup
from models.lexicon.ranking import rank

ARABIC = ("وقال وزير الخارجية الأميركي جون كيري عقب لقاء مع نظيره الروسي سيرغي لافروف، في جنيف، إن المبعوث"
          " الدولي إلى سوريا ستفان دي مستورا سيعمل على إعادة أطراف الأزمة إلى طاولة الحوار.")


@pytest.fixture(scope="module")
def pair(draft_text):
    english = next(line for line in draft_text.splitlines() if "de Mistura" in line)
    reader = default_reader()
    if reader.lexicon is None:
        pytest.skip("the Buckwalter lexicon is not available")
    return LinkCache(reader).index(ARABIC, english), english, reader.lexicon


@pytest.mark.parametrize("word, name", [("كيري", "Kerry"), ("مستورا", "Mistura"), ("لافروف", "Lavrov")])
def test_a_word_linked_by_its_letters_to_an_english_name_gives_that_name(pair, word, name):
    index, english, _ = pair
    assert word_context(index, english, ARABIC.index(word)) == WordContext(name, name)


def test_the_linked_english_of_a_common_word(pair):
    index, english, lexicon = pair
    context = word_context(index, english, ARABIC.index("المبعوث"))
    assert context.linked == "the envoy" and context.name == ""
    assert word_context(index, english, ARABIC.index(" ")) == WordContext()  # a space is no word


def test_the_reading_whose_gloss_matches_the_linked_words_comes_first(pair):
    _, _, lexicon = pair
    readings = rank(lookup("العسكري", lexicon), "the military said")
    assert readings[0].gloss.startswith("military") and any("soldier" in r.gloss for r in readings[1:])
    ranked = rank_by_links(readings, "soldiers")  # an inflected form of the gloss's word
    assert "soldier" in ranked[0].gloss
    assert sorted(map(id, ranked)) == sorted(map(id, readings))  # the same readings, reordered
    assert rank_by_links(readings, "") == readings
    assert rank_by_links(readings, "the") == readings  # function words say nothing
