"""The Turtle layout EduKG writes: one block per subject, subjects in order.

graph.ttl is pyoxigraph's Turtle of the graph's N-Triples lines sorted by
their bytes (:mod:`kg.serialize`): ``@prefix`` lines, then one block per
subject, its first line starting with the subject and its other lines with
a tab; a literal's line breaks are written as ``\\n``, so no line is split.
Subjects come in the order of their IRIs followed by ``>`` (the UTF-8 bytes
of an IRI sort as its code points), and a block's bytes depend on nothing
but its subject's triples.

So two such files can be compared a block at a time (:func:`changed_subjects`,
which lets the store replace only what changed), and a new file can be made
from an old one by keeping some of its blocks and putting others in their
places (:func:`splice_turtle`, which lets a rebuild copy what did not
change). This module imports nothing heavy: ``kg query`` reads the store
through it.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

__all__ = [
    "TurtleChanges",
    "block_subject",
    "changed_subjects",
    "expand_name",
    "last_block_start",
    "splice_turtle",
    "turtle_blocks",
    "turtle_head",
    "turtle_namespaces",
]

#: Bytes of Turtle read at a time when walking a graph.
_READ_CHUNK = 8 << 20
#: One subject's block: its first line, then the lines of its other
#: predicates and objects, each indented by a tab.
_BLOCK = re.compile(rb"[^\t\n][^\n]*\n(?:\t[^\n]*\n)*")
_PREFIX = re.compile(rb"@prefix ([^:\s]*): <([^>]*)> \.\n")
_LOCAL_ESCAPE = re.compile(rb"\\(.)")
#: Blocks written at a time by :func:`splice_turtle`.
_WRITE_BATCH = 4096


@dataclass(frozen=True, slots=True)
class TurtleChanges:
    """What differs between two graphs, as Turtle documents of whole subjects.

    Attributes:
        removed: the old triples of changed and removed subjects.
        added: the new triples of changed and added subjects.
        subjects: how many subjects changed, were added or removed.
        total: how many subjects the two graphs have between them.
    """

    removed: bytes
    added: bytes
    subjects: int
    total: int


def turtle_head(lines: Iterable[bytes]) -> bytes:
    """The ``@prefix`` lines a Turtle file or piece (its lines) starts with."""
    return b"".join(
        itertools.takewhile(lambda line: line.startswith(b"@prefix "), lines)
    )


def turtle_namespaces(head: bytes) -> dict[bytes, bytes]:
    """Prefix → namespace, from the ``@prefix`` lines of :func:`turtle_head`."""
    return {m.group(1): m.group(2) for m in _PREFIX.finditer(head)}


def turtle_blocks(path: Path) -> Iterator[bytes]:
    """Each subject's block of Turtle, in file order (prefix lines left out).

    Raises:
        ValueError: a line that is not in the layout pyoxigraph writes.
    """
    with path.open("rb") as handle:
        rest = b""
        while True:
            chunk = handle.read(_READ_CHUNK)
            data = rest + chunk
            end = last_block_start(data) if chunk else len(data)
            blocks = _BLOCK.findall(data, 0, end)
            if sum(map(len, blocks)) != end:  # a line the pattern skipped
                raise ValueError(f"{path}: not a graph EduKG wrote")
            yield from (b for b in blocks if not b.startswith(b"@prefix "))
            rest = data[end:]
            if not chunk:
                return


def _split_blocks(data: bytes) -> list[bytes]:
    """The subject blocks of a whole Turtle document in memory."""
    blocks = _BLOCK.findall(data)
    if sum(map(len, blocks)) != len(data):
        raise ValueError("not Turtle as pyoxigraph writes it")
    return [b for b in blocks if not b.startswith(b"@prefix ")]


def expand_name(name: bytes, namespaces: dict[bytes, bytes]) -> bytes:
    """The IRI (UTF-8) a Turtle IRI term (``<…>`` or ``prefix:local``) names.

    Raises:
        ValueError: a prefixed name with an unknown prefix, or not an IRI.
    """
    if name.startswith(b"<") and name.endswith(b">"):
        return name[1:-1]
    prefix, colon, local = name.partition(b":")
    if not colon or prefix not in namespaces:
        raise ValueError(f"not an IRI EduKG writes: {name[:80]!r}")
    # pyoxigraph escapes the slash of every id:kind\/hash name; a backslash
    # cannot itself be escaped, so a plain replace undoes that, and the
    # regex (a third of a splice's time) is left for other escapes.
    local = local.replace(b"\\/", b"/")
    if b"\\" in local:
        local = _LOCAL_ESCAPE.sub(rb"\1", local)
    return namespaces[prefix] + local


def block_subject(block: bytes, namespaces: dict[bytes, bytes]) -> bytes:
    """The IRI (UTF-8) of the subject a block describes.

    UTF-8 bytes sort as the code points graph.ttl's rows are sorted by.

    Raises:
        ValueError: the block does not start with a subject EduKG writes.
    """
    return expand_name(block[: max(block.find(b" "), 0)], namespaces)


def last_block_start(data: bytes) -> int:
    """Where the last block that may continue past ``data`` starts (0: none)."""
    cut = data.rfind(b"\n")
    while cut >= 0:
        if cut + 1 < len(data) and data[cut + 1] != 9:  # not a tab: a subject
            return cut + 1
        cut = data.rfind(b"\n", 0, cut)
    return 0


def changed_subjects(old: Path, new: Path) -> TurtleChanges | None:
    """The subjects whose triples differ between two EduKG Turtle graphs.

    One merge walk over the two files finds the blocks that differ, holding
    only those. None if the files are not in EduKG's layout (prefixes
    differ, subjects out of order).
    """
    with old.open("rb") as old_file, new.open("rb") as new_file:
        head = turtle_head(old_file)
        if turtle_head(new_file) != head:
            return None  # other prefixes: subjects are written differently
    namespaces = turtle_namespaces(head)
    removed: list[bytes] = []
    added: list[bytes] = []
    subjects = 0
    last = b""
    old_blocks = turtle_blocks(old)
    new_blocks = turtle_blocks(new)
    a = next(old_blocks, None)
    b = next(new_blocks, None)
    while a is not None or b is not None:
        subjects += 1
        if a == b:  # the same subject with the same triples: most of a rebuild
            a = next(old_blocks, None)
            b = next(new_blocks, None)
            continue
        key_a = None if a is None else block_subject(a, namespaces) + b">"
        key_b = None if b is None else block_subject(b, namespaces) + b">"
        if key_b is None or (key_a is not None and key_a < key_b):
            assert a is not None and key_a is not None
            key = key_a
            removed.append(a)  # a subject the new graph lacks
            a = next(old_blocks, None)
        elif key_a is None or key_b < key_a:
            assert b is not None
            key = key_b
            added.append(b)  # a new subject
            b = next(new_blocks, None)
        else:
            assert a is not None and b is not None
            key = key_a
            removed.append(a)
            added.append(b)
            a = next(old_blocks, None)
            b = next(new_blocks, None)
        if key <= last:
            return None  # not sorted as EduKG writes graph.ttl
        last = key
    changed = max(len(removed), len(added))
    return TurtleChanges(
        head + b"".join(removed), head + b"".join(added), changed, subjects
    )


def splice_turtle(
    previous: Path,
    replacement: bytes,
    output: IO[bytes],
    keep: Callable[[bytes, bytes], bool],
) -> TurtleChanges:
    """Write a graph made of some of ``previous``'s blocks and new ones.

    The new graph has each block of ``previous`` whose subject ``keep``
    accepts, as it was, and every block of ``replacement``; its other
    subjects are gone. Both are in EduKG's layout with the same prefixes,
    so the result is the file a writer given all of its triples at once
    makes.

    Args:
        previous: an earlier graph.ttl.
        replacement: the Turtle of the new triples of every subject not
            kept (pyoxigraph's, from sorted lines, with the same prefixes).
        output: where the new graph is written, prefixes first.
        keep: ``keep(subject IRI, block)``: whether a block of ``previous``
            stays. A kept subject must have no block in ``replacement``.

    Returns:
        What differs between ``previous`` and the new graph.

    Raises:
        ValueError: the files are not in EduKG's layout, their prefixes
            differ, or a kept subject is also replaced.
        OSError: reading or writing failed.
    """
    with previous.open("rb") as handle:
        head = turtle_head(handle)
    new_head = turtle_head(io.BytesIO(replacement))
    if head and new_head and new_head != head:
        raise ValueError(f"{previous}: written with other prefixes")
    # A graph without a triple has no prefixes either.
    head = head or new_head
    namespaces = turtle_namespaces(head)
    new_blocks = _split_blocks(replacement[len(new_head) :])
    new_keys = [block_subject(b, namespaces) + b">" for b in new_blocks]
    removed: list[bytes] = []
    added: list[bytes] = []
    subjects = 0
    pending: list[bytes] = []
    last = b""
    i = 0  # the next block of the replacement

    def emit(block: bytes, key: bytes) -> None:
        nonlocal last
        if key <= last:
            raise ValueError(f"{previous}: subjects out of order at {key[:80]!r}")
        if not last:
            pending.append(head)
        last = key
        pending.append(block)
        if len(pending) >= _WRITE_BATCH:
            output.writelines(pending)
            pending.clear()

    for block in turtle_blocks(previous):
        subject = block_subject(block, namespaces)
        key = subject + b">"
        while i < len(new_keys) and new_keys[i] < key:
            emit(new_blocks[i], new_keys[i])  # a new subject
            added.append(new_blocks[i])
            subjects += 1
            i += 1
        same = i < len(new_keys) and new_keys[i] == key
        subjects += 1
        if keep(subject, block):
            if same:
                raise ValueError(f"kept subject {subject[:80]!r} is also replaced")
            emit(block, key)
        elif same:
            emit(new_blocks[i], key)
            if new_blocks[i] != block:
                removed.append(block)
                added.append(new_blocks[i])
            i += 1
        else:
            removed.append(block)  # a subject the new graph lacks
    for block, key in zip(new_blocks[i:], new_keys[i:], strict=True):
        emit(block, key)
        added.append(block)
        subjects += 1
    output.writelines(pending)
    changed = max(len(removed), len(added))
    return TurtleChanges(
        head + b"".join(removed), head + b"".join(added), changed, subjects
    )
