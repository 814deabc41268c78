"""The surface image the app sends: a palette PNG with the colours of the RGBA rendering."""

from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image

from geoapp.suitability import DisplayGrid, surface_png, surface_rgba


def test_palette_png_has_the_colours_of_the_rgba_image():
    rng = np.random.default_rng(3)
    h, w = 60, 80
    score = rng.uniform(0, 100, (h, w)).astype(np.float32)
    score[:5] = -9999.0  # no data
    rule = np.where(rng.random((h, w)) < 0.1, 2.0, 0.0).astype(np.float32)
    index = np.arange(h * w).reshape(h, w)
    index[:, :3] = -1  # pixels outside the grid
    disp = DisplayGrid(index=index, bounds=[[35.0, 114.5], [36.5, 116.0]])
    url = surface_png(score, rule, disp)
    assert url.startswith("data:image/png;base64,")
    img = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))
    assert img.mode == "P"  # one byte a pixel
    got = np.asarray(img.convert("RGBA")).astype(int)
    want = surface_rgba(score, rule, disp).astype(int)
    np.testing.assert_array_equal(got[..., 3], want[..., 3])  # same transparency
    shown = want[..., 3] > 0
    # 254 score classes instead of 256 colour steps: each rounds a score by at most 0.2
    # points, and the ramp changes by at most 4.4 colour units a point (109 over 25)
    assert np.abs(got[shown, :3] - want[shown, :3]).max() <= 3
    prohibited = (rule > 0) & (score >= 0)
    prohibited[:, :3] = False
    assert (got[prohibited, :3] == want[prohibited, :3]).all()  # the grey exactly
