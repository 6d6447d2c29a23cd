"""A long quotes list (War and Peace: 8,600) is built when the Quotes tab is shown, not while the reader reads."""

from __future__ import annotations

from reader.document.build import document_from_plain_text
from reader.ui.app import ReaderApp
from reader.ui.panes.quotes import EAGER_ROWS, QuotesPane

from .conftest import settle

TEXT = "".join(f'"We shall win battle number {i}," said Andrew Bolkonsky. Natasha Rostova laughed.\n\n'
               for i in range(EAGER_ROWS + 40))


async def test_every_quote_is_listed_once_the_tab_is_shown(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    document = document_from_plain_text(TEXT, "battles.txt")
    app = ReaderApp(document)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        pane = app.reader.query_one(QuotesPane)
        quotes = app.reader.quotes
        assert len(quotes) > EAGER_ROWS
        assert str(pane.info.render()).startswith(f"{len(quotes):,} quotes")
        await pilot.press("quotation_mark")
        await pilot.pause()
        quotes_list = pane.query_one("#quotes-list")
        assert quotes_list.option_count == len(quotes)
        assert "Andrew Bolkonsky" in str(quotes_list.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.article.layer_spans("current") == [quotes[0].span]
