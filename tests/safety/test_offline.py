"""Claimdesk never touches the network: import (pages with remote resources, PDF), matching, report and exports."""

from __future__ import annotations

import json

from cli.main import main

PAGE = """<html><head><title>Drones over Kyiv</title>
<link rel="stylesheet" href="https://cdn.example/site.css">
<script src="https://cdn.example/app.js"></script>
<meta property="og:site_name" content="Remote Outlet"></head>
<body><img src="http://cdn.example/photo.jpg"><iframe src="https://video.example/embed"></iframe>
<p>The air force said 45 drones were shot down overnight over Kyiv, officials said on Monday.</p>
<p>Russian forces occupied 4,168 square kilometres of Ukrainian territory in 2024, analysts said.</p>
</body></html>"""


def test_import_match_report_and_export_never_use_the_network(tmp_path, make_pdf, no_network, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "page.html").write_text(PAGE, encoding="utf-8")
    (inbox / "paper.pdf").write_bytes(make_pdf([[
        "Russian forces occupied 4,200 square kilometres of Ukrainian territory in 2024.",
        "The air force said 45 drones were shot down overnight over Kyiv.",
    ]]))
    (inbox / "note.txt").write_text(
        "Title: Note\n---\nRussia controls about 18 percent of Ukraine's territory, the ministry said.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "offline.sqlite")
    assert main(["import", "--db", db, str(inbox)]) == 0
    assert main(["match", "--db", db]) == 0
    assert main(["report", "--db", db, "--status", "all", "--out", str(tmp_path / "r.pdf")]) == 0
    assert main(["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "c.csv")]) == 0
    assert main(["export", "--db", db, "--format", "claimreview", "--status", "all",
                 "--out", str(tmp_path / "cr.json"), "--base-url", "https://checks.example.org"]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    json.loads((tmp_path / "cr.json").read_text(encoding="utf-8"))
    assert main(["check", "--db", db]) == 0
    assert no_network == []
    capsys.readouterr()
