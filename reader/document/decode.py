"""Bytes to text: refuse binary files, honour byte-order marks, prefer strict UTF-8, then guess.

Order of decisions, cheapest first so a 50 MB UTF-8 file costs one ``bytes.decode``:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides the codec;
2. a known binary signature (PNG, gzip, ELF, PDF ...) or many NUL/control bytes -> ``ReaderError``;
   UTF-16/32 text without a BOM is recognised first by its regular pattern of NUL bytes;
3. strict UTF-8 of the whole input;
4. mostly-valid UTF-8 with a few corrupt bytes -> UTF-8 with U+FFFD replacements;
5. a declared charset (HTTP header or ``<meta charset>``), else charset-normalizer on a bounded sample
   (the start plus the region around the first non-UTF-8 byte), then the whole input is decoded with the
   chosen codec and ``errors="replace"``.

A few stray NUL or control bytes inside otherwise ordinary text are not an error: the sanitiser removes them.
"""

from __future__ import annotations

import codecs
import re

from reader.errors import ReaderError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (offset, signature, description)
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"\x00\x00\x01\x00", "icon image"),
    (0, b"wOFF", "web font"),
    (0, b"wOF2", "web font"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive"),
    (0, b"PK\x05\x06", "ZIP archive"),
    (0, b"PK\x07\x08", "ZIP archive"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"\x28\xb5\x2f\xfd", "zstd archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (257, b"ustar", "tar archive"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (0, b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (0, b"\xfe\xed\xfa\xce", "Mach-O executable"),
    (0, b"\xfe\xed\xfa\xcf", "Mach-O executable"),
    (0, b"\xca\xfe\xba\xbe", "Java class or Mach-O executable"),
    (0, b"\x00asm", "WebAssembly module"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Microsoft Office document"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (4, b"ftyp", "MP4/QuickTime media"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_MP3 = re.compile(rb"ID3[\x02-\x04]\x00")
_PE = b"MZ"

# Bytes that never occur in text: C0 controls except TAB, LF, VT, FF, CR and ESC (ANSI-coloured text keeps ESC).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
SAMPLE_SIZE = 64 * 1024
_BINARY_CONTROL_RATIO = 0.08  # random bytes have ~11 %; text has ~0 %
_HTML_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{1,40})""", re.I)
# The text encodings a browser honours (WHATWG Encoding Standard), as Python codec names. Only these are used
# for a declared charset or a guess: Python's codec registry also holds bytes-to-bytes and escape codecs
# (rot13, hex, base64, zlib, unicode_escape), IDNA/punycode and UTF-7 (which yields lone surrogates), none of
# which is a page's text encoding.
_TEXT_CODECS = frozenset(codecs.lookup(name).name for name in (
    "utf-8", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
    "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman",
    "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "mac-cyrillic", "gbk", "gb18030", "gb2312", "big5", "big5hkscs", "euc-jp", "iso2022-jp", "shift-jis", "cp932",
    "euc-kr", "cp949", "latin-1", "ascii",
))
# Legacy labels that browsers (WHATWG Encoding Standard) read as windows-1252.
_WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso_8859-1"}


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` read from ``source`` (shown in errors) to text, or raise ``ReaderError``.

    ``declared`` is a charset claimed by the source (HTTP ``Content-Type`` or HTML ``<meta charset>``); it is
    used only when the bytes are not valid UTF-8 and carry no byte-order mark.
    """
    if not data:
        raise ReaderError(f"{source}: empty file, nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    kind = binary_kind(data)
    if kind is not None:
        raise ReaderError(f"{source}: binary file ({kind}), not text" if kind else f"{source}: binary file, not text")
    wide = _wide_encoding(data)
    if wide is not None:
        return data.decode(wide, errors="replace")
    if _control_ratio(data[:SAMPLE_SIZE]) > _BINARY_CONTROL_RATIO:
        raise ReaderError(f"{source}: binary file (many NUL/control bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    sample = _sample(data, first_bad)
    if _mostly_utf8(sample):
        return data.decode("utf-8", errors="replace")
    encoding = _usable_codec(declared) or _usable_guess(_guess_encoding(sample))
    if encoding is None:
        raise ReaderError(f"{source}: cannot decode the text (not UTF-8, and no other text encoding fits)")
    return data.decode(encoding, errors="replace")


def normalise_newline_bytes(data: bytes) -> bytes:
    """CRLF and CR line ends as LF, on the bytes (a 200 MB text is then not copied for it once decoded).

    Only for byte-oriented encodings: UTF-16/32 (a BOM or their pattern of NULs) are left alone, since a CR
    byte there may be half of another character; every other encoding honoured keeps CR and LF as those bytes.
    """
    if b"\r" not in data or data.startswith(tuple(bom for bom, _ in _BOMS[:2] + _BOMS[3:])):
        return data
    if _wide_encoding(data) is not None or binary_kind(data) is not None:
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def binary_kind(data: bytes) -> str | None:
    """A description of the binary format ``data`` starts with ("" for unknown binary), or None for text."""
    for offset, signature, description in _SIGNATURES:
        if data.startswith(signature, offset):
            return description
    head = data[:64]
    if _BZIP2.match(head):
        return "bzip2 archive"
    if _MP3.match(head):
        return "MP3 audio"
    if head.startswith(b"RIFF") and len(head) >= 12:
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}.get(head[8:12], "RIFF media file")
    if head.startswith(_PE) and b"\x00" in head[2:64]:
        return "Windows executable"
    return None


def sniff_html_charset(data: bytes) -> str | None:
    """The charset named by an HTML ``<meta charset>`` / ``http-equiv`` tag in the first 4 KB, if any."""
    match = _HTML_META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").strip() if match else None


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, recognised by NUL bytes in regular positions (mostly-ASCII text)."""
    sample = data[:SAMPLE_SIZE]
    n = len(sample) - len(sample) % 4
    if n < 4 or b"\x00" not in sample:
        return None
    sample = sample[:n]
    zeros = [sample[i::4].count(0) / (n // 4) for i in range(4)]
    if zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] > 0.9 and zeros[0] < 0.1:
        return "utf-32-le"
    if zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] < 0.1:
        return "utf-32-be"
    even = (zeros[0] + zeros[2]) / 2
    odd = (zeros[1] + zeros[3]) / 2
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample)


def _sample(data: bytes, first_bad: int) -> bytes:
    """The start of the data plus the region around the first byte that is not UTF-8."""
    if first_bad < SAMPLE_SIZE:
        return data[: 2 * SAMPLE_SIZE]
    around = max(0, first_bad - SAMPLE_SIZE // 2)
    # step back to a line start so the slice does not begin inside a multi-byte character
    newline = data.find(b"\n", around, first_bad)
    around = newline + 1 if newline != -1 else around
    return data[:SAMPLE_SIZE] + b"\n" + data[around : around + SAMPLE_SIZE]


def _mostly_utf8(sample: bytes) -> bool:
    """True when the sample's non-ASCII bytes are mostly valid UTF-8 sequences (a few corrupt bytes)."""
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - sample.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return good >= 4 * max(bad, 1)


def _usable_codec(name: str | None) -> str | None:
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        codec = codecs.lookup(label)
    except (LookupError, ValueError):  # ValueError: a NUL in the label
        return None
    # not honoured: a wide charset claimed for data without NULs or a BOM (a wrong claim), and every codec that
    # is not a real text encoding
    return codec.name if codec.name in _TEXT_CODECS else None


_NOT_PAGE_ENCODINGS = frozenset({"utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined",
                                 "charmap", "utf-16", "utf-32"})


def _usable_guess(name: str | None) -> str | None:
    """charset-normalizer's guess if it is a text codec that gives no escapes or lone surrogates (it knows more
    legacy code pages, cp437, mac_iceland, than the browser list honoured for declared charsets)."""
    if not name:
        return None
    codec = codecs.lookup(name)
    return codec.name if codec._is_text_encoding and codec.name not in _NOT_PAGE_ENCODINGS else None


def _guess_encoding(sample: bytes) -> str | None:
    """The codec for a bounded sample: windows-1252 when it plainly fits, else charset-normalizer's best."""
    western = _windows_1252_if_plausible(sample)
    # charset-normalizer is unreliable on a few hundred bytes (it reads "café" as cp1250 and curly quotes as
    # mac_iceland); a short sample that reads as ordinary Western text is taken as windows-1252, the usual
    # legacy encoding of English and Western European text.
    if western and len(sample) < 8192:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(sample, steps=8, chunk_size=512).best()
    if best is None:
        return western
    # latin-1 (whose 0x80-0x9F are invisible C1 controls) and the Mac/DOS Western codecs are siblings of
    # windows-1252 that charset-normalizer sometimes prefers for the same bytes.
    if western and best.encoding in _WESTERN_SIBLINGS:
        return western
    return best.encoding


_WESTERN_SIBLINGS = {"latin_1", "iso8859_15", "mac_roman", "mac_iceland", "cp437", "cp850", "cp858", "cp1252"}
_TYPOGRAPHIC = set("\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u20ac\u2026\u00a0\u00b0\u00a3\u00a9\u00ae\u00ab\u00bb\u00b7\u2022\u2122\u00bd\u00bc\u00be\u00a7\u00b4")


def _windows_1252_if_plausible(sample: bytes) -> str | None:
    """"cp1252" if the sample decodes to mostly ASCII with sparse Latin letters and typographic punctuation."""
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ch > "\x7f"]
    if not high:
        return "cp1252"
    fitting = sum(1 for ch in high if ch.isalpha() or ch in _TYPOGRAPHIC)
    letters = sum(1 for ch in text if ch.isalpha())
    # Cyrillic or Greek read as windows-1252 also gives Latin letters, but nearly every letter is non-ASCII.
    if fitting >= 0.8 * len(high) and len(high) <= 0.35 * max(letters, 1):
        return "cp1252"
    return None
