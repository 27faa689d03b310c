"""What changed in an SKP's content between two versions (the one returned and the one
resubmitted), for the penilai who reads the resubmission.

A version is a plain list of RHK dicts, as stored in the history row of the return:
``{"id", "jenis", "uraian", "intervensi", "iki": [{"id", "aspek", "indikator", "target"}]}``.
RHK and IKI are matched by their id, so a reworded RHK is a change, not a removal and an
addition; rows without a known id are matched by their text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from skpdesk.i18n import _


class JenisPerubahan(StrEnum):
    TAMBAH = "TAMBAH"
    HAPUS = "HAPUS"
    UBAH = "UBAH"

    @property
    def label(self) -> str:
        return {
            JenisPerubahan.TAMBAH: _("Ditambah"),
            JenisPerubahan.HAPUS: _("Dihapus"),
            JenisPerubahan.UBAH: _("Diubah"),
        }[self]


@dataclass(frozen=True)
class Perubahan:
    jenis: JenisPerubahan
    bagian: str  # what changed: RHK, indikator, target, …
    rhk: str  # the RHK it belongs to (its newer text), for orientation
    lama: str = ""
    baru: str = ""


def _rapi(teks: Any) -> str:
    return " ".join(str(teks or "").split())


def _pasangkan(lama: Sequence[dict], baru: Sequence[dict], teks: str) -> tuple[
    list[tuple[dict, dict]], list[dict], list[dict]
]:
    """Pairs by id (else by text), then what only the old and only the new version hold."""
    sisa = list(baru)
    pasangan, hilang = [], []
    for item in lama:
        match = next((b for b in sisa if item.get("id") and b.get("id") == item.get("id")), None)
        if match is None:
            match = next((b for b in sisa if _rapi(b.get(teks)) == _rapi(item.get(teks))), None)
        if match is None:
            hilang.append(item)
        else:
            sisa.remove(match)
            pasangan.append((item, match))
    return pasangan, hilang, sisa


def _iki(k: dict) -> str:
    return _rapi(k.get("indikator"))


def beda_isi(lama: Sequence[dict], baru: Sequence[dict]) -> list[Perubahan]:
    """Every RHK and IKI added, removed or changed from ``lama`` to ``baru``, in reading order."""
    T, H, U = JenisPerubahan.TAMBAH, JenisPerubahan.HAPUS, JenisPerubahan.UBAH
    hasil: list[Perubahan] = []
    pasangan, _hilang, tambah = _pasangkan(lama, baru, "uraian")
    baru_dari = {id(o): n for o, n in pasangan}
    for old in lama:  # in the order the penilai read the returned version
        new = baru_dari.get(id(old))
        if new is None:
            uraian = _rapi(old.get("uraian"))
            hasil.append(Perubahan(H, _("RHK"), uraian, lama=uraian))
            for k in old.get("iki", []):
                hasil.append(Perubahan(H, _("Indikator"), uraian, lama=_iki(k)))
            continue
        nama = _rapi(new.get("uraian"))
        for key, bagian in (("uraian", _("RHK")), ("jenis", _("Jenis RHK")),
                            ("intervensi", _("RHK pimpinan yang diintervensi"))):
            if _rapi(old.get(key)) != _rapi(new.get(key)):
                hasil.append(Perubahan(U, bagian, nama, _rapi(old.get(key)), _rapi(new.get(key))))
        iki_pasangan, iki_hilang, iki_tambah = _pasangkan(
            old.get("iki", []), new.get("iki", []), "indikator")
        for k in iki_hilang:
            hasil.append(Perubahan(H, _("Indikator"), nama, lama=_iki(k)))
        for ko, kb in iki_pasangan:
            if _iki(ko) != _iki(kb):
                hasil.append(Perubahan(U, _("Indikator"), nama, _iki(ko), _iki(kb)))
            if _rapi(ko.get("aspek")) != _rapi(kb.get("aspek")):
                hasil.append(Perubahan(U, _("Aspek ({indikator})").format(indikator=_iki(kb)),
                                       nama, _rapi(ko.get("aspek")), _rapi(kb.get("aspek"))))
            if _rapi(ko.get("target")) != _rapi(kb.get("target")):
                hasil.append(Perubahan(U, _("Target ({indikator})").format(indikator=_iki(kb)),
                                       nama, _rapi(ko.get("target")), _rapi(kb.get("target"))))
        for k in iki_tambah:
            hasil.append(Perubahan(T, _("Indikator"), nama, baru=_iki(k)))
    for r in tambah:
        hasil.append(Perubahan(T, _("RHK"), _rapi(r.get("uraian")), baru=_rapi(r.get("uraian"))))
        for k in r.get("iki", []):
            hasil.append(Perubahan(T, _("Indikator"), _rapi(r.get("uraian")), baru=_iki(k)))
    return hasil
