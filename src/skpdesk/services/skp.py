"""SKP planning services: create, fill, and move an SKP along the planning workflow table."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from skpdesk.domain.aturan import adalah_pp46
from skpdesk.domain.berakhlak import BERAKHLAK
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import JenisJabatan, Peran, cari_golongan
from skpdesk.domain.nip import format_nip
from skpdesk.domain.perbandingan import Perubahan, beda_isi
from skpdesk.domain.skp import (
    LAMPIRAN_BAGIAN,
    Aspek,
    IsianIKI,
    IsianRHK,
    JenisRHK,
    Pendekatan,
    Perspektif,
    parse_target,
    periksa_kegiatan_pp46,
    periksa_untuk_diajukan,
)
from skpdesk.domain.workflow import (
    AKSI_PENGEMBALIAN,
    ALUR_SKP,
    PENGISI_SKP,
    STATUS_DAPAT_DIUBAH,
    STATUS_EKSPEKTASI,
    Pihak,
    StatusSKP,
    Transisi,
)
from skpdesk.i18n import _
from skpdesk.services import pegawai as pegawai_service
from skpdesk.services import rantai
from skpdesk.services.context import Aktor, catat, kunci_dahulu, now, wajib, wajib_peran
from skpdesk.services.errors import TidakDitemukan, ValidasiGagal
from skpdesk.store.models import (
    SKP,
    EkspektasiPerilaku,
    IndikatorKinerja,
    Instansi,
    KegiatanPP46,
    Pegawai,
    Pengaturan,
    PeranHasil,
    RencanaHasilKerja,
    Riwayat,
    db,
)

ENTITAS = Entitas.SKP  # kept for the UI; new code names Entitas.SKP


# --- who is who on this document ----------------------------------------------------------


def pihak_pada(aktor: Aktor, skp: SKP) -> set[Pihak]:
    """The parts this person plays on this SKP, from the data stored on it."""
    found: set[Pihak] = set()
    if aktor.pegawai_id is not None:
        if aktor.pegawai_id == skp.pegawai_id:
            found.add(Pihak.PEGAWAI)
        if aktor.pegawai_id == skp.penilai_id:
            found.add(Pihak.PEJABAT_PENILAI)
        if aktor.pegawai_id == skp.atasan_penilai_id:
            found.add(Pihak.ATASAN_PEJABAT_PENILAI)
    if aktor.punya(Peran.PENGADMINISTRASI_KEPEGAWAIAN):
        found.add(Pihak.PENGADMINISTRASI_KEPEGAWAIAN)
    return found


def opsi_kantor() -> list[str]:
    setting = Pengaturan.select().join(Instansi).order_by(Instansi.dibuat).first()
    return list(setting.opsi_alur or []) if setting else []


def aksi_tersedia(aktor: Aktor, skp: SKP) -> list[Transisi]:
    """What the UI offers this person now: asked of the table, never decided here."""
    return rantai.tersedia(RANTAI, aktor, skp)


def boleh_mengubah(aktor: Aktor, skp: SKP) -> bool:
    return skp.status in STATUS_DAPAT_DIUBAH | {StatusSKP.PERLU_REVISI} and bool(
        pihak_pada(aktor, skp) & PENGISI_SKP
    )


def ambil(skp_id: uuid.UUID) -> SKP:
    skp = SKP.get_or_none(SKP.id == skp_id)
    if skp is None:
        raise TidakDitemukan(_("SKP tidak ditemukan."))
    return skp


def cari(skp_id: uuid.UUID | None) -> SKP | None:
    """The SKP, or None when it is gone (the editor then shows nothing)."""
    return SKP.get_or_none(SKP.id == skp_id) if skp_id is not None else None


def ekspektasi_skp(skp: SKP) -> dict[int, str]:
    """Ekspektasi khusus pimpinan per BerAKHLAK number."""
    return {
        e.nomor: e.ekspektasi_khusus
        for e in EkspektasiPerilaku.select().where(EkspektasiPerilaku.skp == skp)
    }


# --- creating -------------------------------------------------------------------------------


def data_orang(pegawai: Pegawai | None) -> dict[str, str]:
    """The header-block fields of one person, as printed (docs/domain.md §2.3)."""
    if pegawai is None:
        return {}
    try:
        pangkat = cari_golongan(pegawai.status, pegawai.golongan).label
    except ValueError:
        pangkat = pegawai.golongan
    return {
        "id": str(pegawai.id),
        "nama": pegawai.nama_lengkap,
        "nip": format_nip(pegawai.nip),
        "pangkat_gol": pangkat,
        "jabatan": pegawai.jabatan.nama if pegawai.jabatan else "",
        "jenis_jabatan": pegawai.jabatan.jenis if pegawai.jabatan else "",
        "unit": pegawai.unit.nama if pegawai.unit else "",
    }


def periksa_skp_baru(
    aktor: Aktor,
    tahun: int,
    pegawai_id: uuid.UUID | None,
    tgl_mulai: dt.date | None,
    tgl_selesai: dt.date | None,
) -> tuple[Pegawai, dt.date, dt.date]:
    """Who the new SKP is for and its dates, once the right and the period are checked.

    Shared by every regime's "start an SKP": the pegawai herself, or the personnel office.
    """
    pegawai_id = pegawai_id or aktor.pegawai_id
    wajib(pegawai_id is not None, _("Akun ini tidak terhubung dengan data pegawai."))
    if pegawai_id != aktor.pegawai_id:
        wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    pegawai = Pegawai.get_or_none(Pegawai.id == pegawai_id)
    if pegawai is None or not pegawai.aktif:
        raise TidakDitemukan(_("Pegawai tidak ditemukan atau tidak aktif."))
    mulai = tgl_mulai or dt.date(tahun, 1, 1)
    selesai = tgl_selesai or dt.date(tahun, 12, 31)
    errors: dict[str, str] = {}
    if not 2000 <= tahun <= 2100:
        errors["tahun"] = _("Tahun tidak wajar.")
    elif not (mulai.year == selesai.year == tahun and mulai <= selesai):
        errors["periode"] = _("Periode SKP harus di dalam tahun {tahun}.").format(tahun=tahun)
    elif (
        SKP.select()
        .where((SKP.pegawai == pegawai) & (SKP.tahun == tahun) & (SKP.tgl_mulai == mulai))
        .exists()
    ):
        errors["tahun"] = _("SKP {nama} untuk periode ini sudah ada.").format(
            nama=pegawai.nama_lengkap
        )
    if errors:
        raise ValidasiGagal(errors)
    return pegawai, mulai, selesai


def buat_skp(
    aktor: Aktor,
    tahun: int,
    *,
    pegawai_id: uuid.UUID | None = None,
    pendekatan: Pendekatan = Pendekatan.KUANTITATIF,
    tgl_mulai: dt.date | None = None,
    tgl_selesai: dt.date | None = None,
) -> SKP:
    """Start a draft SKP; the penilai and his atasan are taken from the roster and stored."""
    pegawai, mulai, selesai = periksa_skp_baru(aktor, tahun, pegawai_id, tgl_mulai, tgl_selesai)
    penilai = pegawai.atasan
    atasan_penilai = penilai.atasan if penilai else None
    jenis = pegawai.jabatan.jenis if pegawai.jabatan else ""
    with db.atomic():
        skp = SKP.create(
            id=uuid.uuid4(),
            pegawai=pegawai,
            tahun=tahun,
            tgl_mulai=mulai,
            tgl_selesai=selesai,
            varian="JPT" if jenis == JenisJabatan.JPT else "JA_JF",
            pendekatan=Pendekatan(pendekatan).value,
            status=ALUR_SKP.status_awal,
            penilai=penilai,
            atasan_penilai=atasan_penilai,
            snapshot={
                "pegawai": data_orang(pegawai),
                "penilai": data_orang(penilai),
                "atasan_penilai": data_orang(atasan_penilai),
            },
            lampiran={key: [] for key, _label in LAMPIRAN_BAGIAN},
            status_sejak=now(),
            dibuat=now(),
            diubah=now(),
        )
        for nilai in BERAKHLAK:
            EkspektasiPerilaku.create(id=uuid.uuid4(), skp=skp, nomor=nilai.nomor)
        catat(
            aktor,
            Entitas.SKP,
            skp.id,
            "buat",
            ke=skp.status,
            rincian={"tahun": tahun, "penilai": skp.snapshot["penilai"].get("nip")},
        )
        sinkron_matriks(skp)
    return skp


# --- filling ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class IsiSKP:
    """Everything the editor saves at once."""

    pendekatan: str
    rhk: Sequence[IsianRHK]
    lampiran: dict[str, list[str]] = field(default_factory=dict)


def _periksa_isi(skp: SKP, isi: IsiSKP) -> dict[str, str]:
    """Field faults of a draft (a draft may be incomplete, but what is typed must make sense)."""
    errors: dict[str, str] = {}
    try:
        Pendekatan(isi.pendekatan)
    except ValueError:
        errors["pendekatan"] = _("Pendekatan harus Kuantitatif atau Kualitatif.")
    pilihan_atasan = {r.id for r in rhk_atasan_pilihan(skp)}
    for i, r in enumerate(isi.rhk):
        if r.jenis not in set(JenisRHK):
            errors[f"rhk.{i}.jenis"] = _("Jenis RHK harus Utama atau Tambahan.")
        if r.intervensi_id is not None and r.intervensi_id not in pilihan_atasan:
            errors[f"rhk.{i}.intervensi"] = _(
                "RHK pimpinan yang diintervensi harus diambil dari SKP pejabat penilai tahun ini."
            )
        if r.perspektif and r.perspektif not in {p.value for p in Perspektif}:
            errors[f"rhk.{i}.perspektif"] = _("Perspektif tidak dikenal.")
        for j, iki in enumerate(r.iki):
            if iki.aspek not in set(Aspek):
                errors[f"rhk.{i}.iki.{j}.aspek"] = _(
                    "Aspek harus Kuantitas, Kualitas, Waktu atau Biaya."
                )
            if iki.target.strip():
                try:
                    parse_target(iki.target, iki.satuan or "-")
                except ValueError as exc:
                    errors[f"rhk.{i}.iki.{j}.target"] = str(exc)
    for key in isi.lampiran:
        if key not in dict(LAMPIRAN_BAGIAN):
            errors[f"lampiran.{key}"] = _("Bagian lampiran tidak dikenal.")
    return errors


def simpan_isi(aktor: Aktor, skp_id: uuid.UUID, isi: IsiSKP) -> SKP:
    """Save the editor's content; only the pegawai, only while the SKP is a draft."""
    with db.atomic():
        kunci_dahulu(Entitas.SKP, skp_id)
        skp = ambil(skp_id)
        wajib(
            pihak_pada(aktor, skp) & PENGISI_SKP,
            _("Hanya pegawai pemilik SKP yang dapat mengisi SKP ini."),
        )
        if skp.status == StatusSKP.PERLU_REVISI:
            skp = rantai.jalankan(RANTAI, aktor, skp, "perbaiki")
        wajib(
            skp.status in STATUS_DAPAT_DIUBAH,
            _("SKP berstatus {status} tidak dapat diubah.").format(
                status=ALUR_SKP.label(skp.status)
            ),
        )
        errors = _periksa_isi(skp, isi)
        if errors:
            raise ValidasiGagal(errors)
        _terapkan_isi(skp, isi)
        skp.pendekatan = isi.pendekatan
        skp.lampiran = {
            key: [line.strip() for line in isi.lampiran.get(key, []) if line.strip()]
            for key, _label in LAMPIRAN_BAGIAN
        }
        skp.versi += 1
        skp.diubah = now()
        skp.save()
        catat(
            aktor,
            Entitas.SKP,
            skp.id,
            "ubah",
            rincian={
                "versi": skp.versi,
                "rhk": len(isi.rhk),
                "iki": sum(len(r.iki) for r in isi.rhk),
            },
        )
    return skp


