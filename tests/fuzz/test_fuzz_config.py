"""Fuzz targets for configuration files: checker.toml and [tool.checker] in pyproject.toml.

Properties for every file: ``load_settings`` returns Settings whose every field has the
type ``Settings`` declares, or raises ``ConfigError`` naming the file; nothing else. Rule
selectors from a file never crash the selector check.
"""

from __future__ import annotations

import json
import math
import typing
from dataclasses import fields
from datetime import date, datetime, time
from pathlib import Path

from fuzz_harness import SEEDS, fuzz_call, fuzz_settings, mutants, scratch_folder, text_with_hazards
from hypothesis import given
from hypothesis import strategies as st

from checker.config import SEVERITIES, ConfigError, Settings, load_settings
from checker.rulebook import load_rules, unknown_selectors

KEYS = [f.name.replace("_", "-") for f in fields(Settings) if f.name not in ("source", "origins")]
RULEBOOK = load_rules()

toml_scalars = st.one_of(
    st.sampled_from(["CC", "CC101", "CC1O1", "ZZ999", "sourcing.anonymous_source", *SEVERITIES, "house/", "a\x00b",
                     "../../etc", "/dev/zero", ""]),
    text_with_hazards(3),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["CC101", "x", "a b"]), inner,
                                                                         max_size=3)),
    max_leaves=6,
)


def toml_key(key: str) -> str:
    return key if key and all(c.isalnum() or c in "-_" for c in key) else json.dumps(key)


def toml_value(value: object) -> str:
    """A value written as TOML (a small writer: enough for what the strategies draw)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return json.dumps(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return repr(value) if abs(value) != float("inf") else ("inf" if value > 0 else "-inf")
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


@st.composite
def config_documents(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, text): a checker.toml or a pyproject.toml, mostly well-formed TOML."""
    keys = st.one_of(st.sampled_from(KEYS), st.sampled_from([k.replace("-", "_") for k in KEYS]), text_with_hazards(2))
    table = draw(st.dictionaries(keys, toml_values, max_size=6))
    lines = [f"{toml_key(key)} = {toml_value(value)}" for key, value in table.items()]
    name = draw(st.sampled_from(["checker.toml", "pyproject.toml"]))
    if name == "pyproject.toml":
        header = draw(st.sampled_from(["[tool.checker]", "[tool.ruff]\nselect = [\"E\"]\n[tool.checker]", "[tool]",
                                       "[tool.checker.severity]", ""]))
        lines.insert(0, header)
    else:  # the README's example pasted as it is, with its table header
        lines.insert(0, draw(st.sampled_from(["", "", "[tool.checker]", "[tool]"])))
    return name, "\n".join(lines) + "\n"


def assert_settings_typed(settings: Settings) -> None:
    hints = typing.get_type_hints(Settings)
    assert isinstance(settings.max_file_bytes, int) and not isinstance(settings.max_file_bytes, bool)
    assert settings.max_file_bytes > 0
    assert settings.fail_on in SEVERITIES
    for name in ("select", "ignore", "extend_select", "extend_ignore", "rule_paths", "against"):
        value = getattr(settings, name)
        assert isinstance(value, tuple) and all(isinstance(item, str) for item in value), (name, value)
    assert all(isinstance(k, str) and v in SEVERITIES for k, v in settings.severity.items())
    assert all(isinstance(k, str) and isinstance(v, tuple) and all(isinstance(s, str) for s in v)
               for k, v in settings.per_file_ignores.items())
    for name in ("priors", "input_root"):
        value = getattr(settings, name)
        assert value is None or (isinstance(value, str) and "\x00" not in value), (name, value)
    assert isinstance(settings.follow_symlinks, bool)
    assert set(hints) >= {f.name for f in fields(Settings)}


@fuzz_settings()
@given(config_documents(), SEEDS)
def test_fuzz_config_file(document: tuple[str, str], seed: int) -> None:
    name, text = document
    with scratch_folder() as folder:
        path = Path(folder) / name
        for variant in mutants(text, seed):
            path.write_text(variant, encoding="utf-8", errors="surrogatepass")
            settings = fuzz_call(f"config.{name}", load_settings, path, answers=(ConfigError,), shown=variant)
            if isinstance(settings, ConfigError):
                assert str(settings).startswith(str(path))
                continue
            assert_settings_typed(settings)
            for selectors in (settings.select, settings.ignore, tuple(settings.severity), settings.extend_select,
                              *settings.per_file_ignores.values()):
                assert set(unknown_selectors(RULEBOOK, selectors)) <= set(selectors)
