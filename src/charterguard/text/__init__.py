"""Text utilities shared by every detector: normalisation with offset maps, term
matching, language detection and social-media entities."""
