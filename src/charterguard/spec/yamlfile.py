"""Read YAML keeping where every value came from (file, line, column).

`load_marked(path)` returns plain dicts/lists subclasses (`MarkedDict`,
`MarkedList`) whose `marks` say where each entry was written, so validation
errors can point at the exact line even after `extends` merged several files.
It also refuses YAML bombs (aliases that expand exponentially), duplicate keys,
oversized files, deep nesting, too many values, control characters and
impossible dates, each with a clear `CharterError` naming the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import CharterError
from ..files import FileReadError, read_regular_file

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_EXPANDED_NODES = 200_000  # a real charter with 10,000 code names has ~10,000 nodes
MAX_DEPTH = 200  # a real charter nests about 6 levels


@dataclass(frozen=True, slots=True)
class Mark:
    file: str
    line: int  # 1-based
    column: int  # 1-based


class MarkedDict(dict[Any, Any]):
    """A dict that knows where it and each of its values were written."""

    def __init__(self, *args: Any, mark: Mark | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mark = mark
        self.marks: dict[Any, Mark] = {}


class MarkedList(list[Any]):
    def __init__(self, *args: Any, mark: Mark | None = None) -> None:
        super().__init__(*args)
        self.mark = mark
        self.marks: list[Mark | None] = []


def load_marked(path: Path) -> Any:
    """Parse one YAML file into Marked containers."""
    name = str(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except FileReadError as exc:
        hint = "check the path, or use a built-in charter name such as 'default'" if str(exc) == "file not found" else None
        raise CharterError(str(exc), file=name, hint=hint) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CharterError(f"not valid UTF-8 (byte {exc.start})", file=name, hint="save the charter as UTF-8") from None
    return parse_marked(text, name)


def parse_marked(text: str, name: str) -> Any:
    composed = _compose_with_libyaml(text, name)
    if composed is not None:
        node, fast_loader = composed
        try:
            return _built(node, fast_loader, name)
        finally:
            fast_loader.dispose()
    loader: _BoundedLoader | None = None
    try:
        # The reader checks every character as it is built: inside the `try`.
        loader = _BoundedLoader(text, name)
        _count_with_libyaml(text, name)
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        line, column = _line_column(text, exc.position)
        raise CharterError(
            f"control character U+{exc.character:04X} is not allowed in YAML" if isinstance(exc.character, int)
            else f"invalid character: {exc.reason}",
            file=name, line=line, column=column, hint="remove it, or write it as an escape (\\x07) in a double-quoted string",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise CharterError(
            f"invalid YAML: {exc.problem or exc.context}",
            file=name,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint="check indentation, colons and quotes around this point",
        ) from None
    except yaml.YAMLError as exc:
        raise CharterError(f"invalid YAML: {exc}", file=name) from None
    finally:
        if loader is not None:
            loader.dispose()
    return _built(node, loader, name)


def _built(node: yaml.Node | None, loader: yaml.SafeLoader | yaml.CSafeLoader, name: str) -> Any:
    if node is None:
        return MarkedDict(mark=Mark(name, 1, 1))
    _check_expansion(node, name)
    return _build(node, loader, name)


def _compose_with_libyaml(text: str, name: str) -> tuple[yaml.Node | None, Any] | None:
    """The node tree composed by libyaml (the default charter: ~0.15 s faster than PyYAML's
    Python composer), with the same tags, values and line/column marks; None when libyaml is
    missing or refuses the text, so that the Python parser gives its known error messages.

    Characters the Python reader refuses are left to it; too deep or too many values are
    refused before libyaml composes (its composer recurses once per level)."""
    if not yaml.__with_libyaml__ or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    _count_with_libyaml(text, name)
    loader = yaml.CSafeLoader(text)
    try:
        return loader.get_single_node(), loader
    except yaml.YAMLError:
        loader.dispose()
        return None


def _line_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, position) + 1, position - line_start + 1


def _count_with_libyaml(text: str, name: str) -> None:
    """Refuse too deep or too many values in a fast C pass (0.5 s for 200,000 values where
    PyYAML takes 3 s) before the Python parser that keeps marks. Syntax errors are left to
    the Python parser, whose messages the rest of the loader knows."""
    if not yaml.__with_libyaml__:
        return  # _BoundedLoader enforces the same limits, only slower
    from yaml._yaml import CParser

    parser = CParser(text)
    depth = nodes = 0
    try:
        while (event := parser.get_event()) is not None and not isinstance(event, yaml.StreamEndEvent):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
                continue
            elif not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
                continue
            nodes += 1
            if depth > MAX_DEPTH or nodes > MAX_EXPANDED_NODES:
                raise CharterError(
                    f"YAML nested too deeply (more than {MAX_DEPTH} levels)" if depth > MAX_DEPTH
                    else f"the YAML holds more than {MAX_EXPANDED_NODES} values",
                    file=name, line=event.start_mark.line + 1, column=event.start_mark.column + 1,
                )
    except yaml.YAMLError:
        return
    finally:
        parser.dispose()


class _BoundedLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML is untyped here (Any)
    """SafeLoader refusing, while it composes, nesting deeper than MAX_DEPTH (PyYAML recurses
    once per level: 5,000 `[` would overflow Python's stack) and more than MAX_EXPANDED_NODES
    values (so a 9 MB flat list is refused after 200,000 values, not after parsing it all)."""

    def __init__(self, text: str, name: str) -> None:
        super().__init__(text)
        self.name, self.depth, self.nodes = name, 0, 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        self.depth += 1
        self.nodes += 1
        if self.depth > MAX_DEPTH or self.nodes > MAX_EXPANDED_NODES:
            mark = self.peek_event().start_mark
            problem = (
                f"YAML nested too deeply (more than {MAX_DEPTH} levels)" if self.depth > MAX_DEPTH
                else f"the YAML holds more than {MAX_EXPANDED_NODES} values"
            )
            raise CharterError(problem, file=self.name, line=mark.line + 1, column=mark.column + 1)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _mark(node: yaml.Node, name: str) -> Mark:
    return Mark(name, node.start_mark.line + 1, node.start_mark.column + 1)


def _check_expansion(root: yaml.Node, name: str) -> None:
    """Refuse documents whose aliases expand to too many nodes ("billion laughs")."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise CharterError(f"YAML nested too deeply (more than {MAX_DEPTH} levels)", file=name, line=node.start_mark.line + 1)
        key = id(node)
        if key in sizes:
            return sizes[key]
        sizes[key] = MAX_EXPANDED_NODES + 1  # a cycle counts as too big
        if isinstance(node, yaml.MappingNode):
            total = 1 + sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(v, depth + 1) for v in node.value)
        else:
            total = 1
        sizes[key] = min(total, MAX_EXPANDED_NODES + 1)
        if total > MAX_EXPANDED_NODES:
            raise CharterError(
                f"the YAML expands to more than {MAX_EXPANDED_NODES} values through anchors and aliases",
                file=name,
                line=node.start_mark.line + 1,
                hint="this looks like a YAML bomb; write lists out instead of nesting aliases",
            )
        return total

    size(root, 0)


