"""Make untrusted text safe to show in a terminal.

Article text is data, never markup or control: escape sequences (CSI, OSC, DCS, APC, PM, SOS, in 7-bit and
8-bit form), C0/C1 control characters, bidirectional overrides, invisible format characters (zero-width
space/joiners, word joiner, invisible operators, Unicode tag characters) and lone surrogates are removed before
the text becomes a Document, so an article cannot move the cursor, set the window title, write the clipboard,
hide text inside a name ("Jane D\u200boe") or make the output unencodable. Runs of combining marks are capped
(the Stream-Safe Text Format of UAX #15) before NFC normalisation, whose canonical reordering is quadratic in
the length of a run. The same rules apply to every string from outside that reaches the terminal: error
messages are sanitised by ``ReaderError`` itself. Rich markup needs no escaping here
because the UI renders text as ``rich.text.Text`` without markup parsing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# An unterminated OSC/DCS introducer is only removed itself (by the last branch or _CONTROL), never the text after it.
# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC (ESC ] ... BEL or ST), two-byte escapes;
# and their 8-bit C1 forms (CSI U+009B, OSC U+009D, DCS U+0090 ...).
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?                        # CSI ... final byte
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)  # OSC/DCS/... BEL|ST
  | \x1b[ -/]*[0-~]?                                         # other ESC sequences
    """,
    re.VERBOSE,
)
# Remaining C0 controls (except tab and newline), DEL, C1 controls, bidi embeddings/overrides/isolates, the BOM /
# zero-width no-break space inside text, zero-width space and joiners, the soft hyphen, word joiner and invisible
# operators, the Mongolian vowel separator, Unicode tag characters (U+E0000 block) and lone surrogates.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff"
    "\u200b-\u200d\u00ad\u2060-\u2064\u180e\U000e0000-\U000e007f\ud800-\udfff]"
)
MAX_COMBINING_RUN = 30  # UAX #15 Stream-Safe Text Format: no more than 30 non-starters in a row
_OTHER_LINE_BREAKS = re.compile("[\u2028\u2029\x85\x0b\x0c]")


def normalise_newlines(text: str) -> str:
    """CRLF, CR and Unicode line/paragraph separators all become LF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _OTHER_LINE_BREAKS.search(text):
        text = _OTHER_LINE_BREAKS.sub("\n", text)
    return text


def sanitise(text: str) -> str:
    """Remove terminal escape sequences and control characters; keep newlines, turn tabs into spaces.

    Text is also put in Unicode NFC form: decomposed accents (macOS, PDF tools) would otherwise split names
    ("Rene\u0301e") and defeat search.
    """
    text = normalise_newlines(text)
    if "\t" in text or _CONTROL.search(text):
        text = _ESCAPE_SEQUENCE.sub("", text)
        text = _CONTROL.sub("", text)
        if "\t" in text:
            text = text.expandtabs(4)
    # last: removing a control character can bring two combining marks together
    if not text.isascii():
        text = cap_combining_runs(text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return text


def cap_combining_runs(text: str) -> str:
    """Runs of more than ``MAX_COMBINING_RUN`` combining marks (non-starters) cut to that many; linear time.

    A cheap one-range scan finds the stretches that could hold such a run (every non-starter is in
    U+0300..U+1E94A; Latin-1 accents and ASCII are not), and only those are checked exactly: War and Peace
    takes ~20 ms instead of ~0.5 s.
    """
    return _MAYBE_COMBINING_RUN.sub(lambda stretch: _long_combining_run().sub(_cut_run, stretch.group()), text)


_MAYBE_COMBINING_RUN = re.compile(f"[\u0300-\U0001e94a]{{{MAX_COMBINING_RUN + 1},}}")


def _cut_run(run: re.Match[str]) -> str:
    return run.group()[:MAX_COMBINING_RUN]


@lru_cache(maxsize=1)
def _long_combining_run() -> re.Pattern[str]:
    """A regex for a run of more than MAX_COMBINING_RUN non-starters (built once, when first needed: ~0.1 s)."""
    ranges: list[str] = []
    start = previous = -2
    for code in range(0x300, 0x110000):
        if 0xD800 <= code <= 0xDFFF or not unicodedata.combining(chr(code)):
            continue
        if code != previous + 1:
            if start >= 0:
                ranges.append(_range(start, previous))
            start = code
        previous = code
    ranges.append(_range(start, previous))
    return re.compile(f"[{''.join(ranges)}]{{{MAX_COMBINING_RUN + 1},}}")


def _range(first: int, last: int) -> str:
    return re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}"


def sanitise_line(text: str | None, limit: int = 300) -> str | None:
    """Sanitise a one-line value (title, author, name): controls removed, whitespace collapsed, length capped."""
    if text is None:
        return None
    line = " ".join(sanitise(text).split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line or None
