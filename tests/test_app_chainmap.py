"""The 招商图谱 and 项目推进 pages with streamlit.testing.v1.AppTest (no browser)."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pytest
from apptest import metrics, run_page
from streamlit.testing.v1 import AppTest

from geoapp.layers import load_layer
from geoapp.settings import APP_MAIN
from geoapp.siting import VERDICT_ZH

pytestmark = pytest.mark.app

APP = str(APP_MAIN)


def select(at: AppTest, label: str):
    boxes = [s for s in at.selectbox if s.label == label]
    assert len(boxes) == 1, [s.label for s in at.selectbox]
    return boxes[0]


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    frames = [d.value for d in at.dataframe if column in d.value.columns]
    assert frames, [list(d.value.columns) for d in at.dataframe]
    return frames[0]


def map_json(at: AppTest) -> str:
    comps = [
        c for c in at.get("component_instance") if c.proto.component_name.endswith("st_folium")
    ]
    assert len(comps) == 1
    return json.loads(comps[0].proto.json_args)["script"]


def test_chainmap_shows_polycarbonate_nodes_gaps_and_ranked_zones():
    at = run_page("chainmap")
    assert select(at, "选择产业集群").value == "新材料"
    assert select(at, "选择产业链").value == "聚碳新材料"
    m = metrics(at)
    assert (m["已有"], m["缺失"], m["拟招引"], m["主导园区"]) == ("5", "3", "3", "2")
    pan = frame_with(at, "节点")
    assert {"双酚A", "碳酸二甲酯", "环氧丙烷"} <= set(pan.loc[pan["状态"] == "缺失", "节点"])
    gap = select(at, "选择缺失或拟招引节点")
    assert gap.value == "双酚A"
    ranked = frame_with(at, "排名")
    assert list(ranked["排名"]) == list(range(1, len(ranked) + 1))
    assert len(ranked) == len(load_layer("zones"))
    assert set(ranked["结论"]) <= set(VERDICT_ZH.values())
    leads = set(ranked.loc[ranked["主导该链"] == "是", "园区"])  # yes/no in the UI language
    assert leads == {"濮阳新型化工基地", "聚碳新材料科技园"}
    args = map_json(at)
    assert "主导园区" in args and "缺链园区" in args
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    proto = charts[0].proto
    spec = json.loads(proto.spec)
    data = pa.ipc.open_stream(proto.data.data).read_all().to_pandas()
    nodes = dict(zip(data["node"], data["status"], strict=True))
    assert nodes["双酚A"] == "gap" and nodes["聚碳酸酯"] == "present"
    assert spec["layer"][0]["encoding"]["color"]["scale"]["range"][:3] == [
        "#1a9850", "#d73027", "#f08c2e",
    ]  # fmt: skip


def test_chainmap_ranking_can_exclude_schematic_positions():
    zones = load_layer("zones")
    schematic = int(zones["location_quality"].eq("schematic").sum())
    at = run_page("chainmap")
    caption = next(c.value for c in at.caption if "个为示意位置" in c.value)
    assert f"开发区与园区 {schematic}/{len(zones)}" in caption
    at.checkbox(key="excl_schematic:zh").check().run()
    assert not at.exception, at.exception
    ranked = [d.value for d in at.dataframe if "排名" in d.value.columns]
    left = len(zones) - schematic  # every shipped zone is schematic: nothing is left to rank
    assert (len(ranked[0]) if ranked else 0) == left
    if left == 0:
        assert any("没有可排序的园区" in i.value for i in at.info)


def test_chainmap_switching_chain_and_gap_node():
    at = run_page("chainmap")
    select(at, "选择产业集群").set_value("新能源装备制造").run()
    assert not at.exception, at.exception
    select(at, "选择产业链").set_value("氢能").run()
    assert not at.exception, at.exception
    assert metrics(at)["缺失"] == "5"
    select(at, "选择缺失或拟招引节点").set_value("膜电极").run()
    assert not at.exception, at.exception
    assert any("膜电极" in s.value for s in at.subheader)


def test_chainmap_chain_not_broken_down_says_so():
    at = run_page("chainmap")
    select(at, "选择产业集群").set_value("高端装备").run()
    assert not at.exception, at.exception
    assert any("未细分" in i.value for i in at.info)
    assert not [s for s in at.selectbox if s.label == "选择缺失或拟招引节点"]


def test_pipeline_page_funnel_targets_and_class_filter():
    at = run_page("pipeline")
    p = load_layer("projects")
    assert metrics(at)["项目数"] == str(len(p))
    targets = frame_with(at, "目标编号")
    assert list(targets["目标编号"]) == [f"T{i:02d}" for i in range(1, 10)]
    # cited as the document's title and line, not as seeds/<file>.txt (issue 10)
    assert targets["来源"].str.contains(r"第[\d–、]+行").all()
    assert not targets["来源"].str.contains("seeds/").any()
    inv = pd.to_numeric(p["investment_yi"], errors="coerce")
    select(at, "投资额分级").set_value(10.0).run()
    assert not at.exception, at.exception
    assert metrics(at)["项目数"] == str(int((inv >= 10).sum()))
    assert "geoapp" in map_json(at)  # the stage map is drawn


@pytest.mark.parametrize(
    ("page", "title"),
    [("chainmap", "Investment-promotion chain map"), ("pipeline", "Project pipeline")],
)
def test_pages_in_english(page, title):
    at = run_page(page)
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert at.title[0].value == title
    assert "Cluster" in [s.label for s in at.selectbox] or "Investment class" in [
        s.label for s in at.selectbox
    ]
