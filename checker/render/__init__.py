"""Renderers: one findings model, many output formats. The core never imports this package."""

from __future__ import annotations

from enum import Enum


class OutputFormat(str, Enum):
    """Formats of ``checker report``."""

    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"
    claimreview = "claimreview"
    sarif = "sarif"
    github = "github"
