"""Evaluation services: realisasi, bukti dukung, umpan balik, ratings, keberatan, distribution."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from skpdesk.domain.aturan import CapaianOrganisasi as NilaiCapaian
from skpdesk.domain.aturan import Predikat, Rating
from skpdesk.domain.berakhlak import BERAKHLAK
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.evaluasi import (
    AKSI_PENGEMBALIAN,
    AKSI_PENGEMBALIAN_PENILAI,
    ALUR_EVALUASI_PERIODIK,
    ALUR_EVALUASI_TAHUNAN,
    PERIODE,
    STATUS_KEPUTUSAN_KEBERATAN,
    STATUS_PENILAIAN_DAPAT_DIUBAH,
    STATUS_REALISASI_DAPAT_DIUBAH,
    STATUS_SUDAH_FINAL,
    Periode,
    Periodisitas,
    StatusEvaluasi,
    alur_evaluasi,
    cari_periode,
)
from skpdesk.domain.kepegawaian import Peran
from skpdesk.domain.scoring import (
    PelanggaranDistribusi,
    Polaritas,
    SaranRating,
    StatusIKI,
    cek_distribusi,
    frekuensi_predikat,
    predikat_kinerja,
    rating_hasil_kerja_pimpinan,
    saran_rating_hasil_kerja,
    saran_rating_tahunan,
    status_iki,
)
from skpdesk.domain.skp import angka
from skpdesk.domain.workflow import Alur, Pihak, StatusSKP, Transisi
from skpdesk.i18n import _
from skpdesk.services import rantai
from skpdesk.services import skp as skp_service
from skpdesk.services.context import (
    Aktor,
    catat,
    kunci_dahulu,
    kunci_rekaman,
    now,
    wajib,
    wajib_peran,
)
from skpdesk.services.errors import LayananError, TidakDitemukan, ValidasiGagal
from skpdesk.store import database
from skpdesk.store.models import (
    SKP,
    BuktiDukung,
    CapaianOrganisasi,
    CatatanPenilai,
    Evaluasi,
    IndikatorKinerja,
    Instansi,
    Keberatan,
    Pegawai,
    Pengaturan,
    RealisasiIKI,
    RencanaHasilKerja,
    Riwayat,
    UmpanBalikPerilaku,
    UnitKerja,
    db,
)

ENTITAS = Entitas.EVALUASI  # kept for the UI; new code names Entitas.EVALUASI
E = StatusEvaluasi

# An SKP is evaluated once the penilai approved it, whatever paper steps followed.
STATUS_SKP_DISETUJUI = frozenset(
    {
        StatusSKP.DISETUJUI,
        StatusSKP.DICETAK,
        StatusSKP.DITANDATANGANI,
        StatusSKP.DISAHKAN_ATASAN,
        StatusSKP.DIKIRIM_BKPSDM,
        StatusSKP.DIARSIPKAN,
    }
)

BATAS_UKURAN_BUKTI = 10 * 1024 * 1024
"""Largest bukti dukung file: scans of a few pages fit, whole videos do not."""
FOLDER_BUKTI = "bukti"
TIPE_BUKTI: dict[str, str] = {
    "pdf": "PDF",
    "jpg": "JPG",
    "png": "PNG",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
}
_ALIAS_EKSTENSI = {"jpeg": "jpg"}


# --- the office's periodicity ------------------------------------------------------------------


def _pengaturan() -> Pengaturan | None:
    return Pengaturan.select().join(Instansi).order_by(Instansi.dibuat).first()


def periodisitas_kantor() -> Periodisitas:
    setting = _pengaturan()
    return Periodisitas(setting.periodisitas) if setting else Periodisitas.TRIWULANAN


def daftar_periode_kantor() -> tuple[Periode, ...]:
    return PERIODE[periodisitas_kantor()]


def atur_periodisitas(aktor: Aktor, periodisitas: Periodisitas | str) -> Pengaturan:
    """Monthly or quarterly evaluations; not switched while this year's evaluations exist."""
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    try:
        wanted = Periodisitas(periodisitas)
    except ValueError:
        raise ValidasiGagal(
            {"periodisitas": _("Periodisitas harus Bulanan, Triwulanan atau Tahunan.")}
        ) from None
    with db.atomic():
        setting = _pengaturan()
        if setting is not None:
            kunci_dahulu(Entitas.PENGATURAN, setting.id)
            setting = _pengaturan()
        if setting is None:
            raise TidakDitemukan(_("Kantor belum disiapkan."))
        before = setting.periodisitas
        if before == wanted:
            return setting
        # Period codes of a running year would no longer match the office's periods.
        if Evaluasi.select().where(Evaluasi.tahun == now().year).exists():
            raise ValidasiGagal(
                {
                    "periodisitas": _(
                        "Periodisitas tidak dapat diubah karena evaluasi tahun {tahun} sudah "
                        "dimulai; ubah sebelum evaluasi pertama tahun berikutnya."
                    ).format(tahun=now().year)
                }
            )
        setting.periodisitas = wanted.value
        setting.save()
        catat(
            aktor, Entitas.PENGATURAN, setting.id, "atur_periodisitas", dari=before,
            ke=wanted.value,
        )
    return setting


# --- who is who, which chain --------------------------------------------------------------------


def periode_dari(kode: str) -> Periode:
    """The period of a stored code, whatever the office's periodicity is now."""
    for periods in PERIODE.values():
        for periode in periods:
            if periode.kode == kode:
                return periode
    raise ValueError(_("Periode '{kode}' tidak dikenal.").format(kode=kode))


def alur(evaluasi: Evaluasi) -> Alur:
    return alur_evaluasi(periode_dari(evaluasi.periode))


def pihak_pada(aktor: Aktor, evaluasi: Evaluasi) -> set[Pihak]:
    """The parts this person plays: those stored on the SKP the evaluation belongs to."""
    return skp_service.pihak_pada(aktor, evaluasi.skp)


def aksi_tersedia(aktor: Aktor, evaluasi: Evaluasi) -> list[Transisi]:
    return rantai.tersedia(RANTAI, aktor, evaluasi)


def ambil(evaluasi_id: uuid.UUID) -> Evaluasi:
    evaluasi = Evaluasi.get_or_none(Evaluasi.id == evaluasi_id)
    if evaluasi is None:
        raise TidakDitemukan(_("Evaluasi tidak ditemukan."))
    return evaluasi


def _wajib_terlibat(aktor: Aktor, skp: SKP) -> None:
    wajib(skp_service.pihak_pada(aktor, skp), _("Anda tidak terlibat dalam SKP ini."))


# --- opening ------------------------------------------------------------------------------------


