"""The pieces a desktop bundle relies on: one version, the self-test, the worker's hidden entry,
resources found from a frozen bundle's data folder, the shipped licences."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest

import cli.selftest
from appinfo import __version__
from cli.main import SANDBOX_WORKER_ARG, main
from ingest import sandbox
from ingest.sandbox import Sandbox, worker_command
from resources import resource_path

HTML = (b"<html><head><title>Worker entry</title><meta property='og:site_name' content='Test Post'>"
        b"</head><body><article><p>Russia controls about 18 percent of Ukraine, the ISW said."
        b"</p></article></body></html>")


def test_version_has_one_source(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"claimdesk {__version__}"
    # pyproject.toml reads the same attribute: the installed metadata says the same.
    assert installed_version("claimdesk") == __version__


def test_self_test_passes_and_names_every_step(capsys):
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    for name, _step in cli.selftest.STEPS:
        assert f"ok  {name}:" in out
    assert "3 articles imported (text, HTML, PDF)" in out
    assert "self-test passed" in out


def test_self_test_fails_with_a_sentence(monkeypatch):
    monkeypatch.setattr(cli.selftest, "HTML_SAMPLE", "no-such-article.txt")
    out, err = io.StringIO(), io.StringIO()
    assert cli.selftest.run_self_test(out, err) == 1
    assert "FAILED at 'parsing worker'" in err.getvalue()
    assert "no-such-article.txt is missing" in err.getvalue()
    assert "self-test passed" not in out.getvalue()


def test_self_test_leaves_the_data_folder_alone(_isolated_data_dir):
    before = sorted(_isolated_data_dir.rglob("*"))
    assert cli.selftest.run_self_test(io.StringIO(), io.StringIO()) == 0
    assert sorted(_isolated_data_dir.rglob("*")) == before
    assert os.environ["CLAIMDESK_DATA_DIR"] == str(_isolated_data_dir)


def test_worker_command_frozen_and_not(monkeypatch):
    assert worker_command() == [sys.executable, "-m", "ingest.sandbox"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker_command() == [sys.executable, SANDBOX_WORKER_ARG]
    assert sandbox.WORKER_ARG == SANDBOX_WORKER_ARG


def test_frozen_app_parses_html_through_its_hidden_worker_entry(monkeypatch):
    """As in a bundle: sys.executable is the application itself (here the console script)."""
    app = Path(sys.executable).with_name("claimdesk")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    worker = Sandbox(timeout=60)
    try:
        doc = worker.parse(HTML, "html")
        assert worker._proc is not None and worker._proc.args[:2] == [str(app), SANDBOX_WORKER_ARG]
    finally:
        worker.close()
    assert doc.title == "Worker entry"
    assert doc.outlet == "Test Post"
    assert "18 percent" in doc.text


def test_resources_come_from_the_bundle_when_frozen(monkeypatch, tmp_path):
    source = resource_path("aliases.tsv")
    assert source.is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("sample") == tmp_path / "resources" / "sample"
    assert resource_path("fonts", "DejaVuSans.ttf") == tmp_path / "resources" / "fonts" / "DejaVuSans.ttf"
    monkeypatch.setattr(sys, "frozen", False)
    assert resource_path("aliases.tsv") == source


def test_every_listed_licence_is_shipped():
    rows = [line.split("\t") for line in
            resource_path("licenses", "index.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    licences = {component: (licence, resource_path(*path.split("/"))) for component, licence, path in rows}
    assert licences["Claimdesk"][0] == "GPL-3.0-or-later"
    assert licences["Qt 6, PySide6 and Shiboken6"][0].startswith("LGPL-3.0")
    for _component, (_licence, path) in licences.items():
        assert path.is_file() and path.stat().st_size > 500, path
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in licences["Qt 6, PySide6 and Shiboken6"][1].read_text()
    assert "ReportLab" in licences["ReportLab"][1].read_text()
    assert "Bitstream" in licences["DejaVu fonts"][1].read_text()


def test_startup_probe_quits_after_the_first_show(tmp_path):
    """The hook packaging/README.md uses to time the bundle's start-up (no timing asserted)."""
    from storage.schema import open_database

    open_database(tmp_path / "probe.sqlite").dispose()
    env = dict(os.environ, CLAIMDESK_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen")
    exe = Path(sys.executable).with_name("claimdesk")
    result = subprocess.run([str(exe), "--db", str(tmp_path / "probe.sqlite")], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "startup: main window shown" in result.stdout


def test_every_runtime_dependency_has_its_licence_listed():
    """What `pip install .` brings (the bundle ships all of it) is named in the licence index."""
    from importlib.metadata import distribution

    from packaging.requirements import Requirement

    def norm(name: str) -> str:
        return name.lower().replace("-", "_").replace(".", "_")

    seen: set[str] = set()
    todo = [("claimdesk", frozenset())]
    while todo:
        name, extras = todo.pop()
        key = norm(name)
        if key in seen:
            continue
        seen.add(key)
        for line in distribution(name).requires or []:
            req = Requirement(line)
            env_extras = extras or {""}
            if req.marker and not any(req.marker.evaluate({"extra": e}) for e in env_extras):
                continue
            todo.append((req.name, frozenset(req.extras)))
    listed = {norm(Path(line.split("\t")[2]).stem) for line in
              resource_path("licenses", "index.tsv").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")}
    covered_by_qt_row = {"pyside6_essentials", "shiboken6"}
    missing = seen - listed - covered_by_qt_row - {"claimdesk"}
    assert not missing, f"run packaging/collect_licenses.py after adding {sorted(missing)}"
