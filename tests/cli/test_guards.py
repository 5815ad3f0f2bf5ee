"""#17.10-12: search says "no matches", a closed pipe ends a command quietly, read-only commands
create nothing, and no display is said in a sentence instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.guards import NO_DISPLAY, display_problem
from cli.main import main
from storage.schema import open_database


def test_search_without_matches_says_so(tmp_path, capsys):
    path = tmp_path / "empty.sqlite"
    open_database(path).dispose()
    assert main(["search", "--db", str(path), "київ"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "no matches for “київ”" in err


@pytest.mark.parametrize("command", [["info"], ["check"], ["search", "kiev"],
                                     ["report", "--out", "{tmp}/x.pdf"],
                                     ["export", "--format", "csv", "--out", "{tmp}/x.csv"],
                                     ["verdict", "1", "--show"], ["config"],
                                     ["checked", "Minsk"], ["article", "1"], ["backup"]])
def test_read_only_commands_create_nothing(tmp_path, capsys, command):
    missing = tmp_path / "no" / "such" / "dir" / "x.sqlite"
    rest = [a.replace("{tmp}", str(tmp_path)) for a in command[1:]]
    assert main([command[0], "--db", str(missing), *rest]) == 1
    err = capsys.readouterr().err
    assert f"there is no database at {missing} (nothing was created)" in err
    assert not (tmp_path / "no").exists() and not list(tmp_path.glob("x.*"))


READ_ONLY = [["info"], ["check"], ["search", "kiev"], ["report", "--out", "{tmp}/x.pdf"],
             ["export", "--format", "csv", "--out", "{tmp}/x.csv"], ["checked", "Minsk"],
             ["verdict", "1", "--show"], ["config"], ["article", "1"], ["backup"],
             ["backup", "--list"], ["measures"]]


@pytest.mark.parametrize("command", READ_ONLY)
def test_read_only_commands_create_no_default_database(tmp_path, monkeypatch, capsys, command):
    data = tmp_path / "data" / "Claimdesk"
    monkeypatch.setenv("CLAIMDESK_DATA_DIR", str(data))
    rest = [a.replace("{tmp}", str(tmp_path)) for a in command[1:]]
    assert main([command[0], *rest]) == 1
    err = capsys.readouterr().err
    assert f"there is no database at {data / 'claimdesk.sqlite'} yet (nothing was created)" in err
    assert not (tmp_path / "data").exists() and not list(tmp_path.glob("x.*"))


def test_a_closed_pipe_ends_a_printing_command_quietly(tmp_path):
    lines = [f"Russia controls {n}% of Ukraine's territory, the ministry said on Monday."
             for n in range(1, 2500)]
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(lines), encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "extract", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=300)
    assert first.strip()
    assert "Traceback" not in err and "BrokenPipeError" not in err


def test_no_display_is_a_sentence(monkeypatch, capsys):
    assert display_problem({}, "linux") == NO_DISPLAY
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["gui"]) == 1
    assert capsys.readouterr().err.strip() == f"claimdesk: {NO_DISPLAY}"