def buka_evaluasi(aktor: Aktor, skp_id: uuid.UUID, periode: str) -> Evaluasi:
    """The evaluation of an approved SKP for one period of the office; created on first use."""
    try:
        per = cari_periode(periodisitas_kantor(), periode)
    except ValueError as exc:
        raise ValidasiGagal({"periode": str(exc)}) from None
    with db.atomic():
        # Two windows opening the same period at once: the second finds the first's.
        kunci_rekaman(Entitas.SKP, skp_id)
        skp = skp_service.ambil(skp_id)
        _wajib_terlibat(aktor, skp)
        found = Evaluasi.get_or_none((Evaluasi.skp == skp) & (Evaluasi.periode == per.kode))
        if found is not None:
            return found
        if skp.status not in STATUS_SKP_DISETUJUI:
            raise ValidasiGagal(
                {
                    "skp": _(
                        "SKP berstatus {status} belum dapat dievaluasi; evaluasi dimulai setelah "
                        "SKP disetujui pejabat penilai."
                    ).format(status=skp_service.ALUR_SKP.label(skp.status))
                }
            )
        awal, akhir = per.rentang(skp.tahun)
        if akhir < skp.tgl_mulai or awal > skp.tgl_selesai:
            raise ValidasiGagal(
                {"periode": _("{periode} berada di luar masa SKP ini.").format(periode=per.nama)}
            )
        moment = now()
        evaluasi = Evaluasi.create(
            id=uuid.uuid4(),
            skp=skp,
            tahun=skp.tahun,
            periode=per.kode,
            unit=skp.pegawai.unit_id,
            status=alur_evaluasi(per).status_awal,
            status_sejak=moment,
            dibuat=moment,
            diubah=moment,
        )
        for nilai in BERAKHLAK:
            UmpanBalikPerilaku.create(id=uuid.uuid4(), evaluasi=evaluasi, nomor=nilai.nomor)
        catat(
            aktor,
            Entitas.EVALUASI,
            evaluasi.id,
            "buat",
            ke=evaluasi.status,
            rincian={"skp": str(skp.id), "tahun": skp.tahun, "periode": per.kode},
        )
    return evaluasi


# --- moving along the chain ----------------------------------------------------------------------


def _label_periode(evaluasi: Evaluasi) -> str:
    return periode_dari(evaluasi.periode).nama


def _syarat_ajukan(aktor: Aktor, evaluasi: Evaluasi, t: Transisi) -> None:
    kosong = iki_tanpa_realisasi(evaluasi)
    if kosong:
        raise ValidasiGagal(
            {
                "realisasi": "\n".join(
                    _("IKI \u201c{iki}\u201d belum memiliki realisasi.").format(iki=k.indikator)
                    for k in kosong
                )
            }
        )


def _syarat_final(aktor: Aktor, evaluasi: Evaluasi, t: Transisi) -> None:
    _periksa_siap_final(evaluasi)


RANTAI = rantai.Rantai(
    entitas=Entitas.EVALUASI,
    alur=alur,  # the last period of the year runs the annual chain
    pihak=pihak_pada,
    opsi=skp_service.opsi_kantor,
    syarat={"ajukan": _syarat_ajukan},
    syarat_ke={E.FINAL: _syarat_final},
    aksi_pengembalian=AKSI_PENGEMBALIAN | AKSI_PENGEMBALIAN_PENILAI,
)
"""The evaluation chains, periodic and annual."""


def _periksa_siap_final(evaluasi: Evaluasi) -> None:
    if not (evaluasi.rating_hasil_kerja and evaluasi.rating_perilaku):
        raise ValidasiGagal(
            {"rating": _("Rating hasil kerja dan rating perilaku kerja wajib diisi.")}
        )
    alasan = alasan_capaian_belum(evaluasi)
    if alasan:
        raise ValidasiGagal({"capaian_organisasi": alasan})


def alasan_capaian_belum(evaluasi: Evaluasi) -> str | None:
    """Why no predikat can be set yet: the period's capaian organisasi is missing; else None."""
    # docs/domain.md §3: the period's capaian kinerja organisasi must exist before the predikat.
    if evaluasi.unit_id is None or capaian_organisasi(
        evaluasi.unit_id, evaluasi.tahun, evaluasi.periode
    ) is not None:
        return None
    return _(
        "Capaian kinerja organisasi {unit} untuk {periode} belum ditetapkan. Minta "
        "atasan pejabat penilai atau pengelola kepegawaian menetapkannya."
    ).format(unit=evaluasi.unit.nama, periode=_label_periode(evaluasi))


def prasyarat(evaluasi: Evaluasi, t: Transisi) -> str | None:
    """Why transition ``t`` cannot succeed now, known before the click (None: it may).

    The same rule refuses the call (``_syarat_final``), so a disabled button and a refusal
    never disagree. The ratings are not checked here: they are entered on the same page.
    """
    if t.ke == E.FINAL:
        return alasan_capaian_belum(evaluasi)
    return None


def jalankan(aktor: Aktor, evaluasi_id: uuid.UUID, aksi: str, catatan: str = "") -> Evaluasi:
    """Take one action of the table (also the annual closing steps: cetak, tandatangani, …)."""
    with db.atomic():
        return rantai.jalankan(RANTAI, aktor, ambil(evaluasi_id), aksi, catatan)


def ajukan(aktor: Aktor, evaluasi_id: uuid.UUID) -> Evaluasi:
    return jalankan(aktor, evaluasi_id, "ajukan")


def kembalikan(aktor: Aktor, evaluasi_id: uuid.UUID, catatan: str) -> Evaluasi:
    return jalankan(aktor, evaluasi_id, "kembalikan", catatan)


def finalkan(aktor: Aktor, evaluasi_id: uuid.UUID) -> Evaluasi:
    return jalankan(aktor, evaluasi_id, "finalkan")


def sahkan(aktor: Aktor, evaluasi_id: uuid.UUID) -> Evaluasi:
    """The atasan pejabat penilai countersigns the annual evaluation (office option, SOP 002)."""
    return jalankan(aktor, evaluasi_id, "sahkan_atasan")


def kembalikan_penilaian(aktor: Aktor, evaluasi_id: uuid.UUID, catatan: str) -> Evaluasi:
    return jalankan(aktor, evaluasi_id, "kembalikan_penilaian", catatan)


def buka_kembali(aktor: Aktor, evaluasi_id: uuid.UUID, alasan: str) -> Evaluasi:
    return jalankan(aktor, evaluasi_id, "buka_kembali", alasan)


# --- realisasi -----------------------------------------------------------------------------------


def daftar_iki(evaluasi: Evaluasi) -> list[IndikatorKinerja]:
    """The IKI of the evaluated SKP, in the SKP's order (utama before tambahan)."""
    return list(
        IndikatorKinerja.select()
        .join(RencanaHasilKerja)
        .where(RencanaHasilKerja.skp == evaluasi.skp_id)
        .order_by(
            RencanaHasilKerja.jenis.desc(), RencanaHasilKerja.urutan, IndikatorKinerja.urutan
        )
    )


