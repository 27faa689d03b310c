"""SKP content rules (PermenPANRB 6/2022): RHK kinds, aspects, targets, completeness."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from skpdesk.i18n import _


class JenisRHK(StrEnum):
    UTAMA = "UTAMA"
    TAMBAHAN = "TAMBAHAN"

    @property
    def label(self) -> str:
        return _("Kinerja Utama") if self is JenisRHK.UTAMA else _("Kinerja Tambahan")


class Aspek(StrEnum):
    KUANTITAS = "KUANTITAS"
    KUALITAS = "KUALITAS"
    WAKTU = "WAKTU"
    BIAYA = "BIAYA"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Pendekatan(StrEnum):
    KUANTITATIF = "KUANTITATIF"
    KUALITATIF = "KUALITATIF"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Perspektif(StrEnum):
    """Balanced-scorecard perspectives of SKP JPT rows (docs/domain.md §2.2)."""

    PENERIMA_LAYANAN = "Penerima Layanan"
    PROSES_BISNIS = "Proses Bisnis"
    PENGUATAN_INTERNAL = "Penguatan Internal"
    ANGGARAN = "Anggaran"


@dataclass(frozen=True)
class Target:
    minimum: Decimal
    maksimum: Decimal
    satuan: str

    @property
    def rentang(self) -> bool:
        return self.minimum != self.maksimum


_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_TARGET = re.compile(
    rf"^\s*({_NUMBER})\s*(?:(?:-|–|—|s\.?d\.?|sampai)\s*({_NUMBER}))?\s*$", re.IGNORECASE
)


def angka(text: str) -> Decimal:
    """An Indonesian-typed number: "12,5", "1.250", "1.250,75", or "12.5" as people also type."""
    s = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        raise ValueError(_("Target harus berupa angka.")) from None


def parse_target(text: str, satuan: str) -> Target:
    """A target typed as a number or a range ("80–90", "80 s.d. 90") with its satuan."""
    if not (text or "").strip():
        raise ValueError(_("Target wajib diisi."))
    match = _TARGET.match(text)
    if match is None:
        raise ValueError(
            _(
                "Target harus berupa angka, atau rentang seperti 80–90 (yang diketik: {text})."
            ).format(text=text.strip())
        )
    low = angka(match.group(1))
    high = angka(match.group(2)) if match.group(2) else low
    if low < 0:
        raise ValueError(_("Target tidak boleh negatif."))
    if high < low:
        raise ValueError(_("Batas atas rentang target lebih kecil dari batas bawah."))
    if not satuan.strip():
        raise ValueError(_("Satuan target wajib diisi (misalnya Dokumen, %, Bulan)."))
    return Target(low, high, satuan.strip())


@dataclass(frozen=True)
class IsianIKI:
    """An IKI as the editor holds it, before it is stored."""

    aspek: str
    indikator: str
    target: str  # as typed
    satuan: str
    id: uuid.UUID | None = None  # None for a new row


@dataclass(frozen=True)
class IsianRHK:
    jenis: str
    uraian: str
    iki: Sequence[IsianIKI] = ()
    ukuran_keberhasilan: str = ""  # kualitatif narrative
    intervensi_id: uuid.UUID | None = None  # the RHK pimpinan yang diintervensi
    penugasan: str = ""
    perspektif: str = ""
    id: uuid.UUID | None = None


LAMPIRAN_BAGIAN: tuple[tuple[str, str], ...] = (
    ("dukungan_sumber_daya", "DUKUNGAN SUMBER DAYA"),
    ("skema_pertanggungjawaban", "SKEMA PERTANGGUNGJAWABAN"),
    ("konsekuensi", "KONSEKUENSI"),
)


def periksa_untuk_diajukan(pendekatan: Pendekatan, rhk: Sequence[IsianRHK]) -> list[str]:
    """Every reason the SKP cannot be submitted yet, in words; empty when it can."""
    faults: list[str] = []
    if not any(r.jenis == JenisRHK.UTAMA for r in rhk):
        faults.append(_("SKP harus memiliki minimal satu Rencana Hasil Kerja utama."))
    for n, r in enumerate(rhk, start=1):
        name = _("RHK {n}").format(n=n)
        if not r.uraian.strip():
            faults.append(_("{rhk}: uraian rencana hasil kerja masih kosong.").format(rhk=name))
        if pendekatan is Pendekatan.KUALITATIF:
            if not r.ukuran_keberhasilan.strip() and not r.iki:
                faults.append(
                    _("{rhk}: ukuran keberhasilan/IKI dan target belum diisi.").format(rhk=name)
                )
            continue
        if not r.iki:
            faults.append(_("{rhk}: belum ada indikator kinerja individu (IKI).").format(rhk=name))
        for m, iki in enumerate(r.iki, start=1):
            where = _("{rhk}, IKI {m}").format(rhk=name, m=m)
            if not iki.indikator.strip():
                faults.append(_("{where}: indikator masih kosong.").format(where=where))
            try:
                parse_target(iki.target, iki.satuan)
            except ValueError as exc:
                faults.append(f"{where}: {exc}")
    return faults


def periksa_kegiatan_pp46(kegiatan: Sequence[tuple[str, Decimal | None]]) -> list[str]:
    """Why a PP 46/2011 SKP cannot be submitted yet: no kegiatan, or one without a target.

    ``kegiatan`` is (uraian, target kuantitas) per row of the Formulir SKP (docs/domain.md §4.1).
    """
    faults = [] if kegiatan else [_("Belum ada kegiatan tugas jabatan.")]
    faults += [
        _("Kegiatan \u201c{k}\u201d belum memiliki target kuantitas/output.").format(k=uraian)
        for uraian, target in kegiatan
        if not target
    ]
    return faults
