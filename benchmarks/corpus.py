"""Build a large benchmark corpus of varied, real-looking articles from a few real ones.

Each copy of the source articles is moved in time as a whole: every date in it (ISO dates,
"May 7, 2019", "December 20", "December 2018", "in 2011") and its publication date are
shifted by the same copy-dependent number of weeks (so weekdays still fit their dates and
relative dates still resolve to the shifted ones). A copy therefore reports events of its own,
and the events multiply with the corpus as in a real archive, instead of every copy piling into
the same few events. Every copy also gets a tag word in each sentence, so no cache keyed on
sentence text can make a replicated corpus look faster than a real one.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
DEVSET = REPO.parent / "shared" / "devset" / "articles"
EXAMPLES = REPO / "claims" / "corpus"
_SENTENCE_END = re.compile(r"([a-z])\. ")
SPAN_WEEKS = 5200  # copies are spread over the hundred years before their source
_STRIDE = 37  # coprime with SPAN_WEEKS: the first SPAN_WEEKS copies all get different shifts

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<{0}>(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_YEAR = r"(?P<{0}>(?:1[89]|20|21)\d\d)(?!\d)"
_DATES = re.compile(
    r"(?<!\d)(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)"  # 2019-05-20
    rf"|\b{_MONTH.format('mdm')}\s+(?P<mdd>\d{{1,2}})(?P<mdsuffix>st|nd|rd|th)?(?!\d)"
    rf"(?:(?P<mdsep>,?\s+){_YEAR.format('mdy')})?"  # May 7, 2019 / December 20
    rf"|\b(?P<dmd>\d{{1,2}})\s+{_MONTH.format('dmm')}(?:(?P<dmsep>,?\s+){_YEAR.format('dmy')})?"  # 20 December 2020
    rf"|\b{_MONTH.format('mym')}(?P<mysep>\s+(?:of\s+)?){_YEAR.format('myy')}"  # December 2018, May of 2019
    r"|(?P<ypre>\b(?:[Ii]n|[Ss]ince|of|by|until|from|to|and|[Ee]arly|[Ll]ate|mid|year)[\s-]+)"
    rf"{_YEAR.format('y')}\b"  # in 2011 (a bare number is left alone: "1900 people")
)


def _month_name(written: str, month: int) -> str:
    """A month written the way the source wrote its month: in full, or abbreviated (with its dot)."""
    if written.rstrip(".").lower() in {m.lower() for m in calendar.month_name if m}:
        return calendar.month_name[month]
    abbreviation = "Sept" if month == 9 and written.lower().startswith("sept") else calendar.month_abbr[month]
    return abbreviation + ("." if written.endswith(".") else "")


def _shift_date(match: re.Match, days: int) -> str:
    group = match.group
    shift = timedelta(days=days)
    years = round(days / 365.25)
    try:
        if group("iy"):
            moved = date(int(group("iy")), int(group("im")), int(group("id"))) + shift
            return moved.isoformat()
        if group("mdm"):
            year = int(group("mdy")) if group("mdy") else 2001  # a year without 29 February is never asked for
            moved = date(year, _MONTHS[group("mdm").rstrip(".").lower()], int(group("mdd"))) + shift
            text = f"{_month_name(group('mdm'), moved.month)} {moved.day}{group('mdsuffix') or ''}"
            return text + (f"{group('mdsep')}{moved.year}" if group("mdy") else "")
        if group("dmm"):
            year = int(group("dmy")) if group("dmy") else 2001
            moved = date(year, _MONTHS[group("dmm").rstrip(".").lower()], int(group("dmd"))) + shift
            text = f"{moved.day} {_month_name(group('dmm'), moved.month)}"
            return text + (f"{group('dmsep')}{moved.year}" if group("dmy") else "")
        if group("mym"):
            moved = date(int(group("myy")), _MONTHS[group("mym").rstrip(".").lower()], 15) + shift
            return f"{_month_name(group('mym'), moved.month)}{group('mysep')}{moved.year}"
        return f"{group('ypre')}{int(group('y')) + years}"
    except ValueError:  # "February 30": left as written
        return match.group(0)


def shift_dates(text: str, days: int) -> str:
    """``text`` with every date it writes moved by ``days`` (a multiple of 7 keeps weekdays right)."""
    return text if days == 0 else _DATES.sub(lambda m: _shift_date(m, days), text)


def source_files() -> tuple[str, list[Path]]:
    """The articles to replicate: the shared seeds and development set, or our example corpus when they are absent."""
    if SEEDS.is_dir():
        files = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
        if DEVSET.is_dir():
            return "shared seeds and devset", files + sorted(p for p in DEVSET.iterdir() if p.suffix == ".json")
        return "shared seeds", files
    return "example corpus", sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))


def _as_markdown(path: Path) -> tuple[str, str]:
    """A development-set article (JSON) as a Markdown file with front matter; other files as they are."""
    if path.suffix != ".json":
        return path.suffix, path.read_text(encoding="utf-8")
    record = json.loads(path.read_text(encoding="utf-8"))
    meta = "".join(f"{key}: {json.dumps(record[key])}\n" for key in ("title", "outlet", "published", "url")
                   if record.get(key))
    return ".md", f"---\n{meta}---\n\n{record.get('text', '')}\n"


def copy_shift_days(copy: int) -> int:
    """How far copy number ``copy`` is moved back in time (copy 0 is the source as it is)."""
    return -7 * ((copy * _STRIDE) % SPAN_WEEKS)


def build_corpus(directory: Path, target_bytes: int, *, varied: bool = True) -> tuple[str, int, int]:
    """Write copies of the source articles into ``directory`` until ``target_bytes``; return (source, files, bytes).

    With ``varied`` (the default) each copy's dates are shifted (see the module's doc); without, every copy
    reports the same events (a worst case for anything that compares within an event).
    """
    name, files = source_files()
    texts = [_as_markdown(path) for path in files]
    directory.mkdir(parents=True, exist_ok=True)
    written = count = copy = 0
    while written < target_bytes:
        tag = f"k{copy:x}"
        shard = directory / f"{copy // 500:04d}"
        shard.mkdir(exist_ok=True)
        days = copy_shift_days(copy) if varied else 0
        for index, (suffix, text) in enumerate(texts):
            varied_text = _SENTENCE_END.sub(rf"\1 {tag}. ", shift_dates(text, days))
            data = varied_text.encode("utf-8")
            (shard / f"a{copy:06d}_{index}{suffix}").write_bytes(data)
            written += len(data)
            count += 1
        copy += 1
    return name, count, written