def realisasi_per_iki(evaluasi: Evaluasi) -> list[tuple[IndikatorKinerja, RealisasiIKI | None]]:
    """Each IKI with its realisasi of this period, or None: the rows of the realisasi table."""
    rows = {r.iki_id: r for r in RealisasiIKI.select().where(RealisasiIKI.evaluasi == evaluasi)}
    return [(k, rows.get(k.id)) for k in daftar_iki(evaluasi)]


def iki_tanpa_realisasi(evaluasi: Evaluasi) -> list[IndikatorKinerja]:
    return [k for k, r in realisasi_per_iki(evaluasi) if r is None or not r.realisasi_teks]


def _wajib_pengisi(aktor: Aktor, evaluasi: Evaluasi) -> None:
    wajib(
        Pihak.PEGAWAI in pihak_pada(aktor, evaluasi),
        _("Realisasi diisi oleh pegawai pemilik SKP."),
    )
    wajib(
        evaluasi.status in STATUS_REALISASI_DAPAT_DIUBAH,
        _("Realisasi tidak dapat diubah pada evaluasi berstatus {status}.").format(
            status=alur(evaluasi).label(evaluasi.status)
        ),
    )


def _angka_realisasi(iki: IndikatorKinerja, teks: str) -> Decimal | None:
    """A number where the target is one; the message names the IKI."""
    if not teks or iki.target_min is None:
        return None
    try:
        nilai = angka(teks)
    except ValueError:
        nilai = None
    if nilai is None or not nilai.is_finite():
        raise ValidasiGagal(
            {
                "realisasi": _(
                    "Realisasi IKI \u201c{iki}\u201d harus berupa angka, seperti targetnya "
                    "({target} {satuan}); yang diketik: {teks}."
                ).format(iki=iki.indikator, target=iki.target_teks, satuan=iki.satuan, teks=teks)
            }
        )
    if nilai < 0:
        raise ValidasiGagal(
            {
                "realisasi": _("Realisasi IKI \u201c{iki}\u201d tidak boleh negatif.").format(
                    iki=iki.indikator
                )
            }
        )
    return nilai


def isi_realisasi(
    aktor: Aktor,
    evaluasi_id: uuid.UUID,
    iki_id: uuid.UUID,
    realisasi: str,
    keterangan: str = "",
) -> RealisasiIKI:
    """The pegawai writes one IKI's realisasi for the period; the first one starts the chain."""
    with db.atomic():
        kunci_dahulu(Entitas.EVALUASI, evaluasi_id)
        evaluasi = ambil(evaluasi_id)
        _wajib_pengisi(aktor, evaluasi)
        iki = IndikatorKinerja.get_or_none(IndikatorKinerja.id == iki_id)
        if iki is None or iki.rhk.skp_id != evaluasi.skp_id:
            raise TidakDitemukan(_("IKI ini bukan bagian dari SKP yang dievaluasi."))
        teks = " ".join(realisasi.split())
        nilai = _angka_realisasi(iki, teks)
        row = RealisasiIKI.get_or_none(
            (RealisasiIKI.evaluasi == evaluasi) & (RealisasiIKI.iki == iki)
        )
        before = row.realisasi_teks if row else None
        new = row is None
        if new:
            row = RealisasiIKI(id=uuid.uuid4(), evaluasi=evaluasi, iki=iki)
        row.realisasi_teks = teks
        row.realisasi_angka = nilai
        row.keterangan = keterangan.strip()
        row.diubah = now()
        row.save(force_insert=new)
        detail = {"iki": iki.indikator, "realisasi": teks}
        evaluasi.versi += 1
        if evaluasi.status == E.BELUM_DIISI:
            rantai.jalankan(RANTAI, aktor, evaluasi, "isi_realisasi", rincian=detail)
        else:
            evaluasi.diubah = now()
            evaluasi.save()
            catat(
                aktor, Entitas.EVALUASI, evaluasi.id, "ubah_realisasi", dari=before, ke=teks,
                rincian=detail,
            )
    return row


def _realisasi(realisasi_id: uuid.UUID) -> RealisasiIKI:
    row = RealisasiIKI.get_or_none(RealisasiIKI.id == realisasi_id)
    if row is None:
        raise TidakDitemukan(_("Realisasi tidak ditemukan."))
    return row


# --- bukti dukung --------------------------------------------------------------------------------


