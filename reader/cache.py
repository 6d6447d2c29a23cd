"""The analysis cache: people and summaries kept per document content, so reopening a book is instant.

One file per entry in the cache folder:

- ``$READER_CACHE_DIR`` when set (tests use it), else
- the user cache folder of ``platformdirs`` (``$XDG_CACHE_HOME/reader`` or ``~/.cache/reader`` on Linux).

An entry's name is a hash of the document's text (``reader.state.document_key``), what it holds ("people",
"summary", "sentences", "quotes"), the analysis version and the options (algorithm, length; for quotes a digest of the
people list they are attributed to, corrections applied), so a changed text, a newer analysis, other options or a
corrected people list never see an old result. A file is ``MAGIC``, the CRC-32 of the payload, then the payload:
zlib-compressed compact JSON (mentions delta-encoded: War and Peace's ~20k mentions take ~100 kB).

Never raises on a bad cache: a missing, partial, corrupt or wrongly shaped entry reads as "not cached" (and is
deleted, so it is rebuilt); a failed write (read-only folder, full disk) is ignored. Writes are atomic (a
temporary file in the folder, then ``os.replace``). The folder is capped at ``max_bytes``: after each write the
least recently used entries (by modification time, refreshed on every hit) are deleted until it fits.

Light: standard library, platformdirs and the result types; no numpy/sumy import.
"""

from __future__ import annotations

import hashlib
import operator
import json
import os
import struct
import tempfile
import zlib
from collections.abc import Callable, Mapping
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import __version__
from reader.document.model import Document, Span
from reader.nlp.results import Person, Quote, Summary
from reader.nlp.summarizers import DEFAULT_ALGORITHM

if TYPE_CHECKING:
    from reader.nlp.analysis import Analysis

__all__ = ["ANALYSIS_VERSION", "AnalysisCache", "analysis_code_digest", "code_digest", "DEFAULT_MAX_BYTES", "analyse_with_cache", "decode_people", "decode_quotes",
           "decode_spans", "decode_summary", "default_cache_dir", "encode_people", "encode_quotes", "encode_spans",
           "encode_summary", "people_digest"]

ANALYSIS_VERSION = 1  # bump when the format of an entry changes (the code and data are hashed: code_digest)
ANALYSIS_SOURCES = ("document", "nlp", "sanitize.py")  # what sentences, summaries, people and quotes come from
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
MAGIC = b"RDRcache1\n"
SUFFIX = ".entry"
_HEADER = struct.Struct(">I")  # CRC-32 of the payload


def default_cache_dir() -> Path:
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("reader", appauthor=False))


def code_digest(package: Path) -> str:
    """A hash of the code and data under ``package`` that the analyses come from (ANALYSIS_SOURCES; compiled
    files left out): a new rule, word list or model makes new cache entries, so no cached result outlives the code
    that made it, with no version number to remember."""
    digest = hashlib.sha256()
    for source in ANALYSIS_SOURCES:
        path = package / source
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.relative_to(package).parts:
                digest.update(file.relative_to(package).as_posix().encode() + b"\0")
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def analysis_code_digest() -> str:
    """``code_digest`` of this installation, computed once per process (a few milliseconds)."""
    return code_digest(Path(__file__).resolve().parent)


@lru_cache(maxsize=4)
def _text_key(text: str) -> str:
    """The text's hash, computed once per text (War and Peace: ~10 ms) though people and summary both ask."""
    from reader.state import document_key

    return document_key(text)


