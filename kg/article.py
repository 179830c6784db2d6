"""Articles and the readers that load them (.txt, .json, .jsonl, folders, stdin)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as published. ``text`` is raw: every offset points into it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    outlet: str | None = None  # the publisher, as named by the source
    source: str | None = None  # where it was read from: "file" or "file:line"
    extra: dict = field(default_factory=dict, compare=False)


# --------------------------------------------------------------------------- readers
import json
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError

#: File endings a folder is searched for; any other file in a folder is ignored.
SUFFIXES = (".txt", ".json", ".jsonl")

OnError = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    raise err


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), expected UTF-8 text or JSON", name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); "
                         "re-save the file as UTF-8", name) from None
    if not text.strip():
        raise InputError("empty file", name)
    return text


def _clean(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def article_from_record(rec, name: str, line: int | None = None,
                        default_id: str | None = None) -> Article:
    """One article from a decoded JSON object (the spec's input format)."""
    if not isinstance(rec, dict):
        raise InputError(f"expected a JSON object with a \"text\" field, got {type(rec).__name__}",
                         name, line)
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError("no \"text\" field (every article needs its text)"
                         if text is None else "\"text\" must be a string", name, line)
    if not text.strip():
        raise InputError("\"text\" is empty", name, line)
    aid = _clean(rec.get("id")) or _clean(rec.get("url")) or default_id
    if not aid:
        from .ids import short_hash
        aid = "sha1-" + short_hash(text, n=16)
    published = _clean(rec.get("published"))
    if published is not None:
        import datetime as _dt
        try:
            _dt.date.fromisoformat(published[:10])
        except ValueError:
            raise InputError(f"\"published\" is not an ISO date (YYYY-MM-DD): {published!r}",
                             name, line) from None
        published = published[:10]
    known = {"id", "text", "title", "url", "published", "outlet"}
    return Article(id=aid, text=text, title=_clean(rec.get("title")), url=_clean(rec.get("url")),
                   published=published, outlet=_clean(rec.get("outlet")),
                   source=f"{name}:{line}" if line else name,
                   extra={k: v for k, v in rec.items() if k not in known})


def _txt_article(text: str, name: str, stem: str) -> Article:
    first = text.strip().split("\n", 1)[0].strip()
    return Article(id=stem, text=text, title=first or None, source=name)


def _parse(text: str, name: str, kind: str, stem: str, on_error: OnError) -> Iterator[Article]:
    if kind == ".txt":
        yield _txt_article(text, name, stem)
    elif kind == ".jsonl":
        for i, raw in enumerate(text.splitlines(), 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as e:
                on_error(InputError(f"malformed JSON: {e.msg} (column {e.colno})", name, i))
                continue
            try:
                yield article_from_record(rec, name, i)
            except InputError as e:
                on_error(e)
    else:  # .json: one object or an array of them
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"malformed JSON: {e.msg} (column {e.colno})", name, e.lineno) from None
        if isinstance(data, list):
            for i, rec in enumerate(data, 1):
                try:
                    yield article_from_record(rec, f"{name}[{i}]")
                except InputError as e:
                    on_error(e)
        else:
            yield article_from_record(data, name, default_id=stem)


def _expand(paths: Iterable[str | Path], on_error: OnError) -> Iterator[Path | str]:
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        p = Path(p)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                on_error(InputError(f"no {', '.join(SUFFIXES)} files in this folder", str(p)))
            yield from found
        elif p.is_file():
            yield p
        else:
            on_error(InputError("no such file or folder", str(p)))


def _sniff(text: str) -> str:
    head = text.lstrip()[:1]
    if head == "[":
        return ".json"
    if head == "{":
        first = text.lstrip().split("\n", 1)[0]
        try:
            json.loads(first)
            return ".jsonl"
        except json.JSONDecodeError:
            return ".json"
    return ".txt"


def read_articles(paths: Iterable[str | Path], on_error: OnError | None = None,
                  stdin=None) -> Iterator[Article]:
    """Yield the articles in ``paths`` (files, folders searched recursively, ``-`` for stdin).

    A bad file or record is passed to ``on_error`` as an :class:`InputError` naming the
    file (and line for JSON Lines) and reading goes on; without ``on_error`` it raises.
    An id seen earlier in the same run is an error reported for the second record.
    """
    on_error = on_error or _raise
    seen: dict[str, str] = {}
    for p in _expand(paths, on_error):
        try:
            if p == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                data = stream.read()
                data = data.encode("utf-8") if isinstance(data, str) else data
                name, stem = "<stdin>", "stdin"
                text = _decode(data, name)
                kind = _sniff(text)
            else:
                name, stem, kind = str(p), p.stem, p.suffix.lower()
                if kind not in SUFFIXES:
                    kind = ".txt"
                text = _decode(p.read_bytes(), name)
            for art in _parse(text, name, kind, stem, on_error):
                if art.id in seen:
                    file, _, line = (art.source or name).rpartition(":")
                    on_error(InputError(f"duplicate article id {art.id!r} (first seen in "
                                        f"{seen[art.id]}); ids must be unique",
                                        file if line.isdigit() else art.source,
                                        int(line) if line.isdigit() else None))
                    continue
                seen[art.id] = art.source or name
                yield art
        except InputError as e:
            on_error(e)
        except OSError as e:
            on_error(InputError(f"cannot read: {e.strerror or e}", str(p)))
