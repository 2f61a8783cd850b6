"""The scale benchmark's corpus generator (bench/bench_scale.py); no timings."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.regions import load_region_index, short_form

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "bench_scale.py"

REPORT = (
    "无锡市梁溪区教育局2021年工作总结\n"
    "2021年，梁溪区新建公办幼儿园7所，梁溪实验小学、梁溪区第二中学获评江苏省文明校园。"
    "全区进一步优化教育资源配置，落实锡教〔2021〕5号文件。\n"
)
ORDINAL = "[一二三四五六七八九十]+"
NOTHING_TO_VARY = "县教育局工作计划。全面贯彻党的教育方针。\n"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_scale", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture(scope="module")
def generator(bench: ModuleType):
    return bench.CorpusGenerator(
        [("report.txt", REPORT), ("plain.txt", NOTHING_TO_VARY)], seed=0
    )


def _county_named(prefix: str) -> str:
    """The level-3 division whose parent's name and own name make ``prefix``."""
    index = load_region_index()
    for ref in index.by_code.values():
        parent = index.by_code.get(ref.parent)
        if ref.level == 3 and parent and parent.name + ref.name == prefix:
            return ref.code
    raise AssertionError(f"{prefix!r} is no division under its parent")


@pytest.mark.parametrize("copy_number", range(5))
def test_copy_names_another_region_consistently(generator, copy_number):
    index = load_region_index()
    text = generator.render(generator.templates[0], copy_number)
    assert "梁溪" not in text and "无锡" not in text
    heading = re.match(r"(.+?)教育局(\d{4})年工作总结", text)
    assert heading is not None
    county = index.by_code[_county_named(heading.group(1))]
    # A 区 for a 区, and one whose name no other division has.
    assert county.name.endswith("区")
    assert len(index.by_name[county.name]) == 1
    # The short form in the school's name follows the county's new name;
    # ordinals change or appear.
    assert re.search(f"{short_form(county.name)}(第{ORDINAL})?实验小学", text)
    assert re.search(f"{county.name}第{ORDINAL}中学", text)
    ancestors = index.ancestors(county.code)
    if len(ancestors) == 2:  # not a district of a municipality
        assert f"获评{index.by_code[ancestors[1]].name}文明校园" in text
    # Every year moves by the same shift, document numbers included.
    year = heading.group(2)
    assert year != "2021"
    assert re.findall(r"\d{4}(?=年)", text) == [year, year]
    assert f"〔{year}〕" in text
    # 资源 is a short form (资源县) but here the common word.
    assert "教育资源配置" in text
    assert re.search(r"幼儿园\d所", text)


def test_same_seed_same_corpus_in_any_process(bench, generator, tmp_path):
    def digest(folder: Path) -> str:
        files = generator.write(folder, 20_000)
        return hashlib.sha256(
            b"".join(p.name.encode() + p.read_bytes() for p in files)
        ).hexdigest()

    here = digest(tmp_path / "a")
    assert digest(tmp_path / "b") == here
    # Another process with another string-hash seed writes the same bytes.
    script = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        f"sys.path.insert(0, {str(BENCH.parent)!r})\n"
        "import bench_scale\n"
        f"g = bench_scale.CorpusGenerator([('report.txt', {REPORT!r}),"
        f" ('plain.txt', {NOTHING_TO_VARY!r})], seed=0)\n"
        f"files = g.write(Path({str(tmp_path / 'c')!r}), 20_000)\n"
        "print(hashlib.sha256(b''.join(p.name.encode() + p.read_bytes()"
        " for p in files)).hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == here
    other_seed = bench.CorpusGenerator([("report.txt", REPORT)], seed=1)
    assert other_seed.render(other_seed.templates[0], 0) != generator.render(
        generator.templates[0], 0
    )


def test_write_stops_at_size_with_distinct_copies(generator, tmp_path):
    files = generator.write(tmp_path, 20_000)
    sizes = [p.stat().st_size for p in files]
    assert sum(sizes) >= 20_000 > sum(sizes) - sizes[-1]
    assert len({p.read_bytes() for p in files}) == len(files)
    # A source with nothing to vary would only repeat itself.
    assert [p.name for p in files if p.name.endswith("plain.txt")] == ["0000_plain.txt"]


def test_nothing_to_vary_still_ends(bench, tmp_path):
    only_plain = bench.CorpusGenerator([("plain.txt", NOTHING_TO_VARY)])
    assert len(only_plain.write(tmp_path, 1_000_000)) == 1
