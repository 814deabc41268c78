"""A small Chinese → English dictionary for the app and the map.

The app is written in Chinese; :func:`translate` returns the English text of a
Chinese string when ``lang == "en"`` and the string is known, and the string
itself otherwise (data values such as project names are never translated).

Examples
--------
>>> translate("地图总览", "en")
'Overview map'
>>> translate("地图总览", "zh")
'地图总览'
>>> translate("濮阳国际化工物流港", "en")  # unknown: unchanged
'濮阳国际化工物流港'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, cast

from geoapp.vocab.terms import vocab_translations

__all__ = [
    "LANGS",
    "Lang",
    "Message",
    "import_summary",
    "message",
    "message_text",
    "reason_text",
    "translate",
]

Lang = Literal["zh", "en"]
#: The languages of the UI: Chinese (default) and English.
LANGS: tuple[str, ...] = ("zh", "en")

_EN: Mapping[str, str] = MappingProxyType(
    {
        # verdicts, stages, clusters, location qualities and "未注明": from geoapp.vocab
        **vocab_translations(),
        # app and pages
        "濮阳市产业选址规划平台": "Puyang industrial siting planner",
        "地图总览": "Overview map",
        "聚类分析": "Clustering",
        "覆盖分析": "Coverage",
        "选址评估": "Siting",
        "数据": "Data",
        "语言": "Language",
        "中文": "中文",
        "底图": "Basemap",
        "无底图（离线）": "None (offline)",
        "OpenStreetMap": "OpenStreetMap",
        "天地图·矢量": "Tianditu · vector",
        "天地图·影像": "Tianditu · imagery",
        "高德地图（GCJ-02）": "Gaode (GCJ-02)",
        "天地图密钥 tk": "Tianditu key (tk)",
        "填写天地图密钥后可选天地图底图。": "Enter a Tianditu key to enable the Tianditu basemaps.",
        "高德底图为 GCJ-02 坐标，图层已在显示时偏移约 500 米以对齐；数据本身仍为 WGS-84。": (
            "Gaode tiles are GCJ-02: overlays are shifted about 500 m for display only; "
            "the data stay in WGS-84."
        ),
        "筛选": "Filters",
        "县区": "County",
        "产业集群": "Cluster",
        "产业链": "Chain",
        "阶段": "Stage",
        "投资额(亿元)": "Investment (100 M CNY)",
        "投资额范围(亿元)": "Investment range (100 M CNY)",
        "设定投资额范围时，未注明投资额的项目不显示。": (
            "With an investment range set, projects without a stated amount are hidden."
        ),
        "着色依据": "Colour by",
        "项目数": "Projects",
        "总投资(亿元)": "Total investment (100 M CNY)",
        "注明投资额的项目": "Projects with a stated amount",
        "按阶段": "By stage",
        "按县区": "By county",
        "项目数量": "Number of projects",
        "项目列表": "Project list",
        "下载": "Download",
        "全部": "All",
        "位置说明": "About positions",
        "示例数据中项目、园区、枢纽和站点的位置均为示意位置（空心、虚线），并非实测坐标；请在“数据”页替换为实测数据。": (
            "Positions of the sample projects, zones, hubs and stations are schematic "
            "(hollow, dashed), not surveyed; replace them with surveyed data on the Data page."
        ),
        # clustering
        "方法": "Method",
        "邻域半径(公里)": "Neighbourhood radius (km)",
        "最小样本数": "Minimum samples",
        "最小簇规模": "Minimum cluster size",
        "外包缓冲(米)": "Hull buffer (m)",
        "聚类结果": "Clusters",
        "聚类数": "Clusters",
        "噪声点": "Noise points",
        "热点分析 (Gi*)": "Hot spots (Gi*)",
        "网格边长(公里)": "Cell size (km)",
        "按投资额": "By investment",
        "按项目数": "By count",
        "聚类范围": "Cluster hulls",
        "热点网格": "Hot-spot cells",
        "热点": "Hot spot",
        "冷点": "Cold spot",
        "聚类": "Cluster",
        "主要产业链": "Main chain",
        "全屏": "Full screen",
        "退出全屏": "Exit full screen",
        "是": "yes",
        "否": "no",
        # coverage
        "设施类型": "Facility type",
        "服务半径(公里)": "Service radius (km)",
        "分组": "Group by",
        "园区": "Zone",
        "覆盖率(按数量)": "Covered share (count)",
        "覆盖率(按投资)": "Covered share (investment)",
        "已覆盖项目": "Covered projects",
        "未覆盖项目": "Uncovered projects",
        "分组覆盖率": "Coverage by group",
        "服务范围": "Service area",
        "已覆盖": "Covered",
        "已覆盖投资额(亿元)": "Covered investment (100 M CNY)",
        "未覆盖": "Not covered",
        "新增设施选址": "Place new facilities",
        "模型": "Model",
        "不优化": "None",
        "MCLP（最大覆盖，新增 k 个）": "MCLP (maximal covering, k new)",
        "LSCP（全覆盖，最少设施）": "LSCP (cover all, fewest facilities)",
        "新增设施数 k": "New facilities k",
        "候选点": "Candidates",
        "园区代表点": "Zone points",
        "规则网格": "Regular grid",
        "网格间距(公里)": "Grid spacing (km)",
        "按投资额加权": "Weight by investment",
        "优化前覆盖率": "Covered before",
        "优化后覆盖率": "Covered after",
        "求解时间上限(秒)": "Solver time limit (s)",
        "允许的最优性差距(%)": "Allowed optimality gap (%)",
        "求解质量": "Solution quality",
        "新增设施": "New facilities",
        "新增设施后": "with the new facilities",
        "产业链不在目录中（不计园区匹配；仅按名称关键词判断是否化工）": (
            "Chains not in the taxonomy (no zone match; chemical judged by keywords only)"
        ),
        "距离(米)": "Distance (m)",
        "经度": "Longitude",
        "纬度": "Latitude",
        "项目名称": "Project name",
        "原文状态": "Stage (as written)",
        "放置范围": "Placed in",
        "最近设施": "Nearest facility",
        # siting
        "点击地图上的一点，或用左侧工具绘制地块，即可评估该位置。": (
            "Click a point on the map, or draw a parcel with the tools on the left, to evaluate it."
        ),
        "候选项目产业链": "Chain of the candidate",
        "未指定": "Not specified",
        "黄河岸线管控距离(米)": "Yellow River control distance (m)",
        "同链项目统计半径(公里)": "Same-chain radius (km)",
        "评估结果": "Evaluation",
        "结论": "Verdict",
        "得分": "Score",
        "评分明细": "Score breakdown",
        "违反的规则": "Failed rules",
        "法律依据": "Legal basis",
        "未违反任何硬性规则。": "No hard rule fails.",
        "最近物流枢纽": "Nearest logistics hub",
        "最近监测站": "Nearest monitoring station",
        "距黄河": "Distance to the Yellow River",
        "距黄河(米)": "Distance to the Yellow River (m)",
        "说明": "Detail",
        "标准化值(0–1)": "Normalised (0–1)",
        "权重": "Weight",
        "满分": "Max points",
        "行号": "Row",
        "字段": "Column",
        "值": "Value",
        "原始行": "Row values",
        "排名": "Rank",
        "坐标已纠正": "Coordinates fixed",
        "批量评估候选地块": "Batch evaluation of candidates",
        "上传候选点文件 (CSV / XLSX / GeoJSON)": "Upload candidates (CSV / XLSX / GeoJSON)",
        "候选点排名": "Ranked candidates",
        "评估点": "Evaluated site",
        "地块": "Parcel",
        "点位": "Point",
        "候选点评估": "Candidate evaluation",
        "原因": "Reasons",
        # data page
        "上传图层": "Upload a layer",
        "目标图层": "Target layer",
        "管控图层（如生态保护红线）": "Constraint layer (e.g. ecological red line)",
        "方式": "Mode",
        "替换": "Replace",
        "追加": "Append",
        "坐标系（可选，如 4547）": "CRS (optional, e.g. 4547)",
        "坐标类型": "Coordinate datum",
        "自动纠正经纬度颠倒": "Fix swapped longitude/latitude",
        "位置精度（文件无 location_quality 列时）": (
            "Location quality (when the file has no location_quality column)"
        ),
        "选择文件": "Choose a file",
        "被拒绝的行": "Rejected rows",
        "提示": "Warnings",
        "已读取": "Loaded",
        "图层未通过检查，未替换：": "The layer failed its checks and was not used:",
        "已应用到本会话（仅保存在当前浏览器会话中）。": (
            "Applied to this session (kept in this browser session only)."
        ),
        "当前图层": "Current layers",
        "来源": "Source",
        "要素数": "Features",
        "自带示例": "Shipped sample",
        "用户上传": "User upload",
        "恢复示例数据": "Restore shipped data",
        "下载图层或结果": "Download a layer or result",
        "图层": "Layer",
        "图层标识": "Layer id",
        "格式": "Format",
        "坐标系": "CRS",
        "暂无可下载的分析结果。": "No analysis result to download yet.",
        "分析结果": "Analysis result",
        # layers and legend
        "图例": "Legend",
        "县区界": "Counties",
        "周边县区": "Neighbouring counties",
        "市界": "City outline",
        "开发区与园区": "Development zones and parks",
        "化工基地": "Chemical base",
        "区中园": "Park within a zone",
        "先进制造业开发区": "Advanced manufacturing zone",
        "开发区": "Development zone",
        "产业园": "Industrial park",
        "项目": "Projects",
        "物流枢纽": "Logistics hubs",
        "环境监测站点": "Monitoring stations",
        "黄河(近似)": "Yellow River (approximate)",
        "黄河岸线管控范围": "Yellow River shoreline control area",
        "管控区": "Constraint areas",
        "实测位置（实心）": "Surveyed position (filled)",
        "近似位置": "Approximate position",
        "示意位置（空心、虚线）": "Schematic position (hollow, dashed)",
        "圆点大小表示投资额；未注明投资额为最小圆点": (
            "Dot size shows investment; smallest dot = amount not stated"
        ),
        "位置精度": "Location quality",
        "示意": "schematic",
        "名称": "Name",
        "企业": "Company",
        "产能": "Capacity",
        "类型": "Kind",
        "状态": "Status",
        "上级园区": "Parent zone",
        "主导产业链": "Leading chains",
        "规划面积(km²)": "Planned area (km²)",
        "面积(km²)": "Area (km²)",
        "行政区划代码": "Division code",
        "河流": "River",
        "备注": "Note",
        "年份": "Year",
        "噪声": "noise",
        "适用": "Applies to",
        "化工项目": "chemical projects",
        "所有项目": "all projects",
        "距离": "Distance",
        "米": "m",
        "公里": "km",
        # stages, clusters, kinds
        "大气": "air",
        "水质": "water",
        "其他": "other",
        # 适宜性评价 (suitability surface)
        "适宜性评价": "Suitability surface",
        "全市按网格评价某一产业链的适宜性：各准则转换为 0–1 后按权重加权为 0–100 分；灰色为违反硬性规则的网格。": (
            "The whole city scored for one chain on a grid: each criterion is transformed to 0–1 "
            "and weighted into 0–100; grey cells fail a hard rule."
        ),
        "网格分辨率(米)": "Cell size (m)",
        "转换函数": "Transformations",
        "线性": "Linear",
        "阈值": "Threshold",
        "反比": "Inverse",
        "满分距离(公里)": "Full score at (km)",
        "零分距离(公里)": "Zero score at (km)",
        "阈值距离(公里)": "Threshold distance (km)",
        "同链项目满分数量": "Same-chain projects for full score",
        "园区外得分(0–1)": "Score outside zones (0–1)",
        "最佳区域": "Best regions",
        "适宜分数线": "Suitable from score",
        "区域个数": "Number of regions",
        "最小面积(公顷)": "Minimum area (ha)",
        "最小间距(公里)": "Minimum gap (km)",
        "权重不能全为 0。": "The weights cannot all be 0.",
        "计算准则网格（每个产业链和分辨率只算一次）": (
            "Computing the criteria grids (once per chain and cell size)"
        ),
        "平均得分": "Mean score",
        "最低得分": "Minimum score",
        "适宜面积(km²)": "Suitable area (km²)",
        "禁止面积(km²)": "Prohibited area (km²)",
        "面积(公顷)": "Area (ha)",
        "限制因素": "Limiting criteria",
        "适宜性得分": "Suitability score",
        "违反硬性规则": "fails a hard rule",
        "市域外无数据": "no data outside the city",
        "允许": "allowed",
        "网格明细": "Cell breakdown",
        "硬性规则": "Hard rule",
        "无": "none",
        "准则": "Criterion",
        "原始值": "Raw value",
        "适宜度(0–1)": "Suitability (0–1)",
        "所点位置在市域外。": "The clicked position is outside the city.",
        "没有满足条件的区域；降低分数线或最小面积。": (
            "No region qualifies; lower the score threshold or the minimum area."
        ),
        "按县区汇总": "By county",
        "按园区汇总": "By zone",
        "下载 GeoTIFF": "Download GeoTIFF",
        # chain map and pipeline pages (issue 12)
        "招商图谱": "Chain map",
        "项目推进": "Project pipeline",
        "产业链招商图谱": "Investment-promotion chain map",
        "选择产业集群": "Cluster",
        "选择产业链": "Chain",
        "产业链全景图": "Chain panorama",
        "环节位置": "Position",
        "节点": "Node",
        "已有": "Present",
        "缺失": "Gap",
        "拟招引": "To attract",
        "仅列名": "Named only",
        "资料未细分": "Not broken down",
        "已有企业": "Firms present",
        "拟招引企业": "Firms to attract",
        "项目编号": "Project ids",
        "项目阶段": "Project stages",
        "所在园区": "Zones",
        "所在县区": "Counties",
        "主导园区": "Leading zones",
        "缺链园区": "Zones with gap nodes",
        "节点状态": "Node status",
        "资料未细分该产业链的节点。": "The documents do not break this chain down into nodes.",
        "未挂接节点的本链项目": "Projects of this chain not tied to a node",
        "选择缺失或拟招引节点": "Gap or target node",
        "适合该节点的园区（按选址评估排序）": (
            "Zones suited to this node (ranked by the siting evaluation)"
        ),
        "以各园区内一点（代表点）按该产业链做选址评估，按结论和得分排序。": (
            "A point inside each zone (its representative point) is evaluated for this chain "
            "and ranked by verdict and score."
        ),
        "排除示意位置后没有可排序的园区：所有园区的位置都是示意的。": (
            "No zone is left to rank once schematic positions are excluded: every zone's "
            "position is schematic."
        ),
        "主导该链": "Leads the chain",
        "点击图中节点或在下方选择。": "Click a node in the diagram or choose below.",
        "本链无缺失或拟招引节点。": "This chain has no gap or target node.",
        "主导园区中尚无项目的节点": "Nodes without a project in the leading zone",
        "项目按阶段着色；绿色为主导园区，红色为有缺链节点的主导园区；位置为示意。": (
            "Projects coloured by stage; green: zones leading the chain; red: leading zones "
            "with gap nodes; positions are schematic."
        ),
        "下载 XLSX": "Download XLSX",
        "下载 HTML（两图一表）": "Download HTML (two maps, one table)",
        "三个一批漏斗": "“Three batches” funnel",
        "达到该阶段及以后的项目数": "Projects at this stage or later",
        "投资额分级": "Investment class",
        "亿元以上": "≥ 100 M CNY",
        "目标与现状": "Targets vs current",
        "目标值": "Target",
        "项目表当前值": "Current (project table)",
        "完成比例": "Share reached",
        "项目表无法说明的情况": "What the project table cannot tell",
        "原文": "Quote",
        "指标": "Metric",
        "范围": "Scope",
        "阶段分布图": "Stages on the map",
        "按产业链": "By chain",
        "按园区": "By zone",
        "按产业集群": "By cluster",
        "亿元以上项目数": "Projects of ≥ 100 M CNY",
        "已注明投资额合计(亿元)": "Known investment (100 M CNY)",
        "目标": "Target",
        "现状": "Current",
        "到位资金不在项目表中，2026年560亿元目标无法由本表计算。": (
            "Funds in place (到位资金) are not in the project table: the 2026 target of 56 bn "
            "CNY cannot be measured from it."
        ),
        "多数项目未注明投资额，亿元以上项目数和投资额只是下限。": (
            "Most projects state no investment: counts of projects of ≥ 100 M CNY and sums are "
            "lower bounds."
        ),
        # workspace (issue 9)
        "工作空间": "Workspace",
        "规划人员姓名": "Planner's name",
        "用于操作记录": "recorded in the log",
        "工作空间已被他人更新。": "The workspace was changed by someone else.",
        "载入最新版本": "Load the latest versions",
        "已保存到工作空间": "Saved to the workspace",
        "工作空间中的图层版本": "Layer versions in the workspace",
        "工作空间中还没有图层；上传的图层会保存在这里。": (
            "The workspace holds no layer yet; uploaded layers are kept here."
        ),
        "版本": "Version",
        "回退到此版本": "Roll back to this version",
        "保存为方案": "Save as scenario",
        "方案名称": "Scenario name",
        "保存方案": "Save scenario",
        "已保存方案": "Saved scenario",
        "方案对比": "Compare scenarios",
        "方案": "Scenario",
        "关键指标": "Key figures",
        "参数": "Parameter",
        "图层版本": "Layer versions",
        "工作空间中还没有保存的方案：在聚类分析、覆盖分析或选址评估页面保存方案。": (
            "No saved scenario in the workspace yet: save one on the Clustering, Coverage "
            "or Siting page."
        ),
    }
)


def translate(text: str, lang: str = "zh") -> str:
    """Return ``text`` in ``lang``.

    Parameters
    ----------
    text
        A Chinese UI string.
    lang
        ``{"zh", "en"}``. Chinese returns ``text`` unchanged.

    Returns
    -------
    str
        The English text when ``lang == "en"`` and ``text`` is in the
        dictionary, else ``text``.

    Raises
    ------
    ValueError
        If ``lang`` is not one of :data:`LANGS`.
    """
    if lang not in LANGS:
        msg = f"`lang` was {lang!r} but must be one of {LANGS}."
        raise ValueError(msg)
    if lang == "zh":
        return text
    return _EN.get(text, text)


# --------------------------------------------------------------------------- app (issue 10)
# The stable-map pages' strings: appended in one block so parallel additions merge cleanly.
_EN = MappingProxyType(
    {
        **_EN,
        "BD-09（百度）": "BD-09 (Baidu)",
        "GCJ-02（高德、腾讯）": "GCJ-02 (Gaode / AMap, Tencent)",
        "WGS-84 / CGCS2000（GPS、天地图）": "WGS-84 / CGCS2000 (GPS, Tianditu)",
        "定位": "Go",
        "定位到 经度, 纬度": "Go to lon, lat",
        "经纬度": "Lon, lat",
        "排除示意位置": "Exclude schematic positions",
        "无法识别的坐标": "Coordinate not understood",
        "示意位置是为演示选定的位置，并非实测坐标；勾选后分析只用实测或近似位置。": (
            "Schematic positions were chosen for the demonstration and are not surveyed; "
            "tick to analyse only surveyed or approximate positions."
        ),
        "经纬度可写成 115.03, 35.76 或 115°01′30″E 35°45′36″N；坐标类型见下。": (
            "Type lon, lat as 115.03, 35.76 or 115°01′30″E 35°45′36″N; choose the "
            "coordinate system below."
        ),
        "参数已改变：点击“运行 HDBSCAN”更新聚类结果。": (
            "Settings changed: click “Run HDBSCAN” to update the clusters."
        ),
        "没有可分析的项目：请放宽筛选条件，或取消“排除示意位置”。": (
            "No projects to analyse: widen the filters, or untick “Exclude schematic positions”."
        ),
        "运行 HDBSCAN": "Run HDBSCAN",
        "运行热点分析": "Run hot-spot analysis",
        "参数已改变：点击“运行选址”更新新增设施。": (
            "Settings changed: click “Run placement” to update the new facilities."
        ),
        "在当前服务半径内无法覆盖全部项目：请增大服务半径，或改用 MCLP（最大覆盖）。": (
            "Not every project can be covered within this service radius: increase the "
            "radius, or use MCLP (maximum coverage)."
        ),
        "新增设施数 k（MCLP）": "New facilities k (MCLP)",
        "清除选址结果": "Clear the placement",
        "网格间距(公里)（规则网格）": "Grid spacing (km, grid candidates)",
        "运行选址": "Run placement",
        "示意位置不代表所在县区：县区按注明的县区或园区统计，地图弹窗中显示为“未注明”。": (
            "A schematic position says nothing about the county: counties are counted from "
            "the stated county or zone, and the map's popups show “not stated”."
        ),
        "下载评估报告 (zip)": "Download the report (zip)",
        "产业链不在目录中或未填写的候选点不计产业链匹配；位于黄河岸线管控距离内或约束范围内的标为“待核实”": (
            "Candidates whose chain is missing or not in the catalogue get no chain match; "
            "those within the Yellow River control distance or inside a constraint are marked "
            "“needs review”"
        ),
        "先选择产业链，再点击地图上的一点、输入坐标，或用地图左侧工具绘制地块。": (
            "Choose the chain first, then click a point on the map, type a coordinate, or "
            "draw a parcel with the tools on the map's left."
        ),
        "同时生成 PDF（较慢）": "Also make PDFs (slower)",
        "同链项目数": "Same-chain projects",
        "坐标 经度, 纬度": "Coordinate lon, lat",
        "无法识别的坐标：请写成 经度, 纬度，例如 115.03, 35.76 或 115°01′30″E 35°45′36″N。": (
            "Coordinate not understood: write lon, lat, e.g. 115.03, 35.76 or "
            "115°01′30″E 35°45′36″N."
        ),
        "无法读取上传的文件。": "The uploaded file could not be read.",
        "正在生成评估报告…": "Making the report…",
        "生成评估报告": "Make the report",
        "站点页": "Site pages",
        "评估报告已生成": "The report is ready",
        "评估此坐标": "Evaluate this coordinate",
        "该位置在濮阳市域外，不作评估。请在市域内选点。": (
            "This position is outside Puyang city and is not evaluated; choose a point "
            "inside the city."
        ),
        "请先选择产业链": "Choose the chain first",
        "该位置在濮阳市域外；经纬度可能写反了，请检查。": (
            "This position is outside Puyang city; longitude and latitude look swapped, "
            "please check."
        ),
        "请先选择候选项目产业链，再评估该位置。": (
            "Choose the candidate project's chain first; then the position is evaluated."
        ),
        "所用要素中示意位置数": "Schematic positions among the features used",
        "经度(WGS-84)": "lon (WGS-84)",
        "纬度(WGS-84)": "lat (WGS-84)",
        "产业链在目录中": "Chain in the catalogue",
        "编号": "ID",
        "最近物流枢纽距离(米)": "Nearest logistics hub distance (m)",
        "最近监测站距离(米)": "Nearest monitoring station distance (m)",
    }
)


# --------------------------------------------------------------------------- reader messages
# What the file readers (geoapp.io) report, in the planner's words in both languages.
# A reader builds each warning with :func:`message`: its ``str`` is the English text the
# command line prints; :func:`message_text` gives the UI's text, with the same file, row,
# column and values, without option names such as ``--layer`` or ``encoding=``.


class Message(str):
    """An English message (its ``str``) that knows its template and values.

    Build one with :func:`message`; show it with :func:`message_text`.
    """

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Message:
        """A message ``template.format(**values)`` keeping ``template`` and ``values``."""
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = dict(values)
        return self

    def __reduce__(self):  # pickled by st.cache_data
        """Pickle as the template and the values."""
        return (_rebuild_message, (self.template, self.values))


def _rebuild_message(template: str, values: dict[str, object]) -> Message:
    return Message(template, **values)


def message(template: str, /, **values: object) -> Message:
    """A reader's warning or an upload's error: English ``template.format(**values)``, translatable.

    Parameters
    ----------
    template
        The English text with ``{name}`` fields (what the command line prints);
        it must be a key of the planner texts in this module (a test checks every
        call in ``geoapp.io``, ``catalog``, ``rules``, ``layers`` and
        ``workspace.imports``, and that every ``InputFileError`` /
        ``LayerValidationError`` there is built with it).
    **values
        The fields: file name, rows, columns, values. A value that is itself a
        :class:`Message` is shown in the UI language too.

    Returns
    -------
    Message
    """
    return Message(template, **values)


#: English template -> (Chinese, English) planner texts of the same fields.
_MESSAGES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "A workspace holds the layers {layers}; got {name!r}.": (
            "工作空间只能保存这些图层：{layers}；“{name}”不在其中。",
            "A workspace holds the layers {layers}; “{name}” is not one of them.",
        ),
        "layer {name} changed since you loaded it (version {expected}, now {version}, "
        "by {user} at {created_at}); reload and apply again.": (
            "“{title_zh}”图层在您载入后已被修改（您载入的是第 {expected} 版，现为第 {version} 版，"
            "由 {user} 于 {created_at} 保存）。请载入最新版本后再操作。",
            "The layer “{title_en}” changed since you loaded it (you had version {expected}; "
            "version {version} was saved by {user} at {created_at}). Load the latest version "
            "and apply again.",
        ),
        "layer {name} changed since you loaded it (version {expected}, now 0); "
        "reload and apply again.": (
            "“{title_zh}”图层在您载入后已被修改（您载入的是第 {expected} 版，现已没有版本）。"
            "请载入最新版本后再操作。",
            "The layer “{title_en}” changed since you loaded it (you had version {expected}; it "
            "now has none). Load the latest version and apply again.",
        ),
        "{name} is not UTF-8; read as GBK (decoded as GB18030). If the text looks wrong, "
        "pass `encoding=` explicitly, or save the file as 'CSV UTF-8'": (
            "{name} 不是 UTF-8 编码，已按 GBK 读取；若文字显示不对，请另存为“CSV UTF-8”后再上传。",
            "{name} is not UTF-8; it was read as GBK. If the text looks wrong, save it as "
            "“CSV UTF-8” and upload it again.",
        ),
        "{name}: read sheet {sheet!r}; {skipped} hold no longitude/latitude columns "
        "(e.g. 填表说明). Pass `layer=` (--layer) to choose another sheet": (
            "{name}：读取了工作表“{sheet}”；{skipped} 中没有经度/纬度列（如填表说明）。"
            "若要读取其他工作表，请把它移到最前。",
            "{name}: read the sheet “{sheet}”; {skipped} hold no longitude/latitude columns "
            "(e.g. instructions). To read another sheet, move it to the front.",
        ),
        "{name} has {n} sheets; read the first, {sheet!r}. "
        "Pass `layer=` (--layer) to read another of {sheets}": (
            "{name} 有 {n} 个工作表，读取了第一个“{sheet}”。若要读取其他工作表，请把它移到最前。",
            "{name} has {n} sheets; the first, “{sheet}”, was read. To read another, move it "
            "to the front.",
        ),
        "{name}: the header is on row {row} of sheet {sheet!r} "
        "(title or merged header rows above it were skipped)": (
            "{name}：工作表“{sheet}”的表头在第 {row} 行（其上的标题或合并表头行已跳过）。",
            "{name}: the header is on row {row} of the sheet “{sheet}” (title or merged "
            "header rows above it were skipped).",
        ),
        "{name}: fields are separated by the full-width comma '，'": (
            "{name}：字段以全角逗号“，”分隔，已按此读取。",
            "{name}: the fields are separated by the full-width comma “，”; read as such.",
        ),
        "several {what} columns {hits}; used {used!r}. Pass `{arg}=` to choose": (
            "有多个{what_zh}列 {hits}，使用了“{used}”；如需另一列，请删除或改名其他列。",
            "several {what} columns {hits}; “{used}” was used. To use another, remove or "
            "rename the others.",
        ),
        "{name}: {n} coordinate(s) read as degrees-minutes-seconds (度分秒) or with a "
        "decimal comma, e.g. row {row}": (
            "{name}：{n} 个坐标按度分秒或小数逗号读取，例如第 {row} 行。",
            "{name}: {n} coordinate(s) were read as degrees-minutes-seconds or with a decimal "
            "comma, e.g. row {row}.",
        ),
        "row{plural} {rows}: longitude and latitude were swapped; fixed (经纬度已交换) and "
        "flagged in column 'coord_fixed'": (
            "第 {rows} 行：经纬度颠倒，已交换纠正，并在“坐标已纠正”列中标出。",
            "row{plural} {rows}: longitude and latitude were swapped; fixed, and marked in "
            "the column “Coordinates fixed”.",
        ),
        "column {col!r}: {n} value(s) are not numbers, so the column is kept as text "
        "({shown}); fix them to use it as numbers": (
            "“{col}”列有 {n} 个值不是数字（{shown_zh}），该列按文本保留；改正后可作数字使用。",
            "column “{col}”: {n} value(s) are not numbers ({shown}), so the column is kept as "
            "text; correct them to use it as numbers.",
        ),
        "column {old!r} of {source} renamed to {new!r}: geoapp adds its own {old!r}": (
            "{source} 的“{old}”列已改名为“{new}”：系统会自动生成同名列。",
            "column “{old}” of {source} was renamed to “{new}”: the app adds its own “{old}”.",
        ),
        "{name}: no .cpg file; attributes read as UTF-8 ({how})": (
            "{name}：缺少 .cpg 文件，属性已按 UTF-8 读取；若文字显示不对，请附上注明编码的 .cpg 文件。",
            "{name}: no .cpg file; the attributes were read as UTF-8. If the text looks "
            "wrong, add a .cpg file naming the encoding.",
        ),
        "{name}: no .cpg file and the attributes are not valid UTF-8; read as GBK "
        "(decoded as GB18030). If names look wrong, {how}": (
            "{name}：缺少 .cpg 文件且属性不是 UTF-8，已按 GBK 读取；若文字显示不对，"
            "请附上注明编码的 .cpg 文件。",
            "{name}: no .cpg file and the attributes are not UTF-8; they were read as GBK. "
            "If names look wrong, add a .cpg file naming the encoding.",
        ),
        "row {row}: invalid polygon repaired ({why})": (
            "第 {row} 行：无效多边形已修复（{why}）。",
            "row {row}: an invalid polygon was repaired ({why}).",
        ),
        "row {row}: invalid geometry kept as it is ({why})": (
            "第 {row} 行：几何无效，按原样保留（{why}）。",
            "row {row}: an invalid geometry was kept as it is ({why}).",
        ),
        "… and {n} more invalid geometries": (
            "……另有 {n} 个无效几何。",
            "… and {n} more invalid geometries.",
        ),
        "{name}: `encoding` ignored, {suffix} files are always UTF-8": (
            "{name}：{suffix} 文件总是 UTF-8 编码，所选编码未使用。",
            "{name}: {suffix} files are always UTF-8; the chosen encoding was not used.",
        ),
        "{name}: `lon_col`/`lat_col` ignored, the file has its own geometry": (
            "{name}：文件自带几何，未使用经纬度列设置。",
            "{name}: the file has its own geometry; the longitude/latitude columns were not used.",
        ),
        "{name}: the file declares {declared}; read as {used} because `crs` was given": (
            "{name}：文件声明的坐标系为 {declared}，已按所填的 {used} 读取。",
            "{name}: the file declares {declared}; it was read as {used}, the CRS you entered.",
        ),
        "{name} has no CRS (.prj missing); coordinates look like degrees and were read as "
        "EPSG:4326. Pass `crs=` if that is wrong": (
            "{name} 没有坐标系（缺少 .prj）；坐标看起来是经纬度，已按 EPSG:4326 读取。"
            "若不对，请填写坐标系。",
            "{name} has no CRS (.prj missing); the coordinates look like degrees and were "
            "read as EPSG:4326. If that is wrong, enter the CRS.",
        ),
        "{name}: {n} feature(s) had latitude and longitude swapped ([lat, lon] order); "
        "fixed (经纬度已交换) and flagged in column 'coord_fixed'": (
            "{name}：{n} 个要素的经纬度顺序颠倒（[纬度, 经度]），已交换纠正，并在“坐标已纠正”列中标出。",
            "{name}: {n} feature(s) had latitude and longitude swapped ([lat, lon] order); "
            "fixed, and marked in the column “Coordinates fixed”.",
        ),
        "{name}: no {missing} column found. Columns present: {columns}. Name them e.g. "
        "经度/纬度 or lon/lat (recognised: {lon_names} and {lat_names}), or pass `lon_col=` "
        "and `lat_col=`.": (
            "{name}：找不到{missing_zh}列；文件中的列为 {columns}。请把列名改为“经度”“纬度”"
            "（或 lon/lat）后重新上传。",
            "{name}: no {missing} column found (columns: {columns}). Name the columns "
            "经度/纬度 or lon/lat and upload the file again.",
        ),
        "{name}: the coordinates in columns {lon!r}/{lat!r} look like projected metres, "
        "not degrees (e.g. row {row}: {x}, {y}), but the CRS was {assumed} {crs}. Pass the "
        "CRS they are in, e.g. {hint}.": (
            "{name}：列“{lon}”/“{lat}”的坐标看起来是投影坐标（米），不是经纬度（例如第 {row} 行："
            "{x}, {y}）。请在“坐标系”中填写它们所用的坐标系，例如 {codes}，然后重新上传。",
            "{name}: the coordinates in the columns “{lon}”/“{lat}” look like projected "
            "metres, not degrees (e.g. row {row}: {x}, {y}). Enter their coordinate system "
            "under “CRS”, e.g. {codes}, and upload the file again.",
        ),
        "{name} is neither UTF-8 nor GBK (byte {byte}). Save it in Excel as 'CSV UTF-8', "
        "or pass `encoding=`.": (
            "{name} 既不是 UTF-8 也不是 GBK 编码（第 {byte} 字节）。请在 Excel 中另存为“CSV UTF-8”"
            "后重新上传。",
            "{name} is neither UTF-8 nor GBK (byte {byte}). Save it in Excel as “CSV UTF-8” "
            "and upload it again.",
        ),
        # a layer that does not fit its declaration (geoapp.layers.catalog.validate_layer)
        "{where} does not match its declaration {declared}:\n- {listed}\n"
        "Fix the file (or the declaration) and load it again.": (
            "{source} 不符合“{layer}”图层的要求：\n- {problems_text}\n请修改文件后重新上传。",
            "{source} does not fit the layer “{layer_en}”:\n- {problems_text}\n"
            "Correct the file and upload it again.",
        ),
        "has no CRS; declare one in the file (EPSG:4326 expected)": (
            "没有坐标系（应为 EPSG:4326）",
            "it has no coordinate system (EPSG:4326 expected)",
        ),
        "geometry must be {kinds}, got {shown}": (
            "几何类型应为 {kinds}：{shown_zh}",
            "the geometry must be {kinds}: {shown_en}",
        ),
        "column {col!r} is missing (declared as {type})": (
            "缺少“{title}”列",
            "the column “{col}” is missing",
        ),
        "column {col!r} must be {type}: {shown}": (
            "“{title}”列应为{type_zh}：{shown_zh}",
            "the column “{col}” must hold {type_en}: {shown_en}",
        ),
        "column {col!r} is required but empty in rows {rows}": (
            "“{title}”列不能为空：第 {rows_zh} 行",
            "the column “{col}” cannot be empty: row(s) {rows_en}",
        ),
        "column {col!r} has values outside {allowed}: {shown}": (
            "“{title}”列的值不在目录中：{shown_zh}",
            "the column “{col}” has values that are not in the catalogue: {shown_en}",
        ),
        # files that cannot be read as they are
        '{name} line {line}: a quote (") in column {col!r} is not closed at the end of the '
        "line, so lines {line}–{last} were read as one cell and {n} row(s) would be lost. "
        'Remove the stray quote or close it ("…"), then load the file again.': (
            '{name} 第 {line} 行：“{col}”列中的引号（"）在行末没有闭合，第 {line}–{last} 行被读成了'
            "一个单元格，会丢失 {n} 行。请删除多余的引号或把它闭合，然后重新上传。",
            '{name} line {line}: a quote (") in the column “{col}” is not closed at the end of '
            "the line, so lines {line}–{last} were read as one cell and {n} row(s) would be "
            "lost. Remove the stray quote or close it, then upload the file again.",
        ),
        '{name} line {line}: a quote (") opened there is never closed, so the rest of '
        "the file would be one cell. Remove the stray quote or close it, then load the "
        "file again.": (
            '{name} 第 {line} 行：引号（"）没有闭合，文件其余部分会被读成一个单元格。请删除多余的引号'
            "或把它闭合，然后重新上传。",
            '{name} line {line}: a quote (") opened there is never closed, so the rest of the '
            "file would be one cell. Remove the stray quote or close it, then upload the file "
            "again.",
        ),
        "{name} cannot be parsed as CSV (separator {sep!r}): {detail}. Quote values "
        "that contain the separator, or fix the row with too many fields.": (
            "{name} 无法按 CSV 读取（分隔符“{sep}”）：{detail}。请给含分隔符的值加引号，"
            "或改正字段过多的行，然后重新上传。",
            "{name} cannot be read as CSV (separator “{sep}”): {detail}. Quote the values that "
            "contain the separator, or correct the row with too many fields, then upload again.",
        ),
        "{name} has {about}{n:,} data rows, more than the limit of {limit:,}. Split the "
        "file, or raise the limit (--max-rows, or `limits=Limits(max_rows=…)`).": (
            "{name} 有 {n:,} 行数据，超过了 {limit:,} 行的上限。请把文件拆分后分别上传。",
            "{name} has {about}{n:,} data rows, more than the limit of {limit:,}. Split the "
            "file and upload the parts.",
        ),
        "{name} is a text file (CSV?), not an Excel .xlsx workbook. Rename it to {csv}.": (
            "{name} 是文本文件（CSV？），不是 Excel .xlsx 工作簿。请改名为 {csv} 后重新上传。",
            "{name} is a text file (CSV?), not an Excel .xlsx workbook. Rename it to {csv} and "
            "upload it again.",
        ),
        "{name} is not an Excel .xlsx workbook (not a zip package). Re-save it in Excel.": (
            "{name} 不是 Excel .xlsx 工作簿。请在 Excel 中另存为 .xlsx 后重新上传。",
            "{name} is not an Excel .xlsx workbook. Save it again as .xlsx in Excel and upload "
            "it again.",
        ),
        "{name} cannot be read as an Excel .xlsx workbook ({detail}). Re-save it in Excel.": (
            "{name} 无法按 Excel .xlsx 工作簿读取，文件可能已损坏。请在 Excel 中重新保存后再上传。",
            "{name} cannot be read as an Excel .xlsx workbook; it may be damaged. Save it "
            "again in "
            "Excel and upload it again.",
        ),
        "{name} contains {n} layers: {layers}. Pass `layer=` (--layer on the command line) "
        "with one of them, e.g. layer={first!r}.": (
            "{name} 含有 {n} 个图层：{layers}。请只导出其中一个图层后再上传。",
            "{name} contains {n} layers: {layers}. Export only one of them and upload it again.",
        ),
        # the other errors of an upload (issue 10 item 6): the file, what is wrong, the fix
        "`crs` was {crs!r}, which pyproj does not recognise. Pass an EPSG code such as "
        "4326 (WGS-84), 4490 (CGCS2000) or 4547 (CGCS2000 / 3-degree Gauss-Krüger CM 114E).": (
            "坐标系“{crs}”无法识别。请填写 EPSG 编号，例如 4326（WGS-84）、4490（CGCS2000）"
            "或 4547（CGCS2000 三度带，中央经线 114°E）。",
            "The coordinate system “{crs}” is not recognised. Enter an EPSG code such as 4326 "
            "(WGS-84), 4490 (CGCS2000) or 4547 (CGCS2000 3-degree zone, central meridian 114°E).",
        ),
        "`crs` was {crs!r} ({crs_name}), which is not a horizontal 2-D CRS.": (
            "坐标系“{crs}”（{crs_name}）不是平面坐标系。请填写经纬度或投影坐标系的 EPSG 编号，"
            "例如 4326 或 4547。",
            "“{crs}” ({crs_name}) is not a horizontal 2-D coordinate system. Enter the EPSG "
            "code of a longitude/latitude or projected system, e.g. 4326 or 4547.",
        ),
        "{name}: `datum`={datum!r} declares longitude/latitude on a Chinese web map, "
        "but the coordinates are in {crs} ({crs_name}). GCJ-02/BD-09 apply "
        "to longitude/latitude only: drop `datum` or `crs`.": (
            "{name}：坐标类型选的是 {datum_label}（网络地图经纬度），但坐标为 {crs}（{crs_name}）。"
            "GCJ-02/BD-09 只适用于经纬度：请把坐标类型改为 WGS-84，或清空“坐标系”。",
            "{name}: the coordinate type is {datum_label} (longitude/latitude of a Chinese web "
            "map), but the coordinates are in {crs} ({crs_name}). GCJ-02/BD-09 apply to "
            "longitude/latitude only: set the coordinate type to WGS-84, or clear the CRS.",
        ),
        "{name} is {more}{size}, larger than the limit of {limit}. Split the file, drop "
        "unneeded columns, or raise `max_bytes`.": (
            "{name} 大小为 {size_mib} MiB，超过了 {limit_mib} MiB 的上限。请拆分文件或删除不需要的列后"
            "再上传。",
            "{name} is {more}{size_mib} MiB, larger than the limit of {limit_mib} MiB. Split "
            "the file or drop unneeded columns, and upload it again.",
        ),
        "`filename` is required when `source` is bytes: its ending (.csv, .xlsx, "
        ".geojson, .gpkg, .zip, …) selects the format. Supported: {supported}.": (
            "无法确定文件类型：文件名没有扩展名。支持的类型：{supported}。",
            "The file type is unknown: the file name has no ending. Supported: {supported}.",
        ),
        "`filename` is required for a file object without a name: its ending "
        "selects the format. Supported: {supported}.": (
            "无法确定文件类型：文件没有名称。支持的类型：{supported}。",
            "The file type is unknown: the file has no name. Supported: {supported}.",
        ),
        "`source` {path!r} does not exist. Check the path.": (
            "找不到文件 {name}，请检查文件是否存在。",
            "The file {name} was not found; check that it exists.",
        ),
        "{name}: `source` is a text stream; open the file in binary mode ('rb').": (
            "{name}：文件以文本方式打开，无法读取。请重新上传文件。",
            "{name}: the file was opened as text and cannot be read. Upload the file again.",
        ),
        "{name}: no .shp file found. Put the Shapefile (.shp, .shx, .dbf, .prj) in it.": (
            "{name} 中没有 .shp 文件。请把 Shapefile 的全部文件（.shp、.shx、.dbf、.prj）"
            "一起打包为 .zip 后上传。",
            "{name} holds no .shp file. Put all the files of the Shapefile (.shp, .shx, .dbf, "
            ".prj) together in one .zip and upload it.",
        ),
        "{name}: `layer` was {layer!r} but the Shapefiles are {shapefiles}. "
        "Pass one of these names.": (
            "{name}：没有名为“{layer}”的 Shapefile，其中的 Shapefile 为 {shapefiles}。",
            "{name}: there is no Shapefile “{layer}”; the Shapefiles are {shapefiles}.",
        ),
        "{name} holds {n} Shapefiles: {shapefiles}. Pass `layer=` (--layer on the command "
        "line) with one of these names, e.g. layer={first!r}.": (
            "{name} 含有 {n} 个 Shapefile：{shapefiles}。请每个 .zip 只放一个 Shapefile 后再上传。",
            "{name} holds {n} Shapefiles: {shapefiles}. Put only one Shapefile in each .zip "
            "and upload it again.",
        ),
        "{name}: the Shapefile {shapefile!r} has no {missing} file. A Shapefile is several "
        "files; put all of them (.shp, .shx, .dbf, .prj, .cpg) together in the .zip or "
        "folder.": (
            "{name}：Shapefile“{shapefile}”缺少 {parts_zh} 文件。Shapefile 由多个文件组成，"
            "请把 .shp、.shx、.dbf、.prj、.cpg 一起打包为 .zip 后重新上传。",
            "{name}: the Shapefile “{shapefile}” has no {parts_en} file. A Shapefile is several "
            "files: put .shp, .shx, .dbf, .prj and .cpg together in one .zip and upload it again.",
        ),
        "{name}: the {kind} member {member!r} is a symbolic link, which is refused "
        "(it could point at any file on this computer). Put the file itself in the archive.": (
            "{name}：{kind_zh}中的“{member}”是符号链接，出于安全原因不予接受。请把文件本身放入"
            "压缩包后重新上传。",
            "{name}: “{member}” in the {kind_en} is a symbolic link and is refused for safety. "
            "Put the file itself in the archive and upload it again.",
        ),
        "{name} expands to {size}, more than the limit of {limit} for an uncompressed "
        "{kind}. Split it, or raise the limit (--max-bytes raises it in proportion; "
        "`limits=Limits(max_expanded_bytes=…)`).": (
            "{name} 解压后为 {size_mib} MiB，超过了{kind_zh}解压后 {limit_mib} MiB 的上限。"
            "请拆分后分别上传。",
            "{name} expands to {size_mib} MiB, more than the limit of {limit_mib} MiB for an "
            "uncompressed {kind_en}. Split it and upload the parts.",
        ),
        "{name}: the {kind} member {member!r} would expand {ratio:,.0f}× ({packed} → "
        "{size}), more than the {limit:g}× a real table compresses; it is refused as a "
        "zip bomb.": (
            "{name}：{kind_zh}中的“{member}”解压后会膨胀 {ratio:,.0f} 倍，远超正常表格"
            "（至多约 {limit:g} 倍），疑为恶意压缩文件，已拒绝。请检查文件来源。",
            "{name}: “{member}” in the {kind_en} would expand {ratio:,.0f}×, far more than "
            "a real table (about {limit:g}× at most); it is refused as a zip bomb. Check where "
            "the file came from.",
        ),
        "{name}: nothing to read (no bytes and no path).": (
            "{name}：没有可读取的内容。请重新上传文件。",
            "{name}: there is nothing to read. Upload the file again.",
        ),
        "{name} is not a valid .zip archive ({detail}). Re-create the archive.": (
            "{name} 不是有效的 .zip 压缩包，可能已损坏。请重新打包后再上传。",
            "{name} is not a valid .zip archive; it may be damaged. Make it again and upload it.",
        ),
        "{name}: archive member {member!r} points outside the archive.": (
            "{name}：压缩包中的“{member}”指向压缩包以外的位置，已拒绝。请重新打包后再上传。",
            "{name}: “{member}” in the archive points outside the archive and is refused. Make "
            "the archive again and upload it.",
        ),
        "{name} expands to more than its declared size and the limit "
        "of {limit}; the archive is damaged or forged. Re-create it.": (
            "{name} 解压后超过了其声明的大小和 {limit_mib} MiB 的上限，压缩包已损坏或被篡改。"
            "请重新打包后再上传。",
            "{name} expands to more than its declared size and the limit of {limit_mib} MiB; "
            "the archive is damaged or forged. Make it again and upload it.",
        ),
        "{name}: member {member!r} cannot be extracted ({detail}); the archive is "
        "damaged (its header may lie about a size). Re-create the archive.": (
            "{name}：压缩包中的“{member}”无法解压，压缩包已损坏。请重新打包后再上传。",
            "{name}: “{member}” in the archive cannot be extracted; the archive is "
            "damaged. Make it again and upload it.",
        ),
        "{name}: member {member!r} cannot be extracted ({detail}); the archive is "
        "damaged. Re-create the archive.": (
            "{name}：压缩包中的“{member}”无法解压，压缩包已损坏。请重新打包后再上传。",
            "{name}: “{member}” in the archive cannot be extracted; the archive is "
            "damaged. Make it again and upload it.",
        ),
        "{name} must contain one Shapefile or one data file ({supported}); it contains "
        "{members}.": (
            "{name} 中应只有一个 Shapefile 或一个数据文件（{supported}），其中的文件为：{members_zh}。"
            "请每个 .zip 只放一个图层的文件后再上传。",
            "{name} must hold one Shapefile or one data file ({supported}); it holds: "
            "{members_en}. Put one layer's files in each .zip and upload it again.",
        ),
        "`encoding` was {encoding!r}, which is not a known encoding; try 'UTF-8' or 'GBK'.": (
            "编码“{encoding}”无法识别；请使用 UTF-8 或 GBK。",
            "The encoding “{encoding}” is not known; use UTF-8 or GBK.",
        ),
        "{name}: unsupported file type {suffix!r}.{hint} "
        "Supported: {supported}, or a folder with one Shapefile.": (
            "{name}：不支持“{suffix_zh}”类型的文件。{hint}支持的类型：{supported}，"
            "或含一个 Shapefile 的 .zip。",
            "{name}: files of the type “{suffix_en}” are not supported.{hint} Supported: "
            "{supported}, or a .zip holding one Shapefile.",
        ),
        " Save it as .xlsx in Excel.": (
            "请在 Excel 中另存为 .xlsx 后再上传。",
            " Save it as .xlsx in Excel and upload it again.",
        ),
        "{name}: a Shapefile is several files (.shp, .shx, .dbf, .prj, .cpg); "
        "upload them together as one .zip.": (
            "{name}：Shapefile 由多个文件组成（.shp、.shx、.dbf、.prj、.cpg），请把它们一起打包为"
            "一个 .zip 后上传。",
            "{name}: a Shapefile is several files (.shp, .shx, .dbf, .prj, .cpg); put them "
            "together in one .zip and upload it.",
        ),
        "{name} needs more memory than this computer has; split the file or lower "
        "the limits (--max-rows, --max-bytes).": (
            "{name} 所需内存超过了服务器的容量。请拆分文件后分别上传。",
            "{name} needs more memory than the server has. Split the file and upload the parts.",
        ),
        "{name} cannot be read ({detail}). Check that the file is complete and of the "
        "kind its ending says; re-save it from its program.": (
            "{name} 无法读取。请检查文件是否完整、类型与扩展名是否一致，"
            "在原软件中重新保存后再上传。",
            "{name} cannot be read. Check that the file is complete and of the kind "
            "its ending says; save it again from its program and upload it again.",
        ),
        # what a file really is, when its ending says otherwise, and what to do
        "{name} is really {what}, not a {suffix} table (its first bytes say so). {fix}.": (
            "{name} 实际上是{what}，不是 {suffix} 表格（文件开头的字节表明了这一点）。{fix}。",
            "{name} is really {what}, not a {suffix} table (its first bytes say so). {fix}.",
        ),
        "a PDF document": ("一份 PDF 文档", "a PDF document"),
        "an old Excel .xls (or .doc / .et) file": (
            "一个旧版 Excel .xls（或 .doc / .et）文件",
            "an old Excel .xls (or .doc / .et) file",
        ),
        "a GeoPackage / SQLite database": (
            "一个 GeoPackage / SQLite 数据库",
            "a GeoPackage database",
        ),
        "a PNG image": ("一张 PNG 图片", "a PNG image"),
        "a JPEG image": ("一张 JPEG 图片", "a JPEG image"),
        "a RAR archive": ("一个 RAR 压缩包", "a RAR archive"),
        "a 7-Zip archive": ("一个 7-Zip 压缩包", "a 7-Zip archive"),
        "an Excel .xlsx workbook": ("一个 Excel .xlsx 工作簿", "an Excel .xlsx workbook"),
        "a Word .docx document": ("一份 Word .docx 文档", "a Word .docx document"),
        "a .zip archive": ("一个 .zip 压缩包", "a .zip archive"),
        "Export the table as CSV or XLSX from the program that made it": (
            "请在生成它的软件中把表格导出为 CSV 或 XLSX 后再上传",
            "Export the table as CSV or XLSX from the program that made it, and upload that",
        ),
        "Open it in Excel or WPS and save it as .xlsx": (
            "请用 Excel 或 WPS 打开并另存为 .xlsx 后再上传",
            "Open it in Excel or WPS, save it as .xlsx and upload that",
        ),
        "Rename it to .gpkg": ("请把扩展名改为 .gpkg 后再上传", "Rename it to .gpkg and upload it"),
        "Rename it to {stem}.xlsx": (
            "请改名为 {stem}.xlsx 后再上传",
            "Rename it to {stem}.xlsx and upload it",
        ),
        "Rename it to {stem}.zip": (
            "请改名为 {stem}.zip 后再上传",
            "Rename it to {stem}.zip and upload it",
        ),
        "Upload the table itself": ("请上传表格文件本身", "Upload the table itself"),
        "Upload the table itself as CSV or XLSX": (
            "请把表格另存为 CSV 或 XLSX 后再上传",
            "Save the table as CSV or XLSX and upload that",
        ),
        "Unpack it and upload the table, or a .zip": (
            "请解压后上传其中的表格，或改用 .zip 压缩",
            "Unpack it and upload the table, or use a .zip",
        ),
        "{name} is not valid {encoding} (byte {byte}: {bad!r}). Leave `encoding` "
        "unset to detect it, or pass the right one, e.g. 'GBK'.": (
            "{name} 不是有效的 {encoding} 编码（第 {byte} 字节）。请不指定编码，由系统自动识别，"
            "或改用正确的编码（如 GBK）。",
            "{name} is not valid {encoding} (byte {byte}). Leave the encoding unset to detect "
            "it, or choose the right one, e.g. GBK.",
        ),
        "{name} starts with a UTF-8 BOM but is not valid UTF-8 (byte {byte}).": (
            "{name} 以 UTF-8 标记开头，但内容不是有效的 UTF-8（第 {byte} 字节）。"
            "请在 Excel 中另存为“CSV UTF-8”后重新上传。",
            "{name} starts with a UTF-8 mark but is not valid UTF-8 (byte {byte}). Save it in "
            "Excel as “CSV UTF-8” and upload it again.",
        ),
        "{name} is not a valid Excel .xlsx workbook ({detail}). Re-save it in Excel.": (
            "{name} 不是有效的 Excel .xlsx 工作簿，可能已损坏。请在 Excel 中重新保存后再上传。",
            "{name} is not a valid Excel .xlsx workbook; it may be damaged. Save it again in "
            "Excel and "
            "upload it again.",
        ),
        "{name}: `layer` was {layer!r} but the sheets are {sheets}. "
        "Pass one of these sheet names (--layer on the command line).": (
            "{name}：没有名为“{layer}”的工作表，工作表为 {sheets}。",
            "{name}: there is no sheet “{layer}”; the sheets are {sheets}.",
        ),
        "{name}: no sheet has longitude/latitude columns (sheets: {sheets}).": (
            "{name}：没有哪个工作表含有经度/纬度列（工作表：{sheets}）。请把坐标列命名为“经度”“纬度”"
            "（或 lon/lat）后重新上传。",
            "{name}: no sheet has longitude/latitude columns (sheets: {sheets}). Name the "
            "coordinate columns 经度/纬度 or lon/lat and upload the file again.",
        ),
        "{name} is empty; it needs a header row and data rows.": (
            "{name} 是空文件。文件需要一行表头和若干数据行，请补全后重新上传。",
            "{name} is empty. It needs a header row and data rows; complete it and upload it "
            "again.",
        ),
        "{name}: `{arg}` was {wanted!r} but there is no such column. Columns present: {columns}.": (
            "{name}：找不到{what_zh}列“{wanted}”；文件中的列为 {columns}。",
            "{name}: there is no {what_en} column “{wanted}”; the columns are {columns}.",
        ),
        "{name}: `lon_col` and `lat_col` both name the column {col!r}.": (
            "{name}：经度列和纬度列都指向“{col}”列。",
            "{name}: the longitude and latitude columns are both “{col}”.",
        ),
        "{name}: attributes are not valid {encoding} ({why} at byte {byte}). Pass the right "
        "`encoding=`, e.g. 'GBK' or 'UTF-8' (a wrong .cpg file is the usual cause).": (
            "{name}：属性无法按所声明的编码读取（第 {byte} 字节），通常是 .cpg 文件写错了。"
            "请改正 .cpg 文件中的编码名称（如 GBK 或 UTF-8）后重新上传。",
            "{name}: the attributes cannot be read in the declared encoding (byte {byte}); a "
            "wrong .cpg file is the usual cause. Correct the encoding name in the .cpg file "
            "(e.g. GBK or UTF-8) and upload it again.",
        ),
        "{name} cannot be read as a vector layer: {detail} Check that the file is complete.": (
            "{name} 无法按矢量图层读取，文件可能不完整。请检查后重新上传。",
            "{name} cannot be read as a vector layer; it may be incomplete. Check it "
            "and upload it again.",
        ),
        "{name}: no .cpg file and the attributes are neither UTF-8 nor GBK; pass `encoding=`.": (
            "{name}：缺少 .cpg 文件，且属性既不是 UTF-8 也不是 GBK 编码。请附上注明编码的 .cpg 文件"
            "后重新上传。",
            "{name}: no .cpg file, and the attributes are neither UTF-8 nor GBK. Add a .cpg "
            "file naming the encoding and upload it again.",
        ),
        "{name} cannot be opened as a vector file: {detail} Check the format and ending.": (
            "{name} 无法按矢量文件打开。请检查文件是否完整、格式与扩展名是否一致。",
            "{name} cannot be opened as a vector file. Check that it is complete and that its "
            "format and the "
            "ending agree.",
        ),
        "{name}: `layer` was {layer!r} but the layers are {layers}. Pass one of these.": (
            "{name}：没有名为“{layer}”的图层，图层为 {layers}。",
            "{name}: there is no layer “{layer}”; the layers are {layers}.",
        ),
        "{name} has {n:,} features, more than the limit of {limit:,}. "
        "Split the file, or raise the limit (--max-rows, `limits=Limits(max_rows=…)`).": (
            "{name} 有 {n:,} 个要素，超过了 {limit:,} 个的上限。请把文件拆分后分别上传。",
            "{name} has {n:,} features, more than the limit of {limit:,}. Split the file and "
            "upload the parts.",
        ),
        "{name} has no CRS (.prj missing) and its coordinates look like projected metres. "
        "Pass the CRS, e.g. {hint}.": (
            "{name} 没有坐标系（缺少 .prj），且坐标看起来是投影坐标（米）。请在“坐标系”中填写它们所用的"
            "坐标系，例如 {codes}，或附上 .prj 文件，然后重新上传。",
            "{name} has no CRS (.prj missing) and its coordinates look like projected metres. "
            "Enter their coordinate system under “CRS”, e.g. {codes}, or add the .prj file, and "
            "upload it again.",
        ),
        "{name}: the coordinates look like projected metres although the layer is in "
        "{crs} (degrees). Pass the CRS they are in, e.g. {hint}.": (
            "{name}：坐标看起来是投影坐标（米），但文件声明为 {crs}（经纬度）。请在“坐标系”中填写它们"
            "所用的坐标系，例如 {codes}，然后重新上传。",
            "{name}: the coordinates look like projected metres although the file declares "
            "{crs} (degrees). Enter their coordinate system under “CRS”, e.g. {codes}, and "
            "upload the file again.",
        ),
        # the shipped layers' declarations and files: an installation problem
        "Layer declaration {path} lacks the keys {keys}.": (
            "图层声明“{name}”缺少 {keys} 项。这是软件安装的问题，请联系系统管理员。",
            "The layer declaration “{name}” lacks {keys}. This is a problem of the "
            "installation; contact the administrator.",
        ),
        "Layer declaration {path}: column {col!r} has type {type!r}; use one of {types}.": (
            "图层声明“{name}”中“{col}”列的类型“{type}”无效。这是软件安装的问题，请联系系统管理员。",
            "The layer declaration “{name}” gives the column “{col}” the unknown type "
            "“{type}”. This is a problem of the installation; contact the administrator.",
        ),
        "Unknown allowed-value reference {allowed!r}; use one of {refs}.": (
            "图层声明引用了未知的取值表“{allowed}”。这是软件安装的问题，请联系系统管理员。",
            "A layer declaration names the unknown list of values “{allowed}”. This is a "
            "problem of the installation; contact the administrator.",
        ),
        "Layer {layer!r}: file {path} does not exist. Rebuild the shipped data with "
        "`python geoapp/resources/data/build_boundaries.py` and `build_samples.py`, or "
        "set GEOAPP_HOME to a complete data home.": (
            "“{title}”图层的数据文件 {name} 不存在。这是软件安装的问题，请联系系统管理员。",
            "The data file {name} of the layer “{title_en}” does not exist. This is a problem "
            "of the installation; contact the administrator.",
        ),
        "Layer {layer!r}: cannot read {path}: {detail}": (
            "“{title}”图层的数据文件 {name} 无法读取。这是软件安装的问题，请联系系统管理员。",
            "The data file {name} of the layer “{title_en}” cannot be read. This is a problem "
            "of the installation; contact "
            "the administrator.",
        ),
        # a constraint layer (geoapp.rules.validate_constraints)
        "The constraint layer cannot be used:\n- {listed}": (
            "管控图层无法使用：\n- {problems_text}\n请修改文件后重新上传。",
            "The constraint layer cannot be used:\n- {problems_text}\nCorrect the file and "
            "upload it again.",
        ),
        "`constraints` should be a GeoDataFrame, got {kind}.": (
            "管控图层不是地理图层（{kind}）。",
            "The constraint layer is not a geographic layer ({kind}).",
        ),
        "has no CRS; set one with `.set_crs(4326)`": (
            "没有坐标系（应为 EPSG:4326）",
            "it has no coordinate system (EPSG:4326 expected)",
        ),
        "geometry must be Polygon/MultiPolygon, got {shown}": (
            "几何类型应为面（Polygon/MultiPolygon）：{shown_zh}",
            "the geometry must be areas (Polygon/MultiPolygon): {shown_en}",
        ),
        "column {col!r} is missing (the constraint's name, e.g. 生态保护红线); "
        "columns are {columns}": (
            "缺少“名称”列（管控区的名称，如“生态保护红线”）；文件中的列为 {columns}",
            "the column “名称” (name) is missing: the constraint's name, e.g. 生态保护红线; "
            "the columns are {columns}",
        ),
        "column {col!r} is empty in rows {rows}": (
            "“名称”列不能为空：第 {rows_zh} 行",
            "the column “名称” (name) cannot be empty: row(s) {rows_en}",
        ),
        "column {col!r} must be one of {allowed}: {shown}": (
            "“适用”列只能填 all（全部项目）或 chemical（化工项目）：{shown_zh}",
            "the column “适用” (applies to) must be all or chemical: {shown_en}",
        ),
        # a layer without the columns every analysis needs (geoapp.layers.LayerSet)
        "Layer `{name}` lacks the column(s) {missing}; it has {columns}. Rename the "
        "columns (geoapp.layers.conform does it for the declared Chinese titles) or "
        "load the layer with geoapp.layers.catalog.load_layer.": (
            "“{title}”图层缺少{need_zh}列。请在文件中添加这些列（以中文标题为列名）后重新上传。",
            "The layer “{title_en}” lacks the column(s) {need_en}. Add them to the file (named "
            "by their Chinese titles) and upload it again.",
        ),
        # geoapp.workspace.imports
        "No usable row in {name}: {summary}; nothing was imported.": (
            "{name} 中没有可用的行（被拒绝 {rejected} 行），未导入任何数据。请按被拒绝行的原因改正文件"
            "后重新导入。",
            "{name} has no usable row ({rejected} rejected); nothing was imported. Correct the "
            "file as the rejected rows say and import it again.",
        ),
    }
)


#: English words inside a message's values, in Chinese.
_WORDS_ZH = {
    "longitude": "经度",
    "latitude": "纬度",
    "longitude or latitude": "经度和纬度",
    "str": "文本",
    "int": "整数",
    "float": "数字",
    "bool": "是/否",
    "archive": "压缩包",
    "workbook": "工作簿",
    "(no ending)": "无扩展名",
}
_WORDS_EN = {
    "str": "text",
    "int": "whole numbers",
    "float": "numbers",
    "bool": "yes/no",
    "(no ending)": "no ending",
}


def message_text(text: str, lang: str = "zh") -> str:
    """A reader's warning in the UI language.

    Parameters
    ----------
    text
        A :class:`Message` (or any string: returned as it is).
    lang
        ``{"zh", "en"}``.

    Returns
    -------
    str
        The planner's text of the message in ``lang``, with its values.
    """
    if isinstance(text, Message) and text.template in _MESSAGES:
        zh, en = _MESSAGES[text.template]
        values = {"what_zh": "", "shown_zh": "", "missing_zh": "", **text.values}
        for key, value in text.values.items():  # a message inside a message: in `lang` too
            if isinstance(value, Message):
                values[key] = message_text(value, lang)
        for key in ("what", "missing", "type", "kind", "suffix"):  # English words in a message
            if key in values:
                values[f"{key}_zh"] = _WORDS_ZH.get(str(values[key]), str(values[key]))
                values[f"{key}_en"] = _WORDS_EN.get(str(values[key]), str(values[key]))
        if "rows_values" in values:
            pairs = cast("list[tuple[int, object]]", values["rows_values"])
            values["shown_zh"] = "；".join(f"第 {r} 行：{v!r}" for r, v in pairs)
            values["shown_en"] = "; ".join(f"row {r}: {v!r}" for r, v in pairs)
            values["rows_zh"] = "、".join(str(r) for r, _ in pairs)
            values["rows_en"] = ", ".join(str(r) for r, _ in pairs)
        if "problems" in values:  # a list of messages
            listed = cast("list[str]", values["problems"])
            values["problems_text"] = "\n- ".join(message_text(p, lang) for p in listed)
        return (zh if lang == "zh" else en).format(**values)
    return str(text)


#: A rejected row's reason (the Chinese half of the reader's "中文 / English") -> English
#: planner text, where the reader's English names a command-line option.
_REASONS_EN: Mapping[str, str] = MappingProxyType(
    {
        "经纬度颠倒": "longitude and latitude swapped (tick “Fix swapped longitude/latitude”)",
        "文本过长": "a cell is too long",
    }
)


def reason_text(reason: str, lang: str = "zh") -> str:
    """A rejected row's reason (``"中文 / English"``) in the UI language.

    Parameters
    ----------
    reason
        As the readers and :func:`geoapp.io.uploads.split_unknown_values` write it.
    lang
        ``{"zh", "en"}``.

    Returns
    -------
    str
    """
    zh, sep, en = str(reason).partition(" / ")
    if not sep:
        return zh
    if lang == "zh":
        return zh
    return _REASONS_EN.get(zh, en)


def import_summary(
    name: str, n_rows: int, n_rejected: int, lang: str = "zh", *, encoding: str | None = None
) -> str:
    """What an upload gave, as one sentence in ``lang``.

    Parameters
    ----------
    name
        The file's name.
    n_rows, n_rejected
        Usable and rejected rows.
    lang
        ``{"zh", "en"}``.
    encoding
        The text encoding it was read in, if any (``"GBK"``, ``"UTF-8"`` …).

    Returns
    -------
    str
    """
    if lang == "zh":
        text = f"{name}：可用 {n_rows} 行，被拒绝 {n_rejected} 行"
        return text + (f"（编码 {encoding}）。" if encoding else "。")
    text = f"{name}: {n_rows} rows usable, {n_rejected} rejected"
    return text + (f" (encoding {encoding})." if encoding else ".")


# --------------------------------------------------------------------------- CSV titles (issue 10)
_EN = MappingProxyType(
    {
        **_EN,
        "最近设施序号": "Nearest facility no.",
        "服务半径(米)": "Service radius (m)",
        "园区类型": "Zone kind",
        "园区主导产业链": "Zone's leading chains",
        "园区主导该产业链": "Zone leads the chain",
        "化工类项目": "Chemical project",
        "周边同链项目数": "Same-chain projects nearby",
        "违反的规则编号": "Failed rule ids",
        "待核实说明": "To be checked",
        "得分·园区主导产业链匹配": "Points · chain led by the zone",
        "得分·物流枢纽可达性": "Points · logistics hub access",
        "得分·环境监测站可达性": "Points · monitoring station access",
        "得分·同链项目集聚": "Points · same-chain agglomeration",
        "得分·位于园区内": "Points · inside a development zone",
        "简称": "Short name",
        "要素": "Features",
        "没有可用的行。": "No usable rows.",
        "个": "count",
        "亿元": "100 M CNY",
        "站点编码": "Station code",
    }
)


# --------------------------------------------------------------------------- pipeline tables (issue 10)
_EN = MappingProxyType(
    {
        **_EN,
        "已注明投资额项目数": "Projects with a stated amount",
        "目标编号": "Target id",
        "单位": "Unit",
        "表中该集群项目数": "Projects of the cluster in the table",
        "其中未注明投资额": "of which no amount stated",
        "能否由项目表计算": "Measurable from the project table",
        "全市": "Whole city",
        "能": "yes",
        "不能": "no",
        "部分可算": "partly",
        "亿元以上制造业项目数": "Manufacturing projects of ≥ 100 M CNY",
        "完成投资(亿元)": "Investment completed (100 M CNY)",
        "招商项目到位资金(亿元)": "Funds in place of promoted projects (100 M CNY)",
        "制造业投资(亿元)": "Manufacturing investment (100 M CNY)",
        "新签约亿元以上项目数": "Newly signed projects of ≥ 100 M CNY",
        "只计投资额已注明且≥1亿元的项目；多数项目未注明投资额，且表中项目并非2024年实施清单。": (
            "Counts only projects with a stated amount of ≥ 100 M CNY; most projects state "
            "none, and the table is not the 2024 implementation list."
        ),
        "表中为项目总投资（已注明者），不是当年完成投资；多数项目未注明投资额。": (
            "The table holds total project investment (where stated), not the investment "
            "completed in the year; most projects state no amount."
        ),
        "项目表不含到位资金，无法计算。": (
            "The project table has no funds in place: cannot be measured."
        ),
        "项目表不含年度制造业投资，无法计算。": (
            "The project table has no yearly manufacturing investment: cannot be measured."
        ),
        "项目表无2024年签约日期，投资额多未注明，无法计算。": (
            "The project table has no 2024 signing dates and most amounts are not stated: "
            "cannot be measured."
        ),
    }
)
