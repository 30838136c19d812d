"""Qt-free core of the Arabic-English reading aid: documents, Arabic text handling,
sentence segmentation, translation, lexicon, alignment. Nothing here imports Qt."""
