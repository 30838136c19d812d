"""Readable names of the Buckwalter tags."""
from models.lexicon.tags import is_affix_tag, tag_name


def test_tag_names():
    assert tag_name("CONJ") == "conjunction"
    assert tag_name("NSUFF_FEM_PL") == "feminine plural"
    assert tag_name("NSUFF_FEM_DU_ACC") == "feminine dual"
    assert tag_name("IVSUFF_SUBJ:3MP_MOOD:I") == "subject suffix"
    assert tag_name("UNKNOWN_TAG") == "UNKNOWN_TAG"


def test_affix_tags():
    assert is_affix_tag("DET") and is_affix_tag("NSUFF_FEM_SG") and is_affix_tag("IV3MS")
    assert not is_affix_tag("NOUN") and not is_affix_tag("VERB_PERFECT")
