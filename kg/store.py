"""The persisted Oxigraph store next to ``graph.ttl``: writing, checking, opening.

``kg build`` loads ``graph.ttl`` into ``<out>/store`` (:func:`write_store`)
so that ``kg query``, ``kg stats`` and ``kg serve`` open an index in
milliseconds instead of parsing Turtle. The store is a cache of the graph,
never the record: :func:`open_store` uses it only when :func:`store_is_fresh`
says it still matches ``graph.ttl`` and its own files are intact, and
otherwise parses ``graph.ttl`` with a warning.

What "matches" means is recorded in a marker file written last into the
store folder: the graph's name, size and SHA-256, the triple count, and the
size and SHA-256 of every RocksDB file the store needs. A hand-edited
graph (even at the same size and mtime) or a store file with flipped bytes
(RocksDB may read a corrupted block length and allocate until the machine
runs out of memory) is therefore caught before RocksDB opens anything.
A rebuild whose graph differs from the previous build's in a few subjects
does not load the store anew: :func:`write_store` given the previous graph
makes a RocksDB checkpoint of its store (:func:`_unshare` then copies the
files the checkpoint hard-linked) and replaces the triples of the subjects
whose Turtle changed (:func:`kg.turtle.changed_subjects`, or the changes
the build's splice of graph.ttl found, :func:`kg.turtle.splice_turtle`).

Checking costs one read of graph.ttl and of the store, several times
cheaper than parsing the Turtle, but still most of a query's start on a large
build (half a second for 600 MB). So :func:`write_store` also records, in
:data:`CHECKED`, the identity (device, inode, size, mtime and ctime) of the
graph and of every file it wrote; while none of them changed, a check trusts
the store without reading it. Writing a file always gives it a new ctime,
which unlike mtime cannot be set back, so the edits above still make the
check read everything; so does a copy of the build (new inodes). Readers
never write: the record is made with the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import json
import logging
import os
import queue
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .errors import QueryError
from .turtle import TurtleChanges, changed_subjects, last_block_start, turtle_head

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "STORE_DIR",
    "StoreCopy",
    "StoreLoader",
    "copy_store",
    "file_identity",
    "file_sha256",
    "graph_checksum",
    "graph_file",
    "load_graph",
    "open_store",
    "store_graph_checksum",
    "store_is_fresh",
    "store_problem",
    "write_store",
]

log = logging.getLogger(__name__)

#: Folder name of the persisted store, next to ``graph.ttl``.
STORE_DIR = "store"
#: Written into the store folder last: what it was loaded from.
MARKER = "edukg-store.json"
#: Marker format; a store with another (older) marker is not trusted.
_MARKER_VERSION = 2
#: Written into the store folder after the marker: what the graph and each
#: store file were when the store was written (see the module docstring).
CHECKED = "edukg-checked.json"
#: RocksDB files that change on every open or hold only diagnostics.
_UNCHECKED = ("LOCK", "LOG")
#: Triples bulk-loaded at a time (see :func:`_slices`).
LOAD_SLICE = 500_000
#: The store is updated from the previous build's (see :func:`write_store`)
#: while at most this share of the graph's subjects changed; past it a bulk
#: load is faster than removing and inserting triple by triple.
UPDATE_SHARE = 0.05
#: Bytes of Turtle :class:`StoreLoader` loads at a time, about as many
#: triples as :data:`LOAD_SLICE`.
LOAD_CHUNK = 24 << 20


def graph_file(graph_path: Path | str) -> Path:
    """``graph.ttl`` itself, or the ``graph.ttl`` inside a build folder."""
    path = Path(graph_path)
    return path / "graph.ttl" if path.is_dir() else path


def load_graph(graph_path: Path | str) -> ox.Store:
    """Parse a graph file into a new in-memory store.

    Raises:
        QueryError: the file is missing or not valid RDF.
    """
    import pyoxigraph as ox

    path = Path(graph_path)
    if not path.is_file():
        raise QueryError(f"{path}: no such graph file (run `kg build` first)")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=_format(path))
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{path}: cannot parse graph: {exc}") from exc
    return store


def _format(path: Path):
    # kg.serialize imports rdflib and networkx: a query need not pay for them
    from .serialize import rdf_format

    return rdf_format(path)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read 16 MB at a time.

    Reading and hashing release the GIL; a thread taking it back waits for
    the switch interval while another thread runs Python. Beside the build's
    graph code, a megabyte at a time took 1.8 s for a 180 MB graph, which
    takes 0.13 s alone.
    """
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(16 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _checked_files(store_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in store_dir.iterdir()
        if p.is_file()
        and p.name not in (MARKER, CHECKED)
        and not p.name.startswith(_UNCHECKED)
    )


def file_identity(path: Path) -> list[int] | None:
    """What any write changes: device, inode, size, mtime and ctime; None if absent."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _identities(graph: Path, store_dir: Path) -> dict:
    """The identity of the graph, the marker and every checked store file."""
    files = [MARKER, *(p.name for p in _checked_files(store_dir))]
    return {
        "graph": file_identity(graph),
        "files": {name: file_identity(store_dir / name) for name in files},
    }


def _record_check(store_dir: Path, identities: dict) -> None:
    """Write :data:`CHECKED`; without it, every check reads every file."""
    text = json.dumps(identities, sort_keys=True) + "\n"
    try:
        (store_dir / CHECKED).write_text(text, "utf-8")
    except OSError as exc:
        log.debug("%s: identities not recorded: %s", store_dir, exc)


def _recorded_check(store_dir: Path) -> dict | None:
    try:
        return json.loads((store_dir / CHECKED).read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_store(
    ttl_path: Path | str,
    store_dir: Path | str,
    *,
    previous: Path | str | None = None,
    changes: TurtleChanges | None = None,
    copy: StoreCopy | None = None,
) -> Path:
    """Bulk-load a graph file into a persisted Oxigraph store folder.

    The store is built in a hidden temporary folder next to ``store_dir`` and
    renamed into place, so readers see the old store, no store, or the new
    one, never half of one. The marker file (see the module docstring) is
    written last.

    Args:
        ttl_path: the graph (``graph.ttl``; ``.nt``/``.trig``/``.nq`` also work).
        store_dir: the folder to create or replace (``<out>/store``).
        previous: an earlier Turtle graph written by EduKG whose store sits
            next to it (the previous build's). When that store is fresh and
            at most :data:`UPDATE_SHARE` of the subjects changed, the new
            store is a checkpoint of it with those subjects' triples replaced
            (the same triples a load gives); otherwise the graph is loaded.
        changes: what differs between ``previous`` and ``ttl_path``, when
            the caller knows (it spliced one from the other); found by
            reading both otherwise.
        copy: :func:`copy_store` of ``previous``, made while the graph was
            being written; used (and moved) if the store is updated,
            discarded otherwise.

    Returns:
        ``store_dir``.

    Raises:
        QueryError: the graph cannot be parsed or the store cannot be written.
    """
    ttl_path, store_dir = Path(ttl_path), Path(store_dir)
    tmp: Path | None = None
    try:
        graph_identity = file_identity(
            ttl_path
        )  # before reading it: a later write differs
        size = ttl_path.stat().st_size
        checksum = file_sha256(ttl_path)
        tmp = _new_folder(store_dir)
        updated = None
        if previous is not None:
            updated = _try_update(tmp, ttl_path, Path(previous), changes, copy)
        triples, known = updated if updated is not None else (_load(tmp, ttl_path), {})
        _commit(
            tmp, store_dir, ttl_path, graph_identity, size, checksum, triples, known
        )
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{store_dir}: cannot write the query store: {exc}") from exc
    finally:
        if tmp is not None:
            _discard(tmp)
        if copy is not None:
            copy.discard()  # a no-op once moved into the store
    return store_dir


@dataclass(frozen=True, slots=True)
class StoreCopy:
    """A copy of a fresh store, made ahead of :func:`write_store`.

    Attributes:
        graph: the graph the store is of (the previous build's graph.ttl).
        folder: the copy: a checkpoint whose files are its own (:func:`_unshare`).
        triples: how many triples it holds.
        known: the size and SHA-256 of each file the copy shares with the
            store's marker (see :func:`_commit`).
    """

    graph: Path
    folder: Path
    triples: int
    known: dict[str, tuple[int, str]]

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def copy_store(graph: Path | str, where: Path | str) -> StoreCopy | None:
    """A copy of the store of ``graph`` in a new hidden folder in ``where``.

    Copying the files is most of an update's time (a second or two per GB)
    and needs nothing of the new graph: a build makes it beside resolution
    and hands it to :func:`write_store`. None when the store is not fresh or
    was written by another Oxigraph (an update would load it anew).
    The caller discards what :func:`write_store` is not given.
    """
    graph = graph_file(graph)
    if store_problem(graph) is not None:
        return None
    base = graph.parent / STORE_DIR
    recorded = _recorded(base)
    if recorded is None:
        return None
    triples, files = recorded
    folder = Path(tempfile.mkdtemp(prefix=".store.", suffix=".tmp", dir=where))
    try:
        _checkpoint(base, folder)
        known = _known_files(folder, files)
    except (OSError, ValueError, RuntimeError) as exc:
        log.info("%s: the store is not copied ahead: %s", base, exc)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return StoreCopy(graph, folder, triples, known)


def _recorded(base: Path) -> tuple[int, dict] | None:
    """The triple count and file checksums the marker of the store in
    ``base`` records; None when it cannot be read or another Oxigraph wrote
    the store (it may lay its files out otherwise)."""
    try:
        recorded = json.loads((base / MARKER).read_text("utf-8"))
        if recorded.get("pyoxigraph") != _oxigraph_version():
            return None
        triples = recorded["triples"]
        files = recorded["files"]
    except (OSError, ValueError, KeyError, AttributeError):
        return None
    if not isinstance(triples, int) or not isinstance(files, dict):
        return None
    return triples, files


def _checkpoint(base: Path, folder: Path) -> None:
    """Make ``folder`` (empty) a copy of the store in ``base``."""
    import pyoxigraph as ox

    folder.rmdir()  # a checkpoint is made into a folder that does not exist
    source = ox.Store.read_only(str(base))
    try:
        source.backup(str(folder))
    finally:
        del source
    folder.chmod(0o777 & ~_umask())
    _unshare(folder)


def _known_files(folder: Path, files: dict) -> dict[str, tuple[int, str]]:
    """The checksums the base store's marker gives for files of its copy.

    Only table files (``*.sst``), which RocksDB never writes once made (nor
    reuses the name of), so a copy of a checked one has its checksum; at the
    size recorded, or it is not the file the marker saw.
    """
    known = {}
    for path in _checked_files(folder):
        entry = files.get(path.name)
        if path.suffix == ".sst" and isinstance(entry, list) and len(entry) == 2:
            size, digest = entry
            if size == path.stat().st_size and isinstance(digest, str):
                known[path.name] = (size, digest)
    return known


class StoreLoader:
    """Loads a Turtle graph into a new store while the graph is being written.

    :func:`write_store` starts once ``graph.ttl`` is whole; a large build then
    waits for a load as long as everything before it. A loader is made
    before the graph is written and told of every piece written
    (:meth:`wrote`, e.g. as ``write_turtle_rows(..., tee=loader.wrote)``);
    each time another :data:`LOAD_CHUNK` bytes of whole subjects are in the
    file, a thread reads them back from the file and bulk-loads them, beside
    the writing (Oxigraph loads without the GIL). Nothing is held in memory
    but the chunk being loaded. :meth:`finish`, once the graph file is in
    place, loads the rest and puts the store where :func:`write_store`
    would; :meth:`abort` throws it away. Only for Turtle as pyoxigraph
    writes it (whole subjects are cut at lines that do not start with a tab).

    Raises:
        QueryError: (from :meth:`finish`) the store could not be written.
    """

    def __init__(self, store_dir: Path | str) -> None:
        import pyoxigraph as ox

        self.store_dir = Path(store_dir)
        self._tmp: Path | None = _new_folder(self.store_dir)
        self._store: ox.Store | None = ox.Store(str(self._tmp))
        self._digest = hashlib.sha256()
        self._size = 0  # bytes written so far
        self._queued = 0  # bytes handed to the thread
        self._last = b""  # the last byte written: a cut may fall just after it
        self._fd: int | None = None
        self._from_runs = False  # loading sorted runs, not pieces of graph.ttl
        self._aborted = False
        self._ends: queue.SimpleQueue[int | IO[bytes] | None] = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def load_run(self, path: Path) -> None:
        """Load a file of N-Triples lines (a sorted run of the graph's triples).

        Given every run (:class:`kg.serialize.SortedLines`, ``spilled=``),
        the store is loaded from them, beside the sorting and the writing of
        graph.ttl; :meth:`wrote` then only checksums the graph. The file is
        opened now: the sorter may remove it before the thread reads it.
        """
        if self._error is not None:
            return
        self._from_runs = True
        try:
            self._ends.put(path.open("rb"))
        except OSError as exc:  # costs the store (finish raises), not the graph
            self._error = exc

    def wrote(self, handle: IO[bytes], data: bytes) -> None:
        """Take note of ``data``, just written at the end of ``handle``."""
        self._digest.update(data)
        start = self._size - len(self._last)
        self._size += len(data)
        if self._from_runs:
            return  # the runs load the store: the graph is only checksummed
        if self._fd is None and self._error is None:
            # The file is renamed and closed by its writer before finish():
            # the thread reads it through its own descriptor.
            try:
                self._fd = os.dup(handle.fileno())
            except OSError as exc:  # costs the store (finish raises), not the graph
                self._error = exc
        joined = self._last + data
        self._last = data[-1:] or self._last
        if self._size - self._queued < LOAD_CHUNK:
            return
        cut = last_block_start(joined)
        if cut > 0 and self._fd is not None:
            handle.flush()  # the thread reads the file, not the buffer
            self._queued = start + cut
            self._ends.put(self._queued)

    def _run(self) -> None:
        import pyoxigraph as ox

        loaded = 0
        head = b""
        while (end := self._ends.get()) is not None:
            if self._error is not None or self._store is None or self._aborted:
                if not isinstance(end, int):
                    end.close()
                continue  # keep taking ends, so the writer never waits
            if not isinstance(end, int):
                self._load_lines(end)
                continue
            try:
                assert self._fd is not None
                data = _read_at(self._fd, loaded, end - loaded)
                if loaded == 0:
                    head = turtle_head(io.BytesIO(data))
                self._store.bulk_load(
                    data if loaded == 0 else head + data, format=ox.RdfFormat.TURTLE
                )
                loaded = end
            except BaseException as exc:  # raised by finish(), in the build's thread
                self._error = exc

    def _load_lines(self, run: IO[bytes]) -> None:
        """Bulk-load an open file of N-Triples lines, :data:`LOAD_CHUNK` at a time."""
        import pyoxigraph as ox

        assert self._store is not None
        try:
            with run:
                rest = b""
                while chunk := run.read(LOAD_CHUNK):
                    data = rest + chunk
                    cut = data.rfind(b"\n") + 1
                    rest = data[cut:]
                    self._store.bulk_load(data[:cut], format=ox.RdfFormat.N_TRIPLES)
                if rest:
                    self._store.bulk_load(rest, format=ox.RdfFormat.N_TRIPLES)
        except BaseException as exc:  # raised by finish(), in the build's thread
            self._error = exc

    def finish(self, graph: Path | str, triples: int | None = None) -> Path:
        """Load what is left of ``graph`` (now whole, in place); the store folder.

        Args:
            graph: the graph file, renamed into place since it was written.
            triples: how many the writer wrote, if known: a store that holds
                another number is not kept.

        Raises:
            QueryError: a piece could not be parsed or the store written.
        """
        graph = Path(graph)
        try:
            graph_identity = file_identity(graph)
            if self._size > self._queued and not self._from_runs:
                self._ends.put(self._size)
            self._stop()
            if self._error is not None:
                error = self._error
                raise QueryError(
                    f"{self.store_dir}: cannot write the query store: {error}"
                ) from error
            assert self._store is not None and self._tmp is not None
            self._store.flush()
            self._store.optimize()  # compacts, so the files no longer change on open
            loaded = len(self._store)
            self._close()
            if triples is not None and loaded != triples:
                raise ValueError(f"{loaded} triples loaded of the {triples} written")
            checksum = self._digest.hexdigest()
            _commit(
                self._tmp,
                self.store_dir,
                graph,
                graph_identity,
                self._size,
                checksum,
                loaded,
            )
            self._tmp = None
        except (SyntaxError, ValueError, OSError) as exc:
            raise QueryError(
                f"{self.store_dir}: cannot write the query store: {exc}"
            ) from exc
        finally:
            self.abort()
        return self.store_dir

    def abort(self) -> None:
        """Stop loading and remove what was loaded (nothing once finished)."""
        self._aborted = True  # what is queued is dropped, not loaded
        self._stop()
        self._close()
        if self._tmp is not None:
            _discard(self._tmp)
            self._tmp = None

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._ends.put(None)
            self._thread.join()
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _close(self) -> None:
        # Closes RocksDB: the folder must not move, or be removed, while open.
        self._store = None


def _read_at(fd: int, offset: int, size: int) -> bytes:
    pieces = []
    while size > 0:
        piece = os.pread(fd, size, offset)
        if not piece:
            raise OSError(f"the graph file ended {size} bytes early")
        pieces.append(piece)
        offset += len(piece)
        size -= len(piece)
    return b"".join(pieces)


def _new_folder(store_dir: Path) -> Path:
    """A hidden empty folder next to ``store_dir`` to build a store in."""
    tmp = Path(
        tempfile.mkdtemp(
            prefix=f".{store_dir.name}.", suffix=".tmp", dir=store_dir.parent
        )
    )
    # mkdtemp makes the folder private (0700); a store is as shareable as
    # the graph.ttl it was loaded from.
    tmp.chmod(0o777 & ~_umask())
    return tmp


def _discard(tmp: Path) -> None:
    """Remove a store's temp folder and the old store :func:`_commit` moved aside."""
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(tmp.with_name(tmp.name + ".old"), ignore_errors=True)


def _commit(
    tmp: Path,
    store_dir: Path,
    graph: Path,
    graph_identity: list[int] | None,
    size: int,
    checksum: str,
    triples: int,
    known: dict[str, tuple[int, str]] | None = None,
) -> None:
    """Write the marker and the record into ``tmp``, then rename it to ``store_dir``.

    ``known``: the size and SHA-256 of files copied from a checked store
    (:func:`_known_files`), not read again: hashing every file of an
    updated store took longer than updating it.
    """
    known = known or {}
    marker = {
        "version": _MARKER_VERSION,
        "graph": graph.name,
        "graph_size": size,
        "graph_sha256": checksum,
        "triples": triples,
        "files": {
            p.name: list(known[p.name])
            if p.name in known and known[p.name][0] == p.stat().st_size
            else [p.stat().st_size, file_sha256(p)]
            for p in _checked_files(tmp)
        },
        "pyoxigraph": _oxigraph_version(),  # RocksDB layouts may differ between them
    }
    (tmp / MARKER).write_text(json.dumps(marker, indent=2) + "\n", "utf-8")
    # Renaming the folder keeps its files' identities.
    _record_check(tmp, {**_identities(graph, tmp), "graph": graph_identity})
    # A non-empty folder cannot be renamed over another: move the old
    # store aside first, then delete it once the new one is in place.
    if store_dir.exists():
        os.replace(store_dir, tmp.with_name(tmp.name + ".old"))
    os.replace(tmp, store_dir)


def _oxigraph_version() -> str:
    import pyoxigraph as ox

    return ox.__version__


def _load(folder: Path, graph: Path) -> int:
    """Bulk-load ``graph`` into a new store in ``folder``; its triple count.

    The store is compacted and closed when this returns or raises.
    """
    import pyoxigraph as ox

    store = ox.Store(str(folder))
    try:
        for piece in _slices(graph):
            store.bulk_extend(piece)
        store.flush()
        store.optimize()  # compacts, so the files no longer change on open
        return len(store)
    finally:
        # Closes RocksDB, on failure too: the folder must not move, or be
        # removed, while it is open (its threads still write into it).
        del store


def _try_update(
    folder: Path,
    graph: Path,
    previous: Path,
    changes: TurtleChanges | None = None,
    copy: StoreCopy | None = None,
) -> tuple[int, dict[str, tuple[int, str]]] | None:
    """Fill the empty ``folder`` from the store of ``previous``.

    Returns the triple count and the checksums known of its files (see
    :func:`_commit`); None, with ``folder`` empty again, when a load is the
    better way: the previous store is missing or stale, the graphs are not
    both Turtle in EduKG's layout, or too much changed. ``copy``, a copy of
    that store made ahead (:func:`copy_store`), is moved into ``folder``.
    """
    if not graph.suffix == previous.suffix == ".ttl":
        return None  # the walk reads the Turtle layout pyoxigraph writes
    if copy is not None and copy.graph != previous:
        copy = None  # of another graph: the caller discards it
    problem = None if copy is not None else store_problem(previous)
    if problem is not None:
        log.info("%s: loaded anew, the previous store is not used: %s", graph, problem)
        return None
    try:
        if changes is None:
            changes = changed_subjects(previous, graph)
        if changes is None or changes.subjects > UPDATE_SHARE * changes.total:
            return None
        if copy is not None:
            # Checked when copied; a build's previous generation does not
            # change while the build holds its lock.
            folder.rmdir()
            os.replace(copy.folder, folder)
            triples, known = copy.triples, copy.known
        else:
            recorded = _recorded(previous.parent / STORE_DIR)
            if recorded is None:
                return None
            triples, files = recorded
            _checkpoint(previous.parent / STORE_DIR, folder)
            known = _known_files(folder, files)
        return _apply(folder, changes, triples), known
    except (SyntaxError, ValueError, KeyError, TypeError, OSError) as exc:
        log.warning(
            "%s: loaded anew, updating the previous store failed: %s", graph, exc
        )
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(mode=0o777 & ~_umask())
        return None


def _apply(folder: Path, changes: TurtleChanges, base_triples: int) -> int:
    """Apply ``changes`` to the copy of a store in ``folder``; the triple count."""
    import pyoxigraph as ox

    store = ox.Store(str(folder))
    try:
        gone = list(ox.parse(changes.removed, format=ox.RdfFormat.TURTLE))
        added = list(ox.parse(changes.added, format=ox.RdfFormat.TURTLE))
        if any(_blank(quad) for quad in (*gone, *added)):
            # A blank node parsed twice is two nodes: it cannot be removed.
            raise ValueError("the graph has blank nodes")
        for quad in gone:
            store.remove(quad)
        store.extend(added)
        store.flush()
        log.info(
            "%s: updated from the previous store: %d subjects changed, "
            "%d triples removed, %d added",
            folder,
            changes.subjects,
            len(gone),
            len(added),
        )
        return base_triples - len(gone) + len(added)
    finally:
        del store


def _unshare(folder: Path) -> None:
    """Give each file of a checkpoint its own copy instead of a hard link.

    A linked file's ctime changes whenever another link to it is made or
    removed (the next build's checkpoint, the cleanup of an old generation),
    and a changed ctime makes every later check read the whole store
    (:data:`CHECKED`). The copy is made by the kernel (copy_file_range), a
    second or two per GB: still a fraction of loading the store.
    """
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_nlink > 1:
            copy = path.with_name(f".{path.name}.copy")
            shutil.copyfile(path, copy)
            os.replace(copy, path)


def _blank(quad: ox.Quad) -> bool:
    import pyoxigraph as ox

    return isinstance(quad.subject, ox.BlankNode) or isinstance(
        quad.object, ox.BlankNode
    )


def _slices(graph: Path) -> Iterator[Iterator[ox.Quad]]:
    """The triples of a graph file, :data:`LOAD_SLICE` at a time.

    Oxigraph's bulk loader takes up to a million triples per thread into
    memory before it writes them (1.6 GB for a graph of 3 million triples
    on two threads, more with more cores); one bulk load a slice keeps it
    near half a GB whatever the size of the graph. Each slice must be
    consumed before the next is taken.
    """
    import pyoxigraph as ox

    quads = iter(ox.parse(path=str(graph), format=_format(graph)))
    while (first := next(quads, None)) is not None:
        yield itertools.chain((first,), itertools.islice(quads, LOAD_SLICE - 1))


def store_problem(graph_path: Path | str) -> str | None:
    """Why ``<dir>/store`` may not answer for ``graph_path``, or None if it may.

    The store may answer when its marker names this graph file with the same
    size and SHA-256 (or the graph file is gone: a store is a complete copy of
    the graph it was loaded from), and every store file has the size and
    SHA-256 recorded when it was written; or, without reading them, when none
    of these files was written since (:data:`CHECKED`).

    Args:
        graph_path: a ``graph.ttl`` or a build folder.
    """
    graph = graph_file(graph_path)
    store_dir = graph.parent / STORE_DIR
    try:
        recorded = json.loads((store_dir / MARKER).read_text("utf-8"))
    except FileNotFoundError:
        return "no store"
    except (OSError, ValueError) as exc:
        return f"unreadable marker ({exc})"
    if not isinstance(recorded, dict) or recorded.get("version") != _MARKER_VERSION:
        return "written by an older EduKG"
    if recorded.get("graph") != graph.name:
        return f"loaded from {recorded.get('graph')!r}, not {graph.name!r}"
    with contextlib.suppress(OSError):
        if _identities(graph, store_dir) == _recorded_check(store_dir):
            return None  # no file was written since write_store read them all
    return _read_everything(graph, store_dir, recorded)


def _read_everything(graph: Path, store_dir: Path, recorded: dict) -> str | None:
    """The check of :func:`store_problem` that hashes the graph and every file."""
    try:
        size = graph.stat().st_size
    except FileNotFoundError:
        size = None
    if size is not None and (
        size != recorded.get("graph_size")
        or file_sha256(graph) != recorded["graph_sha256"]
    ):
        return f"{graph.name} changed since the store was written"
    files = recorded.get("files")
    if not isinstance(files, dict) or not files:
        return "no file checksums in the marker"
    try:
        present = {p.name for p in _checked_files(store_dir)}
        if present != set(files):
            return "store files added or missing"
        for name, (expected_size, digest) in files.items():
            path = store_dir / name
            if path.stat().st_size != expected_size or file_sha256(path) != digest:
                return f"store file {name} is corrupted"
    except (OSError, TypeError, ValueError) as exc:
        return f"cannot check the store files ({exc})"
    return None


def store_graph_checksum(graph_path: Path | str) -> str | None:
    """The SHA-256 of the graph ``<dir>/store`` was loaded from, None without one.

    What a cache of the store (:mod:`kg.tables`) records to be sure it is of
    the same graph; whether the store itself may answer is
    :func:`store_problem`'s question.
    """
    marker = graph_file(graph_path).parent / STORE_DIR / MARKER
    try:
        recorded = json.loads(marker.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    checksum = recorded.get("graph_sha256") if isinstance(recorded, dict) else None
    return checksum if isinstance(checksum, str) else None


def graph_checksum(graph_path: Path | str) -> str | None:
    """The SHA-256 of a graph file; None if it cannot be read.

    Taken from its store's marker while the file is the one the store
    recorded (same identity), without reading it; computed otherwise. Unlike
    :func:`store_problem`, it does not ask whether the store's own files are
    intact: a rebuild's checkpoint of them changes their ctimes.
    """
    graph = graph_file(graph_path)
    store_dir = graph.parent / STORE_DIR
    try:
        recorded = json.loads((store_dir / MARKER).read_text("utf-8"))
        checked = _recorded_check(store_dir)
        if (
            isinstance(recorded, dict)
            and isinstance(checked, dict)
            and recorded.get("graph") == graph.name
            and checked.get("graph") == file_identity(graph)
            and isinstance(recorded.get("graph_sha256"), str)
        ):
            return recorded["graph_sha256"]
    except (OSError, ValueError):
        pass
    try:
        return file_sha256(graph)
    except OSError:
        return None


def store_is_fresh(graph_path: Path | str) -> bool:
    """Whether ``<dir>/store`` may answer queries for ``graph_path``.

    See :func:`store_problem`, which also says why not.
    """
    return store_problem(graph_path) is None


def open_store(graph_path: Path | str, *, verify: bool = True) -> ox.Store:
    """Open the graph for querying: the persisted store if fresh, else the file.

    A fresh ``<dir>/store`` is opened read-only, which takes milliseconds and
    lets many processes share it; otherwise the graph file is parsed into an
    in-memory store, with a warning when a store exists but does not match.

    Args:
        graph_path: a ``graph.ttl`` (or .nt/.trig) written by ``kg build``, or
            the build folder that holds it.
        verify: check the store against its marker first (see
            :func:`store_problem`); False only where the caller just did.

    Returns:
        A store whose default graph holds the triples.

    Raises:
        QueryError: there is neither a usable store nor a readable graph file.
    """
    import pyoxigraph as ox

    graph = graph_file(graph_path)
    store_dir = graph.parent / STORE_DIR
    problem = store_problem(graph) if verify else None
    if problem is None:
        try:
            return ox.Store.read_only(str(store_dir))
        except (OSError, RuntimeError) as exc:
            problem = f"cannot open it ({exc})"
    if problem != "no store":
        # The Turtle is the record; a damaged store only costs speed.
        log.warning(
            "%s: not used: %s; reading %s (`kg build` writes a new store)",
            store_dir,
            problem,
            graph,
        )
    return load_graph(graph)