def _tipe_isi(data: bytes) -> str | None:
    """The type the content really is, whatever the name says."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names:
            if any(n.startswith("word/") for n in names):
                return "docx"
            if any(n.startswith("xl/") for n in names):
                return "xlsx"
    return None


def _nama_aman(nama: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", nama).strip("._") or "berkas"
    return stem[-80:]


def path_bukti(bukti: BuktiDukung) -> Path | None:
    """Where an attached file lives on this computer."""
    return database.data_dir() / bukti.path if bukti.path else None


def _mb(ukuran: int) -> str:
    return f"{ukuran / (1024 * 1024):.1f}".replace(".", ",")


def lampirkan_berkas(
    aktor: Aktor, realisasi_id: uuid.UUID, sumber: str | os.PathLike[str], nama: str = ""
) -> BuktiDukung:
    """Copy a file into the data folder as bukti dukung; a refused file leaves nothing behind."""
    source = Path(sumber)
    nama = nama.strip() or source.name
    row = _realisasi(realisasi_id)
    evaluasi = row.evaluasi
    _wajib_pengisi(aktor, evaluasi)
    if not source.is_file():
        raise ValidasiGagal({"berkas": _("Berkas {nama} tidak ditemukan.").format(nama=nama)})
    ukuran = source.stat().st_size
    if ukuran == 0:
        raise ValidasiGagal({"berkas": _("Berkas {nama} kosong.").format(nama=nama)})
    if ukuran > BATAS_UKURAN_BUKTI:
        raise ValidasiGagal(
            {
                "berkas": _(
                    "Berkas {nama} berukuran {ukuran} MB; bukti dukung paling besar {batas} MB."
                ).format(nama=nama, ukuran=_mb(ukuran), batas=_mb(BATAS_UKURAN_BUKTI))
            }
        )
    ext = Path(nama).suffix.lower().lstrip(".")
    ext = _ALIAS_EKSTENSI.get(ext, ext)
    pilihan = ", ".join(t.upper() for t in TIPE_BUKTI)
    if ext not in TIPE_BUKTI:
        raise ValidasiGagal(
            {
                "berkas": _(
                    "Jenis berkas {nama} tidak diterima; bukti dukung harus berupa {pilihan}."
                ).format(nama=nama, pilihan=pilihan)
            }
        )
    data = source.read_bytes()
    if _tipe_isi(data) != ext:
        raise ValidasiGagal(
            {
                "berkas": _(
                    "Isi berkas {nama} bukan {tipe} seperti namanya; berkas mungkin rusak atau "
                    "diganti namanya. Simpan ulang sebagai {pilihan}."
                ).format(nama=nama, tipe=TIPE_BUKTI[ext], pilihan=pilihan)
            }
        )
    sha = hashlib.sha256(data).hexdigest()
    relative = f"{FOLDER_BUKTI}/{evaluasi.tahun}/{evaluasi.id.hex}/{sha[:16]}-{_nama_aman(nama)}"
    target = database.data_dir() / relative
    existed = target.exists()
    if not existed:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(target.name + ".tmp")
        temp.write_bytes(data)
        os.replace(temp, target)
    try:
        with db.atomic():
            # The state may have moved while the file was copied.
            kunci_dahulu(Entitas.EVALUASI, evaluasi.id)
            evaluasi = ambil(evaluasi.id)
            _wajib_pengisi(aktor, evaluasi)
            bukti = BuktiDukung.create(
                id=uuid.uuid4(),
                realisasi=row,
                jenis="FILE",
                nama_asli=nama,
                path=relative,
                sha256=sha,
                ukuran=ukuran,
                tipe=ext,
                dibuat=now(),
            )
            evaluasi.versi += 1
            evaluasi.save()
            catat(
                aktor,
                Entitas.EVALUASI,
                evaluasi.id,
                "lampirkan_bukti",
                ke=nama,
                rincian={"iki": row.iki.indikator, "sha256": sha, "ukuran": ukuran},
            )
    except Exception:
        if not existed:
            target.unlink(missing_ok=True)
        raise
    return bukti


def lampirkan_tautan(
    aktor: Aktor, realisasi_id: uuid.UUID, url: str, nama: str = ""
) -> BuktiDukung:
    """A link as bukti dukung (a shared drive, the office website): http or https only."""
    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        raise ValidasiGagal(
            {"url": _("Tautan bukti dukung harus diawali http:// atau https:// (yang diketik: "
                      "{url}).").format(url=url)}
        )
    with db.atomic():
        row = _realisasi_diubah(realisasi_id)
        evaluasi = row.evaluasi
        _wajib_pengisi(aktor, evaluasi)
        bukti = BuktiDukung.create(
            id=uuid.uuid4(), realisasi=row, jenis="LINK", nama_asli=nama.strip() or url,
            url=url, dibuat=now(),
        )
        evaluasi.versi += 1
        evaluasi.save()
        catat(aktor, Entitas.EVALUASI, evaluasi.id, "lampirkan_tautan", ke=url,
              rincian={"iki": row.iki.indikator})
    return bukti


def hapus_bukti(aktor: Aktor, bukti_id: uuid.UUID) -> None:
    """Remove an attachment while the pegawai holds the pen; its file goes when nothing uses it."""
    with db.atomic():
        bukti = BuktiDukung.get_or_none(BuktiDukung.id == bukti_id)
        if bukti is not None:
            kunci_dahulu(Entitas.EVALUASI, bukti.realisasi.evaluasi_id)
            bukti = BuktiDukung.get_or_none(BuktiDukung.id == bukti_id)  # as it is now
        if bukti is None:
            raise TidakDitemukan(_("Bukti dukung tidak ditemukan."))
        evaluasi = bukti.realisasi.evaluasi
        _wajib_pengisi(aktor, evaluasi)
        path = path_bukti(bukti)
        shared = (
            bukti.path is not None
            and BuktiDukung.select()
            .where((BuktiDukung.path == bukti.path) & (BuktiDukung.id != bukti.id))
            .exists()
        )
        bukti.delete_instance()
        evaluasi.versi += 1
        evaluasi.save()
        catat(aktor, Entitas.EVALUASI, evaluasi.id, "hapus_bukti", dari=bukti.nama_asli,
              rincian={"sha256": bukti.sha256, "url": bukti.url})
    if path is not None and not shared:
        path.unlink(missing_ok=True)


def daftar_bukti(realisasi: RealisasiIKI) -> list[BuktiDukung]:
    return list(realisasi.bukti.order_by(BuktiDukung.dibuat))


def bukti_realisasi(realisasi_id: uuid.UUID) -> list[BuktiDukung]:
    """The bukti dukung of one realisasi, oldest first."""
    return daftar_bukti(_realisasi(realisasi_id))


def boleh_ubah_bukti(aktor: Aktor, evaluasi: Evaluasi) -> bool:
    """Whether this person may attach or remove bukti dukung now (the pegawai, period open)."""
    try:
        _wajib_pengisi(aktor, evaluasi)
    except LayananError:
        return False
    return True


# --- umpan balik and ratings ---------------------------------------------------------------------


def _wajib_penilai(aktor: Aktor, evaluasi: Evaluasi, apa: str) -> None:
    wajib(
        Pihak.PEJABAT_PENILAI in pihak_pada(aktor, evaluasi),
        _("{apa} diberikan oleh pejabat penilai SKP ini.").format(apa=apa),
    )
    wajib(
        evaluasi.status in STATUS_PENILAIAN_DAPAT_DIUBAH,
        _("{apa} tidak dapat diubah pada evaluasi berstatus {status}.").format(
            apa=apa, status=alur(evaluasi).label(evaluasi.status)
        ),
    )


def _realisasi_diubah(realisasi_id: uuid.UUID) -> RealisasiIKI:
    """A realisasi about to change, read after its evaluation is locked (``kunci_dahulu``)."""
    kunci_dahulu(Entitas.EVALUASI, _realisasi(realisasi_id).evaluasi_id)
    return _realisasi(realisasi_id)


def umpan_balik_iki(aktor: Aktor, realisasi_id: uuid.UUID, teks: str) -> RealisasiIKI:
    """The penilai's umpan balik berkelanjutan on one IKI's realisasi."""
    with db.atomic():
        row = _realisasi_diubah(realisasi_id)
        evaluasi = row.evaluasi
        _wajib_penilai(aktor, evaluasi, _("Umpan balik"))
        teks = teks.strip()
        if row.umpan_balik == teks:
            return row
        before = row.umpan_balik
        row.umpan_balik = teks
        row.save()
        evaluasi.versi += 1
        evaluasi.save()
        catat(aktor, Entitas.EVALUASI, evaluasi.id, "umpan_balik_iki", dari=before or None,
              ke=teks or None, rincian={"iki": row.iki.indikator})
    return row


def umpan_balik_perilaku(
    aktor: Aktor, evaluasi_id: uuid.UUID, nomor: int, teks: str
) -> UmpanBalikPerilaku:
    """The penilai's umpan balik on one BerAKHLAK value (1..7)."""
    with db.atomic():
        kunci_dahulu(Entitas.EVALUASI, evaluasi_id)
        evaluasi = ambil(evaluasi_id)
        _wajib_penilai(aktor, evaluasi, _("Umpan balik"))
        if not 1 <= nomor <= len(BERAKHLAK):
            raise ValidasiGagal({"nomor": _("Nilai BerAKHLAK tidak dikenal.")})
        row = UmpanBalikPerilaku.get_or_none(
            (UmpanBalikPerilaku.evaluasi == evaluasi) & (UmpanBalikPerilaku.nomor == nomor)
        )
        new = row is None
        if new:
            row = UmpanBalikPerilaku(id=uuid.uuid4(), evaluasi=evaluasi, nomor=nomor)
        teks = teks.strip()
        before = row.umpan_balik or ""
        if before == teks and not new:
            return row
        row.umpan_balik = teks
        row.save(force_insert=new)
        evaluasi.versi += 1
        evaluasi.save()
        catat(aktor, Entitas.EVALUASI, evaluasi.id, "umpan_balik_perilaku", dari=before or None,
              ke=teks or None, rincian={"nilai": BERAKHLAK[nomor - 1].nama})
    return row