def _terapkan_isi(skp: SKP, isi: IsiSKP) -> None:
    existing = {r.id: r for r in skp.rhk}
    kept = {r.id for r in isi.rhk if r.id is not None}
    for gone in set(existing) - kept:
        row = existing[gone]
        if row.dari_peran_hasil is not None and PeranHasil.get_or_none(
            PeranHasil.id == row.dari_peran_hasil
        ):
            raise ValidasiGagal(
                {
                    "rhk": _(
                        "RHK \u201c{uraian}\u201d berasal dari matriks peran hasil atasan dan "
                        "tidak dapat dihapus di sini; minta pejabat penilai mengubah matriksnya."
                    ).format(uraian=row.uraian)
                }
            )
        if row.peran_hasil.exists():
            raise ValidasiGagal(
                {
                    "rhk": _(
                        "RHK \u201c{uraian}\u201d sudah dibagikan kepada bawahan di matriks "
                        "peran hasil; hapus pembagiannya terlebih dahulu."
                    ).format(uraian=row.uraian)
                }
            )
        if _ada_realisasi(row.iki):
            raise ValidasiGagal({"rhk": _pesan_realisasi(row.uraian)})
        row.delete_instance(recursive=False)
    for i, r in enumerate(isi.rhk):
        row = existing.get(r.id) if r.id is not None else None
        if r.id is not None and row is None:
            raise ValidasiGagal({f"rhk.{i}": _("RHK ini sudah tidak ada; muat ulang SKP.")})
        if row is None:
            row = RencanaHasilKerja(id=uuid.uuid4(), skp=skp)
            created = True
        else:
            created = False
        row.urutan = i
        # A row prefilled from the leader's matriks peran hasil keeps the agreed text and link.
        if row.dari_peran_hasil is None:
            row.jenis = r.jenis
            row.uraian = r.uraian.strip()
            row.intervensi = r.intervensi_id
        row.penugasan = r.penugasan.strip()
        row.perspektif = r.perspektif
        row.ukuran_keberhasilan = r.ukuran_keberhasilan.strip()
        row.save(force_insert=created)
        old_iki = {k.id: k for k in row.iki} if not created else {}
        keep_iki = {k.id for k in r.iki if k.id is not None}
        for gone in set(old_iki) - keep_iki:
            # An IKI already reported on in an evaluation keeps its realisasi: refuse, in words.
            if _ada_realisasi([old_iki[gone]]):
                raise ValidasiGagal({f"rhk.{i}": _pesan_realisasi(old_iki[gone].indikator)})
            old_iki[gone].delete_instance()
        for j, k in enumerate(r.iki):
            iki = old_iki.get(k.id) if k.id is not None else None
            new = iki is None
            if new:
                iki = IndikatorKinerja(id=uuid.uuid4(), rhk=row)
            iki.urutan = j
            iki.aspek = k.aspek
            iki.indikator = k.indikator.strip()
            iki.target_teks = k.target.strip()
            iki.satuan = k.satuan.strip()
            if k.target.strip():
                target = parse_target(k.target, k.satuan or "-")
                iki.target_min, iki.target_max = target.minimum, target.maksimum
            else:
                iki.target_min = iki.target_max = None
            iki.save(force_insert=new)


