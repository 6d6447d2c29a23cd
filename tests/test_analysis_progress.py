"""The progress bar above the status line follows the analysing tabs at once (no polling lag)."""

from __future__ import annotations

from reader.document.build import document_from_plain_text
from reader.ui.analysis_progress import AnalysisProgress, ProgressLabel
from reader.ui.app import ReaderApp

SIZE = (120, 36)
ARTICLE = document_from_plain_text(
    "# Harbour\n\nMaria Lopez opened the harbour on Monday. Lopez said it was ready for the ships.", "a.md")


async def test_the_bar_names_the_busy_tab_and_hides_once_every_tab_is_done(held_people_stage, settle) -> None:
    release = held_people_stage
    app = ReaderApp(ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):  # until the other tabs are done and only People is still working
            await pilot.pause()
            if app.reader.summary is not None:
                break
        progress = app.reader.query_one(AnalysisProgress)
        assert progress.display, "the bar shows while People is working"
        assert "People" in str(progress.query_one(ProgressLabel).render())
        assert "Summary" not in str(progress.query_one(ProgressLabel).render())
        release.set()
        await settle(pilot)
        assert not progress.display, "hidden as soon as the last tab is done, not at the next poll"
