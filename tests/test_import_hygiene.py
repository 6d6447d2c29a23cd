"""The document and NLP layers never import Textual (they run headless: CLI, tests, future services)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import reader.document.load, reader.document.build, reader.nlp.analysis, reader.nlp.tokens
import reader.nlp.summary, reader.nlp.people, reader.cli.report
from reader.document.build import document_from_plain_text
from reader.nlp.analysis import analyse
doc = document_from_plain_text("Anna Smith met Bob Jones in Paris. Smith said hello. Jones left.", "t")
analyse(doc)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(",".join(bad))
"""


def test_document_and_nlp_layers_do_not_import_textual() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"imported UI modules: {result.stdout.strip()}"
