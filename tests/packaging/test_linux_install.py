"""packaging/linux: the desktop entry and AppStream metadata are valid, and install.sh puts a
bundle, its menu entry and icons in place for one user and removes them again."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from resources import resource_path

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
ID = "org.claimdesk.Claimdesk"
SIZES = (16, 32, 48, 64, 128, 256, 512)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux packaging")


def test_icons_exist_in_every_size():
    from PySide6.QtGui import QImage

    assert resource_path("icons", "claimdesk.svg").read_text().lstrip().startswith("<?xml")
    for size in SIZES:
        image = QImage(str(resource_path("icons", f"claimdesk-{size}.png")))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def test_desktop_entry_names_the_icon_and_the_command():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / f"{ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "claimdesk"
    assert section["Icon"] == ID
    assert section["Type"] == "Application"
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(LINUX / f"{ID}.desktop")],
                                capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_is_valid_and_names_this_version():
    from appinfo import __version__

    text = (LINUX / f"{ID}.metainfo.xml").read_text(encoding="utf-8")
    assert f"<id>{ID}</id>" in text
    assert f'<release version="{__version__}"' in text
    assert f"<launchable type=\"desktop-id\">{ID}.desktop</launchable>" in text
    if shutil.which("appstreamcli"):
        result = subprocess.run(["appstreamcli", "validate", "--no-net",
                                 str(LINUX / f"{ID}.metainfo.xml")], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_install_and_uninstall_for_one_user(tmp_path):
    # A bundle folder as `make dist` lays it out (the program itself is a small stand-in here:
    # building the real one belongs to CI, not to the test suite).
    bundle = tmp_path / "claimdesk"
    shutil.copytree(resource_path("icons"), bundle / "_internal" / "resources" / "icons")
    for name in ("install.sh", f"{ID}.desktop", f"{ID}.metainfo.xml"):
        shutil.copy2(LINUX / name, bundle / name)
    program = bundle / "claimdesk"
    program.write_text("#!/bin/sh\necho claimdesk from the bundle\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home))
    env.pop("XDG_DATA_HOME", None)

    subprocess.run(["sh", str(bundle / "install.sh")], env=env, check=True, capture_output=True)
    prefix, data = home / ".local" / "lib" / "claimdesk", home / ".local" / "share"
    link = home / ".local" / "bin" / "claimdesk"
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout.strip() == \
        "claimdesk from the bundle"
    desktop = (data / "applications" / f"{ID}.desktop").read_text()
    assert f'Exec="{prefix}/claimdesk"' in desktop
    assert (data / "metainfo" / f"{ID}.metainfo.xml").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{ID}.svg").is_file()
    for size in SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{ID}.png").is_file()

    subprocess.run(["sh", str(prefix / "install.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True)
    assert not prefix.exists() and not link.exists()
    assert not (data / "applications" / f"{ID}.desktop").exists()
    assert not list((data / "icons").rglob(f"{ID}.*"))
