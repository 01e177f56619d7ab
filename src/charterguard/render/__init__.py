"""Output formats of `charterguard check` and `batch`: one `Renderer` (base.py) per
module, listed by name in formats.py; summary.py is the audit summary (JSON, HTML)."""