def umpan_balik_perilaku_evaluasi(evaluasi: Evaluasi) -> dict[int, str]:
    return {
        r.nomor: r.umpan_balik
        for r in UmpanBalikPerilaku.select().where(UmpanBalikPerilaku.evaluasi == evaluasi)
    }


# Lower is better for time and cost (docs/domain.md §2.9.2): the comparison is inverted.
_POLARITAS_ASPEK = {"WAKTU": Polaritas.NEGATIF, "BIAYA": Polaritas.NEGATIF}


def saran_rating(evaluasi: Evaluasi) -> SaranRating:
    """The suggested rating hasil kerja from the numeric realisasi against their targets.

    Never binding (§2.9.2). Realisasi are compared with the SKP's (annual) target.
    """
    items: list[StatusIKI] = []
    for iki, row in realisasi_per_iki(evaluasi):
        if row is None or row.realisasi_angka is None or iki.target_min is None:
            continue
        polaritas = _POLARITAS_ASPEK.get(iki.aspek, Polaritas.POSITIF)
        status = status_iki(
            iki.target_min, row.realisasi_angka, polaritas, target_maks=iki.target_max
        )
        items.append(StatusIKI(status, utama=iki.rhk.jenis == "UTAMA"))
    return saran_rating_hasil_kerja(items)


def saran_tahunan(evaluasi: Evaluasi) -> tuple[Rating | None, Rating | None]:
    """For the annual evaluation: the modus of the periodic ratings (hasil kerja, perilaku).

    Ties go to the most recent period (§2.9.4); a suggestion only.
    """
    periodik = [
        e for e in evaluasi_skp(evaluasi.skp_id)
        if e.id != evaluasi.id and not periode_dari(e.periode).tahunan
    ]
    return (
        saran_rating_tahunan([e.rating_hasil_kerja for e in periodik]),
        saran_rating_tahunan([e.rating_perilaku for e in periodik]),
    )


def memimpin_unit(pegawai: Pegawai) -> bool:
    """Heads his unit: somebody of the unit reports to him and his own atasan is outside it."""
    if pegawai.unit_id is None:
        return False
    atasan_di_luar = pegawai.atasan is None or pegawai.atasan.unit_id != pegawai.unit_id
    return atasan_di_luar and (
        Pegawai.select()
        .where((Pegawai.atasan == pegawai) & (Pegawai.unit == pegawai.unit_id) & Pegawai.aktif)
        .exists()
    )


def saran_rating_pimpinan(evaluasi: Evaluasi) -> SaranRating | None:
    """A unit head's rating hasil kerja follows his unit's capaian (§2.9.2, SE 3/2023).

    None when the pegawai heads no unit or the capaian of the period is not set yet.
    """
    pegawai = evaluasi.skp.pegawai
    if evaluasi.unit_id is None or not memimpin_unit(pegawai):
        return None
    row = capaian_organisasi(evaluasi.unit_id, evaluasi.tahun, evaluasi.periode)
    if row is None:
        return None
    capaian = NilaiCapaian(row.nilai)
    rating = rating_hasil_kerja_pimpinan(capaian)
    alasan = _(
        "Pegawai ini memimpin {unit}; capaian kinerja organisasinya {capaian} ditetapkan sebagai "
        "rating hasil kerjanya: {rating}."
    ).format(unit=evaluasi.unit.nama, capaian=capaian.label, rating=rating.label)
    return SaranRating(rating, alasan)


def _rating(nilai: Rating | str, field_name: str) -> Rating:
    try:
        return Rating.dari(nilai)
    except ValueError as exc:
        raise ValidasiGagal({field_name: str(exc)}) from None


def nilai(
    aktor: Aktor,
    evaluasi_id: uuid.UUID,
    rating_hasil_kerja: Rating | str,
    rating_perilaku: Rating | str,
) -> Evaluasi:
    """The penilai sets both ratings; the predikat follows from the matrix (§2.9.3)."""
    hk = _rating(rating_hasil_kerja, "rating_hasil_kerja")
    pk = _rating(rating_perilaku, "rating_perilaku")
    predikat = predikat_kinerja(hk, pk)
    with db.atomic():
        kunci_dahulu(Entitas.EVALUASI, evaluasi_id)
        evaluasi = ambil(evaluasi_id)
        saran = saran_rating(evaluasi)
        detail = {
            "rating_hasil_kerja": hk.value,
            "rating_perilaku": pk.value,
            "predikat": predikat.value,
            "saran_rating_hasil_kerja": saran.rating.value if saran.rating else None,
        }
        if evaluasi.status == E.DIAJUKAN:
            _set_rating(evaluasi, hk, pk)
            return rantai.jalankan(RANTAI, aktor, evaluasi, "nilai", rincian=detail)
        _wajib_penilai(aktor, evaluasi, _("Penilaian"))
        before = evaluasi.predikat
        _set_rating(evaluasi, hk, pk)
        evaluasi.diubah = now()
        evaluasi.save()
        catat(aktor, Entitas.EVALUASI, evaluasi.id, "ubah_penilaian", dari=before,
              ke=predikat.value, rincian=detail)
    return evaluasi


def _set_rating(evaluasi: Evaluasi, hk: Rating, pk: Rating) -> None:
    evaluasi.rating_hasil_kerja = hk.value
    evaluasi.rating_perilaku = pk.value
    evaluasi.predikat = predikat_kinerja(hk, pk).value
    evaluasi.versi += 1


# --- keberatan -----------------------------------------------------------------------------------


def keberatan_terakhir(evaluasi: Evaluasi) -> Keberatan | None:
    return evaluasi.keberatan.order_by(Keberatan.diajukan.desc()).first()


def ajukan_keberatan(aktor: Aktor, evaluasi_id: uuid.UUID, alasan: str) -> Keberatan:
    """The pegawai objects to a final evaluation, with her reasons."""
    with db.atomic():
        evaluasi = rantai.jalankan(RANTAI, aktor, ambil(evaluasi_id), "ajukan_keberatan", alasan)
        return Keberatan.create(
            id=uuid.uuid4(),
            evaluasi=evaluasi,
            alasan=alasan.strip(),
            status=E.KEBERATAN.value,
            rating_sebelum=_ratings(evaluasi),
            diajukan=now(),
        )


