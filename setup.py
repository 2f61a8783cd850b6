"""Build hook: ship the top-level ``ontology/`` folder as ``kg.ontology``.

The ontology stays in one place (``ontology/``, read by tools/gen_vocab.py and
the tests); installed copies, wheels included, carry it as package data so
``kg validate`` finds ``shapes.ttl`` without the source tree. Everything else
is configured in setup.cfg.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["kg", "kg.*"]), "kg.ontology"],
    package_dir={"kg.ontology": "ontology"},
    package_data={"kg.ontology": ["*.ttl"]},
)
