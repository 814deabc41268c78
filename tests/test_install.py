"""Installable like a library: the wheel, in a new venv, works from an empty directory.

The wheel is built from this checkout and installed by pip with ``--no-deps``
into a fresh virtual environment; the third-party dependencies come from the test
environment through a ``.pth`` line (so the test needs no network), while
``geoapp`` itself — code, layer declarations, shipped data, app pages and map
assets — is only the wheel's. Every command runs in an empty temporary
directory, far from the checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import urllib.request
import zipfile
from pathlib import Path

import pytest

from geoapp.app.serve import free_port, wait_healthy

pytestmark = pytest.mark.install

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("install")
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(ROOT)],
        check=True, cwd=work,
    )  # fmt: skip
    wheel = next(dist.glob("geoapp-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True, cwd=work,
    )  # fmt: skip
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
    )  # fmt: skip
    entry = venv / "bin" / "geoapp"
    deps = sysconfig.get_paths()["purelib"]  # the test venv's third-party packages
    (site / "zz_geoapp_test_deps.pth").write_text(deps + "\n", encoding="utf-8")
    empty = work / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GEOAPP_", "PYTHONPATH"))}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return {"wheel": wheel, "py": py, "geoapp": entry, "cwd": empty, "env": env}


def _run(inst, *args, **kw):
    return subprocess.run(
        [str(inst["geoapp"]), *args], cwd=inst["cwd"], env=inst["env"],
        capture_output=True, text=True, timeout=300, **kw,
    )  # fmt: skip


def test_the_wheel_carries_data_pages_and_assets(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    for needed in ("counties.geojson", "projects.geojson", "counties.toml", "chains.csv",
                   "overview.py", "siting.py", "ui_en.toml", "messages.toml", "report_site.html"):  # fmt: skip
        assert any(n.endswith("/" + needed) for n in names), needed
    where = subprocess.run(
        [str(installed["py"]), "-c", "import geoapp; print(geoapp.__file__)"],
        cwd=installed["cwd"], env=installed["env"], capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert str(ROOT) not in where and "venv" in where
    home = subprocess.run(
        [str(installed["py"]), "-c", "from geoapp.settings import ROOT; print(ROOT)"],
        cwd=installed["cwd"], env=installed["env"], capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert Path(home).name == "_home" and "venv" in home  # the wheel's copy of layers/ and data/
    # one copy in git: the wheel's data are the top-level folders' files, byte for byte
    wheel = zipfile.ZipFile(installed["wheel"])
    for top in ("layers/projects.toml", "data/projects.geojson", "data/seed_tables/targets.csv"):
        assert wheel.read(f"geoapp/_home/{top}") == (ROOT / top).read_bytes(), top


def test_every_package_folder_is_in_the_wheel():
    """pyproject's explicit package list names every folder of geoapp/ that holds modules."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    folders = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "geoapp").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert folders - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_layers_and_site_from_an_empty_directory(installed):
    res = _run(installed, "layers")
    assert res.returncode == 0, res.stderr
    assert "counties" in res.stdout and "projects" in res.stdout
    site = _run(installed, "site", "--lon", "115.03", "--lat", "35.76", "--chain", "聚碳新材料")
    assert site.returncode == 0, site.stderr
    assert "Verdict" in site.stdout


def test_report_on_a_gbk_csv_from_an_empty_directory(installed):
    src = installed["cwd"] / "候选.csv"
    src.write_bytes("名称,经度,纬度,产业链\n甲地块,115.03,35.76,聚碳新材料\n".encode("gbk"))
    res = _run(installed, "report", src.name, "-o", "报告")
    assert res.returncode == 0, res.stderr
    out = installed["cwd"] / "报告"
    assert (out / "index.html").exists() and (out / "summary.csv").exists()
    assert "甲地块" in (out / "summary.csv").read_text(encoding="utf-8-sig")
    src.unlink()


def test_app_serves_from_the_installed_package(installed):
    port = free_port()
    log_path = installed["cwd"].parent / "app.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [str(installed["geoapp"]), "app", "--port", str(port)],
        cwd=installed["cwd"], env=installed["env"], stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc, log=log_path)  # raises with the log
        url = f"http://127.0.0.1:{port}/app/static/vendor/cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
        with urllib.request.urlopen(url) as r:  # the offline map assets are served
            assert r.status == 200 and b"Leaflet" in r.read(2000)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    with pytest.raises(OSError):  # stopping `geoapp app` stopped its server: no orphan
        urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5)
