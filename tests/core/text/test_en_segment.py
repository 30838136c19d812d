from models.text.english_segmentation import segment_english


def texts(text):
    return [s.text for s in segment_english(text)]


def test_abbreviations_initials_decimals_and_quotes_do_not_end_sentences():
    text = ('The U.S. economy grew 3.5% in Sept. and Mr. J. R. Smith said "It is fine. We agree." '
            "Then he left.\nA new line is a new sentence")
    assert texts(text) == [
        'The U.S. economy grew 3.5% in Sept. and Mr. J. R. Smith said "It is fine. We agree."',
        "Then he left.",
        "A new line is a new sentence",
    ]


def test_offsets_point_into_the_text_and_cover_every_visible_character():
    text = "  First one.  Second one?\n\n\u00a0Third, with 2.5 million people. Fourth!  \n"
    sentences = segment_english(text)
    assert [s.text for s in sentences] == ["First one.", "Second one?", "Third, with 2.5 million people.", "Fourth!"]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    covered = "".join(s.text for s in sentences)
    assert "".join(text.split()) == "".join(covered.split())
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    assert [s.id for s in sentences] == [0, 1, 2, 3]


def test_blank_text_has_no_sentences():
    assert segment_english("") == []
    assert segment_english(" \n\t\n") == []


def test_sample_translation_sentences(draft_text):
    sentences = segment_english(draft_text)
    assert len(sentences) == 18
    assert sentences[1].text.endswith("August 26, 2016.")
    assert sentences[2].text == "REUTERS/Pierre Albouy"
    assert sentences[8].text.startswith('He said: "We do not want') and sentences[8].text.endswith('solution."')
