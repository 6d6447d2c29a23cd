"""Make untrusted text safe to show in a terminal.

Article text is data, never markup or control: escape sequences (CSI, OSC, DCS ...), C0/C1 control
characters and bidirectional overrides are removed before the text becomes a Document, so an article
cannot move the cursor, set the window title or write the clipboard. Rich markup needs no escaping here
because the UI renders text as ``rich.text.Text`` without markup parsing.
"""

from __future__ import annotations

import re
import unicodedata

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
# Remaining C0 controls (except tab and newline), DEL, C1 controls, bidi embeddings/overrides/isolates,
# and the BOM / zero-width no-break space inside text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]")
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
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def sanitise_line(text: str | None, limit: int = 300) -> str | None:
    """Sanitise a one-line value (title, author, name): controls removed, whitespace collapsed, length capped."""
    if text is None:
        return None
    line = " ".join(sanitise(text).split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line or None
