"""The window's remembered settings, typed, over QSettings (the only place that knows the keys)."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from matching.pairs import DEFAULT_THRESHOLDS, Thresholds
from storage.audit import default_actor
from storage.backup import DEFAULT_KEEP

MATCH_BAR_RANGE = (0.25, 0.95)  # the default (0.40) sits inside: looser or stricter


class Settings:
    """Reviewer name, last import folder and the layout of the window.

    Tests pass their own QSettings (an .ini file in a temporary folder) because QSettings
    caches the per-user config location once per process.
    """

    _REVIEWER = "review/reviewer_name"
    _IMPORT_DIR = "import/last_folder"
    _ORGANISATION = "export/organisation"
    _EXPORT_DIR = "export/folder"
    _OPEN_AFTER_EXPORT = "export/open_when_done"
    _GEOMETRY = "window/geometry"
    _WINDOW_STATE = "window/state"
    _SPLITTER = "window/splitter/{}"
    _HEADER = "window/header/{}"
    _RECENT = "databases/recent"
    _BACKUP_KEEP = "backup/keep"
    _APPEARANCE = "window/appearance"
    _MATCH_BAR = "matching/text_bar"
    _MEASURES_ONCE = "measures/stated_once_too"
    RECENT_MAX = 8
    APPEARANCES = ("system", "light", "dark")

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def sync(self) -> None:
        self._store.sync()

    # -- the reviewer -----------------------------------------------------------------------
    @property
    def reviewer_name(self) -> str:
        return str(self._store.value(self._REVIEWER, "") or "").strip()

    @reviewer_name.setter
    def reviewer_name(self, name: str) -> None:
        self._store.setValue(self._REVIEWER, " ".join(name.split()))

    def actor(self) -> str:
        """The name the audit log records for this person's actions."""
        return self.reviewer_name or default_actor()

    # -- import -----------------------------------------------------------------------------
    @property
    def last_import_dir(self) -> Path | None:
        value = self._store.value(self._IMPORT_DIR, "")
        path = Path(str(value)) if value else None
        # A folder on a drive that is gone would make the file dialog open somewhere odd.
        return path if path is not None and path.is_dir() else None

    @last_import_dir.setter
    def last_import_dir(self, folder: Path) -> None:
        self._store.setValue(self._IMPORT_DIR, str(folder))

    # -- export -----------------------------------------------------------------------------
    @property
    def organisation(self) -> str:
        """The organisation named in reports and ClaimReview; empty: the reviewer's name."""
        return str(self._store.value(self._ORGANISATION, "") or "").strip()

    @organisation.setter
    def organisation(self, name: str) -> None:
        self._store.setValue(self._ORGANISATION, " ".join(name.split()))

    @property
    def export_dir(self) -> Path | None:
        value = self._store.value(self._EXPORT_DIR, "")
        path = Path(str(value)) if value else None
        return path if path is not None and path.is_dir() else None

    @export_dir.setter
    def export_dir(self, folder: Path | None) -> None:
        self._store.setValue(self._EXPORT_DIR, str(folder) if folder else "")

    @property
    def open_after_export(self) -> bool:
        value = self._store.value(self._OPEN_AFTER_EXPORT, False)
        # QSettings' ini backend gives strings back.
        return value in (True, "true", "1", 1)

    @open_after_export.setter
    def open_after_export(self, value: bool) -> None:
        self._store.setValue(self._OPEN_AFTER_EXPORT, bool(value))

    @property
    def measures_stated_once(self) -> bool:
        """Whether the Measures view also lists measures only one claim states (#19)."""
        return self._store.value(self._MEASURES_ONCE, False) in (True, "true", "1", 1)

    @measures_stated_once.setter
    def measures_stated_once(self, value: bool) -> None:
        self._store.setValue(self._MEASURES_ONCE, bool(value))

    # -- databases --------------------------------------------------------------------------
    @property
    def recent_databases(self) -> list[str]:
        """Databases opened before, most recent first (file paths or server addresses)."""
        value = self._store.value(self._RECENT, [])
        if isinstance(value, str):  # the ini backend gives a one-item list back as a string
            value = [value]
        return [str(v) for v in value or [] if str(v).strip()][: self.RECENT_MAX]

    def add_recent_database(self, location: str) -> None:
        recent = [location, *(r for r in self.recent_databases if r != location)]
        self._store.setValue(self._RECENT, recent[: self.RECENT_MAX])

    def forget_recent_database(self, location: str) -> None:
        self._store.setValue(self._RECENT, [r for r in self.recent_databases if r != location])

    @property
    def backup_keep(self) -> int:
        """How many automatic backups of each database to keep."""
        try:
            keep = int(self._store.value(self._BACKUP_KEEP, DEFAULT_KEEP))
        except (TypeError, ValueError):
            return DEFAULT_KEEP
        return keep if keep >= 1 else DEFAULT_KEEP

    @backup_keep.setter
    def backup_keep(self, keep: int) -> None:
        self._store.setValue(self._BACKUP_KEEP, max(1, int(keep)))

    # -- matching ---------------------------------------------------------------------------
    @property
    def matching_bar(self) -> float:
        """How alike two claims' words must be to be matched when no figure agrees (0..1)."""
        default = DEFAULT_THRESHOLDS.same_text
        try:
            value = float(self._store.value(self._MATCH_BAR, default))
        except (TypeError, ValueError):
            return default
        return min(max(value, MATCH_BAR_RANGE[0]), MATCH_BAR_RANGE[1])

    @matching_bar.setter
    def matching_bar(self, value: float) -> None:
        self._store.setValue(self._MATCH_BAR, round(float(value), 2))

    def matching_thresholds(self) -> Thresholds:
        """The matching bars, every "same" bar moved by as much as the person moved this one.

        Conflict bars stay: a stricter setting must not hide a conflicting figure.
        """
        delta = self.matching_bar - DEFAULT_THRESHOLDS.same_text
        if abs(delta) < 1e-9:
            return DEFAULT_THRESHOLDS
        moved = {f.name: min(max(getattr(DEFAULT_THRESHOLDS, f.name) + delta, 0.05), 0.99)
                 for f in fields(Thresholds) if f.name.startswith("same_")}
        return replace(DEFAULT_THRESHOLDS, **moved)

    # -- appearance -------------------------------------------------------------------------
    @property
    def appearance(self) -> str:
        """"system" (follow the desktop's light or dark scheme), "light" or "dark"."""
        value = str(self._store.value(self._APPEARANCE, "system") or "system")
        return value if value in self.APPEARANCES else "system"

    @appearance.setter
    def appearance(self, value: str) -> None:
        self._store.setValue(self._APPEARANCE, value if value in self.APPEARANCES else "system")

    # -- layout -----------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes(self._GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._store.setValue(self._GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes(self._WINDOW_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._store.setValue(self._WINDOW_STATE, value)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(self._SPLITTER.format(name))

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self._store.setValue(self._SPLITTER.format(name), value)

    def header_state(self, name: str) -> QByteArray | None:
        return self._bytes(self._HEADER.format(name))

    def set_header_state(self, name: str, value: QByteArray) -> None:
        self._store.setValue(self._HEADER.format(name), value)