class AnalysisCache:
    """People and summaries per document content, on disk; every failure is "not cached", never an exception."""

    def __init__(self, folder: Path | str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()
        self.max_bytes = max_bytes

    # -------------------------------------------------------------------------------------------- people
    def get_people(self, document: Document) -> list[Person] | None:
        return self._get(document, "people", {}, decode_people)

    def put_people(self, document: Document, people: list[Person]) -> bool:
        return self._put(document, "people", {}, encode_people(people))

    # ------------------------------------------------------------------------------------------- summary
    def get_summary(self, document: Document, algorithm: str, sentences: str | None = None) -> Summary | None:
        return self._get(document, "summary", _summary_options(algorithm, sentences), decode_summary)

    def put_summary(self, document: Document, summary: Summary, sentences: str | None = None) -> bool:
        options = _summary_options(summary.algorithm, sentences)
        return self._put(document, "summary", options, encode_summary(summary))

    # -------------------------------------------------------------------------------------------- quotes
    def get_quotes(self, document: Document, people: list[Person]) -> list[Quote] | None:
        """The quotes attributed to exactly ``people`` (a corrected list is another entry)."""
        return self._get(document, "quotes", {"people": people_digest(people)}, decode_quotes)

    def put_quotes(self, document: Document, people: list[Person], quotes: list[Quote]) -> bool:
        return self._put(document, "quotes", {"people": people_digest(people)}, encode_quotes(quotes))

    # ----------------------------------------------------------------------------------------- sentences
    def get_sentences(self, document: Document) -> tuple[Span, ...] | None:
        return self._get(document, "sentences", {}, lambda value, length: decode_spans(value, length))

    def put_sentences(self, document: Document) -> bool:
        return self._put(document, "sentences", {}, encode_spans(document.sentences))

    def adopt_sentences(self, document: Document) -> bool:
        """Give ``document`` its cached sentence spans (splitting War and Peace takes ~1 s); False if none."""
        spans = self.get_sentences(document)
        if spans is None:
            return False
        document.adopt_sentences(spans)
        return True

    # ------------------------------------------------------------------------------------------ entries
    def entry_path(self, document: Document | str, kind: str, options: Mapping[str, Any]) -> Path:
        text = document.text if isinstance(document, Document) else document
        identity = json.dumps([_text_key(text), kind, ANALYSIS_VERSION, __version__, analysis_code_digest(),
                               dict(sorted(options.items()))],
                              separators=(",", ":"))
        return self.folder / (hashlib.sha256(identity.encode()).hexdigest()[:32] + SUFFIX)

    def size(self) -> int:
        """Bytes used by the entries now."""
        return sum(size for _, _, size in self._entries())

    def _get(self, document: Document, kind: str, options: Mapping[str, Any],
             decode: Callable[[Any, int], Any]) -> Any | None:
        path = self.entry_path(document, kind, options)
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError:
            return None
        try:
            value = decode(_unpack(raw), len(document.text))
        except (ValueError, TypeError, KeyError, IndexError, zlib.error, struct.error, RecursionError):
            _unlink(path)  # partial or corrupt: rebuilt by the next put
            return None
        try:
            os.utime(path)  # most recently used
        except OSError:
            pass
        return value

    def _put(self, document: Document, kind: str, options: Mapping[str, Any], value: Any) -> bool:
        path = self.entry_path(document, kind, options)
        payload = _pack(value)
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload)
                os.replace(temp, path)
            except BaseException:
                _unlink(Path(temp))
                raise
        except OSError:
            return False
        self._evict(keep=path)
        return True

    def _entries(self) -> list[tuple[float, Path, int]]:
        entries = []
        try:
            with os.scandir(self.folder) as scan:
                for entry in scan:
                    if entry.name.endswith(SUFFIX):
                        try:
                            stat = entry.stat()
                        except OSError:
                            continue
                        entries.append((stat.st_mtime, Path(entry.path), stat.st_size))
        except OSError:
            return []
        return entries

    def _evict(self, keep: Path) -> None:
        """Delete least recently used entries until the folder fits in ``max_bytes`` (never the one just written)."""
        entries = self._entries()
        total = sum(size for _, _, size in entries)
        for _, path, size in sorted(entries):
            if total <= self.max_bytes:
                break
            if path != keep:
                _unlink(path)
                total -= size


def analyse_with_cache(document: Document, cache: AnalysisCache | None = None, *, algorithm: str = DEFAULT_ALGORITHM,
                       sentences: str | None = None, summary: bool = True, people: bool = True) -> Analysis:
    """``reader.nlp.analysis.analyse``, reading what is cached and caching what had to be computed.

    Cached sentence spans are adopted by ``document`` first, so a reopened book is not split again.
    """
    from reader.nlp.analysis import Analysis, analyse

    cache = cache if cache is not None else AnalysisCache()
    had_sentences = cache.adopt_sentences(document)
    found_summary = cache.get_summary(document, algorithm, sentences) if summary else None
    found_people = cache.get_people(document) if people else None
    missing_summary = summary and found_summary is None
    missing_people = people and found_people is None
    if missing_summary or missing_people:
        fresh = analyse(document, algorithm=algorithm, sentences=sentences, summary=missing_summary,
                        people=missing_people)
        if missing_summary and fresh.summary is not None:
            found_summary = fresh.summary
            cache.put_summary(document, fresh.summary, sentences)
        if missing_people and fresh.people is not None:
            found_people = fresh.people
            cache.put_people(document, fresh.people)
        if not had_sentences:
            cache.put_sentences(document)
    return Analysis(document, found_summary, found_people)


