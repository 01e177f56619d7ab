"""Where the built-in charters (the repository's `policies/` folder) live."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def builtin_dir() -> Path:
    """`policies/`: inside the installed wheel, or at the repository root in a checkout."""
    for candidate in (_PACKAGE / "policies", _PACKAGE.parent.parent / "policies"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the built-in policies folder is missing from this installation")


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
