"""Online linking to Wikidata, and the refresh of the state gazetteer from Wikidata.

Two entry points, both thin enough for the CLI (``kg link``, ``kg gazetteer update``)::

    link_entities(store, endpoint=DEFAULT_ENDPOINT, cache_dir=None, *, min_score=0.6,
                  rate_limit=1.0, timeout=60.0, retries=4, backoff=1.0, max_wait=120.0,
                  refresh=False, user_agent=None, progress=None) -> LinkReport
    update_state_gazetteer(endpoint=DEFAULT_ENDPOINT, path=None, cache_dir=None, *,
                           add_missing=True, rate_limit=1.0, timeout=120.0, ...) -> UpdateReport

How linking works. Every entity of the shared entity graph that has an ontology class
(``bayan:State``, ``bayan:Person`` ...) and no ``owl:sameAs <http://www.wikidata.org/entity/Q…>``
in any graph is looked up by its Persian and English ``rdfs:label``\\ s: one SELECT per
entity matches them exactly against Wikidata's ``rdfs:label`` and ``skos:altLabel`` and
asks, per candidate, whether its type fits (``wdt:P31/wdt:P279*`` one of
:data:`TYPE_CLASSES`), whether its country fits (a state's own ``wdt:P297``; for the
others ``wdt:P17`` or ``wdt:P27`` whose ``wdt:P297`` is the entity's ISO code) and, for
people, whether it holds a position (``wdt:P39``). :func:`score_candidates` ranks them; the
best one is accepted when its score reaches ``min_score`` and no other candidate ties.
An accepted link goes to the LINKS graph (``https://w3id.org/bayan/graph/links``, kept
across rebuilds): ``<entity> owl:sameAs wd:Q…`` on the entity's own node (linking never
renames a node) plus a link record (``bayan:WikidataLink``) with the score, the fetch time
and the endpoint.

Wikidata Query Service rules are followed: a descriptive User-Agent with the version, a
minimum interval between requests, exponential backoff honouring ``Retry-After`` on
HTTP 429 and 5xx and on dropped connections, a timeout, a bounded number of retries.
Answers are cached on disk, keyed by endpoint and query text, so a second run sends
nothing. No network (connection refused, DNS failure, timeout) raises
:class:`kg.errors.LinkError` with a one-line message; the links already stored are left
as they were (links accepted before the failure are kept too).

Labels never get pasted into SPARQL: :func:`sparql_literal` and :func:`sparql_iri` write
them as escaped terms.
"""
from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import socket
import time
import urllib.error
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import quote

from . import __version__
from .errors import LinkError

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
PROJECT_URL = "https://w3id.org/bayan/"
#: WDQS asks for a User-Agent naming the tool, its version and a way to reach its authors.
#: Set ``$BAYAN_CONTACT`` (an e-mail or a page) so the service can reach whoever runs it.
USER_AGENT = (f"Bayan/{__version__} ({os.environ.get('BAYAN_CONTACT') or PROJECT_URL}; "
              f"Persian diplomatic-statement knowledge graph; Wikidata linking) SPARQLWrapper/2 Python")

BASE = "https://w3id.org/bayan/"
BAYAN_NS = BASE + "ontology#"
ENTITY_PREFIX = BASE + "id/entity/"
LINK_PREFIX = BASE + "id/link/"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
OWL_SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
XSD = "http://www.w3.org/2001/XMLSchema#"

from .vocab import BAYAN, ENTITY_GRAPH, LINKS_GRAPH

#: Terms of the link record (declared in ontology/bayan.ttl and kg.vocab.BAYAN).
LINK_CLASS = str(BAYAN.WikidataLink)
LINK_ENTITY = str(BAYAN.linkedEntity)
LINK_TARGET = str(BAYAN.linkTarget)
LINK_SCORE = str(BAYAN.linkScore)
LINKED_AT = str(BAYAN.linkedAt)
LINK_ENDPOINT = str(BAYAN.linkEndpoint)
MATCHED_LABEL = str(BAYAN.matchedLabel)
ISO_CODE = str(BAYAN.isoCode)
COUNTRY = str(BAYAN.country)

#: Ontology class (local name) -> kind used for linking; the first class found wins.
CLASS_KINDS = (
    ("Person", "person"),
    ("Outlet", "media"),
    ("GovernmentBody", "government_body"),
    ("Organization", "organization"),
    ("Group", "group"),
    ("State", "state"),
    ("Place", "place"),
)

#: Kind -> Wikidata classes a candidate must be an instance of (``wdt:P31/wdt:P279*``).
TYPE_CLASSES: dict[str, tuple[str, ...]] = {
    "state": ("Q6256", "Q3624078"),  # country, sovereign state
    "organization": ("Q484652", "Q245065", "Q43229"),  # international org., intergovernmental org., organization
    "government_body": ("Q327333", "Q192350", "Q2659904", "Q43229"),  # government agency, ministry,
    # government organization, organization
    "group": ("Q43229", "Q16334295"),  # organization, group of humans
    "person": ("Q5",),  # human (holding a position, wdt:P39, scores higher)
    "media": ("Q1193236", "Q11032", "Q15265344"),  # news agency, newspaper, broadcaster
    "place": ("Q618123", "Q56061", "Q82794", "Q486972", "Q6256"),  # geographic entity,
    # administrative territorial entity, geographic region, human settlement, country
}

