"""The import-linter contracts in pyproject.toml hold: cli > ui > state > nlp > document > errors, wording, and
nothing below the UI imports Textual. A second test shows the contract catches a layer imported upwards."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"


def _contracts() -> list[dict[str, object]]:
    return tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["importlinter"]["contracts"]


def test_the_layers_contract_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    names = [contract["name"] for contract in _contracts()]
    assert any(contract["type"] == "layers" for contract in _contracts()), names
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0


def test_the_contract_catches_an_upward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same contracts on a copy of the layout where ``nlp`` imports ``ui``: import-linter must fail."""
    package = tmp_path / "layered"
    package.mkdir()
    modules = {"__init__": "", "__main__": "", "cli": "", "state": "", "document": "", "errors": "", "wording": "",
               "ui": "", "nlp": "import layered.ui\n"}
    for name, body in modules.items():
        (package / f"{name}.py").write_text(body, "utf-8")
    contracts = [{key: _renamed(value) for key, value in contract.items()} for contract in _contracts()]
    lines = ['[tool.importlinter]', 'root_package = "layered"', "include_external_packages = true", ""]
    for contract in contracts:
        lines.append("[[tool.importlinter.contracts]]")
        lines += [f"{key} = {_toml(value)}" for key, value in contract.items()]
        lines.append("")
    config = tmp_path / "contracts.toml"
    config.write_text("\n".join(lines), "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert lint_imports(config_filename=str(config), no_cache=True, no_logo=True) == 1
    sys.modules.pop("layered", None)


def _renamed(value: object) -> object:
    """``reader`` and ``reader.x`` become ``layered`` and ``layered.x``, in lists too."""
    if isinstance(value, list):
        return [_renamed(item) for item in value]
    if isinstance(value, str) and (value == "reader" or value.startswith("reader.")):
        return "layered" + value[len("reader"):]
    return value


def _toml(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return '"' + str(value).replace('"', '\\"') + '"'
