"""Machine translation of an article, sentence by sentence, with a MarianMT model.

==================  =========================================================================
``settings``        what the engine is asked to do (:class:`DecodingSettings`, backend names)
                    and the one translation cache key; torch-free, for the GUI thread
``model_files``     where a model's files are, whether they make a model, download from the
                    Hugging Face hub; torch-free, for the GUI thread
``backends/``       one module per backend (``ctranslate2``, ``torch``) behind a small base
                    class, and the registry that loads them; run a model on token ids
``scheduler``       the order and batches in which sentences reach the model (screen first,
                    then reading order; like lengths; the greedy draft); pure Python
``engine``          :func:`load_engine` and :class:`Engine`: tokenizer, backend and scheduler
                    together; imported only in the translation worker
``pipeline``        :func:`translate_document`: a document through an engine and the cache
``cache``           :class:`TranslationCache`: translations already made, in SQLite
==================  =========================================================================
"""
