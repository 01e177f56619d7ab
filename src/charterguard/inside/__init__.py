"""Inside information: topics by lemma, non-public and forward-looking cues,
already-public framing (see `analyzer`). Used by the `inside_information` rule kind."""
