"""Where the evaluation data lives: ``../shared/data`` beside the repository (also from a git worktree one level
deeper, ``/work/wt/<name>`` -> ``/work/shared/data``). Never shipped; scripts skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    """The first ``shared/data`` folder found beside the repository or its parent (may not exist)."""
    candidates = [ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"]
    return next((c for c in candidates if c.exists()), candidates[0])
