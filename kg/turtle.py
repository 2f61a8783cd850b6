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
import mmap
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

__all__ = [
    "BlockCount",
    "TurtleChanges",
    "block_subject",
    "changed_subjects",
    "expand_name",
    "last_block_start",
    "splice_owned",
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
_NEWLINE, _TAB = ord("\n"), ord("\t")
_BEFORE = (_TAB, ord(" "))  # what precedes a predicate in a block
#: Up to this many owners, :func:`splice_owned` looks for their names
#: alone; past it, for every link, each looked up in a set.
_FEW_OWNERS = 16


@dataclass(frozen=True, slots=True)
class TurtleChanges:
    """What differs between two graphs, as Turtle documents of whole subjects.

    Attributes:
        removed: the old triples of changed and removed subjects.
        added: the new triples of changed and added subjects.
        subjects: how many subjects changed, were added or removed.
        total: how many subjects the two graphs have between them.
        after: how many subjects the new graph has, when known.
    """

    removed: bytes
    added: bytes
    subjects: int
    total: int
    after: int | None = None


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


class BlockCount:
    """Counts the lines of Turtle in EduKG's layout that start no tab's,
    fed a piece at a time, cut anywhere: its blocks, with its prefix lines.
    """

    def __init__(self) -> None:
        self.lines = 0
        self._line_ended = False

    def add(self, piece: bytes) -> None:
        self.lines += piece.count(b"\n") - piece.count(b"\n\t")
        if self._line_ended and piece.startswith(b"\t"):
            self.lines -= 1  # the line break before it was counted
        if piece:
            self._line_ended = piece.endswith(b"\n")


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


def splice_owned(
    previous: Path,
    replacement: bytes,
    output: IO[bytes],
    *,
    owner_span: bytes,
    spans: Sequence[bytes],
    owners: Iterable[bytes],
    link: bytes,
    subjects: int | None = None,
) -> TurtleChanges:
    """:func:`splice_turtle` by byte ranges, for subjects grouped by owner.

    The subjects of ``previous`` whose IRIs start with ``owner_span`` are
    owners (``id:report/``), those whose IRIs start with one of ``spans``
    are owned: each names its owner by the predicate ``link``
    (``edu:inReport``). Each prefix ends with ``/``. The new graph has
    every block of an owner or owned subject of ``previous`` but those of
    ``owners`` and of the subjects linked to them, and every block of
    ``replacement``; the other blocks of ``previous`` are gone. It is the
    file
    ``splice_turtle(previous, replacement, output, keep)`` writes when
    ``keep`` accepts those blocks and no other.

    Subjects are sorted, so each span is one run of blocks, found by
    bisection like the place of each new block; the blocks to leave out are
    found by a search for their owners' names. The kept blocks are copied a
    run at a time, never split: a rebuild's 400,000 blocks cost a few
    searches, not a walk.

    Args:
        previous: an earlier graph.ttl.
        replacement: the Turtle of every subject outside the spans, and of
            the owned subjects to write anew (pyoxigraph's, from sorted
            lines, with the same prefixes).
        output: where the new graph is written, prefixes first.
        owner_span: the IRI prefix of owners.
        spans: the IRI prefixes of owned subjects.
        owners: the IRIs (UTF-8) of the owners whose blocks are left out;
            each has a block in ``previous``.
        link: the IRI (UTF-8) of the predicate naming a subject's owner.
        subjects: how many subjects ``previous`` has, if known (counted
            otherwise).

    Returns:
        What differs between ``previous`` and the new graph, with
        :attr:`TurtleChanges.after`.

    Raises:
        ValueError: the files are not in EduKG's layout, their prefixes
            differ, an owner has no block, an owned subject does not name
            its owner, or a kept subject is also replaced.
        OSError: reading or writing failed.
    """
    new_head = turtle_head(io.BytesIO(replacement))
    new_blocks = _split_blocks(replacement[len(new_head) :])
    with previous.open("rb") as handle:
        if not handle.seek(0, io.SEEK_END):
            # An empty graph (no triple, no prefixes): nothing to keep.
            output.write(replacement)
            count = len(new_blocks)
            return TurtleChanges(new_head, replacement, count, count, count)
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _Splice(data, handle.fileno(), previous, new_head, new_blocks).write(
                output, owner_span, spans, owners, link, subjects
            )


class _Splice:
    """The pieces of :func:`splice_owned`: ``data`` is the previous graph.

    The map is used to look at a few blocks (bisection); what is read whole
    (the search for links, the replaced blocks) is read from ``fd`` a piece
    at a time, and what is kept is copied by the kernel where it can: pages
    of a map, once touched, count in the process's memory (a 64 MB corpus's
    graph.ttl is 700 MB).
    """

    def __init__(
        self,
        data: mmap.mmap,
        fd: int,
        previous: Path,
        new_head: bytes,
        new_blocks: list[bytes],
    ) -> None:
        self.data = data
        self.fd = fd
        self._kernel_copy = True
        self.previous = previous
        start = 0
        while data[start : start + 8] == b"@prefix ":
            start = data.find(b"\n", start) + 1
            if start == 0:
                raise ValueError(f"{previous}: not a graph EduKG wrote")
        self.head = data[:start]
        if self.head and new_head and new_head != self.head:
            raise ValueError(f"{previous}: written with other prefixes")
        self.head = self.head or new_head
        self.namespaces = turtle_namespaces(self.head)
        self.start = start  # of the first block
        self.end = len(data)
        if self.end > start and data[self.end - 1] != _NEWLINE:
            raise ValueError(f"{previous}: not a graph EduKG wrote")
        self.new_blocks = new_blocks
        self._new_keys: dict[int, bytes] = {}

    # -- the previous graph's blocks, by offset

    def _block_end(self, at: int, end: int) -> int:
        """Where the block starting at ``at`` (before ``end``) ends."""
        data = self.data
        line = data.find(b"\n", at, end)
        while line >= 0 and line + 1 < end and data[line + 1] == _TAB:
            line = data.find(b"\n", line + 1, end)
        if line < 0:
            raise ValueError(f"{self.previous}: not a graph EduKG wrote")
        return line + 1

    def _block_start(self, at: int, start: int) -> int:
        """Where the block holding offset ``at`` starts (``start``: a block's)."""
        data = self.data
        line = data.rfind(b"\n", start, at) + 1 or start
        while line > start and data[line] == _TAB:
            line = data.rfind(b"\n", start, line - 1) + 1 or start
        return line

    def _next_block(self, at: int, end: int) -> int:
        """The first block starting at or after ``at`` (``end`` if none)."""
        data = self.data
        if at > self.start and data[at - 1] != _NEWLINE:
            at = data.find(b"\n", at, end) + 1 or end
        while at < end and data[at] == _TAB:
            at = data.find(b"\n", at, end) + 1 or end
        return at

    def _read(self, start: int, end: int) -> bytes:
        """The bytes of the previous graph from ``start`` to ``end``."""
        pieces = []
        while start < end:
            piece = os.pread(self.fd, end - start, start)
            if not piece:
                raise ValueError(f"{self.previous}: changed while spliced")
            pieces.append(piece)
            start += len(piece)
        return b"".join(pieces)

    def _chunks(self, start: int, end: int) -> Iterator[tuple[int, bytes]]:
        """(offset, bytes) of whole blocks from ``start`` to ``end``, in pieces
        of about :data:`_READ_CHUNK` bytes."""
        while start < end:
            cut = self._next_block(min(start + _READ_CHUNK, end), end)
            yield start, self._read(start, cut)
            start = cut

    def _copy(self, output: IO[bytes], start: int, end: int) -> None:
        """Copy the previous graph from ``start`` to ``end`` to ``output``."""
        try:
            fileno = output.fileno()
        except (AttributeError, OSError, io.UnsupportedOperation):
            fileno = None
        # os.copy_file_range is Linux's (and FreeBSD's) only.
        copy_range = getattr(os, "copy_file_range", None)
        if fileno is not None and copy_range is not None and self._kernel_copy:
            output.flush()  # the copy goes where the file's offset is
            try:
                while start < end:
                    copied = copy_range(self.fd, fileno, end - start, start)
                    if copied <= 0:
                        raise OSError("the copy stopped short")
                    start += copied
            except OSError:
                self._kernel_copy = False  # another file system: read, write
        for _, piece in self._chunks(start, end):
            output.write(piece)

    def _name(self, at: int) -> bytes:
        """The subject of the block at ``at`` as written."""
        space = self.data.find(b" ", at, at + 4096)
        if space < 0:
            raise ValueError(f"{self.previous}: not a graph EduKG wrote")
        return self.data[at:space]

    def _key(self, at: int) -> bytes:
        return expand_name(self._name(at), self.namespaces) + b">"

    def _bisect(self, key: bytes, start: int, end: int) -> int:
        """The first block in [start, end) whose subject's key is not below ``key``."""
        while start < end:
            middle = (start + end) // 2
            at = self._next_block(middle, end)
            if at >= end:
                at = self._block_start(middle, start)
            if self._key(at) < key:
                start = self._block_end(at, end)
            else:
                end = at
        return start

    # -- the replacement's blocks, by index

    def _new_key(self, i: int) -> bytes:
        key = self._new_keys.get(i)
        if key is None:
            key = self._new_keys[i] = (
                block_subject(self.new_blocks[i], self.namespaces) + b">"
            )
        return key

    def _new_bisect(self, key: bytes) -> int:
        """The first new block whose subject's key is not below ``key``."""
        low, high = 0, len(self.new_blocks)
        while low < high:
            middle = (low + high) // 2
            if self._new_key(middle) < key:
                low = middle + 1
            else:
                high = middle
        return low

    # -- the splice

    def _runs(self, spans: Sequence[bytes]) -> list[tuple[int, int, bytes, bytes]]:
        """Each span's run of blocks: (start, end, lowest key, past its keys)."""
        runs = []
        for span in sorted(spans):
            if not span.endswith(b"/"):
                raise ValueError(f"a span ends with '/': {span!r}")
            past = span[:-1] + b"0"  # the first key above every key of the span
            start = self._bisect(span, self.start, self.end)
            runs.append((start, self._bisect(past, start, self.end), span, past))
        return runs

    def _left_out(
        self,
        owner_run: tuple[int, int, bytes, bytes],
        runs: list[tuple[int, int, bytes, bytes]],
        owners: Iterable[bytes],
        link: bytes,
    ) -> list[tuple[int, int]]:
        """The blocks (start, end) of the owners and the subjects linked to them.

        ``runs`` are the owned subjects' runs.
        """
        names = set()
        blocks = []
        start, end, first, past = owner_run
        for owner in owners:
            key = owner + b">"
            at = self._bisect(key, start, end) if first <= key < past else end
            if at >= end or self._key(at) != key:
                raise ValueError(f"{self.previous}: no block of {owner[:80]!r}")
            blocks.append((at, self._block_end(at, end)))
            names.add(self._name(at))
        link_name = self._link_name(runs, link)
        if not names or link_name is None:
            return sorted(set(blocks))  # no owner left out, or nothing owned
        # A few names are found by one search for each, done by the regex
        # engine; many by one pattern for any link, looked up in a set.
        # The link follows a tab, or the subject on a block's first line; it
        # cannot be in a literal, which never ends a line with " ;" or " .".
        # The pattern starts with the link's name (the regex engine then
        # searches for it as fast as bytes.find).
        if len(names) <= _FEW_OWNERS:
            named = b"|".join(map(re.escape, sorted(names)))
            pattern = re.compile(re.escape(link_name) + rb" (" + named + rb") [;.]\n")
            wanted = None
        else:
            pattern = re.compile(re.escape(link_name) + rb" (\S+) [;.]\n")
            wanted = names
        for start, end, *_ in runs:
            for offset, piece in self._chunks(start, end):
                for found in pattern.finditer(piece):
                    # At a block's start the name is a subject, not a link.
                    if not found.start() or piece[found.start() - 1] not in _BEFORE:
                        continue
                    if wanted is not None and found.group(1) not in wanted:
                        continue
                    at = self._block_start(offset + found.start(), start)
                    blocks.append((at, self._block_end(at, end)))
        return sorted(set(blocks))

    def _link_name(
        self, runs: list[tuple[int, int, bytes, bytes]], link: bytes
    ) -> bytes | None:
        """``link`` as the previous graph writes it: as a prefixed name, or
        whole; None when there is no owned subject."""
        names = [b"<" + link + b">"] + [
            prefix + b":" + link[len(ns) :]
            for prefix, ns in self.namespaces.items()
            if link.startswith(ns) and link[len(ns) :].isalnum()
        ]
        for start, end, *_ in runs:
            if start < end:
                block = self.data[start : self._block_end(start, end)]
                for name in names:
                    if re.search(rb"[\t ]" + re.escape(name) + rb" \S+ [;.]\n", block):
                        return name
                # Every owned subject names its owner: a graph where one does
                # not is not one this splice knows (its block would be kept
                # whatever its owner).
                raise ValueError(f"{self.previous}: an owned subject has no owner")
        return None

    def write(
        self,
        output: IO[bytes],
        owner_span: bytes,
        spans: Sequence[bytes],
        owners: Iterable[bytes],
        link: bytes,
        subjects: int | None,
    ) -> TurtleChanges:
        runs = self._runs([owner_span, *spans])
        owner_run = next(run for run in runs if run[2] == owner_span)
        owned = [run for run in runs if run is not owner_run]
        left_out = self._left_out(owner_run, owned, owners, link)
        # Where each new block goes: the offset of the previous graph's
        # block it precedes. Outside the spans, every block of the previous
        # graph is replaced: a new block goes where the next run starts.
        places: list[int] = []
        replaced_at: set[int] = set()
        done = 0
        for start, end, span, past in runs:
            first = self._new_bisect(span)
            places.extend([start] * (first - done))
            last = self._new_bisect(past)
            for i in range(first, last):
                key = self._new_key(i)
                at = self._bisect(key, start, end)
                if at < end and self._key(at) == key:
                    replaced_at.add(at)
                places.append(at)
            done = last
        places.extend([self.end] * (len(self.new_blocks) - done))
        left_starts = {start for start, _ in left_out}
        if not replaced_at <= left_starts:
            at = min(replaced_at - left_starts)
            raise ValueError(f"kept subject {self._name(at)[:80]!r} is also replaced")
        # The kept pieces of the previous graph: the runs less what is left out.
        kept: list[tuple[int, int]] = []
        gone = iter(left_out)
        skip = next(gone, None)
        for start, end, *_ in runs:
            at = start
            while skip is not None and skip[0] < end:
                if skip[0] > at:
                    kept.append((at, skip[0]))
                at = max(at, skip[1])
                skip = next(gone, None)
            if at < end:
                kept.append((at, end))
        old_blocks = self._replaced(runs, left_out)
        self._emit(output, kept, places)
        return self._changes(old_blocks, subjects)

    def _replaced(
        self, runs: list[tuple[int, int, bytes, bytes]], left_out: list[tuple[int, int]]
    ) -> list[bytes]:
        """The blocks of the previous graph not kept, in file order."""
        pieces = [(start, end) for start, end in left_out]
        at = self.start
        for start, end, *_ in runs:
            if start > at:
                pieces.append((at, start))
            at = max(at, end)
        if self.end > at:
            pieces.append((at, self.end))
        pieces.sort()
        return [
            block
            for start, end in pieces
            for block in _split_blocks(self._read(start, end))
        ]

    def _emit(
        self, output: IO[bytes], kept: list[tuple[int, int]], places: list[int]
    ) -> None:
        """Write the head, then kept pieces and new blocks by offset."""
        if kept or self.new_blocks:
            output.write(self.head)
        pending: list[bytes] = []
        pieces = iter(kept)
        piece = next(pieces, None)
        for block, place in zip(self.new_blocks, places, strict=True):
            while piece is not None and piece[0] < place:
                start, end = piece[0], min(piece[1], place)
                if pending:
                    output.writelines(pending)
                    pending.clear()
                self._copy(output, start, end)
                piece = (end, piece[1]) if end < piece[1] else next(pieces, None)
            pending.append(block)
        if pending:
            output.writelines(pending)
        while piece is not None:
            self._copy(output, *piece)
            piece = next(pieces, None)

    def _changes(self, old_blocks: list[bytes], subjects: int | None) -> TurtleChanges:
        new = set(self.new_blocks)
        old = set(old_blocks)
        removed = [block for block in old_blocks if block not in new]
        added = [block for block in self.new_blocks if block not in old]
        if subjects is None:
            counted = BlockCount()
            for _, piece in self._chunks(self.start, self.end):
                counted.add(piece)
            subjects = counted.lines
        # A subject is in both graphs unless all its blocks differ: only the
        # blocks that differ need their subjects.
        removed_subjects = {block_subject(b, self.namespaces) for b in removed}
        added_subjects = {block_subject(b, self.namespaces) for b in added}
        total = subjects + len(added_subjects - removed_subjects)
        after = total - len(removed_subjects - added_subjects)
        return TurtleChanges(
            self.head + b"".join(removed),
            self.head + b"".join(added),
            max(len(removed), len(added)),
            total,
            after,
        )
