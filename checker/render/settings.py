"""``--show-settings``: the settings in force, written as TOML, each with where it comes from."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from typing import TextIO

from checker.config import Settings
from checker.render.escape import escape_controls

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_value(value: object) -> str:
    """A setting's value as TOML writes it (strings as JSON writes them, which TOML reads the same)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = [f"{key if _BARE_KEY.match(key) else json.dumps(key)} = {toml_value(item)}"
                 for key, item in value.items()]
        return "{ " + ", ".join(items) + " }" if items else "{}"
    return json.dumps(str(value))


def write_settings(settings: Settings, configured: Settings, given: set[str], out: TextIO) -> None:
    """Every setting, one a line, as it would be written in checker.toml, with a comment saying where its value
    comes from: ``default``, the configuration file and line, or the option given (``--select``). A setting
    with no value is written as a comment. ``configured`` holds the file's settings, ``given`` the options."""
    origin_file = settings.source or "none found (the defaults)"
    rows = []
    for field in fields(Settings):
        name = field.name
        if name in ("source", "origins"):
            continue
        key = name.replace("_", "-")
        value = getattr(settings, name)
        froms = [configured.origins[name]] if name in configured.origins else []
        froms += [f"--{key}"] if name in given else []
        rows.append((f"{key} = {toml_value(value)}" if value is not None else f"# {key} is not set",
                     ", ".join(froms) or "default"))
    column = min(max(len(written) for written, _ in rows), 40) + 2
    lines = [f"# the settings in force; configuration file: {origin_file}"]
    lines += [f"{written.ljust(column - 2)}  # {origin}" for written, origin in rows]
    out.write("".join(escape_controls(line) + "\n" for line in lines))