def tanggapi_keberatan(aktor: Aktor, evaluasi_id: uuid.UUID, tanggapan: str) -> Keberatan:
    """The pejabat penilai answers the keberatan."""
    with db.atomic():
        evaluasi = rantai.jalankan(
            RANTAI, aktor, ambil(evaluasi_id), "tanggapi_keberatan", tanggapan
        )
        row = keberatan_terakhir(evaluasi)
        assert row is not None
        row.tanggapan = tanggapan.strip()
        row.status = E.DITANGGAPI.value
        row.ditanggapi = now()
        row.save()
    return row


def putuskan_keberatan(
    aktor: Aktor,
    evaluasi_id: uuid.UUID,
    keputusan: str,
    rating_hasil_kerja: Rating | str | None = None,
    rating_perilaku: Rating | str | None = None,
) -> Keberatan:
    """The atasan pejabat penilai decides; his decision may change either rating."""
    with db.atomic():
        kunci_dahulu(Entitas.EVALUASI, evaluasi_id)
        evaluasi = ambil(evaluasi_id)
        if evaluasi.status not in STATUS_KEPUTUSAN_KEBERATAN:
            # Let the table word the refusal.
            rantai.jalankan(RANTAI, aktor, evaluasi, "putuskan_keberatan", keputusan)
        before = _ratings(evaluasi)
        hk = _rating(rating_hasil_kerja or evaluasi.rating_hasil_kerja, "rating_hasil_kerja")
        pk = _rating(rating_perilaku or evaluasi.rating_perilaku, "rating_perilaku")
        changed = (hk.value, pk.value) != (evaluasi.rating_hasil_kerja, evaluasi.rating_perilaku)
        if changed:
            _set_rating(evaluasi, hk, pk)
        after = _ratings(evaluasi)
        evaluasi = rantai.jalankan(
            RANTAI, aktor, evaluasi, "putuskan_keberatan", keputusan,
            rincian={"sebelum": before, "sesudah": after, "rating_diubah": changed},
        )
        row = keberatan_terakhir(evaluasi)
        assert row is not None
        row.keputusan = keputusan.strip()
        row.status = E.DIPUTUS.value
        row.rating_sesudah = after
        row.diputus = now()
        row.save()
    return row


def _ratings(evaluasi: Evaluasi) -> dict[str, str | None]:
    return {
        "rating_hasil_kerja": evaluasi.rating_hasil_kerja,
        "rating_perilaku": evaluasi.rating_perilaku,
        "predikat": evaluasi.predikat,
    }


# --- capaian kinerja organisasi and the distribution ---------------------------------------------


def boleh_atur_capaian(aktor: Aktor, unit_id: uuid.UUID, tahun: int) -> bool:
    """The leader above the unit, or the pengadministrasi kepegawaian recording his decision.

    "The leader above" is read from the SKPs of the year: someone outside the unit who is stored
    as pejabat penilai or atasan pejabat penilai on an SKP of one of its pegawai.
    """
    if aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN):
        return True
    if aktor.pegawai_id is None:
        return False
    me = Pegawai.get_or_none(Pegawai.id == aktor.pegawai_id)
    if me is None or me.unit_id == unit_id:
        return False
    anggota = Pegawai.select(Pegawai.id).where(Pegawai.unit == unit_id)
    return (
        SKP.select()
        .where(
            SKP.pegawai.in_(anggota)
            & (SKP.tahun == tahun)
            & ((SKP.penilai == me.id) | (SKP.atasan_penilai == me.id))
        )
        .exists()
    )


def unit_capaian_saya(aktor: Aktor, tahun: int) -> list[UnitKerja]:
    """The units whose capaian kinerja organisasi this person may set for a year."""
    units = UnitKerja.select().where(UnitKerja.aktif).order_by(UnitKerja.urutan, UnitKerja.nama)
    if aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN):
        return list(units)
    if aktor.pegawai_id is None:
        return []
    me = Pegawai.get_or_none(Pegawai.id == aktor.pegawai_id)
    if me is None:
        return []
    # boleh_atur_capaian for every unit in one query instead of two per unit.
    led = {
        row.unit_id
        for row in Pegawai.select(Pegawai.unit)
        .join(SKP, on=(SKP.pegawai == Pegawai.id))
        .where(
            (SKP.tahun == tahun)
            & ((SKP.penilai == me.id) | (SKP.atasan_penilai == me.id))
        )
    }
    return [u for u in units if u.id in led and u.id != me.unit_id]


def capaian_tertunda(aktor: Aktor, tahun: int) -> list[tuple[UnitKerja, str]]:
    """(unit, period code) whose missing capaian organisasi holds back a rated evaluation.

    Only the units this person may set (``unit_capaian_saya``), so his tab counts what he
    can clear; an evaluation is held back once it is rated and waits for its predikat.
    """
    units = {u.id: u for u in unit_capaian_saya(aktor, tahun)}
    if not units:
        return []
    waiting = {
        (row.unit_id, row.periode)
        for row in Evaluasi.select(Evaluasi.unit, Evaluasi.periode).where(
            (Evaluasi.tahun == tahun)
            & (Evaluasi.status == E.DINILAI)
            & Evaluasi.unit.in_(list(units))
        )
    }
    known = capaian_organisasi_tahun(list(units), tahun)
    urutan = {p.kode: n for n, p in enumerate(daftar_periode_kantor())}
    return [
        (units[u], kode)
        for u, kode in sorted(
            waiting - set(known), key=lambda k: (units[k[0]].urutan, urutan.get(k[1], 99))
        )
    ]


def capaian_organisasi(
    unit_id: uuid.UUID, tahun: int, periode: str
) -> CapaianOrganisasi | None:
    return CapaianOrganisasi.get_or_none(
        (CapaianOrganisasi.unit == unit_id)
        & (CapaianOrganisasi.tahun == tahun)
        & (CapaianOrganisasi.periode == periode)
    )


def capaian_organisasi_tahun(
    unit_ids: Sequence[uuid.UUID], tahun: int
) -> dict[tuple[uuid.UUID, str], CapaianOrganisasi]:
    """(unit, periode) → capaian of a year for some units, in one query (the atasan's grid)."""
    rows = CapaianOrganisasi.select().where(
        CapaianOrganisasi.unit.in_(list(unit_ids)) & (CapaianOrganisasi.tahun == tahun)
    )
    return {(row.unit_id, row.periode): row for row in rows}


