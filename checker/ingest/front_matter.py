"""YAML front matter of Markdown articles: the keys the checker uses, each checked and kept as text.

Only the YAML syntax tree is built (``yaml.compose``, the safe loader's first stage), and
only the keys below are read, as the text written in the file: a value is never
constructed into a Python object. So an impossible date (``published: 2020-02-30``),
binary data, a custom tag or an alias bomb under any other key cannot crash or slow the
reader, and ``title: 2021`` stays "2021". A known key whose value is not text (a list,
a mapping, true/false, ``!!binary``) is a reason to skip the file, with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from checker.ingest.controls import clean_field
from checker.ingest.decode import UnreadableInput

FRONT_MATTER_KEYS = ("id", "title", "outlet", "url", "published", "date", "lang")
# Front matter is a few lines; YAML is read at about 200 KB/s in pure Python, so a bound keeps
# a file from holding the run (the article body has its own limit, max_file_bytes).
MAX_FRONT_MATTER_CHARS = 65_536

# PyYAML's scanner does work in proportion to the depth of [ and { for every token, and its
# composer recurses: 1,000 open brackets took 1.5 s before failing. Front matter never nests deep.
MAX_FLOW_DEPTH = 64

# libyaml's composer, when PyYAML was built with it, builds the same tree about 15 times faster (0.4 s for 2,000
# articles' front matter in pure Python); a block it rejects is composed again in pure Python, for its message
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_TEXT_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "timestamp")}
_NULL_TAG = f"{_TAG}null"
_TAG_NAMES = {f"{_TAG}bool": "true or false", f"{_TAG}binary": "binary data (!!binary)"}


@dataclass
class FrontMatter:
    """The known keys of a front-matter block as one-line text (None when empty), and the line of each."""

    values: dict[str, str | None] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


def read_front_matter(source: str, first_line: int = 2) -> FrontMatter:
    """The known keys of a front-matter block, as text.

    Args:
        source: the lines between the ``---`` markers.
        first_line: the line of the file that ``source`` starts on, for messages.

    Raises:
        UnreadableInput: malformed YAML, not a mapping, a known key that is not text, or too long.
    """
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise UnreadableInput(
            f"front matter is {len(source):,} characters, over the limit of {MAX_FRONT_MATTER_CHARS:,}", line=1
        )
    if _flow_depth(source) > MAX_FLOW_DEPTH:
        raise UnreadableInput(f"malformed front matter: brackets nested more than {MAX_FLOW_DEPTH} deep",
                              line=first_line)
    try:
        root = _compose(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + first_line if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise UnreadableInput(f"malformed front matter: {problem}", line=line) from None
    except RecursionError:
        raise UnreadableInput("malformed front matter: nested too deeply", line=first_line) from None
    if root is None:
        return FrontMatter()
    if not isinstance(root, yaml.MappingNode):
        raise UnreadableInput("malformed front matter: expected key: value pairs", line=first_line)
    found = FrontMatter()
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value in FRONT_MATTER_KEYS:
            key, line = key_node.value, key_node.start_mark.line + first_line  # the key's line, as an editor looks
            found.values[key] = clean_field(_scalar_text(key, value_node, line))
            found.lines[key] = line
    return found


def _flow_depth(source: str) -> int:
    """The deepest nesting of [ and { (brackets inside quotes count too: a bound, not a parse)."""
    if source.count("[") + source.count("{") <= MAX_FLOW_DEPTH:
        return 0  # cannot be deeper; the usual case, without a loop over every character
    depth = deepest = 0
    for character in source:
        if character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth = max(0, depth - 1)
    return deepest


def _compose(source: str) -> yaml.Node | None:
    try:
        return yaml.compose(source, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(source, Loader=yaml.SafeLoader)


def _scalar_text(key: str, node: yaml.Node, line: int) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _NULL_TAG:
            return None
        if node.tag in _TEXT_TAGS:
            return node.value
        kind = _TAG_NAMES.get(node.tag, f"a value tagged {node.tag}")
    else:
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
    raise UnreadableInput(f"front matter '{key}' must be text, not {kind}", line=line)
