"""The charter *spec*, the bottom layer: YAML with line numbers -> validated, typed specs
(`extends`, company, exceptions, the rule header). No detector code is imported here:
the kinds' option models are passed down (`loader.RuleKindSpec`)."""
