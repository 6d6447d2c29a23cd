"""Settings file: read with tomllib, bad content is a one-line warning, remembered values keep the user's lines."""

from __future__ import annotations

import tomllib

import pytest

from reader.config import default_config_path, load_config
from reader.nlp.summarizers import DEFAULT_ALGORITHM


def test_missing_file_is_the_defaults(tmp_path) -> None:
    config = load_config(tmp_path / "config.toml")
    assert (config.theme, config.algorithm, config.search_regex, config.keys, config.warnings) == (
        None, None, False, {}, [])


def test_settings_and_keys_are_read(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\nalgorithm = "luhn"\nsearch_regex = true\n[keys]\n"search.find" = "ctrl+s"\n')
    config = load_config(path)
    assert (config.theme, config.algorithm, config.search_regex) == ("nord", "luhn", True)
    assert config.keys == {"search.find": "ctrl+s"} and not config.warnings


@pytest.mark.parametrize("content", ["theme = ", "\xff\xfe", 'algorithm = "nope"', "keys = 3",
                                     "[keys]\nx = 3", "search_regex = 'yes'", "theme = 7"])
def test_bad_content_is_a_one_line_warning(tmp_path, content) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(content.encode("latin-1"))
    config = load_config(path)
    assert len(config.warnings) == 1 and "\n" not in config.warnings[0] and str(path) in config.warnings[0]
    assert config.algorithm is None and config.keys == {}


def test_a_folder_in_place_of_the_file_is_a_warning(tmp_path) -> None:
    (tmp_path / "config.toml").mkdir()
    assert len(load_config(tmp_path / "config.toml").warnings) == 1


def test_remember_keeps_comments_and_key_bindings(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# my settings\ntheme = "nord"  # dark\n\n[keys]\n"search.find" = "ctrl+s"\n')
    config = load_config(path)
    assert config.remember(theme="gruvbox", algorithm="lsa")
    text = path.read_text()
    assert text.startswith("# my settings\n") and '"search.find" = "ctrl+s"' in text
    assert tomllib.loads(text) == {"theme": "gruvbox", "algorithm": "lsa", "keys": {"search.find": "ctrl+s"}}
    again = load_config(path)
    assert (again.theme, again.algorithm) == ("gruvbox", "lsa")


def test_remember_creates_the_file_and_folder(tmp_path) -> None:
    path = tmp_path / "new" / "config.toml"
    assert load_config(path).remember(theme="nord")
    assert tomllib.loads(path.read_text()) == {"theme": "nord"}


def test_remember_where_it_cannot_be_written_warns(tmp_path) -> None:
    (tmp_path / "file").write_text("")
    config = load_config(tmp_path / "file" / "config.toml")  # its folder is a file: no one can write there
    assert not config.remember(theme="nord")
    assert config.warnings[-1].startswith("could not save") and config.theme == "nord"  # kept for this session


def test_config_dir_override(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    assert default_config_path() == tmp_path / "config.toml"
    monkeypatch.delenv("READER_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert default_config_path() == tmp_path / "xdg" / "reader" / "config.toml"


# ------------------------------------------------------------------------------------------------ in the app
def recorded_notifications(app) -> list[str]:
    """Every notification the app shows from now on (its public notify, wrapped)."""
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, **options) -> None:
        shown.append(message)
        notify(message, **options)

    app.notify = recording
    return shown


async def test_the_app_remembers_theme_and_algorithm_and_applies_the_keymap(seed_document, tmp_path) -> None:
    from reader.ui.app import ReaderApp

    from .conftest import settle

    path = tmp_path / "config.toml"
    path.write_text('# mine\n[keys]\n"search.find" = "ctrl+s"\n')
    app = ReaderApp(seed_document, config=load_config(path))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")  # the user's key for search
        assert app.focused is app.reader.search_bar
        await pilot.press("escape", "a")
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    saved = tomllib.loads(path.read_text())
    assert saved["algorithm"] == "lexrank" and saved["theme"] == "nord" and saved["keys"] == {"search.find": "ctrl+s"}
    again = ReaderApp(seed_document, config=load_config(path))
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert again.theme == "nord" and again.reader.summary.algorithm == "lexrank"


async def test_a_corrupt_config_is_a_notice_and_the_app_runs(seed_document, tmp_path) -> None:
    from reader.ui.app import ReaderApp

    from .conftest import settle

    path = tmp_path / "config.toml"
    path.write_text("theme = [broken\n")
    app = ReaderApp(seed_document, config=load_config(path))
    messages = recorded_notifications(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.is_running and app.reader.summary.algorithm == DEFAULT_ALGORITHM
        assert any("not valid TOML" in m and "\n" not in m for m in messages), messages