def _ada_realisasi(iki: Any) -> bool:
    return any(k.realisasi.exists() for k in iki)


def _pesan_realisasi(apa: str) -> str:
    return _(
        "\u201c{apa}\u201d sudah memiliki realisasi pada evaluasi kinerja dan tidak dapat "
        "dihapus; ubah uraiannya bila perlu."
    ).format(apa=" ".join(apa.split()))


def isian(skp: SKP) -> list[IsianRHK]:
    """The stored content in the editor's shape (also what ajukan checks)."""
    rows = []
    for r in skp.rhk.order_by(RencanaHasilKerja.urutan):
        rows.append(
            IsianRHK(
                jenis=r.jenis,
                uraian=r.uraian,
                iki=[
                    IsianIKI(k.aspek, k.indikator, k.target_teks, k.satuan, id=k.id)
                    for k in r.iki.order_by(IndikatorKinerja.urutan)
                ],
                ukuran_keberhasilan=r.ukuran_keberhasilan,
                intervensi_id=r.intervensi_id,
                penugasan=r.penugasan,
                perspektif=r.perspektif,
                id=r.id,
            )
        )
    return rows


# --- moving along the workflow -----------------------------------------------------------------


def _syarat_ajukan(aktor: Aktor, skp: SKP, t: Transisi) -> None:
    """An SKP goes to its penilai complete, and only when it has one."""
    if adalah_pp46(skp.regime):
        # A PP 46 SKP holds kegiatan, not RHK.
        rows = skp.kegiatan_pp46.order_by(KegiatanPP46.urutan)
        faults = periksa_kegiatan_pp46([(r.kegiatan, r.target_kuantitas) for r in rows])
    else:
        faults = periksa_untuk_diajukan(Pendekatan(skp.pendekatan), isian(skp))
    if skp.penilai_id is None:
        faults.insert(
            0,
            _(
                "SKP ini belum memiliki pejabat penilai. Minta pengelola kepegawaian mengatur "
                "atasan langsung Anda."
            ),
        )
    if faults:
        raise ValidasiGagal({"isi": "\n".join(faults)})


