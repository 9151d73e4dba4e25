"""A readable comparison of two versions of a text, paragraph by paragraph.

Paragraphs are matched first (an article added, removed or kept); inside a changed paragraph
the words that differ are marked, so a reader sees "three" became "five" rather than two whole
articles. Every piece of text is HTML-escaped before the <ins>/<del> marks are added.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
# Below this share of words in common, a paragraph reads better as rewritten whole than as a
# patchwork of crossed-out words.
REWRITE_THRESHOLD = 0.5


@dataclass
class Block:
    kind: str  # "equal", "insert", "delete" or "change"
    html: str


@dataclass
class Comparison:
    versions: list
    old: object = None
    new: object = None
    blocks: list = field(default_factory=list)
    error: str = ""

    @property
    def changed(self):
        return sum(1 for block in self.blocks if block.kind != "equal")


def _words(old, new):
    """HTML of one changed paragraph, with removed words in <del> and added ones in <ins>;
    a paragraph rewritten for the most part is shown removed, then added, whole."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    out = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    words = difflib.SequenceMatcher(
        None, [t for t in a if not t.isspace()], [t for t in b if not t.isspace()], autojunk=False
    )
    if words.ratio() < REWRITE_THRESHOLD:
        return f"<del>{escape(old)}</del>\n<ins>{escape(new)}</ins>"
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if tag in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def diff_paragraphs(old, new):
    """Blocks describing how the list of paragraphs `old` became `new`."""
    blocks = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks += [Block("equal", mark_safe(escape(p))) for p in old[i1:i2]]  # noqa: S308
        elif tag == "delete":
            blocks += [Block("delete", mark_safe(f"<del>{escape(p)}</del>")) for p in old[i1:i2]]  # noqa: S308
        elif tag == "insert":
            blocks += [Block("insert", mark_safe(f"<ins>{escape(p)}</ins>")) for p in new[j1:j2]]  # noqa: S308
        else:
            removed, added = old[i1:i2], new[j1:j2]
            for k in range(max(len(removed), len(added))):
                if k < len(removed) and k < len(added):
                    blocks.append(Block("change", mark_safe(_words(removed[k], added[k]))))  # noqa: S308
                elif k < len(removed):
                    blocks.append(Block("delete", mark_safe(f"<del>{escape(removed[k])}</del>")))  # noqa: S308
                else:
                    blocks.append(Block("insert", mark_safe(f"<ins>{escape(added[k])}</ins>")))  # noqa: S308
    return blocks


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def compare_versions(statutes, old_number, new_number):
    """Compare two versions of `statutes` by number. Without valid numbers, the two latest
    versions are compared; unknown numbers give an error message, never an exception."""
    versions = statutes.ordered_versions()
    comparison = Comparison(versions=versions)
    if len(versions) < 2:
        comparison.error = _("This text has only one version: there is nothing to compare.")
        return comparison
    old_number, new_number = _number(old_number), _number(new_number)
    if old_number is None and new_number is None:
        old, new = versions[-2], versions[-1]
    else:
        old, new = statutes.version(old_number), statutes.version(new_number)
    if old is None or new is None:
        comparison.error = _("Choose two versions of this text to compare.")
        return comparison
    comparison.old, comparison.new = old, new
    comparison.blocks = diff_paragraphs(old.paragraphs, new.paragraphs)
    return comparison
