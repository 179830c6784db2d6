"""The document model the extractors share (spaCy style: spans are raw-text offsets).

A :class:`Document` holds the raw article text, its length-preserving fold, sentences,
and what the components add: :class:`Mention` (an actor or place found in the text,
linked to an :class:`Entity`), :class:`Statement` and outlet attributions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def text(self, raw: str) -> str:
        return raw[self.start:self.end]


@dataclass
class Entity:
    """An actor or place: a gazetteer entry or one built from the text."""

    name: str
    kind: str  # person|state|government_body|organization|group|media|place|office
    country: str | None = None
    name_en: str | None = None
    qid: str | None = None
    id: str | None = None

    def key(self) -> tuple:
        return (self.kind, self.name, self.country)

    def as_dict(self, mention: "Mention | None" = None) -> dict:
        from kg.ids import entity_id

        d = {"mention": mention.text if mention else self.name,
             "start": mention.start if mention else None,
             "end": mention.end if mention else None,
             "name": self.name, "name_en": self.name_en, "kind": self.kind,
             "country": self.country, "qid": self.qid,
             "id": self.id or entity_id(self.kind, self.name, self.country)}
        return d


@dataclass
class Mention:
    """A stretch of raw text that refers to an entity."""

    start: int
    end: int
    text: str
    entity: Entity
    source: str = "gazetteer"  # gazetteer|office|person|group|pronoun|anaphor|name
    head: Any = None  # for an office: the office row; for a pronoun: its antecedent mention

    @property
    def kind(self) -> str:
        return self.entity.kind


@dataclass
class Attribution:
    """An outlet cited from ``start`` on: ``به گزارش X``, ``به نقل از Y``, interviews."""

    start: int
    end: int
    outlets: list  # list of Entity (kind media)
    kind: str  # "report" (holds until the next one) or "interview" (the speaker only)
    sentence: int = -1


@dataclass
class Statement:
    trigger_start: int
    trigger_end: int
    type: str
    sentence: int
    speaker: Mention | None = None
    negated: bool = False
    targets: list = field(default_factory=list)
    addressees: list = field(default_factory=list)
    locations: list = field(default_factory=list)
    outlets: list = field(default_factory=list)
    content: tuple | None = None  # (start, end)
    direct_quote: bool = False
    time: str | None = None
    confidence: float = 0.5
    form: str = "verb"  # verb|light|noun|adverbial|colon|source|stative
    features: dict = field(default_factory=dict)


@dataclass
class Document:
    """An article being processed. ``text`` is raw; ``folded`` has the same length."""

    id: str
    text: str
    folded: str
    published: str | None = None
    outlet: str | None = None
    sentences: list = field(default_factory=list)  # [(start, end)]
    mentions: list = field(default_factory=list)  # actor and place mentions, text order
    attributions: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    publisher: Entity | None = None
    dates: list = field(default_factory=list)  # [(start, end, iso)]
    done: list = field(default_factory=list)  # names of the components run
    # word pieces of ``folded`` (letters/digits runs) and their matching keys, set by the
    # first component that needs them (kg.extract.outlets.ensure_pieces)
    pieces: list | None = None
    pkeys: list | None = None
    # trigger-lexicon matches over the pieces (kg.extract.triggers), set by the first
    # component that needs them
    trigger_matches: list | None = None
    piece_index: tuple | None = None  # ({start: piece}, {end: piece}), see kg.extract.actors
    piece_starts: list | None = None
    clause_marks: list | None = None  # offsets of clause punctuation in ``folded`` (kg.extract.actors)
    clause_openers: list | None = None  # verb-like triggers with their clause starts (kg.extract.actors)

    def sentence_of(self, pos: int) -> int:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sentences[mid]
            if pos < s:
                hi = mid - 1
            elif pos >= e:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sentences) - 1))
