"""Small books for the UI tests of the contents tab, the spoiler toggle and the library (made up, shippable)."""

from __future__ import annotations

from reader.document.build import document_from_plain_text
from reader.document.model import Document

FILLER = ("The rain fell on the old house while the fields lay quiet and the road ran empty towards the hills. "
          "Nothing much happened that morning, and the clocks ticked on in every room of the house. ")


def book_text(chapters: int = 4, filler: int = 6) -> str:
    """A plain-text book: "CHAPTER I." ... with Elizabeth Bennet from the start and Fitzwilliam Darcy only from
    the last chapter on (a spoiler for a reader of the first chapters)."""
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    parts = ["The Quiet House\n\nby Jane Example"]
    for number in range(chapters):
        parts.append(f"CHAPTER {numerals[number]}.")
        people = "Elizabeth Bennet walked to the village with Jane Bennet. Elizabeth Bennet smiled."
        if number == chapters - 1:
            people += " Fitzwilliam Darcy arrived at the ball. Fitzwilliam Darcy bowed to Elizabeth Bennet."
        for paragraph in range(filler):
            parts.append((people + " " if paragraph == 0 else "") + FILLER * 2)
    return "\n\n".join(parts) + "\n"


def book(chapters: int = 4, filler: int = 6, source: str = "quiet_house.txt") -> Document:
    return document_from_plain_text(book_text(chapters, filler), source)
