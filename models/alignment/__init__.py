"""Word alignment: links between the words of an Arabic sentence and of its English translation
(:mod:`models.alignment.word_links` for the result type and hover lookups,
:mod:`models.alignment.lexical` from the lexicon, :mod:`models.alignment.attention` from a
model's alignment attention, :mod:`models.alignment.forced` for getting that attention).
Sentence alignment of a draft is :mod:`models.drafts.alignment`."""
