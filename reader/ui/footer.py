"""The footer of the screens: every key it shows fits whole; when they do not all fit it drops the last ones.

Textual's ``Footer`` scrolls a row of keys too wide for the terminal: the last key is cut mid-word at the edge
(the People list's corrections at 80 columns). Here, once the keys are laid out, whole entries (a key, or a
group of keys with its label) are hidden from the right until the row fits: the command palette's key first,
then the rightmost entries; Help is never hidden (it lists every key, those dropped too).
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

__all__ = ["FittingFooter", "footer_entries"]

LAYOUT_WAITS = 20  # refreshes to wait for the keys to be laid out before measuring them
KEPT_ACTIONS = ("help",)
"""Entries never hidden: the key to the help, which lists the hidden ones."""


def footer_entries(children: list[Widget]) -> list[list[Widget]]:
    """The footer's children as entries shown or hidden together: a key alone, or a group of keys and its label
    (the command palette's key, docked right, is left out)."""
    entries: list[list[Widget]] = []
    for child in children:
        if child.has_class("-command-palette"):
            continue
        if isinstance(child, FooterLabel) and entries and isinstance(entries[-1][0], KeyGroup):
            entries[-1].append(child)
        else:
            entries.append([child])
    return entries


def _actions(entry: list[Widget]) -> set[str]:
    keys = [w for part in entry for w in (part, *part.query(FooterKey)) if isinstance(w, FooterKey)]
    return {key.action for key in keys}


class FittingFooter(Footer):
    """A Footer that never shows a key cut at its edge (see the module)."""

    _waits = 0

    async def recompose(self) -> None:
        await super().recompose()
        self._waits = 0
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self.recompose)  # every key again, then as many as fit the new width

    def fit(self) -> None:
        """Hide whole entries, the palette's key first then from the right (never Help), until the rest fit."""
        if not self.is_attached or not self.size.width:
            return
        entries = footer_entries(list(self.children))
        if not entries:
            return
        if not all(entry[0].region.width for entry in entries) and self._waits < LAYOUT_WAITS:
            self._waits += 1  # not laid out yet (recomposed under a modal screen, the help): measure after the next
            self.call_after_refresh(self.fit)
            return
        left = self.region.x
        starts = [entry[0].region.x - left for entry in entries]
        last = entries[-1][-1]
        end = last.region.right - left + last.styles.margin.right
        widths = [following - start for start, following in zip(starts, [*starts[1:], end])]
        palette = [child for child in self.children if child.has_class("-command-palette")]
        room = self.size.width - (palette[0].outer_size.width if palette else 0)
        if sum(widths) <= room:
            return
        for child in palette:
            self._hide([child])
        room = self.size.width
        shown = list(range(len(entries)))
        for index in reversed(range(len(entries))):
            if sum(widths[i] for i in shown) <= room:
                break
            if not _actions(entries[index]) & set(KEPT_ACTIONS):
                shown.remove(index)
                self._hide(entries[index])

    @staticmethod
    def _hide(entry: list[Widget]) -> None:
        for part in entry:
            part.display = False
            for key in part.query(FooterKey):
                key.display = False
