"""Named SPARQL queries (``queries/*.rq``), safe parameters and result formatting.

A query file starts with a header of comments::

    # name: statements-by-speaker
    # answers: Every statement one actor made, newest first…
    # param: speaker  actor  the speaker: a Persian name, an entity IRI or a Wikidata QID
    # param: type  type?  only statements of these types (comma-separated)

``# param: NAME  KIND  DESCRIPTION`` declares the SPARQL variable ``?NAME``; a kind
ending in ``?`` is optional (left unbound when not given). Kinds:

- ``iri``: an absolute IRI; ``qid``: a Wikidata QID (``Q399``) -> ``wd:Q399``;
- ``literal``: a plain string; ``literal@fa``: a string tagged ``@fa``;
- ``date``: ``YYYY-MM-DD`` (Persian digits allowed) -> ``xsd:date``; ``integer``;
- ``type``: statement type names, comma-separated (``accuse,criticize``);
- ``actor`` / ``place``: an entity IRI, a QID (entities ``owl:sameAs`` it) or a name
  (matched, spelling-insensitively, against the entities' labels).

Values are parsed into RDF terms and bound through a ``VALUES`` block (see
``kg.store.bind``): no user text is ever pasted into the query.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Mapping

from kg.errors import QueryError
from kg.ids import compact
from kg.vocab import ENTITY_GRAPH, STATEMENT_TYPES, WIKIDATA_ENTITY, is_qid, type_iri, wikidata_iri

from .paths import resource

QUERIES_DIR = resource("queries")
KINDS = ("iri", "qid", "literal", "literal@fa", "date", "integer", "type", "actor", "place")

_HEADER = re.compile(r"^#\s*(name|answers|param):\s*(.*)$")
_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$')
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    optional: bool = False
    description: str = ""


@dataclass
class NamedQuery:
    name: str
    sparql: str
    description: str = ""
    params: list[Param] = field(default_factory=list)
    path: Path | None = None

    @property
    def title(self) -> str:
        """The ``# answers:`` line: what the query answers."""
        return self.description

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass
class Result:
    """Columns and rows of a SELECT (values: str, int, float, bool or None), or an ASK's
    single ``result`` column."""

    columns: list[str]
    rows: list[list]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def to_dicts(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


# --------------------------------------------------------------------------- loading

def parse_header(text: str) -> tuple[str | None, str, list[Param]]:
    """(name, description, params) from the leading comment lines of a query."""
    name, desc, params = None, [], []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "name":
            name = value
        elif key == "answers":
            desc.append(value)
        else:
            parts = value.split(None, 2)
            if len(parts) < 2:
                raise QueryError(f"bad header line {line!r}: write '# param: NAME  KIND  description'")
            pname, kind = parts[0], parts[1]
            optional = kind.endswith("?")
            kind = kind.rstrip("?")
            if kind not in KINDS:
                raise QueryError(f"bad header line {line!r}: kind {kind!r} is not one of {', '.join(KINDS)}")
            if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", pname):
                raise QueryError(f"bad header line {line!r}: {pname!r} is not a SPARQL variable name")
            params.append(Param(pname, kind, optional, parts[2] if len(parts) > 2 else ""))
    return name, " ".join(desc), params


def _from_text(text: str, default_name: str, path: Path | None = None) -> NamedQuery:
    name, desc, params = parse_header(text)
    return NamedQuery(name or default_name, text, desc, params, path)


def list_queries(directory: Path | None = None) -> list[NamedQuery]:
    """Every named query of ``queries/``, sorted by name."""
    directory = directory or QUERIES_DIR
    return sorted((_from_text(p.read_text(encoding="utf-8"), p.stem, p) for p in directory.glob("*.rq")),
                  key=lambda q: q.name)


def load_query(name_or_path_or_sparql: str, inline: bool = False) -> NamedQuery:
    """A named query (``accusations``), a file (``my.rq``) or SPARQL text (``inline=True``,
    or any text with a ``{``)."""
    q = str(name_or_path_or_sparql)
    if inline or "{" in q:
        return _from_text(q, "sparql")
    path = Path(q)
    if path.suffix in (".rq", ".sparql") or path.is_file():
        try:
            return _from_text(path.read_text(encoding="utf-8"), path.stem, path)
        except OSError as e:
            raise QueryError(f"cannot read query file {path}: {e.strerror or e}") from None
    named = QUERIES_DIR / f"{q}.rq"
    if named.is_file():
        return _from_text(named.read_text(encoding="utf-8"), q, named)
    names = ", ".join(n.name for n in list_queries())
    raise QueryError(f"unknown query {q!r}: use one of {names}, a .rq file or SPARQL text")


# --------------------------------------------------------------------------- parameters

def _terms(value: str, param: Param, store) -> list:
    from pyoxigraph import Literal, NamedNode

    kind, v = param.kind, str(value)
    where = f"parameter {param.name} ({kind})"
    try:
        return _parse_value(v, value, param, kind, where, store)
    except ValueError as e:  # pyoxigraph refused the term
        raise QueryError(f"{where}: {value!r} is not valid: {e}") from None


def _parse_value(v: str, value: str, param: Param, kind: str, where: str, store) -> list:
    from pyoxigraph import Literal, NamedNode

    if kind == "iri":
        if not _IRI.match(v):
            raise QueryError(f"{where}: {v!r} is not an absolute IRI (e.g. https://w3id.org/bayan/id/entity/state-am)")
        return [NamedNode(v)]
    if kind == "qid":
        v = v.strip().removeprefix(WIKIDATA_ENTITY)
        if not is_qid(v):
            raise QueryError(f"{where}: {value!r} is not a Wikidata QID (Q followed by digits, e.g. Q399)")
        return [NamedNode(wikidata_iri(v))]
    if kind == "literal":
        return [Literal(v)]
    if kind == "literal@fa":
        return [Literal(v, language="fa")]
    if kind == "date":
        d = v.strip().translate(_DIGITS)
        try:
            if not re.match(r"^\d{4}-\d{2}-\d{2}$", d):
                raise ValueError
            _date.fromisoformat(d)
        except ValueError:
            raise QueryError(f"{where}: {value!r} is not a date; write YYYY-MM-DD (e.g. 2024-03-11)") from None
        return [Literal(d, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date"))]
    if kind == "integer":
        d = v.strip().translate(_DIGITS)
        if not re.match(r"^-?\d+$", d):
            raise QueryError(f"{where}: {value!r} is not an integer")
        return [Literal(d, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))]
    if kind == "type":
        names = [t.strip().lower() for t in v.split(",") if t.strip()]
        bad = [t for t in names if t not in STATEMENT_TYPES]
        if bad or not names:
            raise QueryError(f"{where}: {v!r}: use one or more of {', '.join(STATEMENT_TYPES)}, comma-separated")
        return [NamedNode(type_iri(t)) for t in names]
    if kind in ("actor", "place"):
        return resolve_entities(store, v, where)
    raise QueryError(f"{where}: unknown kind")


def resolve_entities(store, value: str, where: str = "actor") -> list:
    """Entity IRIs for an actor given as an IRI, a QID or a name (see module doc)."""
    from pyoxigraph import NamedNode

    v = value.strip()
    if not v:
        raise QueryError(f"{where}: empty value; give a name, an entity IRI or a QID")
    qid = v.removeprefix(WIKIDATA_ENTITY)
    if is_qid(qid):
        rows = store.select("SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e owl:sameAs ?q } }",
                            {"q": NamedNode(wikidata_iri(qid))})
        found = sorted({r["e"].value for r in rows if "e" in r})
        if not found:
            raise QueryError(f"{where}: no entity in the store is linked to Wikidata {qid}; "
                             f"try its name, or run the Wikidata linking first")
        return [NamedNode(iri) for iri in found]
    if re.match(r"^https?://", v):
        if not _IRI.match(v):
            raise QueryError(f"{where}: {v!r} is not a valid IRI")
        return [NamedNode(v)]
    key = compact(v)
    if not key:
        raise QueryError(f"{where}: {value!r} has no letters to match a name on")
    labels: dict[str, set[str]] = {}
    for r in store.select("SELECT ?e ?l WHERE { GRAPH ?g { ?e rdfs:label ?l } }", {"g": NamedNode(ENTITY_GRAPH)}):
        if "e" in r and "l" in r and isinstance(r["e"], NamedNode):
            labels.setdefault(compact(r["l"].value), set()).add(r["e"].value)
    found = set(labels.get(key, set()))
    if not found and len(key) >= 2:
        for label, iris in labels.items():
            if key in label:
                found |= iris
    if not found:
        raise QueryError(f"{where}: no actor or place named {value!r} in the store; "
                         f"check the spelling, or give an entity IRI or a Wikidata QID")
    return [NamedNode(iri) for iri in sorted(found)]


def bind_params(store, query: NamedQuery, params: Mapping[str, str] | None) -> dict[str, list]:
    """Parse each parameter by its declared kind into RDF terms (``{var: [terms]}``)."""
    params = {k: v for k, v in (params or {}).items() if v is not None}
    declared = {p.name for p in query.params}
    unknown = sorted(set(params) - declared)
    if unknown:
        have = ", ".join(p.name for p in query.params) or "none"
        raise QueryError(f"query {query.name} has no parameter {', '.join(unknown)} (its parameters: {have})")
    bindings = {}
    for p in query.params:
        if p.name not in params or str(params[p.name]).strip() == "":
            if not p.optional:
                raise QueryError(f"query {query.name} needs the parameter {p.name} ({p.kind}): {p.description}")
            continue
        bindings[p.name] = _terms(params[p.name], p, store)
    return bindings


# --------------------------------------------------------------------------- running

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                            "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}


def _py(term):
    """A result term as a Python value: IRIs and strings as str, numbers and booleans typed."""
    if term is None:
        return None
    from pyoxigraph import Literal
    if isinstance(term, Literal):
        dt = term.datatype.value if term.datatype is not None else ""
        try:
            if dt in _INTS:
                return int(term.value)
            if dt in (_XSD + "decimal", _XSD + "double", _XSD + "float"):
                return float(term.value)
            if dt == _XSD + "boolean":
                return term.value in ("true", "1")
        except ValueError:
            pass
        return term.value
    return getattr(term, "value", str(term))


def run_query(store, name_or_path_or_sparql: str, params: Mapping[str, str] | None = None, *,
              inline: bool = False, endpoint: str | None = None) -> Result:
    """Run a named query, a .rq file or SPARQL text (``inline=True``) with ``params``
    (declared in the query's header) bound safely.

    A federated query (a ``# service: NAME IRI VARIABLE`` header) is prepared by
    :func:`kg.wikidata.prepare_federated`: ``endpoint`` replaces the declared service IRI
    and the Wikidata items linked in the store are sent inside the SERVICE block.
    """
    query = load_query(name_or_path_or_sparql, inline=inline)
    if re.search(r"(?m)^#\s*service:", query.sparql):
        from .wikidata import prepare_federated
        query.sparql = prepare_federated(query.sparql, store, endpoint)
    bindings = bind_params(store, query, params)
    head = re.sub(r"#[^\n]*", "", query.sparql)
    head = re.sub(r"(?is)\b(PREFIX\s+[^:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", "", head).lstrip()
    if re.match(r"(?i)ASK\b", head):
        return Result(["result"], [[store.ask(query.sparql, bindings)]])
    if re.match(r"(?i)(CONSTRUCT|DESCRIBE)\b", head):
        triples = store.construct(query.sparql, bindings)
        return Result(["subject", "predicate", "object"],
                      [[_py(t.subject), _py(t.predicate), _py(t.object)] for t in triples])
    columns, rows = store.select_table(query.sparql, bindings)
    return Result(columns, [[_py(v) for v in row] for row in rows])


# --------------------------------------------------------------------------- formatting

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _clean(s: str) -> str:
    """One line: control characters (newline, tab…) become spaces."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in s)


def display_width(s: str) -> int:
    """Terminal columns of ``s``: ZWNJ, other format characters and combining marks take none."""
    from wcwidth import wcwidth
    return sum(max(wcwidth(ch), 0) for ch in s)


def _truncate(s: str, width: int) -> str:
    from wcwidth import wcwidth

    if display_width(s) <= width:
        return s
    out, w = [], 0
    for ch in s:
        cw = max(wcwidth(ch), 0)
        if w + cw > width - 1:
            break
        out.append(ch)
        w += cw
    return "".join(out) + "…"


def format_table(result: Result, max_width: int = 60) -> str:
    """An aligned text table; widths are measured in terminal columns (wcwidth), so
    Persian with ZWNJ or diacritics lines up. Cells longer than ``max_width`` are cut."""
    cols = list(result.columns)
    cells = [[_truncate(_clean(_cell(v)), max_width) for v in row] for row in result.rows]
    widths = [display_width(c) for c in cols]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], display_width(c))
    numeric = [bool(result.rows) and all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool)
                                         or r[i] is None for r in result.rows) for i in range(len(cols))]

    def line(values):
        out = []
        for i, v in enumerate(values):
            pad = " " * (widths[i] - display_width(v))
            out.append(pad + v if numeric[i] else v + pad)
        return " | ".join(out).rstrip()

    lines = [line(cols), "-+-".join("-" * w for w in widths)]
    lines += [line(r) for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


def format_csv(result: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(result.columns)
    for row in result.rows:
        w.writerow([_cell(v) for v in row])
    return buf.getvalue()


def format_tsv(result: Result) -> str:
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    lines = ["\t".join(result.columns)]
    lines += ["\t".join(esc(_cell(v)) for v in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def format_json(result: Result) -> str:
    return json.dumps(result.to_dicts(), ensure_ascii=False, indent=1)


FORMATS = {"table": format_table, "csv": format_csv, "tsv": format_tsv, "json": format_json}


def format_result(result: Result, fmt: str = "table") -> str:
    try:
        return FORMATS[fmt](result)
    except KeyError:
        raise QueryError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}") from None
