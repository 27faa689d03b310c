"""The archive of generated documents: record a file, attach the signed scan, mark it signed.

Rendering lives in ``documents/`` (above this layer); it hands the finished bytes here, and this
service writes the file and its archive row and history row together.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import peewee as pw

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.domain.nip import format_nip
from skpdesk.domain.pengukuran import label_triwulan
from skpdesk.domain.workflow import Pihak
from skpdesk.i18n import _
from skpdesk.services import pengukuran as pengukuran_service
from skpdesk.services.context import Aktor, catat, now, wajib
from skpdesk.services.errors import TidakDitemukan, ValidasiGagal
from skpdesk.services.skp import pihak_pada
from skpdesk.store.database import data_dir, sqlite_path
from skpdesk.store.models import (
    SKP,
    Dokumen,
    Evaluasi,
    Pegawai,
    PengukuranKinerja,
    PerjanjianKinerja,
    UnitKerja,
    db,
)

FOLDER_ARSIP = "dokumen"
MAKS_SCAN = 10 * 1024 * 1024
# Who may make, sign off and attach: the document's own people and the personnel office.
PIHAK_DOKUMEN = frozenset(
    {Pihak.PEGAWAI, Pihak.PEJABAT_PENILAI, Pihak.PENGADMINISTRASI_KEPEGAWAIAN}
)
# An office's quarterly report belongs to no SKP: its row has no skp/pegawai, only entitas/_id.
FOLDER_PENGUKURAN = "pengukuran"


class StatusDokumen(StrEnum):
    DIBUAT = "DIBUAT"
    DITANDATANGANI = "DITANDATANGANI"

    @property
    def label(self) -> str:
        return {
            StatusDokumen.DIBUAT: _("Dibuat"),
            StatusDokumen.DITANDATANGANI: _("Ditandatangani"),
        }[self]


def folder_data() -> Path:
    """The folder beside the open SQLite file, else the per-user data folder.

    Keeping documents next to the database means a copy of that folder carries both.
    """
    path = sqlite_path(db.obj) if db.obj is not None else None
    folder = path.parent if path is not None else data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def path_berkas(relatif: str) -> Path:
    return folder_data() / Path(*relatif.split("/"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ambil(dokumen_id: uuid.UUID) -> Dokumen:
    found = Dokumen.get_or_none(Dokumen.id == dokumen_id)
    if found is None:
        raise TidakDitemukan(_("Dokumen tidak ditemukan di arsip."))
    return found


def _skp(skp_id: uuid.UUID | None) -> SKP:
    skp = SKP.get_or_none(SKP.id == skp_id) if skp_id is not None else None
    if skp is None:
        raise TidakDitemukan(_("SKP tidak ditemukan."))
    return skp


def boleh_mengelola(aktor: Aktor, skp: SKP) -> bool:
    return bool(pihak_pada(aktor, skp) & PIHAK_DOKUMEN)


def periksa_hak(aktor: Aktor, skp_id: uuid.UUID) -> SKP:
    """The pegawai of the SKP, its pejabat penilai, or the pengadministrasi kepegawaian."""
    skp = _skp(skp_id)
    wajib(
        boleh_mengelola(aktor, skp),
        _(
            "Dokumen SKP {nama} hanya dapat dibuat dan dikelola oleh pegawai yang "
            "bersangkutan, pejabat penilainya, atau pengadministrasi kepegawaian."
        ).format(nama=(skp.snapshot or {}).get("pegawai", {}).get("nama", "")),
    )
    return skp


def _pengukuran(entitas_id: uuid.UUID | str | None) -> PengukuranKinerja:
    try:
        key = uuid.UUID(str(entitas_id))
    except ValueError:
        raise TidakDitemukan(_("Pengukuran kinerja tidak ditemukan.")) from None
    return pengukuran_service.ambil(key)


def boleh_mengelola_pengukuran(aktor: Aktor, pengukuran: PengukuranKinerja) -> bool:
    """A part in the chain (Camat, Sekretaris, Kasubbag, pelaksana, Kasi), the perencana, or
    the personnel office."""
    return (
        aktor.punya(Peran.PERENCANA)
        or aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN)
        or bool(pengukuran_service.peran_pada(aktor, pengukuran))
    )


def nama_pengukuran(pengukuran: PengukuranKinerja) -> str:
    pk = pengukuran.pk
    return _("Pengukuran Kinerja {unit} {triwulan} {tahun}").format(
        unit=pk.unit.nama, triwulan=label_triwulan(pengukuran.triwulan), tahun=pk.tahun
    )


def periksa_hak_pengukuran(aktor: Aktor, entitas_id: uuid.UUID | str | None) -> PengukuranKinerja:
    pengukuran = _pengukuran(entitas_id)
    wajib(
        boleh_mengelola_pengukuran(aktor, pengukuran),
        _(
            "Dokumen {nama} hanya dapat dibuat dan dikelola oleh pihak dalam rantai "
            "pengukurannya, perencana, atau pengadministrasi kepegawaian."
        ).format(nama=nama_pengukuran(pengukuran)),
    )
    return pengukuran


def milik_pengukuran(entitas: str, skp_id: uuid.UUID | None) -> bool:
    return skp_id is None and entitas == Entitas.PENGUKURAN_KINERJA


def periksa_hak_rekaman(
    aktor: Aktor, entitas: str, entitas_id: uuid.UUID | str | None, skp_id: uuid.UUID | None
) -> SKP | PengukuranKinerja:
    """Rights on the record a document prints: its SKP, or the office's measurement chain."""
    if milik_pengukuran(entitas, skp_id):
        return periksa_hak_pengukuran(aktor, entitas_id)
    return periksa_hak(aktor, skp_id)


