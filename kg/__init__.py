"""Bayan (بیان): Persian news into a knowledge graph of diplomatic statements.

Import is cheap on purpose: heavy dependencies (hazm, rdflib, pyoxigraph) are
imported by the modules that need them, when they are first used.
"""

__version__ = "0.1.0"

#: Recorded on every article graph so a graph says which extractor produced it.
EXTRACTOR_VERSION = f"bayan-{__version__}"