def atur_capaian_organisasi(
    aktor: Aktor,
    unit_id: uuid.UUID,
    tahun: int,
    periode: str,
    nilai_capaian: NilaiCapaian | str,
) -> CapaianOrganisasi:
    """Set the capaian kinerja organisasi of a unit for a period (§2.9.5 stage 1)."""
    try:
        capaian = NilaiCapaian.dari(nilai_capaian)
    except ValueError as exc:
        raise ValidasiGagal({"nilai": str(exc)}) from None
    try:
        per = cari_periode(periodisitas_kantor(), periode)
    except ValueError as exc:
        raise ValidasiGagal({"periode": str(exc)}) from None
    with db.atomic():
        # One unit's capaian are set one at a time: two at once would both create the row.
        kunci_rekaman(Entitas.UNIT_KERJA, unit_id)
        unit = UnitKerja.get_or_none(UnitKerja.id == unit_id)
        if unit is None:
            raise TidakDitemukan(_("Unit kerja tidak ditemukan."))
        wajib(
            boleh_atur_capaian(aktor, unit.id, tahun),
            _(
                "Capaian kinerja organisasi {unit} ditetapkan oleh pimpinan di atasnya "
                "(atasan pejabat penilai) atau dicatat oleh pengelola kepegawaian."
            ).format(unit=unit.nama),
        )
        row = capaian_organisasi(unit.id, tahun, per.kode)
        before = row.nilai if row else None
        if row is None:
            row = CapaianOrganisasi(
                id=uuid.uuid4(), unit=unit, tahun=tahun, periode=per.kode
            )
            new = True
        else:
            new = False
        if before == capaian.value:
            return row
        row.nilai = capaian.value
        row.diatur_oleh = aktor.akun_id
        row.diatur_oleh_nama = aktor.nama
        row.waktu = now()
        row.save(force_insert=new)
        catat(
            aktor, Entitas.CAPAIAN_ORGANISASI, row.id, "atur_capaian", dari=before,
            ke=capaian.value,
            rincian={"unit": unit.nama, "tahun": tahun, "periode": per.kode},
        )
    return row


@dataclass(frozen=True)
class HasilDistribusi:
    """The unit's final predikat of a period against its pola distribusi: warnings only."""

    unit: UnitKerja
    tahun: int
    periode: str
    capaian: NilaiCapaian | None
    evaluasi: list[Evaluasi]
    frekuensi: dict[Predikat, int]
    pelanggaran: list[PelanggaranDistribusi] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.evaluasi)

    @property
    def tanpa_justifikasi(self) -> list[Evaluasi]:
        """While a rule is broken, the evaluations whose penilai has written no justification."""
        if not self.pelanggaran:
            return []
        return [e for e in self.evaluasi if not e.justifikasi_distribusi.strip()]

    @property
    def pesan(self) -> list[str]:
        if self.capaian is None:
            return [_("Capaian kinerja organisasi unit ini untuk periode ini belum ditetapkan.")]
        return [p.pesan for p in self.pelanggaran]


def cek_distribusi_unit(unit_id: uuid.UUID, tahun: int, periode: str) -> HasilDistribusi:
    """The distribution check over the unit's final evaluations of a period (§2.9.5, §3)."""
    unit = UnitKerja.get_or_none(UnitKerja.id == unit_id)
    if unit is None:
        raise TidakDitemukan(_("Unit kerja tidak ditemukan."))
    try:
        kode = cari_periode(periodisitas_kantor(), periode).kode
    except ValueError:
        kode = periode
    rows = list(
        Evaluasi.select()
        .where(
            (Evaluasi.unit == unit)
            & (Evaluasi.tahun == tahun)
            & (Evaluasi.periode == kode)
            & Evaluasi.status.in_(sorted(STATUS_SUDAH_FINAL))
            & Evaluasi.predikat.is_null(False)
        )
        .order_by(Evaluasi.dibuat)
    )
    predikat = [r.predikat for r in rows]
    row = capaian_organisasi(unit.id, tahun, kode)
    capaian = NilaiCapaian(row.nilai) if row else None
    pelanggaran = cek_distribusi(capaian, predikat) if capaian else []
    return HasilDistribusi(
        unit, tahun, kode, capaian, rows, frekuensi_predikat(predikat), pelanggaran
    )


def simpan_justifikasi(aktor: Aktor, evaluasi_id: uuid.UUID, teks: str) -> Evaluasi:
    """The penilai's written justification of a predikat outside the pola distribusi."""
    with db.atomic():
        kunci_dahulu(Entitas.EVALUASI, evaluasi_id)
        evaluasi = ambil(evaluasi_id)
        wajib(
            Pihak.PEJABAT_PENILAI in pihak_pada(aktor, evaluasi),
            _("Justifikasi ditulis oleh pejabat penilai SKP ini."),
        )
        wajib(
            evaluasi.status in STATUS_PENILAIAN_DAPAT_DIUBAH | STATUS_SUDAH_FINAL,
            _("Justifikasi ditulis setelah pegawai dinilai."),
        )
        teks = teks.strip()
        if teks == evaluasi.justifikasi_distribusi:
            return evaluasi
        before = evaluasi.justifikasi_distribusi
        evaluasi.justifikasi_distribusi = teks
        evaluasi.versi += 1
        evaluasi.diubah = now()
        evaluasi.save()
        catat(aktor, Entitas.EVALUASI, evaluasi.id, "justifikasi_distribusi", dari=before or None,
              ke=teks or None)
    return evaluasi


# --- buku catatan penilai ------------------------------------------------------------------------


def _wajib_penilai_pegawai(aktor: Aktor, pegawai: Pegawai) -> None:
    me = aktor.pegawai_id
    rated = me is not None and (
        pegawai.atasan_id == me
        or SKP.select().where((SKP.pegawai == pegawai) & (SKP.penilai == me)).exists()
    )
    wajib(
        rated and me != pegawai.id,
        _("Buku catatan penilai {nama} hanya untuk pejabat penilainya.").format(
            nama=pegawai.nama_lengkap
        ),
    )


def _pegawai(pegawai_id: uuid.UUID) -> Pegawai:
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None:
        raise TidakDitemukan(_("Pegawai tidak ditemukan."))
    return pegawai


def tambah_catatan_penilai(
    aktor: Aktor, pegawai_id: uuid.UUID, tanggal: dt.date, catatan: str
) -> CatatanPenilai:
    """One dated entry in the penilai's book about one pegawai (SOP 002 step 5)."""
    catatan = catatan.strip()
    if not catatan:
        raise ValidasiGagal({"catatan": _("Catatan wajib diisi.")})
    with db.atomic():
        pegawai = _pegawai(pegawai_id)
        _wajib_penilai_pegawai(aktor, pegawai)
        row = CatatanPenilai.create(
            id=uuid.uuid4(), penilai=aktor.pegawai_id, pegawai=pegawai, tanggal=tanggal,
            catatan=catatan, dibuat=now(),
        )
        catat(aktor, Entitas.CATATAN_PENILAI, row.id, "tambah",
              rincian={"pegawai": pegawai.nip, "tanggal": tanggal.isoformat()})
    return row


def daftar_catatan_penilai(aktor: Aktor, pegawai_id: uuid.UUID) -> list[CatatanPenilai]:
    """The entries this penilai wrote about this pegawai, oldest first."""
    pegawai = _pegawai(pegawai_id)
    _wajib_penilai_pegawai(aktor, pegawai)
    return list(
        CatatanPenilai.select()
        .where((CatatanPenilai.penilai == aktor.pegawai_id) & (CatatanPenilai.pegawai == pegawai))
        .order_by(CatatanPenilai.tanggal, CatatanPenilai.dibuat)
    )