def _sesudah_draft(aktor: Aktor, skp: SKP, t: Transisi) -> None:
    # Back in the pegawai's hands: the leader's matriks may have changed meanwhile.
    sinkron_matriks(skp)


RANTAI = rantai.Rantai(
    entitas=Entitas.SKP,
    alur=ALUR_SKP,
    pihak=pihak_pada,
    opsi=opsi_kantor,
    syarat={"ajukan": _syarat_ajukan},
    sesudah_ke={StatusSKP.DRAFT: _sesudah_draft},
    aksi_pengembalian=AKSI_PENGEMBALIAN,
    # The note stays on top of the editor until the pegawai submits again.
    catatan_sampai=frozenset({"ajukan"}),
)
"""The SKP planning chain (docs/sop.md: SOP 023/BKPPD-BLG/II/2020); PP 46 SKPs share it."""


def jalankan(aktor: Aktor, skp_id: uuid.UUID, aksi: str, catatan: str = "") -> SKP:
    """Take one action of the table on one SKP, if the table gives it to this person now."""
    with db.atomic():
        skp = ambil(skp_id)
        # The version returned is kept in the return's history row: the penilai later reads
        # what changed against it (perubahan_sejak_dikembalikan).
        rincian = {ISI_DIKEMBALIKAN: potret_isi(skp)} if aksi == "kembalikan" else None
        return rantai.jalankan(RANTAI, aktor, skp, aksi, catatan, rincian)


ISI_DIKEMBALIKAN = "isi_dikembalikan"


def potret_isi(skp: SKP) -> list[dict[str, Any]]:
    """The SKP's RHK and IKI texts as plain data (domain/perbandingan.py's shape)."""
    return [
        {
            "id": str(r.id),
            "jenis": r.jenis,
            "uraian": r.uraian,
            "intervensi": r.intervensi.uraian if r.intervensi is not None else "",
            "iki": [
                {"id": str(k.id), "aspek": k.aspek, "indikator": k.indikator,
                 "target": f"{k.target_teks} {k.satuan}".strip()}
                for k in r.iki.order_by(IndikatorKinerja.urutan)
            ],
        }
        for r in skp.rhk.order_by(RencanaHasilKerja.urutan)
    ]


@dataclass(frozen=True)
class PerubahanSejakKembali:
    dikembalikan: Riwayat  # the return: who, when, the note
    perubahan: list[Perubahan]


def perubahan_sejak_dikembalikan(skp: SKP) -> PerubahanSejakKembali | None:
    """For a resubmitted SKP: what its content changed since the version last returned.

    None when the SKP waits for no decision after a return (never returned, not submitted
    again, or returned before this record kept the returned version)."""
    if skp.status != StatusSKP.DIAJUKAN:
        return None
    row = rantai.riwayat_terakhir(Entitas.SKP, skp.id, {"kembalikan"})
    if row is None or not isinstance(row.rincian, dict) or ISI_DIKEMBALIKAN not in row.rincian:
        return None
    return PerubahanSejakKembali(row, beda_isi(row.rincian[ISI_DIKEMBALIKAN], potret_isi(skp)))


