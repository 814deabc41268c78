"""The English UI's tables: titles and coded values in English, empty cells blank (issue 10).

Data values (project, company, zone and chain names, the documents' node
positions) stay as the documents write them; words of the UI and codes
(stages, "未注明", yes/no, verdicts, sources) are translated.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geoapp.app.presentation import blank_missing_numbers
from tests.apptest import APP, switch_to

pytestmark = pytest.mark.app

CJK = re.compile(r"[\u4e00-\u9fff]")
CODES = r"^(?:签约|在建|投产|谋划|开工|未注明|True|False|None|nan)$|seeds/"


def _english(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = "en"
    if page != "overview":
        switch_to(at, page)
    if page == "overview":  # its charts and tables follow the map's first report (map_first)
        at.session_state["overview_map"] = {"zoom": 9}  # as if the map had reported its view
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("page", ["overview", "clustering", "coverage", "chainmap", "pipeline"])
def test_english_tables_have_english_titles_and_codes(page):
    at = _english(page)
    assert len(at.dataframe) >= 1
    for frame in (d.value for d in at.dataframe):
        assert not [c for c in frame.columns if CJK.search(str(c))], list(frame.columns)
        assert not [c for c in frame.columns if re.fullmatch(r"[a-z_]+", str(c))], list(
            frame.columns
        )
        for col in frame.columns:
            if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
                text = frame[col].dropna().astype(str)
                bad = text[text.str.contains(CODES)]
                assert bad.empty, (col, bad.head(3).tolist())
                stages = text[text.str.contains(r"签约|在建|投产|谋划|开工")]
                assert stages.empty or col in ("Project name", "Quote", "Detail"), (
                    col,
                    stages.head(3).tolist(),
                )


def test_missing_numbers_show_blank_not_none():
    df = pd.DataFrame(
        {
            "x": [1.5, np.nan, 115.12345],
            "n": [1, 2, 3],
            "k": pd.array([89, None, 26], dtype="Int64"),
            "v": [6.25, 22.7, 0.0],
            "s": ["a", "", "c"],
        }
    )
    shown = blank_missing_numbers(df)
    text = shown.to_string()
    assert "nan" not in text.lower() and "None" not in text and "<NA>" not in text
    assert "115.12345" in text and "1.5" in text
    assert "6.25" in text and "6.250000" not in text and "22.7 " in text + " "  # no 6 decimals
    assert blank_missing_numbers(df.fillna(0)) is not None
    assert isinstance(blank_missing_numbers(df.fillna(0)), pd.DataFrame)  # nothing to blank
