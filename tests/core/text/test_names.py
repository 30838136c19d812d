from models.text.names import arabic_name_keys, english_name_keys


def test_transliterated_names_share_a_skeleton():
    arabic = arabic_name_keys("وقال كيري ولافروف في جنيف وواشنطن إن أستراليا وفنزويلا وهايتي")
    english = english_name_keys("Kerry and Lavrov said in Geneva and Washington that Australia, Venezuela and Haiti")
    assert set(english) <= arabic


def test_function_words_are_not_names():
    assert english_name_keys("The Secretary of State and the Council") == []
