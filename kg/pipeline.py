"""A registry of extraction components and the default pipeline.

A component is a function ``Document -> Document`` registered by name with what it
needs (names of components that must have run) and what it sets (Document fields)::

    @component("outlets", sets=("attributions", "publisher"))
    def outlets(doc): ...

``run(doc)`` applies the default order; ``run(doc, names)`` a custom one, checking
that every component's requirements ran before it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from kg.errors import BayanError


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable
    needs: tuple = ()
    sets: tuple = ()


REGISTRY: dict[str, Component] = {}

DEFAULT_PIPELINE = ("outlets", "actors", "statements", "roles", "nationality", "time", "confidence")


class PipelineError(BayanError):
    """A component is unknown or runs before one it needs."""


def component(name: str, needs: Iterable[str] = (), sets: Iterable[str] = ()):
    """Register ``func`` under ``name``; a later registration of the same name replaces it."""

    def deco(func):
        REGISTRY[name] = Component(name, func, tuple(needs), tuple(sets))
        return func

    return deco


def get(name: str) -> Component:
    _ensure_loaded()
    try:
        return REGISTRY[name]
    except KeyError:
        raise PipelineError(f"unknown pipeline component {name!r}; known: {', '.join(sorted(REGISTRY))}") from None


def check(names: Iterable[str]) -> list[Component]:
    """The components for ``names``, verified to be in an order that meets their needs."""
    seen: set[str] = set()
    comps = []
    for n in names:
        c = get(n)
        missing = [x for x in c.needs if x not in seen]
        if missing:
            raise PipelineError(f"component {n!r} needs {', '.join(missing)} to run before it")
        seen.add(n)
        comps.append(c)
    return comps


def run(doc, names: Iterable[str] | None = None):
    for c in check(names or DEFAULT_PIPELINE):
        doc = c.func(doc)
        doc.done.append(c.name)
    return doc


def _ensure_loaded():
    if not all(n in REGISTRY for n in DEFAULT_PIPELINE):
        import kg.extract  # noqa: F401  registers the default components