def ajukan(aktor: Aktor, skp_id: uuid.UUID) -> SKP:
    return jalankan(aktor, skp_id, "ajukan")


def setujui(aktor: Aktor, skp_id: uuid.UUID, catatan: str = "") -> SKP:
    return jalankan(aktor, skp_id, "setujui", catatan)


def kembalikan(aktor: Aktor, skp_id: uuid.UUID, catatan: str) -> SKP:
    return jalankan(aktor, skp_id, "kembalikan", catatan)


def buka_kembali(aktor: Aktor, skp_id: uuid.UUID, alasan: str) -> SKP:
    return jalankan(aktor, skp_id, "buka_kembali", alasan)


# --- ekspektasi, matriks peran hasil, handover -------------------------------------------------


def atur_ekspektasi(aktor: Aktor, skp_id: uuid.UUID, nomor: int, teks: str) -> EkspektasiPerilaku:
    """The penilai writes his ekspektasi khusus for one BerAKHLAK value."""
    with db.atomic():
        kunci_dahulu(Entitas.SKP, skp_id)
        skp = ambil(skp_id)
        wajib(
            Pihak.PEJABAT_PENILAI in pihak_pada(aktor, skp),
            _("Ekspektasi khusus ditulis oleh pejabat penilai SKP ini."),
        )
        wajib(
            skp.status in STATUS_EKSPEKTASI,
            _("Ekspektasi tidak dapat diubah pada SKP berstatus {s}.").format(
                s=ALUR_SKP.label(skp.status)
            ),
        )
        if not 1 <= nomor <= len(BERAKHLAK):
            raise ValidasiGagal({"nomor": _("Nilai BerAKHLAK tidak dikenal.")})
        row = EkspektasiPerilaku.get(
            (EkspektasiPerilaku.skp == skp) & (EkspektasiPerilaku.nomor == nomor)
        )
        teks = teks.strip()
        if row.ekspektasi_khusus == teks:
            return row
        before = row.ekspektasi_khusus
        row.ekspektasi_khusus = teks
        row.save()
        skp.versi += 1
        skp.save()
        catat(
            aktor,
            Entitas.SKP,
            skp.id,
            "atur_ekspektasi",
            dari=before or None,
            ke=teks or None,
            rincian={"nilai": BERAKHLAK[nomor - 1].nama},
        )
    return row


def rhk_atasan_pilihan(skp: SKP) -> list[RencanaHasilKerja]:
    """The RHK of the penilai's own SKP for the same year: what this SKP may intervene in."""
    if skp.penilai_id is None:
        return []
    return list(
        RencanaHasilKerja.select()
        .join(SKP)
        .where((SKP.pegawai == skp.penilai_id) & (SKP.tahun == skp.tahun))
        .order_by(SKP.tgl_mulai, RencanaHasilKerja.jenis.desc(), RencanaHasilKerja.urutan)
    )


def sinkron_matriks(skp: SKP) -> int:
    """Bring the matriks peran hasil cells for this pegawai into her draft as prefilled RHK."""
    if skp.status not in STATUS_DAPAT_DIUBAH or adalah_pp46(skp.regime):
        return 0
    cells = (
        PeranHasil.select()
        .join(RencanaHasilKerja)
        .join(SKP)
        .where((PeranHasil.bawahan == skp.pegawai_id) & (SKP.tahun == skp.tahun))
    )
    added = 0
    for cell in cells:
        row = RencanaHasilKerja.get_or_none(
            (RencanaHasilKerja.skp == skp) & (RencanaHasilKerja.dari_peran_hasil == cell.id)
        )
        if row is None:
            urutan = skp.rhk.count()
            RencanaHasilKerja.create(
                id=uuid.uuid4(),
                skp=skp,
                jenis=JenisRHK.UTAMA.value,
                urutan=urutan,
                uraian=cell.uraian,
                intervensi=cell.rhk_atasan_id,
                dari_peran_hasil=cell.id,
            )
            added += 1
        elif row.uraian != cell.uraian or row.intervensi_id != cell.rhk_atasan_id:
            row.uraian, row.intervensi = cell.uraian, cell.rhk_atasan_id
            row.save()
    # A cell the leader removed takes its prefilled row with it, while still a draft.
    cell_ids = {c.id for c in cells}
    for row in skp.rhk.where(RencanaHasilKerja.dari_peran_hasil.is_null(False)):
        if row.dari_peran_hasil not in cell_ids:
            row.delete_instance(recursive=True)
    return added


