"""The reader's corrections to the people list, saved per document.

One JSON file per document, named by the SHA-256 of ``Document.text`` (so the same text opened from another
path or URL finds them), under ``<data dir>/corrections/``: the XDG data folder (``platformdirs``:
``~/.local/share/reader`` on Linux), or ``$READER_DATA_DIR`` when set. Files are written atomically (a temporary
file in the same folder, then a rename); a file that cannot be read is set aside as ``<name>.corrupt`` with a
warning, and the document starts with no corrections. Nothing here touches the user's document.

The CLI (``reader analyze``) and the UI call :func:`apply_saved_corrections` on the list ``find_people`` made;
the People tab saves with :func:`save_corrections` after each m/x/d/u.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

from reader.document.model import Document
from reader.nlp.people.corrections import Correction, apply_corrections
from reader.nlp.results import Person

__all__ = [
    "CorrectionsWarning",
    "apply_saved_corrections",
    "corrections_path",
    "data_dir",
    "load_corrections",
    "save_corrections",
]

FORMAT_VERSION = 1


class CorrectionsWarning(UserWarning):
    """A corrections file could not be read and was set aside."""


def data_dir() -> Path:
    """Where reader keeps the user's data: ``$READER_DATA_DIR``, else the platform's user data folder."""
    override = os.environ.get("READER_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def document_id(text: str) -> str:
    """The content key of a document: SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def corrections_path(document: Document) -> Path:
    return data_dir() / "corrections" / f"{document_id(document.text)}.json"


def load_corrections(document: Document) -> list[Correction]:
    """The saved corrections of a document, in the order they were made ([] when none or unreadable)."""
    path = corrections_path(document)
    try:
        raw = path.read_text("utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        warnings.warn(f"corrections for this document could not be read ({exc}); ignoring them", CorrectionsWarning, stacklevel=2)
        return []
    try:
        data = json.loads(raw)
        if not isinstance(data, dict) or not isinstance(data.get("corrections"), list):
            raise ValueError("no corrections list")
        return [Correction.from_json(item) for item in data["corrections"]]
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        aside = _set_aside(path)
        warnings.warn(
            f"corrections file {path} is damaged ({exc}); set aside as {aside.name}, starting without corrections",
            CorrectionsWarning,
            stacklevel=2,
        )
        return []


def save_corrections(document: Document, corrections: Sequence[Correction]) -> Path:
    """Write the corrections of a document atomically (an empty list removes the file); returns the path."""
    path = corrections_path(document)
    if not corrections:
        path.unlink(missing_ok=True)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": FORMAT_VERSION,
        "document": {"source": document.source, "title": document.title},
        "corrections": [c.to_json() for c in corrections],
    }
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def apply_saved_corrections(document: Document, people: Sequence[Person]) -> list[Person]:
    """``people`` (from ``find_people(document)``) with the document's saved corrections applied."""
    corrections = load_corrections(document)
    if not corrections:
        return list(people)
    return apply_corrections(people, corrections, document.text)


def _set_aside(path: Path) -> Path:
    aside = path.with_name(path.name + ".corrupt")
    n = 2
    while aside.exists():
        aside = path.with_name(f"{path.name}.corrupt-{n}")
        n += 1
    try:
        os.replace(path, aside)
    except OSError:
        pass
    return aside