# --------------------------------------------------------------------------------------------- encoding
def _summary_options(algorithm: str, sentences: str | None) -> dict[str, Any]:
    return {"algorithm": algorithm, "sentences": sentences}


def _pack(value: Any) -> bytes:
    body = zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
    return MAGIC + _HEADER.pack(zlib.crc32(body)) + body


def _unpack(raw: bytes) -> Any:
    if not raw.startswith(MAGIC):
        raise ValueError("not a cache entry")
    header_end = len(MAGIC) + _HEADER.size
    (crc,) = _HEADER.unpack(raw[len(MAGIC) : header_end])
    body = raw[header_end:]
    if zlib.crc32(body) != crc:
        raise ValueError("damaged cache entry")
    return json.loads(zlib.decompress(body).decode("utf-8"))


def encode_spans(spans: tuple[Span, ...]) -> list[int]:
    """[start, length, start - previous start, length, ...]: small numbers, compact JSON."""
    flat: list[int] = []
    previous = 0
    for span in spans:
        flat += (span.start - previous, span.end - span.start)
        previous = span.start
    return flat


def decode_spans(flat: list[int], text_length: int) -> tuple[Span, ...]:
    if not isinstance(flat, list) or len(flat) % 2 or not all(type(n) is int for n in flat):
        raise ValueError("bad spans")
    if flat and min(flat) < 0:
        raise ValueError("bad span")
    starts = list(accumulate(flat[0::2]))
    ends = list(map(operator.add, starts, flat[1::2]))
    if ends and ends[-1] > text_length:
        raise ValueError("span beyond the text")
    return tuple(map(Span, starts, ends))


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("bad strings")
    return tuple(value)


def encode_people(people: list[Person]) -> dict[str, Any]:
    return {"people": [{"n": p.name, "k": p.key, "a": list(p.aliases), "t": list(p.titles),
                        "m": encode_spans(p.mentions)} for p in people]}


def decode_people(value: Any, text_length: int) -> list[Person]:
    people = []
    for item in value["people"]:
        name, key = item["n"], item["k"]
        if not isinstance(name, str) or not isinstance(key, str):
            raise ValueError("bad person")
        people.append(Person(name, _strings(item["a"]), _strings(item["t"]), decode_spans(item["m"], text_length),
                             key=key))
    return people


def encode_summary(summary: Summary) -> dict[str, Any]:
    return {"algorithm": summary.algorithm, "indices": list(summary.sentence_indices),
            "spans": encode_spans(summary.spans), "note": summary.note}


def decode_summary(value: Any, text_length: int) -> Summary:
    algorithm, indices, note = value["algorithm"], value["indices"], value["note"]
    spans = decode_spans(value["spans"], text_length)
    if (not isinstance(algorithm, str) or not isinstance(indices, list) or len(indices) != len(spans)
            or not all(type(i) is int and i >= 0 for i in indices) or not (note is None or isinstance(note, str))):
        raise ValueError("bad summary")
    return Summary(algorithm, tuple(indices), spans, note)


def people_digest(people: list[Person]) -> str:
    """A short hash of everything about ``people`` that quotes depend on (names, keys, aliases, titles, mentions)."""
    encoded = json.dumps(encode_people(people), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()[:24]


def encode_quotes(quotes: list[Quote]) -> dict[str, Any]:
    return {"quotes": [{"s": [q.span.start, q.span.end - q.span.start], "p": encode_spans(q.parts), "w": q.speaker,
                        "h": q.how, "n": encode_spans(q.nested)} for q in quotes]}


def decode_quotes(value: Any, text_length: int) -> list[Quote]:
    quotes = []
    for item in value["quotes"]:
        (start, length), speaker, how = item["s"], item["w"], item["h"]
        if (type(start) is not int or type(length) is not int or start < 0 or length < 0
                or start + length > text_length or not all(v is None or isinstance(v, str) for v in (speaker, how))):
            raise ValueError("bad quote")
        quotes.append(Quote(Span(start, start + length), decode_spans(item["p"], text_length), speaker, how,
                            decode_spans(item["n"], text_length)))
    return quotes


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