def atur_peran_hasil(
    aktor: Aktor, rhk_atasan_id: uuid.UUID, bawahan_id: uuid.UUID, uraian: str
) -> PeranHasil | None:
    """Fill (or, with empty text, clear) one cell of the penilai's matriks peran hasil."""
    with db.atomic():
        rhk = RencanaHasilKerja.get_or_none(RencanaHasilKerja.id == rhk_atasan_id)
        if rhk is not None:
            kunci_dahulu(Entitas.SKP, rhk.skp_id)
            rhk = RencanaHasilKerja.get_or_none(RencanaHasilKerja.id == rhk_atasan_id)
        if rhk is None:
            raise TidakDitemukan(_("RHK tidak ditemukan."))
        wajib(
            aktor.pegawai_id is not None and rhk.skp.pegawai_id == aktor.pegawai_id,
            _("Hanya pemilik RHK yang dapat membaginya kepada bawahan."),
        )
        bawahan = Pegawai.get_or_none(Pegawai.id == bawahan_id)
        wajib(
            bawahan is not None and bawahan.atasan_id == aktor.pegawai_id and bawahan.aktif,
            _("RHK hanya dapat dibagikan kepada bawahan langsung yang aktif."),
        )
        cell = PeranHasil.get_or_none(
            (PeranHasil.rhk_atasan == rhk) & (PeranHasil.bawahan == bawahan)
        )
        uraian = " ".join(uraian.split())
        before = cell.uraian if cell else None
        if not uraian:
            if cell is None:
                return None
            cell.delete_instance()
            cell = None
        elif cell is None:
            cell = PeranHasil.create(
                id=uuid.uuid4(), rhk_atasan=rhk, bawahan=bawahan, uraian=uraian, dibuat=now()
            )
        elif cell.uraian != uraian:
            cell.uraian = uraian
            cell.save()
        else:
            return cell
        # The cell belongs to the leader's RHK: it is part of the leader's SKP content
        # (store/isi.py), so its history row is the SKP's.
        catat(
            aktor,
            Entitas.SKP,
            rhk.skp_id,
            "atur_peran_hasil",
            dari=before,
            ke=uraian or None,
            rincian={"rhk_atasan": rhk.uraian, "rhk_atasan_id": str(rhk.id),
                     "bawahan": bawahan.nip},
        )
        for target in SKP.select().where((SKP.pegawai == bawahan) & (SKP.tahun == rhk.skp.tahun)):
            sinkron_matriks(target)
    return cell


def ganti_penilai(
    aktor: Aktor, skp_id: uuid.UUID, penilai_id: uuid.UUID | None, alasan: str
) -> SKP:
    """Hand an SKP over to a new pejabat penilai (mutasi, Plt.): its history stays whole."""
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    if not alasan.strip():
        raise ValidasiGagal({"alasan": _("Alasan penggantian pejabat penilai wajib diisi.")})
    with db.atomic():
        kunci_dahulu(Entitas.SKP, skp_id)
        skp = ambil(skp_id)
        penilai = Pegawai.get_or_none(Pegawai.id == penilai_id) if penilai_id else None
        if penilai_id and (penilai is None or not penilai.aktif):
            raise ValidasiGagal(
                {"penilai": _("Pejabat penilai baru tidak ditemukan atau tidak aktif.")}
            )
        if penilai is not None and penilai.id == skp.pegawai_id:
            raise ValidasiGagal({"penilai": _("Pegawai tidak dapat menilai SKP-nya sendiri.")})
        before = skp.snapshot.get("penilai", {}).get("nip")
        skp.penilai = penilai
        skp.atasan_penilai = penilai.atasan if penilai else None
        skp.snapshot = {
            **skp.snapshot,
            "penilai": data_orang(penilai),
            "atasan_penilai": data_orang(skp.atasan_penilai),
        }
        skp.versi += 1
        skp.save()
        catat(
            aktor,
            Entitas.SKP,
            skp.id,
            "ganti_penilai",
            dari=before,
            ke=skp.snapshot["penilai"].get("nip"),
            catatan=alasan.strip(),
        )
    return skp


# --- reading -------------------------------------------------------------------------------------


def skp_milik(pegawai_id: uuid.UUID) -> list[SKP]:
    return list(
        SKP.select()
        .where(SKP.pegawai == pegawai_id)
        .order_by(SKP.tahun.desc(), SKP.tgl_mulai.desc())
    )


def skp_dinilai(penilai_id: uuid.UUID, tahun: int | None = None) -> list[SKP]:
    query = (
        SKP.select().join(Pegawai, on=(SKP.pegawai == Pegawai.id)).where(SKP.penilai == penilai_id)
    )
    if tahun is not None:
        query = query.where(SKP.tahun == tahun)
    return list(query.order_by(Pegawai.nama))


def catatan_pengembalian(skp: SKP) -> Riwayat | None:
    """The penilai's return note, shown on top of the editor until the SKP is resubmitted."""
    return rantai.catatan_pengembalian(RANTAI, skp)


Peristiwa = rantai.Peristiwa  # kept for callers that name it here

def linimasa(skp: SKP) -> list[rantai.Peristiwa]:
    # The leader's matriks cells are recorded on the SKP but are not steps of its chain.
    return rantai.linimasa(Entitas.SKP, skp.id, pengembalian=RANTAI.aksi_pengembalian,
                           kecuali={"atur_peran_hasil"})


@dataclass(frozen=True)
class Tunggakan:
    """An SKP waiting on someone longer than the SOP allows for the next step."""

    skp: SKP
    transisi: Transisi
    menit_menunggu: int

    @property
    def lewat(self) -> bool:
        return self.transisi.menit_baku > 0 and self.menit_menunggu > self.transisi.menit_baku


