"""Write docs/screenshot.svg (the README's picture): the sample article with a person selected.

    python tools/screenshot.py [--png]      (--png also writes docs/screenshot.png with cairosvg)
"""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path

from reader.document.load import load_document
from reader.ui.app import ReaderApp

ROOT = Path(__file__).resolve().parents[1]


async def main() -> None:
    app = ReaderApp(load_document(str(ROOT / "sample_articles" / "trump_foreign_policy.txt")))
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("p", "down", "enter", "n", "n")
        await pilot.pause(0.3)
        svg = app.export_screenshot(title="reader")
    out = ROOT / "docs" / "screenshot.svg"
    out.write_text(svg, encoding="utf-8")
    print(f"wrote {out}")
    if "--png" in sys.argv:
        import cairosvg

        # cairosvg does not follow the SVG's font fallback list; name an installed monospace font.
        mono = re.sub(r'"Fira Code", monospace|Fira Code', '"DejaVu Sans Mono"', svg)
        cairosvg.svg2png(bytestring=mono.encode(), write_to=str(out.with_suffix(".png")))
        print(f"wrote {out.with_suffix('.png')}")


if __name__ == "__main__":
    asyncio.run(main())
