"""Schema of <tahun>/dilaporkan.csv: figures as printed in the published reports, kept only to
be compared with what the portal computes (docs/domain.md §3.10)."""

from __future__ import annotations

from generator.model.types import OptionalText, Schema, Text


class BarisDilaporkan(Schema):
    """One printed figure: its register address, the value exactly as printed (Indonesian
    format: `100,36`, `Rp1.823.687.636`, `B`), where it was printed, an optional note."""

    alamat: Text
    nilai: Text
    tempat: Text
    catatan: OptionalText = None
