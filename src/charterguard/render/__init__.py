"""Report renderers: text for people, JSON and SARIF for machines."""
