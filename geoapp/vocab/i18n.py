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

import tomllib
from collections.abc import Mapping
from importlib.resources import files
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

#: The translation tables: data files beside this module, one entry a line.
TRANSLATIONS = files("geoapp.vocab") / "translations"


def _table(name: str) -> dict:
    """One translation table of :data:`TRANSLATIONS` (TOML)."""
    return tomllib.loads((TRANSLATIONS / name).read_text(encoding="utf-8"))


#: The languages of the UI: Chinese (default) and English.
LANGS: tuple[str, ...] = ("zh", "en")

#: Chinese UI text -> English: the vocabulary's terms, then ``translations/ui_en.toml``.
_EN: Mapping[str, str] = MappingProxyType({**vocab_translations(), **_table("ui_en.toml")})


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
    {template: (text["zh"], text["en"]) for template, text in _table("messages.toml").items()}
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
