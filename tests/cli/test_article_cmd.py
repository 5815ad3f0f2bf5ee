"""#17.5 from the command line: an unknown outlet is warned about at import, recognised where
the article names its site, and corrected with ``claimdesk article``."""

from __future__ import annotations

from cli.main import main


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_unknown_outlet_is_warned_recognised_and_corrected(tmp_path, capsys):
    db = str(tmp_path / "desk.sqlite")
    plain = tmp_path / "plain.txt"
    plain.write_text("Russia controls about 19% of Ukraine's territory, officials said in June.\n",
                     encoding="utf-8")
    signed = tmp_path / "signed.txt"
    signed.write_text("Ukraine held about 79 square miles of Kursk in March.\n\n"
                      "Read the full report at https://www.kyivledger.example/kursk\n",
                      encoding="utf-8")
    code, out, _ = _run(capsys, "import", "--db", db, str(plain), str(signed))
    assert code == 0
    plain_line = next(line for line in out.splitlines() if "plain.txt" in line)
    assert "outlet 'Unknown outlet'" in plain_line
    assert "outlet unknown: name it with claimdesk article 1 --outlet NAME" in plain_line
    signed_line = next(line for line in out.splitlines() if "signed.txt" in line)
    assert "outlet 'kyivledger.example'" in signed_line and "recognised" in signed_line

    # Importing again with --outlet is a duplicate, and says how to name the outlet.
    code, out, _ = _run(capsys, "import", "--db", db, "--outlet", "Kyiv Ledger", str(plain))
    assert "already imported (article 1); its outlet is unknown: name it with claimdesk " \
           "article 1 --outlet NAME" in out

    code, out, err = _run(capsys, "article", "--db", db, "1", "--outlet", "Kyiv Ledger",
                          "--date", "2025-06-01", "--title", "Territory in June")
    assert code == 0, err
    assert "article 1: outlet 'Unknown outlet' → 'Kyiv Ledger'" in out
    code, out, _ = _run(capsys, "article", "--db", db, "1")
    assert "outlet:  Kyiv Ledger" in out and "date:    2025-06-01" in out
    code, out, _ = _run(capsys, "info", "--db", db)
    assert "outlets:  2" in out

    code, _, err = _run(capsys, "article", "--db", db, "1", "--url", "file:///etc/passwd")
    assert code == 1 and "must start with http" in err
    code, _, err = _run(capsys, "article", "--db", db, "77", "--title", "x")
    assert code == 1 and "There is no article 77." in err
