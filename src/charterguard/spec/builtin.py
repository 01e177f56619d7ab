"""Where the built-in charters (the repository's `policies/` folder) live."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def builtin_dir() -> Path:
    """`policies/`: inside the installed wheel, or at the repository root in a checkout."""
    for candidate in (_PACKAGE / "policies", _PACKAGE.parent.parent / "policies"):
        if candidate.is_dir():
            return candidate
    unpacked = _unpacked_from_zip()
    if unpacked is not None:
        return unpacked
    raise FileNotFoundError("the built-in policies folder is missing from this installation")


@lru_cache(maxsize=1)
def _unpacked_from_zip() -> Path | None:
    """The wheel's `policies/` copied to a temporary folder, when charterguard is
    imported from a zip (`spark-submit --py-files charterguard-*.whl`): charters
    are read as files (extends, error positions)."""
    from importlib import resources

    packed = resources.files("charterguard").joinpath("policies")
    if not packed.is_dir():
        return None
    folder = Path(tempfile.mkdtemp(prefix="charterguard-policies-"))
    for entry in packed.iterdir():
        if entry.name.endswith((".yaml", ".yml")):
            (folder / entry.name).write_bytes(entry.read_bytes())
    return folder


def builtin_names() -> list[str]:
    try:
        folder = builtin_dir()
    except FileNotFoundError:
        return []
    return sorted(p.stem for p in folder.glob("*.yaml"))


def builtin_path(name: str) -> Path | None:
    if "/" in name or "\\" in name or name.endswith((".yaml", ".yml")):
        return None
    try:
        path = builtin_dir() / f"{name}.yaml"
    except FileNotFoundError:
        return None
    return path if path.is_file() else None
