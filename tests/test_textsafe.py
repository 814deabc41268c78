"""The one text policy on frames whose index is not 0..n-1 (a filtered or sorted table)."""

from __future__ import annotations

import csv
import io

import pandas as pd

from geoapp.io import csv_bytes, neutralise_text


def test_neutralise_text_keeps_rows_in_place_on_any_index():
    s = pd.Series(["a", "=x", None, "-3", "@y", 5, "\tz"], index=[10, 20, 30, 40, 50, 60, 70])
    got = neutralise_text(s)
    assert got.index.tolist() == s.index.tolist()
    assert got.tolist() == ["a", "'=x", None, "-3", "'@y", 5, "'\tz"]


def test_csv_of_a_sorted_frame_reads_back_row_for_row():
    frame = pd.DataFrame(
        {"name": ['=HYPERLINK("http://x")', "ok", "+1+2", "@SUM(A1)"], "n": [4, 3, 2, 1]}
    ).sort_values("n")  # index 3, 2, 1, 0
    rows = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    assert rows[0] == ["name", "n"]
    assert rows[1:] == [["'@SUM(A1)", "1"], ["'+1+2", "2"], ["ok", "3"],
                        ["'=HYPERLINK(\"http://x\")", "4"]]  # fmt: skip
