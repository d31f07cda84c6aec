"""The HTML report: self-contained, every piece of article text escaped, and it renders in a real browser."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.render import View, renderer_for
from tests.test_disputes import analyse, toll_story

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "claims" / "corpus"
PAYLOAD = ("Eight rockets were fired at the Green Zone on Sunday, December 20, 2020, officials said. "
           "<script>document.title='pwned'</script> <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> "
           "<a href=\"javascript:alert(1)\">click</a>")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def hostile_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, figure in (("a", "Eight"), ("b", "Twenty-one")):
        (corpus / f"{name}.md").write_text(
            f"---\ntitle: \"<script>alert('title')</script>\"\noutlet: \"<b onmouseover=alert(1)>Ledger {name}</b>\"\n"
            f"url: \"javascript:alert('{name}')\"\npublished: 2020-12-21\n---\n\n" + PAYLOAD.replace("Eight", figure) + "\n",
            encoding="utf-8")
    return corpus


def report_html(corpus: Path, output: Path) -> str:
    result = CliRunner().invoke(app, ["report", str(corpus), "--format", "html", "--exit-zero", "--output", str(output)])
    assert result.exit_code == 0, result.output
    return output.read_text(encoding="utf-8")


def test_render_html_article_payloads_are_not_live(tmp_path: Path) -> None:
    page = report_html(hostile_corpus(tmp_path), tmp_path / "report.html")
    parser = _Elements()
    parser.feed(page)
    tags = parser.tags
    assert not [t for t, _ in tags if t in ("script", "img", "iframe", "object", "embed")]
    assert not [(t, a) for t, a in tags for name in a if name.startswith("on")]
    assert not [a for _, a in tags if "javascript:" in (a.get("href") or "").lower()]
    assert "&lt;script&gt;" in page and "onerror" in page  # shown as text, so an editor can see what was there


def test_render_html_is_self_contained(tmp_path: Path) -> None:
    page = report_html(EXAMPLES, tmp_path / "report.html")
    parser = _Elements()
    parser.feed(page)
    external = [a for t, a in parser.tags if t in ("link", "script", "img") and (a.get("src") or a.get("href"))]
    assert not external and "Content-Security-Policy" in page
    assert "<svg" in page and "<mark>eight</mark>" in page and "<mark>21</mark>" in page


def _chromium() -> str | None:
    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_render_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium found (CI installs Debian's chromium package; elsewhere: apt-get install chromium)")
    page = tmp_path / "report.html"
    report_html(EXAMPLES, page)
    profile = tmp_path / "profile"
    shot = tmp_path / "report.png"
    subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}",
                    "--window-size=1200,1600", page.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.is_file() and shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dom = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=False).stdout
    for words in ("checker report", "CC101", "Iraqi military", "U.S. Central Command", "Sources", "1 error"):
        assert words in dom
    assert "<details>" in dom and "<details open" not in dom  # infos stay folded in the browser
    card = dom.split('class="finding error"', 1)[1].split('class="finding', 1)[0]  # the dispute's card
    assert card.count("<circle") == 5  # every copy of each position on the time axis: 3 of eight, 2 of 21
    assert '<table class="positions">' in card and "3 outlets, 2 independent" in card
    assert dom.index('<nav class="contents"') < dom.index('id="event-1"')


def test_render_html_payloads_do_not_run_in_chromium(tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium found (CI installs Debian's chromium package; elsewhere: apt-get install chromium)")
    page = tmp_path / "report.html"
    report_html(hostile_corpus(tmp_path), page)
    dom = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120, check=False).stdout
    assert "<title>checker report</title>" in dom and "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]


def test_render_html_contents_by_event_errors_first_infos_folded(tmp_path: Path) -> None:
    page = report_html(EXAMPLES, tmp_path / "report.html")
    contents = page.split('<nav class="contents"', 1)[1].split("</nav>", 1)[0]
    entries = contents.split("<li>")[1:]
    assert len(entries) == 2
    assert "Green Zone, 2020-12-20" in entries[0] and "1 error" in entries[0] and "1 warning" in entries[0]
    assert "Not tied to one event" in entries[1] and "5 infos" in entries[1]
    assert 'href="#event-1"' in entries[0] and 'id="event-1"' in page
    folded = page.split("<details>", 1)[1].split("</details>", 1)[0]
    assert "<summary>5 infos</summary>" in folded and folded.count("SR101") == 5
    assert "SR101" not in page.split("<details>", 1)[0]  # infos only inside the folded part
    assert "1 disputed figure · 1 error · 1 warning · 5 infos" in page and "1 errors" not in page and "notes" not in page


def test_render_html_responsibility_quotes_say_who_blames_and_who_denies(tmp_path: Path) -> None:
    page = report_html(EXAMPLES, tmp_path / "report.html")
    blame = page.split("CC102", 1)[1].split('<div class="finding', 1)[0]
    assert 'class="stance stance-asserts">blames' in blame and 'class="stance stance-denies">denies' in blame


def test_render_html_locations_are_file_names_and_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # from the working directory, as ruff prints them
    page = report_html(EXAMPLES, tmp_path / "report.html")
    assert "<code>claims/corpus/a_kestrel_valley_herald_2020-12-20.md:16</code>" in page
    assert "<code>claims/corpus/wire.jsonl:1 (text line 7)</code>" in page
    monkeypatch.chdir(tmp_path)  # the articles outside it: their paths as given
    page = report_html(EXAMPLES, tmp_path / "report.html")
    assert f"<code>{EXAMPLES}/a_kestrel_valley_herald_2020-12-20.md:16</code>" in page
    assert "<code>kvh-2020-12-20-green-zone-rockets</code>" not in page


def test_render_html_a_bodys_revisions_are_drawn_as_one_line(tmp_path: Path) -> None:
    """A ministry that raised its toll from 80 to 135 while a rescue service said 40 on the first day: the card
    draws the ministry's two figures joined by a line and lists both bodies."""
    result = analyse([
        toll_story(0, "2023-09-12", "The floods in Derna on Sunday killed 80 people, the health ministry said."),
        toll_story(1, "2023-09-12", "The floods in Derna on Sunday killed 40 people, the rescue service said."),
        toll_story(2, "2023-09-13", "The floods in Derna on Sunday killed 135 people, the health ministry said."),
    ])
    page = renderer_for(View.report, "html").render(result)
    card = page.split('class="finding error"', 1)[1].split("</table>", 1)[0]
    assert card.count("<polyline") == 1 and "health ministry revised its figure" in card
    assert "rescue service" in card and card.count("<circle") == 3