def periksa_hak_dokumen(aktor: Aktor, dok: Dokumen) -> SKP | PengukuranKinerja:
    return periksa_hak_rekaman(aktor, dok.entitas, dok.entitas_id, dok.skp_id)


def versi_rekaman(dok: Dokumen) -> int | None:
    """The current data version of the record the document was made from."""
    if dok.entitas == Entitas.EVALUASI:
        found = Evaluasi.get_or_none(Evaluasi.id == _uuid(dok.entitas_id))
        return found.versi if found is not None else None
    if dok.skp_id is not None:
        return dok.skp.versi
    if dok.entitas == Entitas.PENGUKURAN_KINERJA:
        found = PengukuranKinerja.get_or_none(PengukuranKinerja.id == _uuid(dok.entitas_id))
        return found.versi if found is not None else None
    return None


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _tulis(target: Path, data: bytes) -> None:
    """Write through a temporary name so that a crash never leaves half a file in the archive."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)


def _relatif(path: Path) -> str:
    return path.relative_to(folder_data()).as_posix()


def simpan_dokumen(
    aktor: Aktor,
    *,
    jenis: str,
    skp_id: uuid.UUID | None,
    isi: bytes,
    versi_data: int,
    entitas: str = Entitas.SKP,
    entitas_id: uuid.UUID | str | None = None,
    periode: str = "",
    ukuran_kertas: str = "A4",
    templat: str = "",
    data_cetak: dict[str, Any] | None = None,
    dokumen_id: uuid.UUID | None = None,
    ekstensi: str = "docx",
) -> Dokumen:
    """File a generated document: the file under the data folder, its row, its history row.

    ``versi_data`` is the record's version the bytes were made from; if the record changed
    meanwhile the document is refused (it would show data that is no longer the SKP's).
    An office's Pengukuran Kinerja (``entitas`` "PengukuranKinerja", no ``skp_id``) is filed
    under its chain, with the measurement's ``versi``, and no SKP or pegawai.
    """
    dokumen_id = dokumen_id or uuid.uuid4()
    with db.atomic():
        skp: SKP | None = None
        pegawai: Pegawai | None = None
        if milik_pengukuran(entitas, skp_id):
            pengukuran = periksa_hak_pengukuran(aktor, entitas_id)
            if pengukuran.versi != versi_data:
                raise ValidasiGagal({"versi": _(
                    "Data pengukuran kinerja berubah saat dokumen dibuat; buat ulang dokumennya."
                )})
            tahun = pengukuran.pk.tahun
            entitas_id = pengukuran.id
            folder = folder_data() / FOLDER_ARSIP / str(tahun) / FOLDER_PENGUKURAN
            stem_parts: tuple[str, ...] = (jenis, str(tahun), periode)
        else:
            skp = periksa_hak(aktor, skp_id)
            # An evaluation's forms follow the evaluation's own version, the rest the SKP's.
            evaluasi = (
                Evaluasi.get_or_none(Evaluasi.id == _uuid(str(entitas_id)))
                if entitas == Entitas.EVALUASI
                else None
            )
            current = evaluasi.versi if evaluasi is not None else skp.versi
            if current != versi_data:
                raise ValidasiGagal(
                    {"versi": _("Data SKP berubah saat dokumen dibuat; buat ulang dokumennya.")}
                )
            pegawai = skp.pegawai
            tahun = skp.tahun
            entitas_id = entitas_id or skp.id
            folder = folder_data() / FOLDER_ARSIP / str(tahun) / pegawai.nip
            stem_parts = (jenis, pegawai.nip, str(tahun), periode)
        stem = "_".join(
            part for part in (*stem_parts, f"v{versi_data}", str(dokumen_id)[:8]) if part
        )
        target = folder / f"{stem}.{ekstensi}"
        _tulis(target, isi)
        try:
            dok = Dokumen.create(
                id=dokumen_id,
                jenis=jenis,
                entitas=entitas,
                entitas_id=str(entitas_id),
                skp=skp,
                pegawai=pegawai,
                tahun=tahun,
                periode=periode,
                versi_data=versi_data,
                dibuat=now(),
                dibuat_oleh=aktor.akun_id,
                dibuat_oleh_nama=aktor.nama,
                sha256=sha256(isi),
                path=_relatif(target),
                ukuran_kertas=ukuran_kertas,
                templat=templat,
                status=StatusDokumen.DIBUAT.value,
                data_cetak=data_cetak,
            )
            catat(
                aktor,
                Entitas.DOKUMEN,
                dok.id,
                "buat",
                ke=dok.status,
                rincian={
                    "jenis": jenis,
                    "skp": str(skp.id) if skp is not None else None,
                    "entitas": entitas,
                    "entitas_id": str(entitas_id),
                    "versi_data": versi_data,
                    "sha256": dok.sha256,
                    "path": dok.path,
                    "templat": templat,
                },
            )
        except BaseException:
            target.unlink(missing_ok=True)
            raise
    return dok


def jenis_scan(data: bytes) -> str | None:
    """"pdf", "png" or "jpg" from the content itself; the file name may lie."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    return None


def lampirkan_scan(aktor: Aktor, dokumen_id: uuid.UUID, isi: bytes) -> Dokumen:
    """Attach the scan or photo of the signed paper (PDF, JPG or PNG, at most 10 MB).

    A new scan replaces the reference; the earlier file stays on disk, and the history keeps
    its hash.
    """
    if len(isi) > MAKS_SCAN:
        raise ValidasiGagal(
            {
                "scan": _(
                    "Berkas pindaian terlalu besar ({mb:.1f} MB); batasnya {maks} MB. Pindai "
                    "ulang dengan resolusi lebih rendah (150–200 dpi cukup)."
                ).format(mb=len(isi) / 1024 / 1024, maks=MAKS_SCAN // 1024 // 1024)
            }
        )
    kind = jenis_scan(isi)
    if kind is None:
        raise ValidasiGagal({"scan": _("Berkas pindaian harus berupa PDF, JPG atau PNG.")})
    with db.atomic():
        dok = ambil(dokumen_id)
        periksa_hak_dokumen(aktor, dok)
        before = dok.scan_sha256
        digest = sha256(isi)
        doc_path = path_berkas(dok.path)
        target = doc_path.with_name(f"{doc_path.stem}_scan_{digest[:8]}.{kind}")
        _tulis(target, isi)
        try:
            dok.scan_path = _relatif(target)
            dok.scan_sha256 = digest
            dok.scan_ukuran = len(isi)
            dok.scan_jenis = kind
            dok.save()
            catat(
                aktor,
                Entitas.DOKUMEN,
                dok.id,
                "lampirkan_scan",
                dari=before,
                ke=digest,
                rincian={"path": dok.scan_path, "ukuran": len(isi), "jenis": kind},
            )
        except BaseException:
            if before != digest:
                target.unlink(missing_ok=True)
            raise
    return dok


def tandai_ditandatangani(aktor: Aktor, dokumen_id: uuid.UUID, catatan: str = "") -> Dokumen:
    """The paper was signed: the document stays tied to the data version it was printed from."""
    with db.atomic():
        dok = ambil(dokumen_id)
        periksa_hak_dokumen(aktor, dok)
        if dok.status == StatusDokumen.DITANDATANGANI:
            raise ValidasiGagal({"status": _("Dokumen ini sudah ditandai ditandatangani.")})
        dari = dok.status
        dok.status = StatusDokumen.DITANDATANGANI.value
        dok.ditandatangani = now()
        dok.save()
        current = versi_rekaman(dok)
        catat(
            aktor,
            Entitas.DOKUMEN,
            dok.id,
            "tandatangani",
            dari=dari,
            ke=dok.status,
            catatan=catatan.strip(),
            rincian={"versi_data": dok.versi_data, "versi_saat_ini": current},
        )
    return dok


def berkas_utuh(dok: Dokumen) -> bool:
    """The file on disk is still the one archived (its SHA-256 matches)."""
    path = path_berkas(dok.path)
    return path.is_file() and sha256(path.read_bytes()) == dok.sha256


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisDokumen:
    """One row of the archive view."""

    dokumen: Dokumen
    nama_pegawai: str
    nip: str
    kedaluwarsa: bool  # the record changed after this document was made

    @property
    def status_label(self) -> str:
        return StatusDokumen(self.dokumen.status).label

    @property
    def pemilik(self) -> str:
        """"Name — NIP" of the pegawai, or the unit and quarter of an office's report."""
        return f"{self.nama_pegawai} — {format_nip(self.nip)}" if self.nip else self.nama_pegawai


def _pengukuran_terlihat(aktor: Aktor) -> list[str] | None:
    """The chains whose documents this person sees: None for all of them."""
    if aktor.punya(Peran.PERENCANA) or aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN):
        return None
    return [str(p.id) for p in pengukuran_service.pengukuran_terlibat(aktor)]


def _pengukuran_dengan_unit(word: str) -> list[str]:
    query = (
        PengukuranKinerja.select(PengukuranKinerja.id)
        .join(PerjanjianKinerja)
        .join(UnitKerja)
        .where(UnitKerja.nama.contains(word))
    )
    return [str(p.id) for p in query]


def daftar_dokumen(
    aktor: Aktor | None = None,
    *,
    pegawai_id: uuid.UUID | None = None,
    tahun: int | None = None,
    periode: str | None = None,
    jenis: str | None = None,
    status: str | None = None,
    cari: str = "",
) -> list[BarisDokumen]:
    """The archive, newest first; with an ``aktor`` who is not the personnel office, only the
    documents of SKPs where that person is the pegawai or the pejabat penilai, and the
    Pengukuran Kinerja of chains where he plays a part (the perencana sees them all)."""
    query = (
        Dokumen.select(Dokumen, SKP, Pegawai)
        .join(SKP, pw.JOIN.LEFT_OUTER, on=(Dokumen.skp == SKP.id))
        .switch(Dokumen)
        .join(Pegawai, pw.JOIN.LEFT_OUTER, on=(Dokumen.pegawai == Pegawai.id))
    )
    if aktor is not None and not aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN):
        office = Dokumen.skp.is_null() & (Dokumen.entitas == Entitas.PENGUKURAN_KINERJA)
        chains = _pengukuran_terlihat(aktor)
        if chains is not None:
            office &= Dokumen.entitas_id.in_(chains)
        if aktor.pegawai_id is None:
            if chains is not None:
                return []
            query = query.where(office)
        else:
            query = query.where(
                (SKP.pegawai == aktor.pegawai_id) | (SKP.penilai == aktor.pegawai_id) | office
            )
    if pegawai_id is not None:
        query = query.where(Dokumen.pegawai == pegawai_id)
    if tahun is not None:
        query = query.where(Dokumen.tahun == tahun)
    if periode is not None:
        query = query.where(Dokumen.periode == periode)
    if jenis:
        query = query.where(Dokumen.jenis == jenis)
    if status:
        query = query.where(Dokumen.status == status)
    words = cari.split()
    for word in words:
        query = query.where(
            Pegawai.nama.contains(word) | Pegawai.nip.contains(word)
            | Dokumen.jenis.contains(word) | Dokumen.sha256.startswith(word.lower())
            | Dokumen.entitas_id.in_(_pengukuran_dengan_unit(word))
        )
    found = list(query.order_by(Dokumen.dibuat.desc(), Dokumen.id))
    # The office's reports: their chains in one query.
    keys = {k for d in found if d.skp_id is None and (k := _uuid(d.entitas_id)) is not None}
    rantai = {
        str(p.id): p
        for p in PengukuranKinerja.select(PengukuranKinerja, PerjanjianKinerja, UnitKerja)
        .join(PerjanjianKinerja).join(UnitKerja).where(PengukuranKinerja.id.in_(list(keys)))
    } if keys else {}
    ev_keys = {
        k for d in found if d.entitas == Entitas.EVALUASI and (k := _uuid(d.entitas_id))
    }
    versi_evaluasi = {
        str(e.id): e.versi
        for e in Evaluasi.select(Evaluasi.id, Evaluasi.versi).where(
            Evaluasi.id.in_(list(ev_keys))
        )
    } if ev_keys else {}
    rows = []
    for dok in found:
        if dok.skp_id is not None:
            current = versi_evaluasi.get(dok.entitas_id, dok.skp.versi)
            rows.append(BarisDokumen(
                dokumen=dok,
                nama_pegawai=dok.pegawai.nama_lengkap,
                nip=dok.pegawai.nip,
                kedaluwarsa=current != dok.versi_data,
            ))
            continue
        chain = rantai.get(dok.entitas_id)
        rows.append(BarisDokumen(
            dokumen=dok,
            nama_pegawai=nama_pengukuran(chain) if chain is not None else dok.entitas,
            nip="",
            kedaluwarsa=chain is not None and chain.versi != dok.versi_data,
        ))
    return rows


