"""#17.6 in the window: an export that names the publisher asks for the organisation first,
and ClaimReview needs the real address of the published checks; never the OS user."""

from __future__ import annotations

import getpass

from desktop.controllers.exports import ExportKind, ExportRequest
from storage import settings as desk


def test_first_export_asks_for_the_organisation_then_uses_it(drive, db, qtbot, settings,
                                                            tmp_path, monkeypatch):
    for name in ("CLAIMDESK_ORGANISATION", "CLAIMDESK_AUTHOR", "CLAIMDESK_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    exports = drive.exports()
    errors: list[str] = []
    exports.error.connect(errors.append)
    out = tmp_path / "b.pdf"
    with qtbot.waitSignal(exports.organisationNeeded):
        exports.run(ExportRequest(ExportKind.BRIEFING, out, "all", False))
    assert "Set your organisation first" in errors[-1] and not out.exists()
    assert exports.publisher().organisation != getpass.getuser()

    with db.write() as s:
        desk.set_setting(s, desk.ORGANISATION, "Kyiv Fact Desk", actor="t")
    assert exports.publisher().organisation == "Kyiv Fact Desk"
    with qtbot.waitSignal(exports.organisationNeeded):
        exports.run(ExportRequest(ExportKind.CLAIMREVIEW, tmp_path / "r.json", "all", False))
    assert "address of your published checks" in errors[-1]
    with db.write() as s:
        desk.set_setting(s, desk.BASE_URL, "https://checks.kyivdesk.example", actor="t")
    assert exports.missing_identity(ExportKind.CLAIMREVIEW, exports.publisher()) is None
