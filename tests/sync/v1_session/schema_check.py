"""Check a JSON value against the protocol-1 message schemas (the JSON Schema subset pydantic
writes: $ref, anyOf, type, properties, required, additionalProperties, items, enum, const,
pattern, format uuid and date-time). Returns the problems found, each naming where."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def _format_ok(kind: str, value: str) -> bool:
    try:
        if kind == "uuid":
            uuid.UUID(value)
        elif kind == "date-time":
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def problems(schema: dict[str, Any], value: Any, root: dict[str, Any], at: str = "$") -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return problems(root["$defs"][name], value, root, at)
    if "anyOf" in schema:
        tried = [problems(option, value, root, at) for option in schema["anyOf"]]
        return [] if any(not t for t in tried) else [f"{at}: matches none of {tried}"]
    out: list[str] = []
    kind = schema.get("type")
    if kind is not None:
        allowed = TYPES[kind]
        if not isinstance(value, allowed) or (kind == "integer" and isinstance(value, bool)):
            return [f"{at}: expected {kind}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{at}: {value!r} is not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        out.append(f"{at}: {value!r} is not {schema['const']!r}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            out.append(f"{at}: {value!r} does not match {schema['pattern']}")
        if "format" in schema and not _format_ok(schema["format"], value):
            out.append(f"{at}: {value!r} is not a {schema['format']}")
    if isinstance(value, list) and "items" in schema:
        for n, item in enumerate(value):
            out.extend(problems(schema["items"], item, root, f"{at}[{n}]"))
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                out.append(f"{at}: the field {key!r} is missing")
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                out.extend(problems(properties[key], item, root, f"{at}.{key}"))
            elif extra is False:
                out.append(f"{at}: the field {key!r} is unknown to a protocol-1 laptop")
            elif isinstance(extra, dict):
                out.extend(problems(extra, item, root, f"{at}.{key}"))
    return out
