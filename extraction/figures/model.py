"""The Figure record: one figure found in text, with its span, value, unit and kind."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One figure found in text; see the module docstring for kinds and units."""

    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    kind: str
    qualifier: str | None = None
    value_max: float | None = None
    si_value: float | None = None
    si_unit: str | None = None
    date: str | None = None

    def to_json_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "value_max": self.value_max,
            "si_value": self.si_value,
            "si_unit": self.si_unit,
            "date": self.date,
        }

    def label(self) -> str:
        """Short human-readable form for cue lists: '110 square miles (284.9 km2)'."""
        if self.si_value is not None and self.si_unit and self.si_unit != self.unit and self.kind in ("area", "distance"):
            return f"{self.text} ({self.si_value:.1f} {self.si_unit})"
        if self.kind == "date" and self.date:
            return f"{self.text} ({self.date})"
        return self.text
