"""One renderer interface: every format is a writer with one signature, chosen from one registry."""

from __future__ import annotations

import inspect
import io
import subprocess
import sys
from dataclasses import replace
from functools import cache
from importlib import import_module
from pathlib import Path

import pytest

from checker.render import ALIASES, RENDERERS, RenderOptions, UnknownFormat, View, format_names, renderer_for
from checker.result import RunResult

REPO = Path(__file__).resolve().parents[1]
RENDER_MODULES = sorted({renderer.target.split(":")[0] for renderer in RENDERERS} | {"checker.render", "checker.result"}
                        | {f"checker.render.{p.stem}" for p in (REPO / "checker" / "render").glob("*.py")
                           if p.stem != "__init__"})


@cache
def example_run() -> RunResult:
    from checker.pipeline import run

    return run([REPO / "claims" / "corpus"])


@pytest.mark.parametrize("renderer", RENDERERS, ids=lambda r: f"{r.view.value}-{r.name}")
def test_render_interface_every_renderer_has_the_one_signature_and_writes(renderer) -> None:
    module, function = renderer.target.split(":")
    writer = getattr(import_module(module), function)
    assert list(inspect.signature(writer).parameters) == ["result", "options", "out"]
    result = example_run()
    if renderer.view is View.check:  # what `checker check` passes: the drafts' findings, with a path each
        result = RunResult(findings=[replace(f, path="draft.md", line=3, column=7)
                                     for f in result.findings if f.code == "CC101"])
    out = io.StringIO()
    renderer.write(result, RenderOptions(width=100, color=False), out)
    assert out.getvalue().strip(), f"{renderer.view.value} --format {renderer.name} wrote nothing"
    assert renderer.render(result, RenderOptions(width=100, color=False)) == out.getvalue()


def test_render_interface_one_name_per_format_and_old_names_as_aliases() -> None:
    assert format_names(View.report)[0] == format_names(View.check)[0] == "text"  # the same default everywhere
    assert renderer_for(View.report, "terminal") is renderer_for(View.report, "text")
    assert renderer_for(View.sources, "terminal") is renderer_for(View.sources, "TEXT")
    assert renderer_for(View.claims, "table") is renderer_for(View.claims, "text")
    assert renderer_for(View.check, "terminal") is renderer_for(View.check, "text")
    assert set(ALIASES.values()) <= {r.name for r in RENDERERS}
    for view in View:
        names = format_names(view)
        assert len(names) == len(set(names))
    with pytest.raises(UnknownFormat, match="choose from text, json"):
        renderer_for(View.check, "markdown")


@pytest.mark.parametrize("module", RENDER_MODULES)
def test_render_interface_importing_a_renderer_does_not_import_pandas(module: str) -> None:
    """A renderer reads a RunResult (checker.result): importing one must not pull in pandas or pandera."""
    code = (f"import sys, {module}\n"
            "heavy = sorted(m for m in ('pandas', 'pandera', 'duckdb', 'trafilatura') if m in sys.modules)\n"
            "print(','.join(heavy))")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "", f"importing {module} imported {completed.stdout.strip()}"


def test_render_interface_the_command_line_holds_no_format_logic() -> None:
    """cli.py wires options to the registry: no JSON, CSV or table building of its own."""
    source = (REPO / "checker" / "cli.py").read_text(encoding="utf-8")
    for sign in ("import json", "import csv", "json.dumps", "DictWriter", "Table(", "OutputFormat", "== \"json\""):
        assert sign not in source, sign


@pytest.mark.parametrize("renderer", RENDERERS, ids=lambda r: f"{r.view.value}-{r.name}")
def test_render_interface_no_format_writes_a_raw_terminal_escape_from_input(renderer) -> None:
    """Whatever the format, printing it (`cat report.*`) sends no escape sequence or control character from input."""
    from hostile_records import PAYLOAD, hostile_run

    text = renderer.render(hostile_run(PAYLOAD), RenderOptions(width=200, color=False))
    assert text.strip()
    for control in ("\x1b", "\x07", "\x9b", "\x9d", "\x9c"):
        assert control not in text, (renderer.name, repr(control))


@pytest.mark.parametrize("renderer", RENDERERS, ids=lambda r: f"{r.view.value}-{r.name}")
def test_render_interface_no_field_from_input_starts_a_line_of_output(renderer) -> None:
    """A file name, outlet, title or speaker holding a newline and '::error ...::' forges no GitHub workflow
    command in any format printed to a CI log: no line of output starts with what came after the newline."""
    from hostile_records import PAYLOAD, hostile_run

    text = renderer.render(hostile_run(PAYLOAD), RenderOptions(width=200, color=False))
    forged = [line for line in text.splitlines() if line.lstrip(" │|>").startswith("::error title=forged")]
    assert not forged, (renderer.name, forged[:3])