# SKPs that have passed approval; drafts and those under review have no official form yet.
STATUS_DISETUJUI_KE_ATAS = (
    "DISETUJUI", "DICETAK", "DITANDATANGANI", "DISAHKAN_ATASAN", "DIKIRIM_BKPSDM", "DIARSIPKAN",
)


def _rekaman(entitas: str, siapa: Any, tahun: int, periode: str | None) -> list[uuid.UUID]:
    skp_where = siapa & (SKP.tahun == tahun) & SKP.status.in_(STATUS_DISETUJUI_KE_ATAS)
    order = (Pegawai.nama, SKP.tgl_mulai)
    if entitas == Entitas.SKP:
        query = SKP.select(SKP.id).join(Pegawai, on=(SKP.pegawai == Pegawai.id))
        return [row.id for row in query.where(skp_where).order_by(*order)]
    if entitas == Entitas.EVALUASI:
        query = (
            Evaluasi.select(Evaluasi.id)
            .join(SKP, on=(Evaluasi.skp == SKP.id))
            .join(Pegawai, on=(SKP.pegawai == Pegawai.id))
        )
        return [
            row.id
            for row in query.where(skp_where & (Evaluasi.periode == periode)).order_by(*order)
        ]
    raise ValidasiGagal({"jenis": _("Jenis dokumen ini tidak dapat dibuat per unit.")})