def tunggakan(
    skp: SKP, pada: dt.datetime | None = None, opsi: Sequence[str] | None = None
) -> Tunggakan | None:
    """The primary next step and how long it has waited; None when nothing is pending."""
    steps = ALUR_SKP.aksi_dari(skp.status, opsi_kantor() if opsi is None else opsi)
    primary = next((t for t in steps if t.utama), None)
    if primary is None:
        return None
    return Tunggakan(skp, primary, rantai.menit(skp.status_sejak, pada or now()))


# --- lists for the role tabs ----------------------------------------------------------------------


@dataclass(frozen=True)
class BarisSKP:
    """One line of an SKP list: whose, which period, where it stands, whose move it is."""

    id: uuid.UUID | None  # None: a subordinate who has no SKP for the year yet
    pegawai_id: uuid.UUID
    nama: str
    nip: str
    jabatan: str
    tahun: int
    tgl_mulai: dt.date | None
    tgl_selesai: dt.date | None
    status: str
    status_label: str
    penilai: str
    aksi_saya: str  # the label of my primary action now, or ""
    menunggu_saya: bool  # the next move is mine (and not also the other side's)
    menit_menunggu: int
    lewat_baku: bool  # waiting longer than the SOP's standard time for the next step


def _baris(
    aktor: Aktor, skp: SKP, opsi: list[str], pihak_saya: Pihak, moment: dt.datetime
) -> BarisSKP:
    pihak = pihak_pada(aktor, skp)
    mine = [t for t in ALUR_SKP.tersedia(skp.status, pihak, opsi) if t.utama]
    # "Waiting on me" counts only moves that belong to my side of this list.
    menunggu = any(pihak_saya in t.pihak for t in mine)
    pending = tunggakan(skp, moment, opsi)
    pegawai = skp.snapshot.get("pegawai", {})
    return BarisSKP(
        id=skp.id,
        pegawai_id=skp.pegawai_id,
        nama=pegawai.get("nama", ""),
        nip=pegawai.get("nip", ""),
        jabatan=pegawai.get("jabatan", ""),
        tahun=skp.tahun,
        tgl_mulai=skp.tgl_mulai,
        tgl_selesai=skp.tgl_selesai,
        status=skp.status,
        status_label=ALUR_SKP.label(skp.status),
        penilai=skp.snapshot.get("penilai", {}).get("nama", ""),
        aksi_saya=mine[0].label if mine else "",
        menunggu_saya=menunggu,
        menit_menunggu=pending.menit_menunggu if pending else 0,
        lewat_baku=bool(pending and pending.lewat),
    )


def daftar_skp_saya(aktor: Aktor) -> list[BarisSKP]:
    """The person's own SKPs, newest period first."""
    if aktor.pegawai_id is None:
        return []
    opsi, moment = opsi_kantor(), now()
    return [_baris(aktor, s, opsi, Pihak.PEGAWAI, moment) for s in skp_milik(aktor.pegawai_id)]


def daftar_bawahan(aktor: Aktor, tahun: int) -> list[BarisSKP]:
    """The SKPs this person rates for a year, and direct subordinates who have none yet."""
    if aktor.pegawai_id is None:
        return []
    opsi, moment = opsi_kantor(), now()
    rows = [
        _baris(aktor, s, opsi, Pihak.PEJABAT_PENILAI, moment)
        for s in skp_dinilai(aktor.pegawai_id, tahun)
    ]
    with_skp = {r.pegawai_id for r in rows}
    tanpa = (
        Pegawai.select()
        .where((Pegawai.atasan == aktor.pegawai_id) & Pegawai.aktif)
        .order_by(Pegawai.nama)
    )
    for p in tanpa:
        if p.id in with_skp:
            continue
        data = data_orang(p)
        rows.append(
            BarisSKP(
                id=None,
                pegawai_id=p.id,
                nama=data["nama"],
                nip=data["nip"],
                jabatan=data["jabatan"],
                tahun=tahun,
                tgl_mulai=None,
                tgl_selesai=None,
                status="",
                status_label=_("Belum ada SKP"),
                penilai=aktor.nama,
                aksi_saya="",
                menunggu_saya=False,
                menit_menunggu=0,
                lewat_baku=False,
            )
        )
    return rows


def punya_bawahan(aktor: Aktor) -> bool:
    """Someone's pejabat penilai: by the roster now, or stored on any SKP."""
    if aktor.pegawai_id is None:
        return False
    return (
        Pegawai.select().where((Pegawai.atasan == aktor.pegawai_id) & Pegawai.aktif).exists()
        or SKP.select().where(SKP.penilai == aktor.pegawai_id).exists()
    )


def tahun_bawahan(aktor: Aktor) -> list[int]:
    """The years with SKPs this person rates, and the current year, newest first."""
    years = {now().year}
    if aktor.pegawai_id is not None:
        query = SKP.select(SKP.tahun).where(SKP.penilai == aktor.pegawai_id).distinct()
        years |= {row.tahun for row in query}
    return sorted(years, reverse=True)


