"""charterguard shipped as a zip (`spark-submit --py-files charterguard-*.whl`) works from the zip:
the driver finds the built-in charters (it resolves `extends: default` before shipping the charter),
and a Python worker rebuilds the shipped charter and checks posts with the tone model read from the zip.
No Spark needed: a plain interpreter with only the zip on its path for charterguard."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from spark_standalone import package_zip

SCRIPT = """
import json, sys
import charterguard
from charterguard.spark import ship
from charterguard.sources import PostRow
assert charterguard.__file__.startswith(sys.argv[1]), charterguard.__file__
gate = ship(sys.argv[2])
report = gate.row_checker().check([PostRow(id=1, text=sys.argv[3], uri="zip", lang="fr")])[0].to_dict()
print(json.dumps({"charter": report["charter"], "rules": sorted({f["rule"] for f in report["findings"]})}))
"""


def test_the_zipped_package_resolves_built_in_charters_and_checks(tmp_path: Path) -> None:
    archive = package_zip(tmp_path / "charterguard.zip")
    (tmp_path / "team.yaml").write_text("extends: default\nname: team\ncompany:\n  codenames: [Colibri]\n",
                                        encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(archive)}  # the editable install comes after PYTHONPATH on sys.path
    post = "Le projet Colibri : nos concurrents sont des escrocs, leur produit est une arnaque totale."
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(archive), "team.yaml", post],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    from charterguard.charter.model import Charter

    local = Charter.load(tmp_path / "team.yaml")
    assert result["charter"] == {"name": "team", "version": local.version, "sha256": local.sha256}
    assert "confidential.codenames" in result["rules"], result
    assert any(rule.startswith("tone.") for rule in result["rules"]), result  # the tone model, read from the zip
