"""The public API: reader.analyze_text gives the JSON of `reader analyze --json` and maps over a Dask bag."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest

import reader
from reader.errors import ReaderError

ARTICLES = [
    "Angela Merkel met Emmanuel Macron in Berlin on Monday. Merkel said the talks went well. "
    "Macron agreed and thanked Merkel for the invitation.\n",
    "# Harbour news\n\nThe harbour master, Tom Reyes, reopened the pier. Reyes said repairs took a year.\n",
    "<html><body><article><h1>Museum</h1><p>Curator Ada Stone reopened the museum. Stone thanked the donors "
    "who had paid for the new roof.</p></article></body></html>",
]


def test_the_same_dict_as_the_cli(seed_path):
    text = seed_path.read_text("utf-8")
    out = subprocess.run([sys.executable, "-m", "reader.cli.main", "analyze", "--json", str(seed_path)],
                         capture_output=True, text=True, check=True)
    assert reader.analyze_text(text, source=str(seed_path)) == json.loads(out.stdout)


def test_formats_are_recognised_and_offsets_index_the_text():
    results = [reader.analyze_text(text) for text in ARTICLES]
    assert [r["format"] for r in results] == ["text", "markdown", "html"]
    for result in results:
        for person in result["people"]:
            for mention in person["mentions"]:
                assert result["text"][mention["start"] : mention["end"]] == mention["text"]
    assert {"Angela Merkel", "Emmanuel Macron"} <= {p["name"] for p in results[0]["people"]}
    json.dumps(results)  # JSON-ready as it is


def test_options_and_errors():
    result = reader.analyze_text(ARTICLES[0], summary=False, people=False, format="text")
    assert "summary" not in result and "people" not in result
    with pytest.raises(ReaderError):
        reader.analyze_text(ARTICLES[0], sentences="0%")
    with pytest.raises(TypeError):
        reader.analyze_text(b"bytes are not text")


def test_picklable_for_process_pools_and_clusters():
    assert pickle.loads(pickle.dumps(reader.analyze_text)) is reader.analyze_text


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_maps_over_a_dask_bag_unchanged(scheduler):
    bag = pytest.importorskip("dask.bag")
    results = bag.from_sequence(ARTICLES, npartitions=2).map(reader.analyze_text).compute(scheduler=scheduler)
    assert results == [reader.analyze_text(text) for text in ARTICLES]