def tahun_menunggu_sejak() -> int:
    """The oldest year whose SKPs still wait on someone now (docs/sop.md, "What waits now").

    An SKP plans its own year; once the year is over what is left of its paperwork is history,
    shown in the lists but no longer counted on tabs or as late.
    """
    return now().year


def _skp_menunggu(party: Any, pegawai_id: uuid.UUID, pihak: Pihak) -> list[SKP]:
    """SKPs of this party still open now, in a state whose primary move may be ``pihak``'s."""
    return list(
        SKP.select().where(
            (party == pegawai_id)
            & SKP.status.in_(sorted(ALUR_SKP.status_menunggu(pihak)))
            & (SKP.tahun >= tahun_menunggu_sejak())
        )
    )


def jumlah_menunggu_saya(aktor: Aktor) -> int:
    """Own SKPs whose next move is the pegawai's now (the count on the *SKP Saya* tab)."""
    if aktor.pegawai_id is None:
        return 0
    opsi, moment = opsi_kantor(), now()
    return sum(
        _baris(aktor, s, opsi, Pihak.PEGAWAI, moment).menunggu_saya
        for s in _skp_menunggu(SKP.pegawai, aktor.pegawai_id, Pihak.PEGAWAI)
    )


def jumlah_menunggu_penilai(aktor: Aktor) -> int:
    """Subordinates' SKPs waiting on this penilai now (the count on *Bawahan*)."""
    if aktor.pegawai_id is None:
        return 0
    opsi, moment = opsi_kantor(), now()
    return sum(
        _baris(aktor, s, opsi, Pihak.PEJABAT_PENILAI, moment).menunggu_saya
        for s in _skp_menunggu(SKP.penilai, aktor.pegawai_id, Pihak.PEJABAT_PENILAI)
    )


def rhk_sendiri(aktor: Aktor, tahun: int) -> list[RencanaHasilKerja]:
    """The penilai's own RHK for a year: the rows of his matriks peran hasil."""
    if aktor.pegawai_id is None:
        return []
    return list(
        RencanaHasilKerja.select()
        .join(SKP)
        .where((SKP.pegawai == aktor.pegawai_id) & (SKP.tahun == tahun))
        .order_by(SKP.tgl_mulai, RencanaHasilKerja.jenis.desc(), RencanaHasilKerja.urutan)
    )


def bawahan_langsung(aktor: Aktor) -> list[Pegawai]:
    """The active direct subordinates: the columns of the matriks peran hasil."""
    if aktor.pegawai_id is None:
        return []
    return list(
        Pegawai.select()
        .where((Pegawai.atasan == aktor.pegawai_id) & Pegawai.aktif)
        .order_by(Pegawai.nama)
    )


def matriks_peran_hasil(aktor: Aktor, tahun: int) -> dict[tuple[uuid.UUID, uuid.UUID], str]:
    """The cells of the penilai's matriks for a year: (rhk id, bawahan id) → uraian."""
    rhk_ids = [r.id for r in rhk_sendiri(aktor, tahun)]
    if not rhk_ids:
        return {}
    return {
        (c.rhk_atasan_id, c.bawahan_id): c.uraian
        for c in PeranHasil.select().where(PeranHasil.rhk_atasan.in_(rhk_ids))
    }


def jumlah_lewat_baku(aktor: Aktor) -> int:
    """SKPs whose next move is this person's now and that wait longer than the SOP allows."""
    if aktor.pegawai_id is None:
        return 0
    opsi, moment = opsi_kantor(), now()
    own = [
        _baris(aktor, s, opsi, Pihak.PEGAWAI, moment)
        for s in _skp_menunggu(SKP.pegawai, aktor.pegawai_id, Pihak.PEGAWAI)
    ]
    rated = [
        _baris(aktor, s, opsi, Pihak.PEJABAT_PENILAI, moment)
        for s in _skp_menunggu(SKP.penilai, aktor.pegawai_id, Pihak.PEJABAT_PENILAI)
    ]
    return sum(r.menunggu_saya and r.lewat_baku for r in own + rated)


def skp_berjalan(pegawai_id: uuid.UUID) -> list[SKP]:
    """The pegawai's SKPs still in the cycle (not archived): what a new penilai would take over."""
    return [s for s in skp_milik(pegawai_id) if s.status not in ALUR_SKP.status_akhir]


def ganti_atasan_dan_serahkan(
    aktor: Aktor, pegawai_id: uuid.UUID, atasan_id: uuid.UUID | None, alasan: str
) -> list[SKP]:
    """A new atasan langsung in the roster, and the running SKPs handed over to him at once.

    One transaction: the roster and the SKPs never disagree halfway. The SKPs keep their
    history; the handover is a history row with the reason (mutasi, Plt.).
    """
    if not alasan.strip():
        raise ValidasiGagal({"alasan": _("Alasan penggantian pejabat penilai wajib diisi.")})
    with db.atomic():
        pegawai_service.atur_atasan(aktor, pegawai_id, atasan_id)
        moved = []
        for skp in skp_berjalan(pegawai_id):
            if skp.penilai_id != atasan_id:
                moved.append(ganti_penilai(aktor, skp.id, atasan_id, alasan))
    return moved
