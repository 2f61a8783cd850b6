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
from kg.turtle import splice_turtle

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
