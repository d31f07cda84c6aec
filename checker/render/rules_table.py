"""The rule listing of ``checker rules``: code, name, severity, status, whether selected, and what it finds."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, TextIO

from rich.table import Table

from checker.render.terminal import make_console, plain

if TYPE_CHECKING:
    from checker.rulebook import Rule


def write_rules_table(rules: Sequence[Rule], enabled: Collection[str], out: TextIO) -> None:
    """The table, then the families and how to explain one rule."""
    from checker.rulebook import FAMILIES

    console = make_console(file=out)
    wide = console.width >= 110  # the summary column only where it fits; `checker rules CODE` has it all
    table = Table(title=f"Rules ({len(rules)})", expand=False)
    for column in ("code", "name", "severity", "status", "on"):
        table.add_column(column, no_wrap=True)
    if wide:
        table.add_column("what it finds", no_wrap=True, overflow="ellipsis", max_width=console.width - 82)
    for rule in rules:
        row = [rule.code, rule.name, rule.severity, rule.status, "yes" if rule.code in enabled else "no"]
        if wide:
            row.append(" ".join(rule.description["what"].split()))
        table.add_row(*(plain(cell) for cell in row))
    console.print(table)
    console.print(plain("Families: " + "; ".join(f"{code} {name}" for code, name in FAMILIES.items())))
    console.print(plain("Explain one with: checker rules CODE"))
