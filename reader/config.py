"""The user's settings: ``config.toml`` in the config folder (no Textual import).

The folder is ``$READER_CONFIG_DIR`` when set (tests use it), else the platform's user config folder from
``platformdirs`` (``$XDG_CONFIG_HOME/reader``, by default ``~/.config/reader``, on Linux). Example::

    theme = "nord"               # remembered when you change it (ctrl+p, Theme)
    algorithm = "textrank"       # remembered when you change it (a, or the Summary tab's picker)
    search_regex = false         # true: every search is a regular expression (re: always is)

    [keys]                       # binding id = keys, as Textual's keymap (the ids are in the help, F1)
    "search.find" = "slash,ctrl+s"
    "article.down" = "j,down,ctrl+e"

A missing file is the defaults; a file that cannot be read or parsed, or a wrong value, is a one-line warning
(``Config.warnings``) and the defaults for what was wrong, never a crash. ``remember`` rewrites only the lines of
the top-level settings it changes, so the user's comments and key bindings are kept.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader.nlp.summarizers import ALGORITHMS

CONFIG_FILE_NAME = "config.toml"
APP_NAME = "reader"
MAX_CONFIG_BYTES = 1 << 20
_HEADER = re.compile(r"^\s*\[")


def default_config_path() -> Path:
    override = os.environ.get("READER_CONFIG_DIR")
    if override:
        return Path(override).expanduser() / CONFIG_FILE_NAME
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False) / CONFIG_FILE_NAME


@dataclass
class Config:
    """The settings read from ``path`` (None for each one the file does not set)."""

    path: Path | None = None
    theme: str | None = None
    algorithm: str | None = None
    search_regex: bool = False
    keys: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def remember(self, **values: str) -> bool:
        """Save ``theme=...`` / ``algorithm=...`` in the file; False (with a warning) when it cannot be written."""
        for name, value in values.items():
            setattr(self, name, value)
        if self.path is None:
            return True
        try:
            write_settings(self.path, values)
        except (OSError, ValueError) as error:
            self._warn(f"could not save the settings to {self.path}: {_one_line(getattr(error, 'strerror', None) or error)}")
            return False
        return True

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def load_config(path: Path | None = None) -> Config:
    """The settings in ``path`` (default: ``default_config_path()``); never raises."""
    path = path if path is not None else default_config_path()
    config = Config(path)
    try:
        raw = path.read_bytes()[: MAX_CONFIG_BYTES + 1]
    except FileNotFoundError:
        return config
    except OSError as error:
        config._warn(f"the settings file {path} cannot be read ({_one_line(error.strerror or error)}); using the defaults")
        return config
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        config._warn(f"the settings file {path} is not valid TOML ({_one_line(error)}); using the defaults")
        return config
    _apply(config, data)
    return config


def _apply(config: Config, data: dict[str, object]) -> None:
    where = config.path
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        config.theme = theme
    elif theme is not None:
        config._warn(f"{where}: theme must be a theme name; ignored")
    algorithm = data.get("algorithm")
    if isinstance(algorithm, str) and algorithm in ALGORITHMS:
        config.algorithm = algorithm
    elif algorithm is not None:
        config._warn(f"{where}: algorithm must be one of {', '.join(ALGORITHMS)}; ignored")
    regex = data.get("search_regex", False)
    if isinstance(regex, bool):
        config.search_regex = regex
    else:
        config._warn(f"{where}: search_regex must be true or false; ignored")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config._warn(f"{where}: [keys] must be a table of binding id = \"keys\"; ignored")
        return
    for binding_id, value in keys.items():
        if isinstance(value, str) and value.strip():
            config.keys[binding_id] = value
        else:
            config._warn(f"{where}: keys.{binding_id} must be a string of keys like \"j,down\"; ignored")


def write_settings(path: Path, values: dict[str, str]) -> None:
    """Set top-level ``name = "value"`` lines in the TOML file at ``path``, keeping every other line.

    Raises ValueError when the file would not parse afterwards (it is then left as it was).
    """
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    top = next((i for i, line in enumerate(lines) if _HEADER.match(line)), len(lines))
    for name, value in values.items():
        entry = f"{name} = {json.dumps(value, ensure_ascii=False)}"
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*=")
        found = next((i for i in range(top) if pattern.match(lines[i])), None)
        if found is None:
            lines.insert(top, entry)
            top += 1
        else:
            lines[found] = entry
    text = "\n".join(lines) + "\n"
    parsed = tomllib.loads(text)  # TOMLDecodeError is a ValueError
    if any(parsed.get(name) != value for name, value in values.items()):
        raise ValueError("the file's layout is not understood")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _one_line(value: object) -> str:
    return " ".join(str(value).split())
