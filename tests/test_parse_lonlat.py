"""geoapp.geo.coords.parse_lonlat: typed and pasted coordinates, checked against hand arithmetic
and the datum conversions."""

from __future__ import annotations

import pytest

from geoapp.geo import gcj02_to_wgs84, parse_lonlat, wgs84_to_bd09, wgs84_to_gcj02

DMS = 115 + 1 / 60 + 30 / 3600, 35 + 45 / 60 + 36 / 3600


@pytest.mark.parametrize(
    "text",
    [
        "115.025, 35.76",
        "115.025 35.76",
        "115.025，35.76",
        " 115.025 ; 35.76 ",
        "35.76, 115.025",  # latitude first: only the second value can be a longitude in China
    ],
)
def test_decimal_degrees(text):
    assert parse_lonlat(text) == pytest.approx((115.025, 35.76), abs=1e-12)


@pytest.mark.parametrize(
    "text",
    [
        "115°01'30\"E 35°45'36\"N",
        "115°01′30″E, 35°45′36″N",
        "35°45'36\"N 115°01'30\"E",
        "N35°45'36\" E115°01'30\"",
        "东经115度01分30秒 北纬35度45分36秒",
        "北纬35°45′36″ 东经115°01′30″",
        "115°01.5'E 35°45.6'N",
    ],
)
def test_degrees_minutes_seconds(text):
    assert parse_lonlat(text) == pytest.approx(DMS, abs=1e-9)


def test_southern_and_western_hemispheres_are_negative():
    assert parse_lonlat("70°30'W 33°27'S") == pytest.approx((-70.5, -33.45))


@pytest.mark.parametrize("datum", ["gcj02", "bd09"])
def test_web_map_datums_are_converted_to_wgs84(datum):
    lon, lat = 115.03, 35.76
    if datum == "gcj02":
        x, y = wgs84_to_gcj02(lon, lat)
    else:
        x, y = wgs84_to_bd09(lon, lat)
    typed = f"{float(x):.9f}, {float(y):.9f}"
    back = parse_lonlat(typed, datum=datum)
    assert back == pytest.approx((lon, lat), abs=1e-7)  # about 1 cm
    if datum == "gcj02":
        gx, gy = gcj02_to_wgs84(*map(float, typed.split(",")))
        assert back == pytest.approx((float(gx), float(gy)), abs=1e-12)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "no coordinate"),
        ("115.03", "found 1"),
        ("1, 2, 3", "found 3"),
        ("濮阳市政府", "could not read"),
        ("115°61'E 35°N", "below 60"),
        ("215, 35", "out of range"),
    ],
)
def test_unreadable_text_says_what_was_wrong(text, says):
    with pytest.raises(ValueError, match=says):
        parse_lonlat(text)


def test_unknown_datum_is_refused():
    with pytest.raises(ValueError, match="datum"):
        parse_lonlat("115, 35", datum="utm")  # type: ignore[arg-type]
