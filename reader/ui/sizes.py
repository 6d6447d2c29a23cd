"""The terminal sizes at which the screens change their layout (reader.tcss has the styles they switch to)."""

from __future__ import annotations

NARROW_WIDTH = 64
"""Columns below which the text and the side pane take turns at the full width (s, p, c, " or i show the pane; a
pick, Escape or t the text)."""

SHORT_HEIGHT = 16
"""Rows below which the screens drop borders and padding (a one-row header and algorithm picker, lists without a
frame, the help without its box)."""
