"""Tone risks in French and English posts: insults, aggression, hate, disparagement
of the employer, colleagues, customers or competitors, and (optional) negativity,
shouting and excessive punctuation.

Pieces, each cheap to import (data loads on first use):

- `lexicon`: hand-written lexicons (``data/lexicon_*.txt``) compiled into a
  `TermIndex` with masked spellings ("f*ck") and regex constructions ("je vais te ...");
- `targets`: who a negative judgement is about (``data/targets.txt`` + the charter's
  company names and competitors), so "ce concurrent est une arnaque" is a risk and
  "cette arnaque au faux conseiller circule" is not;
- `model`: a small linear model over word and character n-grams, trained by
  `python -m charterguard.tone.train`, shipped as ``data/model_*.json.gz`` and run in
  pure Python (no scikit-learn at run time), with Platt-calibrated probabilities;
- `sentence_model`: the English second stage of the model, the sentence encoder's reading
  (of the post and of each of its sentences) stacked with the n-gram margin for posts past
  a gate (built by `train_sentence`);
- `analyzer`: puts them together and returns `ToneFinding`s with original offsets.

See MODEL_CARD.md for the data, scores and limits.
"""