def _build(node: yaml.Node, loader: yaml.SafeLoader | yaml.CSafeLoader, name: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves "<<" merge keys
        out = MarkedDict(mark=_mark(node, name))
        for key_node, value_node in node.value:
            key = _build(key_node, loader, name)
            if isinstance(key, (dict, list)):
                raise CharterError("a mapping key must be a plain value", file=name, line=key_node.start_mark.line + 1)
            if key in out:
                m = _mark(key_node, name)
                raise CharterError(
                    f"duplicate key {key!r}", file=name, line=m.line, column=m.column,
                    hint=f"it is already defined at line {out.marks[key].line}; keep one",
                )
            out[key] = _build(value_node, loader, name)
            out.marks[key] = _mark(value_node, name)
        return out
    if isinstance(node, yaml.SequenceNode):
        out_list = MarkedList(mark=_mark(node, name))
        for item in node.value:
            out_list.append(_build(item, loader, name))
            out_list.marks.append(_mark(item, name))
        return out_list
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        m = _mark(node, name)
        raise CharterError(f"invalid value: {exc.problem}", file=name, line=m.line, column=m.column) from None
    except (ValueError, OverflowError) as exc:  # 2026-02-30 parses as a date, then datetime refuses it
        m = _mark(node, name)
        what = "date" if node.tag == "tag:yaml.org,2002:timestamp" else "value"
        raise CharterError(f"invalid {what}: {exc}", file=name, line=m.line, column=m.column,
                           hint="dates are written YYYY-MM-DD" if what == "date" else None) from None


def deep_merge(base: Any, override: Any) -> Any:
    """`override` on top of `base`: mappings merge key by key, anything else is replaced."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = MarkedDict(base, mark=getattr(override, "mark", None) or getattr(base, "mark", None))
        merged.marks = dict(getattr(base, "marks", {}))
        for key, value in override.items():
            merged[key] = deep_merge(base[key], value) if key in base else value
            if isinstance(override, MarkedDict) and key in override.marks:
                merged.marks[key] = override.marks[key]
        return merged
    return override
