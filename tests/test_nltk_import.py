"""nltk is imported for Punkt without scipy.stats (most of its import time), and scipy.stats stays importable."""

from __future__ import annotations

import subprocess
import sys

CHILD = """
import sys
from reader.document.sentences import split_text
spans = split_text("Mr. Darcy came in. He sat down.")
assert [(s.start, s.end) for s in spans] == [(0, 18), (19, 31)], spans
assert "nltk" in sys.modules
assert "scipy.stats" not in sys.modules, "nltk's import pulled in scipy.stats"
import scipy.stats
assert scipy.stats.fisher_exact([[1, 2], [3, 4]])
print("ok")
"""


def test_punkt_loads_nltk_without_scipy_stats_which_stays_importable() -> None:
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
