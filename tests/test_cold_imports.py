"""A cold process imports only what the post needs: Presidio loads for the posts its recognizers can match."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

CHECK_ONE = """
import json, sys
from charterguard.charter.model import Charter
from charterguard.engine import Checker
report = Checker(Charter.load("default")).check(sys.argv[1], lang="fr")
print(json.dumps({"presidio": "presidio_analyzer" in sys.modules, "entities": sorted(f.entity for f in report.findings)}))
"""


def _cold_check(text: str) -> dict:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run([sys.executable, "-c", CHECK_ONE, text], capture_output=True, text=True, env=env, timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_a_post_nothing_of_presidio_can_match_does_not_import_it() -> None:
    # Loading the spaCy pipeline used to import it too (spaCy loads every package's factories).
    result = _cold_check("Le projet avance bien, appelez Marie Dupont au 06 12 34 56 78 pour en parler.")
    assert result == {"presidio": False, "entities": ["PERSON", "PERSON", "PHONE_NUMBER"]}


def test_a_post_with_an_email_address_uses_presidio_recognizer() -> None:
    result = _cold_check("Écrivez à marie.dupont@gmail.com pour les photos du salon.")
    assert result["presidio"] is True and "EMAIL_ADDRESS" in result["entities"]
