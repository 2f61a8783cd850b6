"""The explorer's look: colours, shapes and names per type, relation and status.

Read from ``kg/data/viz_style.toml`` and validated, because colours and
fonts are copied into CSS unescaped.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.errors import DataFileError

__all__ = ["Style", "TypeStyle", "load_style", "node_color", "parse_style"]

_STYLE_FILE = "viz_style.toml"
_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
#: Font stacks go into CSS verbatim: allow names, quotes, commas and spaces.
_FONT_FACE = re.compile(r"[\w\s,'\"-]+")
_SHAPES = frozenset(
    {"dot", "square", "diamond", "star", "triangle", "triangleDown", "hexagon"}
)


@dataclass(frozen=True, slots=True)
class TypeStyle:
    name: str
    color: str
    border: str
    shape: str


@dataclass(frozen=True, slots=True)
class RelationStyle:
    name: str
    color: str


@dataclass(frozen=True, slots=True)
class StatusStyle:
    name: str
    dashes: bool


@dataclass(frozen=True, slots=True)
class Style:
    background: str
    font_face: str
    font_color: str
    dim_color: str
    dim_font_color: str
    edge_label_limit: int
    label_max_chars: int
    default_type: TypeStyle
    types: Mapping[str, TypeStyle]
    default_relation: RelationStyle
    relations: Mapping[str, RelationStyle]
    statuses: Mapping[str, StatusStyle]

    def type_style(self, type_: str) -> TypeStyle:
        return self.types.get(type_, self.default_type)

    def relation_style(self, relation: str) -> RelationStyle:
        return self.relations.get(relation, self.default_relation)


@lru_cache(maxsize=1)
def load_style() -> Style:
    """Read and validate the bundled ``viz_style.toml`` once per process."""
    path = resources.files("kg") / "data" / _STYLE_FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(str(path), 0, f"cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(str(path), 0, str(exc)) from exc
    return parse_style(raw, str(path))


def parse_style(raw: Mapping[str, Any], path: str) -> Style:
    """Build a :class:`Style` from parsed TOML, rejecting anything unsafe.

    Colours and fonts are copied into CSS without escaping (escaping would
    break CSS), so only plain ``#rrggbb`` colours and simple font names pass.
    """

    def fail(message: str) -> DataFileError:
        return DataFileError(path, 0, message)

    def table(obj: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(obj, Mapping):
            raise fail(f"[{where}] must be a table")
        return obj

    def text(obj: Mapping[str, Any], key: str, where: str) -> str:
        value = obj.get(key)
        if not isinstance(value, str) or not value:
            raise fail(f"{where}.{key} must be a non-empty string")
        return value

    def color(obj: Mapping[str, Any], key: str, where: str) -> str:
        value = text(obj, key, where)
        if not _HEX_COLOR.fullmatch(value):
            raise fail(f"{where}.{key} must be #rrggbb, got {value!r}")
        return value.lower()

    def positive(obj: Mapping[str, Any], key: str, where: str) -> int:
        value = obj.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise fail(f"{where}.{key} must be a positive integer")
        return value

    def type_style(obj: Any, where: str) -> TypeStyle:
        obj = table(obj, where)
        shape = text(obj, "shape", where)
        if shape not in _SHAPES:
            raise fail(f"{where}.shape must be one of {sorted(_SHAPES)}")
        return TypeStyle(
            name=text(obj, "name", where),
            color=color(obj, "color", where),
            border=color(obj, "border", where),
            shape=shape,
        )

    def relation_style(obj: Any, where: str) -> RelationStyle:
        obj = table(obj, where)
        return RelationStyle(
            name=text(obj, "name", where), color=color(obj, "color", where)
        )

    def status_style(obj: Any, where: str) -> StatusStyle:
        obj = table(obj, where)
        dashes = obj.get("dashes")
        if not isinstance(dashes, bool):
            raise fail(f"{where}.dashes must be true or false")
        return StatusStyle(name=text(obj, "name", where), dashes=dashes)

    page = table(raw.get("page"), "page")
    font_face = text(page, "font_face", "page")
    if not _FONT_FACE.fullmatch(font_face):
        raise fail("page.font_face may hold only names, quotes, commas and spaces")
    return Style(
        background=color(page, "background", "page"),
        font_face=font_face,
        font_color=color(page, "font_color", "page"),
        dim_color=color(page, "dim_color", "page"),
        dim_font_color=color(page, "dim_font_color", "page"),
        edge_label_limit=positive(page, "edge_label_limit", "page"),
        label_max_chars=positive(page, "label_max_chars", "page"),
        default_type=type_style(raw.get("default_type"), "default_type"),
        types={
            k: type_style(v, f"types.{k}")
            for k, v in table(raw.get("types"), "types").items()
        },
        default_relation=relation_style(
            raw.get("default_relation"), "default_relation"
        ),
        relations={
            k: relation_style(v, f"relations.{k}")
            for k, v in table(raw.get("relations"), "relations").items()
        },
        statuses={
            k: status_style(v, f"statuses.{k}")
            for k, v in table(raw.get("statuses"), "statuses").items()
        },
    )


def node_color(ts: TypeStyle) -> dict[str, Any]:
    return {
        "background": ts.color,
        "border": ts.border,
        "highlight": {"background": ts.color, "border": "#111111"},
        "hover": {"background": ts.color, "border": "#111111"},
    }
