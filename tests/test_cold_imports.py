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


SPACY_AFTER_A_CHECK = """
import json, sys
from charterguard.charter.model import Charter
from charterguard.engine import Checker
Checker(Charter.load("default")).check("Appelez Marie Dupont demain.", lang="fr")
cli_during_check = sorted(m for m in sys.modules if m.startswith("spacy.cli") or m in ("typer", "weasel"))
import spacy
download = spacy.cli.download  # Presidio reaches spaCy's command line this way, after `import spacy`
import spacy.cli.info
print(json.dumps({"cli_during_check": cli_during_check, "download": download.__module__,
                  "same": spacy.cli is sys.modules["spacy.cli"], "info": sorted(spacy.info(silent=True))[:2]}))
"""


def _run(code: str, *paths: Path) -> dict:
    pythonpath = os.pathsep.join([*map(str, paths), str(SRC), os.environ.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": pythonpath},
                          timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_a_check_does_not_import_spacys_command_line_yet_it_stays_importable_after() -> None:
    assert _run(SPACY_AFTER_A_CHECK) == {
        "cli_during_check": [], "download": "spacy.cli.download", "same": True, "info": ["location", "pipelines"],
    }


IMPORT_FAKE_SPACY = """
import json, sys
from charterguard.imports import import_spacy
spacy = import_spacy()
cli = "spacy.cli" in sys.modules
print(json.dumps({"helper": spacy.helper, "cli": cli, "info": spacy.info()}))
"""


def _fake_spacy(root: Path, init: str, **modules: str) -> Path:
    package = root / "spacy"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text(init)
    (package / "cli" / "__init__.py").write_text("helper = 'from spacy.cli'\n")
    (package / "cli" / "info.py").write_text("def info():\n    return 'real info'\n")
    for name, source in modules.items():
        (package / f"{name}.py").write_text(source)
    return root


def test_spacy_laid_out_otherwise_is_imported_the_ordinary_way(tmp_path: Path) -> None:
    fake = _fake_spacy(tmp_path, "from .cli import helper\nfrom .cli.info import info\n")
    assert _run(IMPORT_FAKE_SPACY, fake) == {"helper": "from spacy.cli", "info": "real info", "cli": True}


def test_a_spacy_module_reaching_into_the_command_line_while_spacy_imports_gets_the_real_one(tmp_path: Path) -> None:
    # __init__ has the one known line, but another module of spaCy imports from spacy.cli.
    fake = _fake_spacy(tmp_path, "from .other import helper\nfrom .cli.info import info\n", other="from .cli import helper\n")
    assert _run(IMPORT_FAKE_SPACY, fake) == {"helper": "from spacy.cli", "info": "real info", "cli": True}


def test_spacy_laid_out_as_known_is_imported_without_its_command_line(tmp_path: Path) -> None:
    fake = _fake_spacy(tmp_path, "helper = 'own'\nfrom .cli.info import info  # noqa: F401\n")
    assert _run(IMPORT_FAKE_SPACY, fake) == {"helper": "own", "info": "real info", "cli": False}
