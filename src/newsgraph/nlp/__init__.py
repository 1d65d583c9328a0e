"""The German spaCy pipeline: tokenizer fixes, sentences, tagger, NER."""
