"""Sentence meaning: a multilingual sentence encoder (`encoder`) and classifiers
that generalise from example sentences (`examples`). Used by the `semantic` rule kind."""