def rekaman_unit(
    entitas: str, unit_ids: list[uuid.UUID], tahun: int, periode: str | None = None
) -> list[uuid.UUID]:
    """The records a batch for some units is made from, in one query, ordered by name.

    ``entitas`` "SKP": the approved SKPs of the units' pegawai for the year; "Evaluasi": their
    evaluations of ``periode``. Rights are not filtered here: the batch checks each record and
    reports the ones refused.
    """
    return _rekaman(entitas, Pegawai.unit.in_(list(unit_ids)), tahun, periode)


@dataclass(frozen=True)
class PegawaiDokumen:
    """A pegawai whose documents this person may make, as the picker lists her."""

    id: uuid.UUID
    nama: str
    nip: str


def pegawai_dokumen(aktor: Aktor) -> list[PegawaiDokumen]:
    """Whom this person may make SKP documents for: everyone active for the personnel
    office; for a pejabat penilai, the pegawai whose SKP he assesses."""
    query = Pegawai.select().where(Pegawai.aktif == True)  # noqa: E712 - peewee expression
    if not aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN):
        if aktor.pegawai_id is None:
            return []
        query = query.where(Pegawai.id.in_(
            SKP.select(SKP.pegawai).where(SKP.penilai == aktor.pegawai_id)))
    return [PegawaiDokumen(p.id, p.nama_lengkap, format_nip(p.nip))
            for p in query.order_by(Pegawai.nama)]


