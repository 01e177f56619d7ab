"""`charterguard check --linkedin-export`: a member's LinkedIn data export audited field by field.

The exports are synthetic, written here with LinkedIn's documented CSV layout
(Profile.csv, Positions.csv with a "Notes:" preamble as some export files have,
Projects.csv, Shares.csv), in a sub-folder of the zip as some archives are.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

from charterguard.report import report_json_schema

CHARTER = str(Path(__file__).parent / "data" / "charters" / "codenames.yaml")

PROFILE = [["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry", "Zip Code",
            "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"],
           ["Marie", "Durand", "", "", "", "Cheffe de projet chez Acme",
            "Dix ans de conduite de projets industriels.\nAujourd'hui sur BlueHarbor et la refonte du SI.", "Industrie", "", "Lyon", "", "", ""]]
POSITIONS = [["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
             ["Acme Group", "Chef de projet Colibri", "Pilotage du programme.", "Lyon", "Jan 2024", ""],
             ["Acme Group", "Ingénieure", "", "Lyon", "Mar 2019", "Dec 2023"]]
SHARES = [["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
          ["2025-05-04 10:11:12", "https://www.linkedin.com/feed/update/1", "Ravie de rejoindre l'équipe !", "", "", "MEMBER_NETWORK"],
          ["2025-06-01 08:00:00", "https://www.linkedin.com/feed/update/2", "#a #b #c en route", "", "", "MEMBER_NETWORK"]]


def csv_bytes(rows: list[list[str]], preamble: str = "") -> bytes:
    buffer = io.StringIO(newline="")
    buffer.write(preamble)
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def make_export(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"Basic_LinkedInDataExport_05-06-2025/{name}", data)
    return path


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return make_export(tmp_path / "export.zip", {
        "Profile.csv": csv_bytes(PROFILE),
        "Positions.csv": csv_bytes(POSITIONS, preamble="Notes:\n\"Positions you listed on your profile.\"\n\n"),
        "Shares.csv": csv_bytes(SHARES),
        "Comments.csv": csv_bytes([["Date", "Link", "Message"], ["2025-06-02 09:00:00", "https://www.linkedin.com/feed/update/3", "Bravo, on en reparle au comité Colibri"]]),
        "Connections.csv": b"First Name,Last Name\nA,B\n",  # not a field a post or profile shows: ignored
    })


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "charterguard", *args], check=False, capture_output=True, text=True, timeout=120)


def test_every_text_field_gets_its_own_report_with_the_code_names_found(export: Path) -> None:
    result = run("check", "--linkedin-export", str(export), "-c", CHARTER, "--format", "jsonl")
    assert result.returncode == 1, result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    for report in reports:
        jsonschema.validate(report, report_json_schema())
    by_id = {r["id"]: r for r in reports}
    # Empty fields (the second position's description) are not posts.
    assert list(by_id) == ["Profile.csv[1].Headline", "Profile.csv[1].Summary", "Positions.csv[1].Title",
                           "Positions.csv[1].Description", "Positions.csv[2].Title", "Shares.csv[1].ShareCommentary",
                           "Shares.csv[2].ShareCommentary", "Comments.csv[1].Message"]
    assert by_id["Positions.csv[1].Title"]["verdict"] == "block"
    assert [f["text"] for f in by_id["Positions.csv[1].Title"]["findings"]] == ["Colibri"]
    assert [f["text"] for f in by_id["Profile.csv[1].Summary"]["findings"]] == ["BlueHarbor"]
    assert by_id["Shares.csv[2].ShareCommentary"]["verdict"] == "warn"
    assert by_id["Profile.csv[1].Headline"]["verdict"] == "pass"
    assert by_id["Comments.csv[1].Message"]["verdict"] == "block"
    assert "8 posts, 3 at or above block" in result.stderr


def test_text_sarif_junit_and_github_formats_name_the_field_and_its_line(export: Path) -> None:
    text = run("check", "--linkedin-export", str(export), "-c", CHARTER, "--format", "text", "--no-color")
    assert "Positions.csv[1].Title" in text.stdout and "Colibri" in text.stdout

    sarif = json.loads(run("check", "--linkedin-export", str(export), "-c", CHARTER, "--format", "sarif").stdout)
    located = {(r["properties"]["postId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in sarif["runs"][0]["results"]}
    # Positions.csv's header is on line 4, after its 3-line preamble: its first row is line 5.
    assert (("Positions.csv[1].Title", f"{export.as_posix()}!/Positions.csv", 5)) in located
    assert ("Profile.csv[1].Summary", f"{export.as_posix()}!/Profile.csv", 2) in located

    junit = run("check", "--linkedin-export", str(export), "-c", CHARTER, "--format", "junit").stdout
    assert "Positions.csv[1].Title" in junit and "<failure" in junit

    github = run("check", "--linkedin-export", str(export), "-c", CHARTER, "--format", "github").stdout
    assert any(line.startswith("::error") and "Positions.csv,line=5" in line for line in github.splitlines())

    single = json.loads(run("check", "--linkedin-export", str(export), "-c", CHARTER, "--format", "json").stdout)
    assert [r["id"] for r in single][:3] == ["Profile.csv[1].Headline", "Profile.csv[1].Summary", "Positions.csv[1].Title"]


@pytest.mark.parametrize(("files", "message"), [
    ({"Positions.csv": csv_bytes(POSITIONS)}, "Profile.csv is missing (found: Positions.csv)"),
    ({"Profile.csv": csv_bytes([["First Name", "Headline"], ["Marie", "x"]])}, "no header row with the columns 'Headline', 'Summary'"),
    ({"Profile.csv": "Headline,Summary\nCafé,x\n".encode("latin-1")}, "Profile.csv: not valid UTF-8"),
])
def test_an_export_without_the_expected_csvs_is_refused_with_exit_2(tmp_path: Path, files: dict[str, bytes], message: str) -> None:
    result = run("check", "--linkedin-export", str(make_export(tmp_path / "bad.zip", files)), "-c", CHARTER)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_file_that_is_not_a_zip_is_refused_with_exit_2(tmp_path: Path) -> None:
    not_zip = tmp_path / "export.zip"
    not_zip.write_text("Headline,Summary\n", encoding="utf-8")
    result = run("check", "--linkedin-export", str(not_zip), "-c", CHARTER)
    assert result.returncode == 2 and "not a readable zip file" in result.stderr and "Traceback" not in result.stderr
    missing = run("check", "--linkedin-export", str(tmp_path / "nope.zip"), "-c", CHARTER)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    mixed = run("check", "--linkedin-export", str(not_zip), "Bonjour", "-c", CHARTER)
    assert mixed.returncode == 2 and "checks the export alone" in mixed.stderr


def test_an_export_with_only_profile_csv_is_checked_and_passes_when_clean(tmp_path: Path) -> None:
    """LinkedIn leaves out the CSVs of sections a member never filled."""
    profile = [["First Name", "Headline", "Summary"], ["Marie", "Ingénieure", ""]]
    export = make_export(tmp_path / "export.zip", {"Profile.csv": csv_bytes(profile)})
    result = run("check", "--linkedin-export", str(export), "-c", CHARTER, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["Profile.csv[1].Headline"]
