"""graph.ttl's layout: a graph spliced from an old one is the graph written whole."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.graph import IRI, LITERAL, Row
from kg.serialize import ntriples_line, write_turtle_rows
from kg.turtle import splice_owned, splice_turtle

BASE = "https://w3id.org/edukg/id/"
PREDICATES = [f"https://w3id.org/edukg/ontology#{p}" for p in ("a", "b", "inReport")]
# IRIs that prefix one another (…/1 and …/10) sort by "IRI>", not by IRI.
SUBJECTS = [f"{BASE}{kind}/{n}" for kind in ("mention", "school") for n in (1, 10, 2)]
TEXT = st.text(alphabet='ab\\"\n \u3000学', max_size=4)


def _turtle(rows: list[Row]) -> bytes:
    out = io.BytesIO()
    write_turtle_rows(sorted(set(map(ntriples_line, rows))), out)
    return out.getvalue()


rows_of = st.lists(
    st.tuples(
        st.sampled_from(SUBJECTS),
        st.sampled_from(PREDICATES),
        st.one_of(
            st.tuples(st.just(IRI), st.sampled_from(SUBJECTS), st.just("")),
            st.tuples(st.just(LITERAL), TEXT, st.sampled_from(["", "zh"])),
        ),
    ).map(lambda t: (t[0], t[1], t[2][0], t[2][1], t[2][2], "")),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(old=rows_of, new=rows_of, kept=st.sets(st.sampled_from(SUBJECTS)))
def test_a_spliced_graph_is_the_graph_written_whole(
    tmp_path_factory: pytest.TempPathFactory,
    old: list[Row],
    new: list[Row],
    kept: set[str],
) -> None:
    # The kept subjects have the same triples in both graphs (what the
    # build guarantees of a report whose digest did not change).
    new = [r for r in new if r[0] not in kept] + [r for r in old if r[0] in kept]
    previous = tmp_path_factory.mktemp("splice") / "old.ttl"
    previous.write_bytes(_turtle(old))
    replacement = _turtle([r for r in new if r[0] not in kept])
    out = io.BytesIO()
    changes = splice_turtle(
        previous, replacement, out, lambda subject, _: subject.decode() in kept
    )
    assert out.getvalue() == _turtle(new)

    def rows(graph: list[Row], subject: str) -> set[Row]:
        return {r for r in graph if r[0] == subject}

    def subjects(turtle: bytes) -> set[str]:
        return {q.subject.value for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)}

    differ = {s for s in SUBJECTS if rows(old, s) != rows(new, s)}
    assert subjects(changes.removed) == {s for s in differ if rows(old, s)}
    assert subjects(changes.added) == {s for s in differ if rows(new, s)}
    assert changes.total == len({r[0] for r in old + new})


def test_a_kept_subject_that_is_also_replaced_is_refused(tmp_path: Path) -> None:
    row = (SUBJECTS[0], PREDICATES[0], LITERAL, "x", "", "")
    previous = tmp_path / "old.ttl"
    previous.write_bytes(_turtle([row]))
    with pytest.raises(ValueError, match="also replaced"):
        splice_turtle(previous, _turtle([row]), io.BytesIO(), lambda s, b: True)


def test_a_graph_with_other_prefixes_is_refused(tmp_path: Path) -> None:
    row = (SUBJECTS[0], PREDICATES[0], LITERAL, "x", "", "")
    previous = tmp_path / "old.ttl"
    previous.write_bytes(_turtle([row]))
    other = io.BytesIO()
    write_turtle_rows([ntriples_line(row)], other, prefixes={"x": BASE})
    with pytest.raises(ValueError, match="other prefixes"):
        splice_turtle(previous, other.getvalue(), io.BytesIO(), lambda s, b: False)


def test_a_graph_out_of_order_is_refused(tmp_path: Path) -> None:
    first, second = (
        _turtle([(s, PREDICATES[0], LITERAL, "x", "", "")])
        for s in (SUBJECTS[0], SUBJECTS[2])
    )
    head = first[: first.index(b"\nid:") + 1]
    previous = tmp_path / "old.ttl"
    previous.write_bytes(second + first[len(head) :])  # the blocks swapped
    with pytest.raises(ValueError, match="out of order"):
        splice_turtle(previous, _turtle([]), io.BytesIO(), lambda s, b: True)


OWNERS = [f"{BASE}report/{n}" for n in (1, 10, 2)]
OWNED = [f"{BASE}mention/{n}" for n in (1, 10, 2, 3)]
OTHERS = [f"{BASE}{kind}/{n}" for kind in ("award", "school") for n in (1, 10)]
LINK = PREDICATES[2]


def _literals(subjects: list[str]) -> st.SearchStrategy[list[Row]]:
    return st.lists(
        st.tuples(st.sampled_from(subjects), st.sampled_from(PREDICATES[:2]), TEXT).map(
            lambda t: (t[0], t[1], LITERAL, t[2], "", "")
        ),
        max_size=8,
    )


def _owned_graph(
    owner_of: dict[str, str], present: set[str], rows: list[Row]
) -> list[Row]:
    """Rows of the present owners, of the subjects linked to them, and others."""
    graph = [(o, PREDICATES[0], IRI, OWNERS[0], "", "") for o in sorted(present)]
    graph += [(s, LINK, IRI, o, "", "") for s, o in owner_of.items() if o in present]
    owned = {s for s, o in owner_of.items() if o in present}
    return graph + [
        r for r in rows if r[0] in owned or r[0] in present or r[0] in OTHERS
    ]


@settings(max_examples=200, deadline=None)
@given(
    owner_of=st.fixed_dictionaries({s: st.sampled_from(OWNERS) for s in OWNED}),
    new_owner_of=st.fixed_dictionaries({s: st.sampled_from(OWNERS) for s in OWNED}),
    present=st.sets(st.sampled_from(OWNERS)),
    new_present=st.sets(st.sampled_from(OWNERS)),
    kept=st.sets(st.sampled_from(OWNERS)),
    old_rows=_literals(OWNERS + OWNED + OTHERS),
    new_rows=_literals(OWNERS + OWNED + OTHERS),
)
def test_a_graph_spliced_by_owner_is_the_graph_written_whole(
    tmp_path_factory: pytest.TempPathFactory,
    owner_of: dict[str, str],
    new_owner_of: dict[str, str],
    present: set[str],
    new_present: set[str],
    kept: set[str],
    old_rows: list[Row],
    new_rows: list[Row],
) -> None:
    kept &= present
    old = _owned_graph(owner_of, present, old_rows)
    # A kept owner's subjects are the same in the new graph; the others'
    # are anything, of any owner not kept.
    new_owner_of = {
        s: o
        for s, o in new_owner_of.items()
        if o not in kept and owner_of[s] not in kept
    }
    owned_kept = {s for s, o in owner_of.items() if o in kept} | kept
    new = [r for r in old if r[0] in owned_kept] + _owned_graph(
        new_owner_of,
        new_present - kept,
        [r for r in new_rows if r[0] not in owned_kept],
    )
    previous = tmp_path_factory.mktemp("splice") / "old.ttl"
    previous.write_bytes(_turtle(old))
    replacement = _turtle([r for r in new if r[0] not in owned_kept])
    out = io.BytesIO()
    changes = splice_owned(
        previous,
        replacement,
        out,
        owner_span=f"{BASE}report/".encode(),
        spans=[f"{BASE}mention/".encode()],
        owners=[o.encode() for o in sorted(present - kept)],
        link=LINK.encode(),
        subjects=None,
    )
    assert out.getvalue() == _turtle(new)
    walked = splice_turtle(
        previous, replacement, io.BytesIO(), lambda s, _: s.decode() in owned_kept
    )
    assert changes.removed == walked.removed
    assert changes.added == walked.added
    assert changes.subjects == walked.subjects
    assert changes.total == walked.total
    assert changes.after == len({r[0] for r in new})


def test_an_owner_without_a_block_is_refused(tmp_path: Path) -> None:
    previous = tmp_path / "old.ttl"
    previous.write_bytes(_turtle(_owned_graph({OWNED[0]: OWNERS[0]}, {OWNERS[0]}, [])))
    with pytest.raises(ValueError, match="no block"):
        splice_owned(
            previous,
            _turtle([]),
            io.BytesIO(),
            owner_span=f"{BASE}report/".encode(),
            spans=[f"{BASE}mention/".encode()],
            owners=[OWNERS[1].encode()],
            link=LINK.encode(),
        )


@pytest.mark.parametrize("kernel", ["copies", "refuses"])
def test_a_spliced_file_is_the_same_whether_the_kernel_copies_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kernel: str
) -> None:
    owner_of = {OWNED[0]: OWNERS[0], OWNED[1]: OWNERS[1], OWNED[3]: OWNERS[2]}
    rows = [(s, PREDICATES[0], LITERAL, "x" * 50, "", "") for s in OWNED + OTHERS]
    old = _owned_graph(owner_of, set(OWNERS), rows)
    new = [r for r in old if r[0] not in (OWNERS[1], OWNED[1])]
    previous = tmp_path / "old.ttl"
    previous.write_bytes(_turtle(old))
    if kernel == "refuses":

        def refuse(*_args: object) -> int:
            raise OSError(18, "Invalid cross-device link")

        monkeypatch.setattr("os.copy_file_range", refuse, raising=False)
    out = tmp_path / "new.ttl"
    with out.open("wb") as handle:
        splice_owned(
            previous,
            _turtle([r for r in new if r[0] in OTHERS]),
            handle,
            owner_span=f"{BASE}report/".encode(),
            spans=[f"{BASE}mention/".encode()],
            owners=[OWNERS[1].encode()],
            link=LINK.encode(),
        )
    assert out.read_bytes() == _turtle(new)
