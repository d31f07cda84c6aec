"""Build a large benchmark corpus by replicating real articles, each copy made distinct.

Every copy gets a tag word in each sentence, so no cache keyed on sentence text can
make a replicated corpus look faster than a real one.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
EXAMPLES = REPO / "claims" / "corpus"
_SENTENCE_END = re.compile(r"([a-z])\. ")


def source_files() -> tuple[str, list[Path]]:
    """The articles to replicate: the shared seeds, or our example corpus when they are absent."""
    if SEEDS.is_dir():
        return "shared seeds", sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
    return "example corpus", sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md"))


def build_corpus(directory: Path, target_bytes: int) -> tuple[str, int, int]:
    """Write copies of the source articles into ``directory`` until ``target_bytes``; return (source, files, bytes)."""
    name, files = source_files()
    texts = [(path.suffix, path.read_text(encoding="utf-8")) for path in files]
    directory.mkdir(parents=True, exist_ok=True)
    written = count = copy = 0
    while written < target_bytes:
        tag = f"k{copy:x}"
        shard = directory / f"{copy // 500:04d}"
        shard.mkdir(exist_ok=True)
        for index, (suffix, text) in enumerate(texts):
            varied = _SENTENCE_END.sub(rf"\1 {tag}. ", text)
            data = varied.encode("utf-8")
            (shard / f"a{copy:06d}_{index}{suffix}").write_bytes(data)
            written += len(data)
            count += 1
        copy += 1
    return name, count, written