# --- reading -------------------------------------------------------------------------------------


def evaluasi_skp(skp_id: uuid.UUID) -> list[Evaluasi]:
    """The evaluations of one SKP, in period order."""
    rows = list(Evaluasi.select().where(Evaluasi.skp == skp_id))
    return sorted(rows, key=lambda e: periode_dari(e.periode).nomor)


def tahun_menunggu_sejak() -> int:
    """The oldest year whose evaluations still wait on someone now (docs/sop.md, "What waits now").

    The annual evaluation of a year is done early in the next one; older evaluations are
    history: they stay in the lists by year but no longer count on tabs or as late.
    """
    return now().year - 1


def _status_menunggu(pihak: Pihak) -> list[str]:
    found = ALUR_EVALUASI_PERIODIK.status_menunggu(pihak) | ALUR_EVALUASI_TAHUNAN.status_menunggu(
        pihak
    )
    return sorted(found)


def _menunggu(aktor: Aktor, pihak: Pihak, party: Any) -> list[Evaluasi]:
    # Status, year and party in SQL; the exact check (office options, chain) per row.
    query = (
        Evaluasi.select(Evaluasi, SKP)
        .join(SKP)
        .where(
            (party == aktor.pegawai_id)
            & Evaluasi.status.in_(_status_menunggu(pihak))
            & (Evaluasi.tahun >= tahun_menunggu_sejak())
        )
    )
    opsi = skp_service.opsi_kantor()
    found = []
    for evaluasi in query:
        mine = alur(evaluasi).tersedia(evaluasi.status, pihak_pada(aktor, evaluasi), opsi)
        if any(t.utama and pihak in t.pihak for t in mine):
            found.append(evaluasi)
    return sorted(found, key=lambda e: e.status_sejak)


def menunggu_pegawai(aktor: Aktor) -> list[Evaluasi]:
    """The person's own evaluations whose next move is hers (realisasi, ajukan)."""
    if aktor.pegawai_id is None:
        return []
    return _menunggu(aktor, Pihak.PEGAWAI, SKP.pegawai)


def menunggu_penilai(aktor: Aktor) -> list[Evaluasi]:
    """Evaluations waiting on this pejabat penilai: to rate, to finalise, a keberatan to answer."""
    if aktor.pegawai_id is None:
        return []
    return _menunggu(aktor, Pihak.PEJABAT_PENILAI, SKP.penilai)


def menunggu_atasan(aktor: Aktor) -> list[Evaluasi]:
    """Evaluations waiting on this atasan pejabat penilai: keberatan decisions, countersigning."""
    if aktor.pegawai_id is None:
        return []
    return _menunggu(aktor, Pihak.ATASAN_PEJABAT_PENILAI, SKP.atasan_penilai)


def linimasa(evaluasi: Evaluasi) -> list[rantai.Peristiwa]:
    return rantai.linimasa(
        Entitas.EVALUASI, evaluasi.id, pengembalian=RANTAI.aksi_pengembalian
    )


def catatan_pengembalian(evaluasi: Evaluasi) -> Riwayat | None:
    """The last return or reopen note (to the pegawai or to the penilai), until the next step."""
    return rantai.catatan_pengembalian(RANTAI, evaluasi)


def unit_evaluasi(unit_ids: Sequence[uuid.UUID], tahun: int, periode: str) -> list[Evaluasi]:
    """Evaluations of some units for a period, for the atasan's overview."""
    return list(
        Evaluasi.select()
        .where(
            Evaluasi.unit.in_(list(unit_ids))
            & (Evaluasi.tahun == tahun)
            & (Evaluasi.periode == periode)
        )
        .order_by(Evaluasi.dibuat)
    )


def tugas_per_skp(aktor: Aktor, pihak: Pihak) -> dict[uuid.UUID, str]:
    """SKP id → what waits on this person in its evaluations ("Triwulan I: Simpan Penilaian").

    The role tabs put this beside the SKP chain's own next step.
    """
    finder = {
        Pihak.PEGAWAI: menunggu_pegawai,
        Pihak.PEJABAT_PENILAI: menunggu_penilai,
        Pihak.ATASAN_PEJABAT_PENILAI: menunggu_atasan,
    }[pihak]
    opsi = skp_service.opsi_kantor()
    found: dict[uuid.UUID, str] = {}
    for evaluasi in finder(aktor):
        mine = [
            t
            for t in alur(evaluasi).tersedia(evaluasi.status, pihak_pada(aktor, evaluasi), opsi)
            if t.utama and pihak in t.pihak
        ]
        if mine and evaluasi.skp_id not in found:
            step = mine[0].label
            if prasyarat(evaluasi, mine[0]):
                # Named as blocked, not as a step the person can take now.
                step = _("{aksi} (tertahan: capaian organisasi belum ditetapkan)").format(
                    aksi=step
                )
            found[evaluasi.skp_id] = f"{periode_dari(evaluasi.periode).nama}: {step}"
    return found


def unit_dinilai(aktor: Aktor, tahun: int) -> list[UnitKerja]:
    """The units of the pegawai this penilai rates in a year: where his distribution matters."""
    if aktor.pegawai_id is None:
        return []
    # One query: the units through a join, not one pegawai fetched per SKP.
    unit_ids = (
        Pegawai.select(Pegawai.unit)
        .join(SKP, on=(SKP.pegawai == Pegawai.id))
        .where((SKP.penilai == aktor.pegawai_id) & (SKP.tahun == tahun))
    )
    return list(
        UnitKerja.select()
        .where(UnitKerja.id.in_(unit_ids))
        .order_by(UnitKerja.urutan, UnitKerja.nama)
    )


def atasan_penilai_di(aktor: Aktor) -> bool:
    """Is this person the atasan pejabat penilai stored on any SKP?"""
    return aktor.pegawai_id is not None and (
        SKP.select().where(SKP.atasan_penilai == aktor.pegawai_id).exists()
    )


def jumlah_lewat_baku(aktor: Aktor) -> int:
    """Evaluations whose next move is this person's and that wait longer than the SOP allows."""
    opsi, moment = skp_service.opsi_kantor(), now()
    late = 0
    waiting = {
        ev.id: (ev, pihak)
        for pihak, finder in (
            (Pihak.PEGAWAI, menunggu_pegawai),
            (Pihak.PEJABAT_PENILAI, menunggu_penilai),
            (Pihak.ATASAN_PEJABAT_PENILAI, menunggu_atasan),
        )
        for ev in finder(aktor)
    }
    for ev, pihak in waiting.values():
        mine = [
            t
            for t in alur(ev).tersedia(ev.status, pihak_pada(aktor, ev), opsi)
            if t.utama and pihak in t.pihak
        ]
        baku = mine[0].menit_baku if mine else 0
        if baku and rantai.menit(ev.status_sejak, moment) > baku:
            late += 1
    return late