#: Label weights: (language, how) -> points. how is "label" (rdfs:label) or "alt" (skos:altLabel).
LABEL_WEIGHTS = {("fa", "label"): 0.4, ("fa", "alt"): 0.3, ("en", "label"): 0.3, ("en", "alt"): 0.2}
TYPE_WEIGHT = 0.3
COUNTRY_WEIGHT = 0.2  # country matches; half of it when the entity has no country to check
EXTRA_WEIGHT = 0.1  # a person holding a position; any other kind matched in both fa and en
COMPETITOR_PENALTY = 0.1  # per other viable candidate
DEFAULT_MIN_SCORE = 0.6


# ============================================================================ SPARQL terms
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_string(text: str) -> str:
    """``text`` as a SPARQL string literal in double quotes, every special character escaped.

    Backslash, quote and the line breaks become ECHAR escapes; other control characters
    become ``\\uXXXX``. Braces, angle brackets and ``#`` are harmless inside a literal and
    stay as they are. Lone surrogates (not Unicode text) are rejected.
    """
    if not isinstance(text, str):
        raise TypeError(f"a SPARQL literal needs a str, got {type(text).__name__}")
    out = []
    for ch in text:
        if ch in _ECHAR:
            out.append(_ECHAR[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            raise ValueError(f"lone surrogate U+{ord(ch):04X} in {text!r}: not Unicode text")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def sparql_literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A SPARQL literal: ``"…"``, ``"…"@fa`` or ``"…"^^<datatype>``, safely escaped."""
    s = sparql_string(text)
    if lang is not None and datatype is not None:
        raise ValueError("a literal has a language tag or a datatype, not both")
    if lang is not None:
        if not _LANG.match(lang):
            raise ValueError(f"not a language tag: {lang!r}")
        return f"{s}@{lang}"
    if datatype is not None:
        return f"{s}^^{sparql_iri(datatype)}"
    return s


def sparql_iri(iri: str) -> str:
    """``<iri>``; refuses characters that cannot appear in an IRI (spaces, ``<>"{}|^`\\``)."""
    iri = str(iri)
    if not iri or _IRI_BAD.search(iri) or ":" not in iri:
        raise ValueError(f"not an absolute IRI usable in SPARQL: {iri!r}")
    return f"<{iri}>"


# ============================================================================ reports
@dataclass
class Link:
    entity: str  # entity IRI
    qid: str
    score: float
    label: str  # the label that matched
    lang: str
    linked_at: str  # xsd:dateTime of the answer the link came from


@dataclass
class LinkReport:
    endpoint: str
    checked: int = 0  # entities without a link that were looked up
    already_linked: int = 0  # entities skipped because they have a sameAs to Wikidata
    unsupported: int = 0  # entities without a kind or label to search by
    linked: list[Link] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # no candidate at all
    rejected: list[tuple[str, str, float]] = field(default_factory=list)  # (entity, best qid, score)
    requests: int = 0  # HTTP requests sent (0 on a fully cached run)
    cache_hits: int = 0

    def summary(self) -> str:
        return (f"kg link: {len(self.linked)} linked, {len(self.rejected)} below threshold or "
                f"ambiguous, {len(self.unmatched)} without candidates, {self.already_linked} already "
                f"linked ({self.checked} looked up; {self.requests} requests, {self.cache_hits} "
                f"answers from cache; endpoint {self.endpoint})")

    def __str__(self) -> str:
        return self.summary()


@dataclass
class UpdateReport:
    path: str
    endpoint: str
    fetched: int = 0  # ISO codes the endpoint returned
    added: list[str] = field(default_factory=list)  # new rows (ids)
    changed: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, column, old, new)
    unchanged: int = 0
    kept_differences: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, column, ours, wikidata)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (code or id, reason)
    requests: int = 0
    cache_hits: int = 0

    def summary(self) -> str:
        return (f"kg gazetteer update: {self.fetched} codes from {self.endpoint}; "
                f"{len(self.added)} rows added, {len({c[0] for c in self.changed})} rows changed "
                f"({len(self.changed)} cells), {self.unchanged} unchanged, "
                f"{len(self.kept_differences)} differences kept, {len(self.skipped)} skipped; "
                f"wrote {self.path}")

    def __str__(self) -> str:
        return self.summary()


# ============================================================================ HTTP client
def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/bayan/wikidata``, else ``~/.cache/bayan/wikidata``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bayan" / "wikidata"


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Retry(Exception):
    def __init__(self, what: str, wait: float | None = None):
        super().__init__(what)
        self.what, self.wait = what, wait


def _retry_after(headers) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP-date), None if absent."""
    if headers is None:
        return None
    value = headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class WikidataClient:
    """SELECT queries against one SPARQL endpoint, politely and through an on-disk cache.

    ``select(query)`` returns ``(bindings, fetched_at)``: the SPARQL JSON result rows and the
    UTC time the answer was fetched (the cached time on a cache hit). ``requests`` and
    ``cache_hits`` count what happened.
    """

    def __init__(self, endpoint: str = DEFAULT_ENDPOINT, cache_dir: str | os.PathLike | None = None, *,
                 rate_limit: float = 1.0, timeout: float = 60.0, retries: int = 4,
                 backoff: float = 1.0, max_wait: float = 120.0, refresh: bool = False,
                 user_agent: str | None = None):
        if not endpoint or not re.match(r"^https?://", endpoint):
            raise LinkError(f"the Wikidata endpoint must be an http(s) URL, got {endpoint!r}")
        self.endpoint = endpoint
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.rate_limit = max(0.0, float(rate_limit))
        self.timeout = float(timeout) if timeout else None
        self.retries = max(0, int(retries))
        self.backoff = max(0.0, float(backoff))
        self.max_wait = max(0.0, float(max_wait))
        self.refresh = refresh
        self.user_agent = user_agent or USER_AGENT
        self.requests = 0
        self.cache_hits = 0
        self._last: float | None = None

    # ------------------------------------------------------------------ cache
    def cache_path(self, query: str) -> Path:
        key = hashlib.sha256(f"{self.endpoint}\n{query}".encode("utf-8")).hexdigest()
        return self.cache_dir / key[:2] / f"{key}.json"

    def _cached(self, query: str) -> dict | None:
        if self.refresh:
            return None
        p = self.cache_path(query)
        try:
            entry = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if entry.get("endpoint") != self.endpoint or entry.get("query") != query:
            return None  # a hash collision or a foreign file: ask again
        return entry

    def _store(self, query: str, result: dict, fetched_at: str) -> None:
        p = self.cache_path(query)
        entry = {"endpoint": self.endpoint, "query": query, "fetched_at": fetched_at, "result": result}
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            tmp = p.with_name(f"{p.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, p)
        except OSError as e:
            raise LinkError(f"cannot write the Wikidata cache in {self.cache_dir}: {e.strerror or e} "
                            f"(pass another cache folder)") from None

    # ------------------------------------------------------------------ network
    def _pace(self) -> None:
        if self._last is not None and self.rate_limit:
            wait = self._last + self.rate_limit - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        self._last = time.monotonic()

    def _fetch_once(self, query: str) -> dict:
        from SPARQLWrapper import GET, JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import (EndPointInternalError, EndPointNotFound,
                                                    QueryBadFormed, Unauthorized, URITooLong)

        sw = SPARQLWrapper(self.endpoint, agent=self.user_agent)
        sw.setQuery(query)
        sw.setReturnFormat(JSON)
        sw.setOnlyConneg(True)
        # GET is what WDQS caches; long queries go by POST (URL-encoded form).
        sw.setMethod(POST if len(quote(query)) > 1800 else GET)
        sw.timeout = self.timeout  # setTimeout() would truncate to whole seconds
        self._pace()
        self.requests += 1
        where = self.endpoint
        try:
            response = sw.query().response
            try:
                body = response.read()
            finally:
                response.close()
        except urllib.error.HTTPError as e:
            if e.code == 429 or e.code >= 500:
                raise _Retry(f"HTTP {e.code}", _retry_after(e.headers)) from None
            raise LinkError(f"Wikidata endpoint {where} answered HTTP {e.code} {e.reason}") from None
        except EndPointInternalError:
            raise _Retry("HTTP 500") from None
        except QueryBadFormed:
            raise LinkError(f"Wikidata endpoint {where} refused the query as malformed (HTTP 400); "
                            f"is it a SPARQL endpoint?") from None
        except EndPointNotFound:
            raise LinkError(f"Wikidata endpoint {where} not found (HTTP 404); check the URL") from None
        except Unauthorized:
            raise LinkError(f"Wikidata endpoint {where} requires authentication (HTTP 401)") from None
        except URITooLong:
            raise LinkError(f"Wikidata endpoint {where} refused a long query (HTTP 414)") from None
        except (http.client.RemoteDisconnected, http.client.IncompleteRead, ConnectionResetError,
                ConnectionAbortedError, BrokenPipeError, http.client.BadStatusLine) as e:
            raise _Retry(f"connection dropped ({type(e).__name__})") from None
        except (urllib.error.URLError, OSError) as e:
            reason = e.reason if isinstance(e, urllib.error.URLError) else e
            if isinstance(reason, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError,
                                   http.client.RemoteDisconnected)):
                raise _Retry(f"connection dropped ({type(reason).__name__})") from None
            raise LinkError(f"cannot reach Wikidata endpoint {where}: {_net_reason(reason, self.timeout)}; "
                            f"nothing already stored was changed (check the network or pass "
                            f"another --endpoint)") from None
        try:
            data = json.loads(body.decode("utf-8"))
            data["results"]["bindings"]
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise LinkError(f"Wikidata endpoint {where} did not answer with SPARQL JSON results "
                            f"(is the URL a SPARQL query endpoint?)") from None
        return data

    def select(self, query: str) -> tuple[list[dict], str]:
        entry = self._cached(query)
        if entry is not None:
            self.cache_hits += 1
            return entry["result"]["results"]["bindings"], entry["fetched_at"]
        attempt = 0
        while True:
            try:
                result = self._fetch_once(query)
                break
            except _Retry as r:
                if attempt >= self.retries:
                    raise LinkError(f"Wikidata endpoint {self.endpoint} still failing after "
                                    f"{attempt + 1} attempts ({r.what}); try again later") from None
                wait = self.backoff * (2 ** attempt)
                if r.wait is not None:
                    wait = max(wait, r.wait)
                time.sleep(min(wait, self.max_wait))
                attempt += 1
        fetched_at = _now()
        self._store(query, result, fetched_at)
        return result["results"]["bindings"], fetched_at


def _net_reason(reason: Any, timeout: float | None) -> str:
    if isinstance(reason, socket.gaierror):
        return "host name not found (DNS failure)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return f"no answer within {timeout:g} s (timeout)" if timeout else "timed out"
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(text.split()) or type(reason).__name__


# ============================================================================ local store
def _value(term: Any) -> str | None:
    if term is None:
        return None
    v = getattr(term, "value", None)
    return str(v) if v is not None else str(term)


def _select(store: Any, sparql: str, names: Iterable[str]) -> list[dict[str, str | None]]:
    """Rows of a SELECT on our store (kg.store's ``select`` or a pyoxigraph ``Store``)."""
    names = list(names)
    if hasattr(store, "select"):
        try:
            result = store.select(sparql, {})
        except TypeError:
            result = store.select(sparql)
    else:
        result = store.query(sparql)
    out = []
    for row in result:
        d: dict[str, str | None] = {}
        for n in names:
            try:
                v = row.get(n) if isinstance(row, dict) else row[n]
            except (KeyError, IndexError, TypeError):
                v = None
            d[n] = _value(v)
        out.append(d)
    return out


def _update(store: Any, sparql: str) -> None:
    store.update(sparql)


_ENTITY_QUERY = f"""
SELECT ?e ?type ?text ?lang ?iso ?ciso WHERE {{
  GRAPH <{ENTITY_GRAPH}> {{ ?e <{RDF_TYPE}> ?type . }}
  FILTER(STRSTARTS(STR(?type), "{BAYAN_NS}"))
  FILTER NOT EXISTS {{
    GRAPH ?anyGraph {{ ?e <{OWL_SAMEAS}> ?wd . }}
    FILTER(STRSTARTS(STR(?wd), "{WD}Q"))
  }}
  OPTIONAL {{ GRAPH <{ENTITY_GRAPH}> {{ ?e <{RDFS_LABEL}> ?l . }}
             BIND(STR(?l) AS ?text) BIND(LANG(?l) AS ?lang) }}
  OPTIONAL {{ GRAPH <{ENTITY_GRAPH}> {{ ?e <{ISO_CODE}> ?isoLit . }} BIND(STR(?isoLit) AS ?iso) }}
  OPTIONAL {{ GRAPH <{ENTITY_GRAPH}> {{ ?e <{COUNTRY}> ?c . ?c <{ISO_CODE}> ?cisoLit . }}
             BIND(STR(?cisoLit) AS ?ciso) }}
}}
"""

_LINKED_COUNT_QUERY = f"""
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  GRAPH <{ENTITY_GRAPH}> {{ ?e <{RDF_TYPE}> ?type . }}
  FILTER(STRSTARTS(STR(?type), "{BAYAN_NS}"))
  GRAPH ?anyGraph {{ ?e <{OWL_SAMEAS}> ?wd . }}
  FILTER(STRSTARTS(STR(?wd), "{WD}Q"))
}}
"""


@dataclass
class _Entity:
    iri: str
    types: set[str] = field(default_factory=set)
    labels: dict[str, list[str]] = field(default_factory=dict)  # lang -> labels
    own_iso: set[str] = field(default_factory=set)
    country_iso: set[str] = field(default_factory=set)

    @property
    def kind(self) -> str | None:
        for local, kind in CLASS_KINDS:
            if BAYAN_NS + local in self.types:
                return kind
        return None

    @property
    def iso(self) -> str | None:
        """A state's own ISO code; for the others the code of their ``bayan:country``
        (None when unknown or when several disagree)."""
        codes = self.own_iso if self.kind == "state" else (self.country_iso or self.own_iso)
        return next(iter(codes)) if len(codes) == 1 else None


def _unlinked_entities(store: Any) -> list[_Entity]:
    ents: dict[str, _Entity] = {}
    for r in _select(store, _ENTITY_QUERY, ("e", "type", "text", "lang", "iso", "ciso")):
        e = ents.setdefault(r["e"], _Entity(r["e"]))
        e.types.add(r["type"])
        lang = (r["lang"] or "").lower().split("-")[0]
        if r["text"] and lang in ("fa", "en"):
            lst = e.labels.setdefault(lang, [])
            if r["text"] not in lst:
                lst.append(r["text"])
        if r["iso"] and r["iso"].strip():
            e.own_iso.add(r["iso"].strip().upper())
        if r["ciso"] and r["ciso"].strip():
            e.country_iso.add(r["ciso"].strip().upper())
    for e in ents.values():
        for lst in e.labels.values():
            lst.sort()
    return [ents[k] for k in sorted(ents)]


# ============================================================================ candidates
_PREFIXES = (f"PREFIX wd: <{WD}>\nPREFIX wdt: <{WDT}>\n"
             f"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             f"PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")


_FA_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def label_variants(text: str, lang: str) -> list[str]:
    """The label as written plus its spelling variants that Wikidata would write: collapsed
    spaces and, in Persian, Arabic ي/ك as Persian ی/ک and ZWNJ as a space."""
    out = [text]
    norm = " ".join(text.split())
    out.append(norm)
    if lang == "fa":
        fa = norm.translate(_FA_LETTERS)
        out += [fa, " ".join(fa.replace("\u200c", " ").split())]
    return [v for v in dict.fromkeys(out) if v]


def candidate_query(labels: dict[str, list[str]], kind: str, iso: str | None) -> str:
    """The SELECT that finds candidates for one entity: exact label/altLabel matches (of
    :func:`label_variants`), with per-candidate flags ``typeOk``, ``countryOk``,
    ``countryKnown`` and ``position``."""
    texts = {lang: list(dict.fromkeys(v for t in labels[lang] for v in label_variants(t, lang)))
             for lang in labels}
    values = " ".join(sparql_literal(t, lang) for lang in sorted(texts) for t in texts[lang])
    classes = " ".join(f"wd:{q}" for q in TYPE_CLASSES[kind])
    if kind == "state":
        own = f"?item wdt:P297 {sparql_literal(iso)}" if iso else None
        country_ok = f"EXISTS {{ {own} }}" if own else "false"
        country_known = "EXISTS { ?item wdt:P297 ?anyIso }"
    else:
        country_ok = (f"EXISTS {{ ?item wdt:P17|wdt:P27 ?c . ?c wdt:P297 {sparql_literal(iso)} }}"
                      if iso else "false")
        country_known = "EXISTS { ?item wdt:P17|wdt:P27 ?anyC . ?anyC wdt:P297 ?anyIso }"
    position = "EXISTS { ?item wdt:P39 ?anyPosition }" if kind == "person" else "false"
    return (
        _PREFIXES
        + "SELECT ?item ?label ?prop ?typeOk ?countryOk ?countryKnown ?position WHERE {\n"
        + f"  VALUES ?label {{ {values} }}\n"
        + "  VALUES ?prop { rdfs:label skos:altLabel }\n"
        + "  ?item ?prop ?label .\n"
        + f'  FILTER(STRSTARTS(STR(?item), "{WD}Q"))\n'
        + f"  BIND(EXISTS {{ VALUES ?class {{ {classes} }} ?item wdt:P31/wdt:P279* ?class }} AS ?typeOk)\n"
        + f"  BIND({country_ok} AS ?countryOk)\n"
        + f"  BIND({country_known} AS ?countryKnown)\n"
        + f"  BIND({position} AS ?position)\n"
        + "}\n"
    )


@dataclass
class Candidate:
    qid: str
    matches: set[tuple[str, str]] = field(default_factory=set)  # (lang, "label"|"alt")
    matched_label: tuple[str, str] | None = None  # (text, lang) of the best label match
    type_ok: bool = False
    country_ok: bool = False
    country_known: bool = False
    position: bool = False
    base: float = 0.0
    score: float = 0.0
    viable: bool = False


def _bool(b: dict | None) -> bool:
    return bool(b) and b.get("value") in ("true", "1")


def _candidates(rows: list[dict]) -> dict[str, Candidate]:
    out: dict[str, Candidate] = {}
    for r in rows:
        item = r.get("item", {}).get("value", "")
        if not item.startswith(WD + "Q") or not item[len(WD) + 1:].isdigit():
            continue
        qid = item[len(WD):]
        c = out.setdefault(qid, Candidate(qid))
        lab = r.get("label", {})
        lang = (lab.get("xml:lang") or "").lower().split("-")[0]
        how = "alt" if r.get("prop", {}).get("value") == SKOS_ALT else "label"
        if (lang, how) in LABEL_WEIGHTS:
            c.matches.add((lang, how))
            best = c.matched_label
            if best is None or LABEL_WEIGHTS[(lang, how)] > max(
                    LABEL_WEIGHTS.get((best[1], h), 0) for h in ("label", "alt")):
                c.matched_label = (lab.get("value", ""), lang)
        c.type_ok |= _bool(r.get("typeOk"))
        c.country_ok |= _bool(r.get("countryOk"))
        c.country_known |= _bool(r.get("countryKnown"))
        c.position |= _bool(r.get("position"))
    return out


def score_candidates(cands: Iterable[Candidate], kind: str, has_country: bool) -> list[Candidate]:
    """Score every candidate, best first. A candidate is viable when its type fits and its
    country does not contradict the entity's (a state with an ISO code must carry that very
    code, ``wdt:P297``); viable ones get
    label (fa label 0.4 > fa alt 0.3 = en label 0.3 > en alt 0.2) + type 0.3
    + country (0.2 when it matches, 0.1 when the entity has none to check)
    + 0.1 (a person holding a position; other kinds matched in both fa and en),
    minus 0.1 per other viable candidate."""
    cands = list(cands)
    for c in cands:
        if kind == "state" and has_country:
            country_fits = c.country_ok  # a state must carry the entity's own ISO code
        else:
            country_fits = not (has_country and c.country_known and not c.country_ok)
        c.viable = bool(c.matches) and c.type_ok and country_fits
        if not c.viable:
            c.base = c.score = 0.0
            continue
        label = max(LABEL_WEIGHTS[m] for m in c.matches)
        country = COUNTRY_WEIGHT if (has_country and c.country_ok) else (
            COUNTRY_WEIGHT / 2 if not has_country else 0.0)
        if kind == "person":
            extra = EXTRA_WEIGHT if c.position else 0.0
        else:
            extra = EXTRA_WEIGHT if {m[0] for m in c.matches} >= {"fa", "en"} else 0.0
        c.base = round(label + TYPE_WEIGHT + country + extra, 4)
    viable = [c for c in cands if c.viable]
    for c in viable:
        c.score = round(max(0.0, c.base - COMPETITOR_PENALTY * (len(viable) - 1)), 4)
    return sorted(cands, key=lambda c: (-c.score, -c.base, int(c.qid[1:])))


# ============================================================================ linking
def _entity_id(iri: str) -> str:
    if iri.startswith(ENTITY_PREFIX):
        return iri[len(ENTITY_PREFIX):]  # already percent-encoded
    return "h-" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16]


def link_record_iri(entity: str, qid: str) -> str:
    return f"{LINK_PREFIX}{_entity_id(entity)}/{qid}"


def _link_update(link: Link, endpoint: str) -> str:
    rec = sparql_iri(link_record_iri(link.entity, link.qid))
    ent = sparql_iri(link.entity)
    wd = sparql_iri(WD + link.qid)
    try:
        ep = sparql_iri(endpoint)
    except ValueError:
        ep = sparql_literal(endpoint)
    return (
        f"INSERT DATA {{ GRAPH {sparql_iri(LINKS_GRAPH)} {{\n"
        f"  {ent} {sparql_iri(OWL_SAMEAS)} {wd} .\n"
        f"  {rec} {sparql_iri(RDF_TYPE)} {sparql_iri(LINK_CLASS)} ;\n"
        f"    {sparql_iri(LINK_ENTITY)} {ent} ;\n"
        f"    {sparql_iri(LINK_TARGET)} {wd} ;\n"
        f"    {sparql_iri(LINK_SCORE)} {sparql_literal(f'{link.score:.4f}', datatype=XSD + 'decimal')} ;\n"
        f"    {sparql_iri(LINKED_AT)} {sparql_literal(link.linked_at, datatype=XSD + 'dateTime')} ;\n"
        f"    {sparql_iri(LINK_ENDPOINT)} {ep} ;\n"
        f"    {sparql_iri(MATCHED_LABEL)} {sparql_literal(link.label, link.lang)} .\n"
        f"}} }}"
    )


def _count_linked(store: Any) -> int:
    rows = _select(store, _LINKED_COUNT_QUERY, ("n",))
    try:
        return int(float(rows[0]["n"] or 0)) if rows else 0
    except ValueError:
        return 0


def link_entities(store: Any, endpoint: str = DEFAULT_ENDPOINT, cache_dir: str | os.PathLike | None = None,
                  *, min_score: float = DEFAULT_MIN_SCORE, rate_limit: float = 1.0,
                  timeout: float = 60.0, retries: int = 4, backoff: float = 1.0,
                  max_wait: float = 120.0, refresh: bool = False, user_agent: str | None = None,
                  progress: Callable[[int, int, str], None] | None = None) -> LinkReport:
    """Link the store's entities that have no Wikidata QID yet (see the module docstring).

    ``store`` is a :mod:`kg.store` store (``select``/``update``) or a ``pyoxigraph.Store``.
    ``progress(done, total, entity_iri)`` is called after each entity. Each accepted link is
    written at once, so a failure half-way keeps the links found before it. Raises
    :class:`LinkError` when the endpoint cannot be reached or keeps failing.
    """
    client = WikidataClient(endpoint, cache_dir, rate_limit=rate_limit, timeout=timeout,
                            retries=retries, backoff=backoff, max_wait=max_wait, refresh=refresh,
                            user_agent=user_agent)
    report = LinkReport(endpoint=endpoint)
    report.already_linked = _count_linked(store)
    entities = _unlinked_entities(store)
    total = len(entities)
    try:
        for i, ent in enumerate(entities, 1):
            kind = ent.kind
            if kind is None or kind not in TYPE_CLASSES or not ent.labels:
                report.unsupported += 1
            else:
                report.checked += 1
                rows, fetched_at = client.select(candidate_query(ent.labels, kind, ent.iso))
                ranked = score_candidates(_candidates(rows).values(), kind, ent.iso is not None)
                viable = [c for c in ranked if c.viable]
                if not viable:
                    report.unmatched.append(ent.iri)
                else:
                    best = viable[0]
                    tie = len(viable) > 1 and viable[1].base >= best.base
                    if best.score >= min_score and not tie:
                        text, lang = best.matched_label or ("", "fa")
                        link = Link(ent.iri, best.qid, best.score, text, lang, fetched_at)
                        _update(store, _link_update(link, endpoint))
                        report.linked.append(link)
                    else:
                        report.rejected.append((ent.iri, best.qid, best.score))
            if progress is not None:
                progress(i, total, ent.iri)
    finally:
        report.requests, report.cache_hits = client.requests, client.cache_hits
    return report


# ============================================================================ federated queries
_SERVICE_LINE = re.compile(r"^#\s*service:\s*(\S+)\s+<?([^\s<>]+?)>?(?:\s+\??([A-Za-z_][A-Za-z0-9_]*))?(?:\s+(.*))?$")


@dataclass(frozen=True)
class ServiceDecl:
    """A ``# service: NAME  IRI  VARIABLE  description`` header line of a named query."""

    name: str
    iri: str
    variable: str | None
    description: str = ""


def service_declarations(sparql: str) -> list[ServiceDecl]:
    """The ``# service:`` lines of the query's leading comment block."""
    out = []
    for line in sparql.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _SERVICE_LINE.match(line)
        if m:
            out.append(ServiceDecl(m.group(1), m.group(2), m.group(3), (m.group(4) or "").strip()))
    return out


_LINKED_ITEMS_QUERY = f"""
SELECT DISTINCT ?w WHERE {{
  GRAPH ?g {{ ?e <{OWL_SAMEAS}> ?w . }}
  FILTER(STRSTARTS(STR(?w), "{WD}Q"))
}}
"""


def linked_items(store: Any) -> list[str]:
    """Every Wikidata item IRI an entity of the store is ``owl:sameAs``, sorted by QID."""
    items = {r["w"] for r in _select(store, _LINKED_ITEMS_QUERY, ("w",)) if r["w"]}
    items = {w for w in items if w[len(WD) + 1:].isdigit()}
    return sorted(items, key=lambda w: int(w[len(WD) + 1:]))


def prepare_federated(sparql: str, store: Any = None, endpoint: str | None = None,
                      service: str = "wikidata") -> str:
    """Apply a query's ``# service: NAME IRI VARIABLE`` header to its SPARQL text.

    * Every ``SERVICE [SILENT] <IRI>`` of the declared IRI gets ``endpoint`` instead (when
      given): how ``kg query --endpoint URL`` points a federated query at a mirror or at a
      test server.
    * When ``store`` is given and the header names a VARIABLE, ``VALUES ?VARIABLE { … }``
      listing every Wikidata item linked in the store is put first inside each such SERVICE
      group. Oxigraph sends a SERVICE pattern without the bindings of the rest of the
      query, so without it the remote side would be asked for, e.g., every position held
      by anyone.

    Queries without a matching header are returned unchanged.
    """
    decls = [d for d in service_declarations(sparql) if d.name == service]
    if not decls:
        return sparql
    target = sparql_iri(endpoint) if endpoint else None
    values = None
    for d in decls:
        if store is not None and d.variable:
            if values is None:
                values = " ".join(sparql_iri(w) for w in linked_items(store))
        pattern = re.compile(r"(SERVICE\s+(?:SILENT\s+)?)<" + re.escape(d.iri) + r">(\s*\{)", re.IGNORECASE)

        def repl(m: re.Match, d: ServiceDecl = d) -> str:
            head = f"{m.group(1)}{target or sparql_iri(d.iri)}{m.group(2)}"
            if store is not None and d.variable:
                head += f"\n    VALUES ?{d.variable} {{ {values} }}"
            return head

        header_end = _header_end(sparql)
        sparql = sparql[:header_end] + pattern.sub(repl, sparql[header_end:])
    return sparql


def _header_end(sparql: str) -> int:
    """Offset just past the leading comment block (so the header itself is not rewritten)."""
    pos = 0
    for line in sparql.splitlines(keepends=True):
        if line.strip() and not line.strip().startswith("#"):
            break
        pos += len(line)
    return pos


# ============================================================================ gazetteer
STATES_QUERY = _PREFIXES + """SELECT ?item ?iso ?fa ?en ?sovereign WHERE {
  ?item wdt:P297 ?iso .
  FILTER NOT EXISTS { ?item wdt:P576 ?dissolved }
  OPTIONAL { ?item rdfs:label ?fa . FILTER(LANG(?fa) = "fa") }
  OPTIONAL { ?item rdfs:label ?en . FILTER(LANG(?en) = "en") }
  BIND(EXISTS { VALUES ?class { wd:Q6256 wd:Q3624078 } ?item wdt:P31 ?class } AS ?sovereign)
}
"""


def _fetch_states(client: WikidataClient) -> tuple[dict[str, dict], list[tuple[str, str]]]:
    """ISO code -> {"qid", "fa", "en"}; several items with one code: a sovereign state or
    country first, then the lowest QID (the choice is reported)."""
    rows, _ = client.select(STATES_QUERY)
    items: dict[str, dict[str, dict]] = {}
    for r in rows:
        item = r.get("item", {}).get("value", "")
        iso = (r.get("iso", {}).get("value") or "").strip().upper()
        if not item.startswith(WD + "Q") or not item[len(WD) + 1:].isdigit() or not re.match(r"^[A-Z]{2}$", iso):
            continue
        qid = item[len(WD):]
        d = items.setdefault(iso, {}).setdefault(qid, {"qid": qid, "fa": None, "en": None, "sovereign": False})
        for lang in ("fa", "en"):
            v = r.get(lang, {}).get("value")
            if v and (d[lang] is None or v < d[lang]):
                d[lang] = " ".join(v.split())
        d["sovereign"] |= _bool(r.get("sovereign"))
    out: dict[str, dict] = {}
    notes: list[tuple[str, str]] = []
    for iso, by_qid in items.items():
        ranked = sorted(by_qid.values(), key=lambda d: (not d["sovereign"], int(d["qid"][1:])))
        out[iso] = ranked[0]
        if len(ranked) > 1:
            notes.append((iso, f"{len(ranked)} items carry this ISO code; kept {ranked[0]['qid']}, "
                               f"not {', '.join(d['qid'] for d in ranked[1:])}"))
    return out, notes


def update_state_gazetteer(endpoint: str = DEFAULT_ENDPOINT, path: str | os.PathLike | None = None,
                           cache_dir: str | os.PathLike | None = None, *, add_missing: bool = True,
                           rate_limit: float = 1.0, timeout: float = 120.0, retries: int = 4,
                           backoff: float = 1.0, max_wait: float = 120.0, refresh: bool = False,
                           user_agent: str | None = None) -> UpdateReport:
    """Refresh ``states.tsv`` (default: the gazetteer's) from every item with an ISO 3166-1
    alpha-2 code (``wdt:P297``, not dissolved) at ``endpoint``.

    Merge rules, per row whose country code the endpoint returned:
      * ``qid`` becomes Wikidata's (a differing old value is reported as changed);
      * ``name_fa`` stays (it is the form Persian news writes); Wikidata's Persian label is
        added to the aliases when no state already has that surface form;
      * ``name_en`` is filled when empty, otherwise kept (it follows CLDR); a different
        Wikidata label is reported in ``kept_differences``;
      * ``source`` gains ``+wikidata``; team aliases are kept as they are.
    Codes missing from the file are added as new rows when ``add_missing`` (and they have a
    Persian label). Rows the endpoint did not return are kept untouched. The file is
    written back with :func:`kg.gazetteer.write_states` (sorted by id, deterministic).
    """
    from . import gazetteer as gz
    from .ids import compact

    target = Path(path) if path is not None else gz.default_folder() / "states.tsv"
    if not target.is_file():
        raise LinkError(f"no states table at {target} (pass the path of states.tsv)")
    client = WikidataClient(endpoint, cache_dir, rate_limit=rate_limit, timeout=timeout, retries=retries,
                            backoff=backoff, max_wait=max_wait, refresh=refresh, user_agent=user_agent)
    report = UpdateReport(path=str(target), endpoint=endpoint)
    try:
        fetched, notes = _fetch_states(client)
    finally:
        report.requests, report.cache_hits = client.requests, client.cache_hits
    report.fetched = len(fetched)
    report.skipped.extend(notes)
    if not fetched:
        report.skipped.append(("*", "the endpoint returned no item with an ISO code; nothing changed"))
        return report

    gz.clear_cache()
    entries = gz.load_entries(target)
    # surface form (compact) -> ids of states that have it, to keep aliases unambiguous
    forms: dict[str, set[str]] = {}
    for e in entries:
        for _role, form in e.surface_forms():
            forms.setdefault(compact(form), set()).add(e.id)

    out = []
    seen_codes = set()
    for e in entries:
        code = e.country or (e.id if re.match(r"^[A-Z]{2}$", e.id) else None)
        w = fetched.get(code) if code else None
        if w is None:
            out.append(e)
            continue
        seen_codes.add(code)
        qid, aliases, name_en, source = e.qid, list(e.aliases), e.name_en, e.source
        if qid != w["qid"]:
            report.changed.append((e.id, "qid", qid or "", w["qid"]))
            qid = w["qid"]
        fa = w["fa"]
        if fa:
            k = compact(fa)
            owners = forms.get(k, set())
            if not owners:
                aliases.append(fa)
                forms.setdefault(k, set()).add(e.id)
                report.changed.append((e.id, "aliases", "", fa))
            elif e.id not in owners:
                report.skipped.append((e.id, f"Wikidata Persian label {fa!r} is already a name of "
                                             f"{', '.join(sorted(owners))}; not added"))
        if w["en"]:
            if not name_en:
                report.changed.append((e.id, "name_en", "", w["en"]))
                name_en = w["en"]
            elif name_en != w["en"]:
                report.kept_differences.append((e.id, "name_en", name_en, w["en"]))
        parts = [p for p in (source or "").split("+") if p]
        if "wikidata" not in parts:
            new_source = "+".join(parts + ["wikidata"])
            source = new_source
        new = gz.Entry(e.id, e.name_fa, tuple(aliases), name_en, e.kind, e.country, qid, source)
        if new != e:
            if source != e.source:
                report.changed.append((e.id, "source", e.source, source))
        else:
            report.unchanged += 1
        out.append(new)

    if add_missing:
        ids = {e.id for e in out}
        for code in sorted(set(fetched) - seen_codes):
            w = fetched[code]
            if code in ids:
                report.skipped.append((code, "an entry with this id is not a state row for the code"))
                continue
            if not w["fa"]:
                report.skipped.append((code, f"{w['qid']} has no Persian label; row not added"))
                continue
            if forms.get(compact(w["fa"])):
                report.skipped.append((code, f"Persian label {w['fa']!r} is already a name of "
                                             f"{', '.join(sorted(forms[compact(w['fa'])]))}; row not added"))
                continue
            out.append(gz.Entry(code, w["fa"], (), w["en"] or "", "state", code, w["qid"], "wikidata"))
            forms.setdefault(compact(w["fa"]), set()).add(code)
            report.added.append(code)

    if report.changed or report.added:
        gz.write_states(out, target)
    gz.clear_cache()
    return report


__all__ = [
    "DEFAULT_ENDPOINT", "USER_AGENT", "TYPE_CLASSES", "LinkReport", "UpdateReport", "Link", "Candidate",
    "WikidataClient", "link_entities", "update_state_gazetteer", "sparql_literal", "sparql_string",
    "sparql_iri", "candidate_query", "score_candidates", "default_cache_dir", "link_record_iri",
    "ServiceDecl", "service_declarations", "prepare_federated", "linked_items",
]