def _kosong_karena(entitas: str, tahun: int, periode_nama: str) -> str:
    if entitas == Entitas.EVALUASI:
        return _("belum ada evaluasi {periode} {tahun} dari SKP yang disetujui").format(
            periode=periode_nama, tahun=tahun)
    return _("belum ada SKP {tahun} yang disetujui").format(tahun=tahun)


def rekaman_pegawai(
    entitas: str, pegawai_id: uuid.UUID, tahun: int, periode: str | None = None,
    periode_nama: str = "",
) -> list[uuid.UUID]:
    """The records one pegawai's document is made from (one SKP a year, more after a change
    of penilai); refused in words when there is none yet."""
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None:
        raise TidakDitemukan(_("Pegawai tidak ditemukan."))
    ids = _rekaman(entitas, Pegawai.id == pegawai_id, tahun, periode)
    if not ids:
        raise ValidasiGagal({"pegawai": _("Dokumen {nama} tidak dapat dibuat: {alasan}.").format(
            nama=pegawai.nama_lengkap, alasan=_kosong_karena(entitas, tahun, periode_nama))})
    return ids


def tanpa_rekaman_unit(
    entitas: str, unit_ids: list[uuid.UUID], tahun: int, periode: str | None = None,
    periode_nama: str = "",
) -> list[tuple[str, str]]:
    """The active pegawai of the units a batch makes nothing for, each with the reason."""
    punya = (
        SKP.select(SKP.pegawai)
        .where(SKP.id.in_(_rekaman(entitas, Pegawai.unit.in_(list(unit_ids)), tahun, periode)))
        if entitas == Entitas.SKP else
        SKP.select(SKP.pegawai).join(Evaluasi, on=(Evaluasi.skp == SKP.id)).where(
            Evaluasi.id.in_(_rekaman(entitas, Pegawai.unit.in_(list(unit_ids)), tahun, periode)))
    )
    alasan = _kosong_karena(entitas, tahun, periode_nama)
    rows = (Pegawai.select()
            .where(Pegawai.unit.in_(list(unit_ids)) & (Pegawai.aktif == True)  # noqa: E712
                   & Pegawai.id.not_in(punya))
            .order_by(Pegawai.nama))
    return [(p.nama_lengkap, alasan) for p in rows]


def nama_pemilik(entitas: str, record_id: uuid.UUID) -> str:
    """The pegawai an SKP or evaluation belongs to, for a batch's report."""
    skp = (SKP.get_or_none(SKP.id == record_id) if entitas == Entitas.SKP else
           SKP.select().join(Evaluasi, on=(Evaluasi.skp == SKP.id))
           .where(Evaluasi.id == record_id).first())
    return (skp.snapshot or {}).get("pegawai", {}).get("nama", "") if skp is not None else ""


def boleh_buat_massal(aktor: Aktor) -> bool:
    """The personnel office, or a pejabat penilai of someone: who may make a unit's batch."""
    if aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN):
        return True
    if aktor.pegawai_id is None:
        return False
    return SKP.select(SKP.id).where(SKP.penilai == aktor.pegawai_id).exists()
