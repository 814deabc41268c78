"""geoapp.vocab.sources: seed citations as document titles and lines; every shipped source is cited."""

from __future__ import annotations

import re

import pandas as pd

from geoapp.layers import LayerSet
from geoapp.settings import ROOT
from geoapp.vocab import SEED_TITLES, cite, cite_column


def test_a_seed_citation_becomes_the_documents_title_and_lines():
    src = "seeds/001_f301c2fa1a9b6d00.txt:L37; seeds/004_6da2452d7dfa6b22.txt:L102-105"
    assert cite(src) == (f"{SEED_TITLES['001'][0]}，第37行；{SEED_TITLES['004'][0]}，第102–105行")
    assert cite(src, "en").startswith(f"{SEED_TITLES['001'][1]}, line 37; ")
    assert cite("planner_upload.csv") == "planner_upload.csv"
    assert cite(None) is None and cite(float("nan")) is None and cite(" ") is None


def test_every_seed_file_has_a_title_and_every_shipped_source_is_cited():
    seeds = {p.name[:3] for p in (ROOT / "data" / "seeds").glob("*.txt")}
    assert seeds <= set(SEED_TITLES)
    layers = LayerSet.shipped()
    for name in ("zones", "projects", "logistics_hubs"):
        cited = cite_column(layers[name]["source"])
        assert cited.notna().all()
        assert not cited.str.contains(r"seeds/|\.txt").any(), name
        n_refs = layers[name]["source"].str.count(r"seeds/").sum()
        n_lines = cited.str.count(r"第[\d–、]+行").sum()
        assert n_lines >= 1 and n_refs >= n_lines


def test_cite_column_keeps_missing_values_missing():
    out = cite_column(pd.Series([None, "seeds/002_df2e7f16f3d346ad.txt:L479"]))
    assert out.isna().tolist() == [True, False]
    assert re.fullmatch(r".+，第479行", out.iloc[1])
