"""Text out of office XML: a safe parser and a walk that keeps document order."""

import zipfile

from .base import Problem

# The XML parts of an office file are zipped: a small file can inflate to gigabytes. The
# worker's memory limit would stop it anyway; this refuses it before the work starts.
MAX_PART_SIZE = 512 * 1024 * 1024


def safe_parser():
    """An lxml parser that never fetches a DTD or entity, from the network or the disk.

    Documents that declare an external DTD (old OpenOffice manifests do) still parse: the
    declaration is ignored instead of refused, and entities are left unexpanded, so neither
    "billion laughs" nor XXE can work.
    """
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_part(archive, name):
    from lxml import etree

    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_SIZE:
        raise Problem("too_big", f"{name} inflates to {info.file_size} bytes")
    with archive.open(info) as stream:
        try:
            return etree.parse(stream, safe_parser()).getroot()
        except etree.XMLSyntaxError as error:
            raise Problem("damaged", f"{name}: {error}") from error


def open_zip(path):
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise Problem("damaged", str(error)) from error


def collect_text(root, *, text_tags, skip_tags=(), block_tags=(), cell_tags=(), spaces=None):
    """Concatenate the text under `root` in document order.

    text_tags: elements whose own text is content (all of it, as in ODF's mixed content, or
    only their .text, as WordprocessingML's w:t). Tails are content when the parent's text is.
    skip_tags: subtrees left out (comments, deleted text, fallbacks that repeat content).
    block_tags / cell_tags: elements after which a newline / a tab is written.
    spaces: {tag: callable(element) -> str} for elements that stand for whitespace.
    """
    spaces = spaces or {}
    parts = []

    def walk(element, inside_text):
        tag = element.tag
        if not isinstance(tag, str) or tag in skip_tags:
            return
        if tag in spaces:
            parts.append(spaces[tag](element))
        own_text = inside_text or tag in text_tags
        if own_text and element.text:
            parts.append(element.text)
        for child in element:
            walk(child, own_text)
            if own_text and child.tail:
                parts.append(child.tail)
        if tag in block_tags:
            parts.append("\n")
        elif tag in cell_tags:
            parts.append("\t")

    walk(root, False)
    return "".join(parts)
