"""PP 46/2011 periods: kegiatan with target and realisasi, tugas tambahan, kreativitas, nilai."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from skpdesk.domain.aturan import (
    PP_46_2011,
    AspekPerilakuPP46,
    KebijakanBatas,
    Regime,
    SebutanPP46,
    TingkatKreativitas,
    adalah_pp46,
)
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import JenisJabatan
from skpdesk.domain.scoring import (
    HasilCapaianSKPPP46,
    HasilKegiatanPP46,
    HasilPrestasiKerjaPP46,
    RealisasiKegiatanPP46,
    TargetKegiatanPP46,
    nilai_capaian_skp_pp46,
    nilai_kegiatan_pp46,
    nilai_prestasi_kerja_pp46,
)
from skpdesk.domain.skp import angka as baca_angka
from skpdesk.domain.skp import periksa_kegiatan_pp46
from skpdesk.domain.workflow import ALUR_SKP, Pihak, StatusSKP
from skpdesk.i18n import _
from skpdesk.services import rantai
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor, catat, kunci_dahulu, now, wajib
from skpdesk.services.errors import TidakDitemukan, ValidasiGagal
from skpdesk.store.models import (
    SKP,
    KegiatanPP46,
    KreativitasPP46,
    PerilakuPP46,
    TugasTambahanPP46,
    db,
)

ENTITAS = Entitas.SKP  # PP 46 content is part of the SKP's own history
REGIME = Regime.PP_46_2011

Angka = Decimal | int | float | str

# Realisasi, tugas tambahan, kreativitas and perilaku belong to an approved SKP.
STATUS_DISETUJUI = frozenset(
    {
        StatusSKP.DISETUJUI,
        StatusSKP.DICETAK,
        StatusSKP.DITANDATANGANI,
        StatusSKP.DISAHKAN_ATASAN,
        StatusSKP.DIKIRIM_BKPSDM,
        StatusSKP.DIARSIPKAN,
    }
)
# Who writes the realisasi, tugas tambahan and kreativitas: the pegawai reports, the penilai
# corrects (he scores the mutu, docs/domain.md §4.2) before the year's assessment.
PENGISI_REALISASI = frozenset({Pihak.PEGAWAI, Pihak.PEJABAT_PENILAI})


# --- reading the SKP -------------------------------------------------------------------------


def ambil(skp_id: uuid.UUID) -> SKP:
    """A PP 46 SKP; an SKP of another regime is refused with a message."""
    skp = skp_service.ambil(skp_id)
    if not adalah_pp46(skp.regime):
        raise ValidasiGagal(
            {"regime": _("SKP ini tidak memakai aturan PP 46/2011; isiannya berupa RHK dan IKI.")}
        )
    return skp


def struktural(skp: SKP) -> bool:
    """Pejabat struktural as the SKP's snapshot has him; kepemimpinan is scored for them only."""
    jenis = (skp.snapshot or {}).get("pegawai", {}).get("jenis_jabatan")
    if not jenis and skp.pegawai.jabatan:
        jenis = skp.pegawai.jabatan.jenis
    try:
        return JenisJabatan(jenis).struktural
    except ValueError:
        return False


def daftar_kegiatan(skp: SKP) -> list[KegiatanPP46]:
    return list(skp.kegiatan_pp46.order_by(KegiatanPP46.urutan))


def daftar_tugas_tambahan(skp: SKP) -> list[TugasTambahanPP46]:
    order = (TugasTambahanPP46.urutan, TugasTambahanPP46.dibuat)
    return list(skp.tugas_tambahan_pp46.order_by(*order))


def kreativitas(skp: SKP) -> KreativitasPP46 | None:
    return KreativitasPP46.get_or_none(KreativitasPP46.skp == skp)


def perilaku(skp: SKP) -> dict[AspekPerilakuPP46, Decimal]:
    return {AspekPerilakuPP46(r.aspek): r.nilai for r in skp.perilaku_pp46}


def kekurangan(skp: SKP) -> list[str]:
    """What keeps the SKP from being submitted: no kegiatan, or one without a target."""
    return periksa_kegiatan_pp46([(r.kegiatan, r.target_kuantitas) for r in daftar_kegiatan(skp)])


# --- creating ----------------------------------------------------------------------------------


def buat_skp_pp46(
    aktor: Aktor,
    tahun: int,
    *,
    pegawai_id: uuid.UUID | None = None,
    tgl_mulai: dt.date | None = None,
    tgl_selesai: dt.date | None = None,
) -> SKP:
    """Start a draft SKP on the PP 46/2011 regime; penilai and his atasan stored from the roster."""
    # PP 46 forms run "2 Januari s/d 31 Desember" (§4.1); the year is what matters here.
    pegawai, mulai, selesai = skp_service.periksa_skp_baru(
        aktor, tahun, pegawai_id, tgl_mulai, tgl_selesai
    )
    penilai = pegawai.atasan
    atasan_penilai = penilai.atasan if penilai else None
    with db.atomic():
        moment = now()
        skp = SKP.create(
            id=uuid.uuid4(),
            pegawai=pegawai,
            tahun=tahun,
            tgl_mulai=mulai,
            tgl_selesai=selesai,
            regime=REGIME.value,
            varian="JA_JF",
            status=ALUR_SKP.status_awal,
            penilai=penilai,
            atasan_penilai=atasan_penilai,
            snapshot={
                "pegawai": skp_service.data_orang(pegawai),
                "penilai": skp_service.data_orang(penilai),
                "atasan_penilai": skp_service.data_orang(atasan_penilai),
            },
            lampiran={},
            status_sejak=moment,
            dibuat=moment,
            diubah=moment,
        )
        catat(
            aktor,
            Entitas.SKP,
            skp.id,
            "buat",
            ke=skp.status,
            rincian={
                "tahun": tahun,
                "regime": REGIME.value,
                "penilai": skp.snapshot["penilai"].get("nip"),
            },
        )
    return skp


# --- numbers as typed -------------------------------------------------------------------------


def _angka(
    nilai: Angka | None, field_name: str, nama: str, errors: dict[str, str]
) -> Decimal | None:
    """A number ≥ 0 from a Decimal or an Indonesian-typed text; "-" and "" are empty."""
    if nilai is None or (isinstance(nilai, str) and nilai.strip() in ("", "-")):
        return None
    try:
        if isinstance(nilai, str):
            hasil = baca_angka(nilai.replace("Rp", "").strip())
        elif isinstance(nilai, bool):
            raise ValueError
        else:
            hasil = Decimal(str(nilai)) if isinstance(nilai, float) else Decimal(nilai)
    except (ValueError, ArithmeticError):
        errors[field_name] = _("{nama} harus berupa angka.").format(nama=nama)
        return None
    if not hasil.is_finite():
        errors[field_name] = _("{nama} harus berupa angka.").format(nama=nama)
        return None
    if hasil < 0:
        errors[field_name] = _("{nama} tidak boleh negatif.").format(nama=nama)
        return None
    return hasil


def _bukan_nol(
    nilai: Decimal | None, field_name: str, pesan: str, errors: dict[str, str]
) -> None:
    if field_name not in errors and (nilai is None or nilai == 0):
        errors[field_name] = pesan


# --- kegiatan tugas jabatan (the plan) -----------------------------------------------------------


@dataclass(frozen=True)
class IsianKegiatan:
    """One row of the Formulir SKP as the editor holds it (§4.1 III)."""

    kegiatan: str
    target_kuantitas: Angka | None
    satuan: str = ""
    target_kualitas: Angka | None = 100
    target_waktu: Angka | None = 12
    target_biaya: Angka | None = None
    angka_kredit: Angka | None = None
    id: uuid.UUID | None = None


def _wajib_pegawai_draft(aktor: Aktor, skp: SKP) -> SKP:
    wajib(
        Pihak.PEGAWAI in skp_service.pihak_pada(aktor, skp),
        _("Hanya pegawai pemilik SKP yang dapat mengisi SKP ini."),
    )
    if skp.status == StatusSKP.PERLU_REVISI:
        skp = rantai.jalankan(skp_service.RANTAI, aktor, skp, "perbaiki")
    wajib(
        skp.status == StatusSKP.DRAFT,
        _("SKP berstatus {status} tidak dapat diubah.").format(status=ALUR_SKP.label(skp.status)),
    )
    return skp


def simpan_kegiatan(aktor: Aktor, skp_id: uuid.UUID, isian: Sequence[IsianKegiatan]) -> SKP:
    """Save the kegiatan tugas jabatan with their targets; the pegawai, while a draft."""
    errors: dict[str, str] = {}
    rows: list[dict[str, object]] = []
    for i, k in enumerate(isian):
        nama = " ".join(k.kegiatan.split())
        if not nama:
            errors[f"kegiatan.{i}.kegiatan"] = _("Uraian kegiatan wajib diisi.")
        row = {
            "kegiatan": nama,
            "satuan": " ".join(k.satuan.split()),
            "target_kuantitas": _angka(
                k.target_kuantitas, f"kegiatan.{i}.kuantitas", _("Target kuantitas"), errors
            ),
            "target_kualitas": _angka(
                k.target_kualitas, f"kegiatan.{i}.kualitas", _("Target kualitas"), errors
            ),
            "target_waktu": _angka(
                k.target_waktu, f"kegiatan.{i}.waktu", _("Target waktu"), errors
            ),
            "target_biaya": _angka(
                k.target_biaya, f"kegiatan.{i}.biaya", _("Target biaya"), errors
            ),
            "angka_kredit": _angka(
                k.angka_kredit, f"kegiatan.{i}.angka_kredit", _("Angka kredit"), errors
            ),
        }
        _bukan_nol(
            row["target_kualitas"],  # type: ignore[arg-type]
            f"kegiatan.{i}.kualitas",
            _("Target kualitas/mutu harus lebih dari 0 (biasanya 100)."),
            errors,
        )
        _bukan_nol(
            row["target_waktu"],  # type: ignore[arg-type]
            f"kegiatan.{i}.waktu",
            _("Target waktu harus lebih dari 0 bulan (biasanya 12)."),
            errors,
        )
        if row["target_kuantitas"] is None and f"kegiatan.{i}.kuantitas" not in errors:
            errors[f"kegiatan.{i}.kuantitas"] = _(
                "Target kuantitas/output wajib diisi (0 bila kegiatan tidak direncanakan)."
            )
        rows.append(row)
    with db.atomic():
        kunci_dahulu(Entitas.SKP, skp_id)
        skp = _wajib_pegawai_draft(aktor, ambil(skp_id))
        existing = {r.id: r for r in daftar_kegiatan(skp)}
        for i, k in enumerate(isian):
            if k.id is not None and k.id not in existing:
                errors[f"kegiatan.{i}"] = _("Kegiatan ini bukan bagian dari SKP ini.")
        if errors:
            raise ValidasiGagal(errors)
        kept = {k.id for k in isian if k.id is not None}
        for gone in set(existing) - kept:
            existing[gone].delete_instance()
        moment = now()
        for urutan, (k, row) in enumerate(zip(isian, rows, strict=True)):
            record = existing.get(k.id) if k.id else None
            if record is None:
                record = KegiatanPP46(id=uuid.uuid4(), skp=skp)
                new = True
            else:
                new = False
            for name, value in row.items():
                setattr(record, name, value)
            record.urutan = urutan
            record.diubah = moment
            record.save(force_insert=new)
        skp.versi += 1
        skp.diubah = moment
        skp.save()
        catat(
            aktor,
            Entitas.SKP,
            skp.id,
            "ubah_kegiatan_pp46",
            rincian={"versi": skp.versi, "kegiatan": len(isian)},
        )
    return skp


# --- realisasi, tugas tambahan, kreativitas ------------------------------------------------------


def _wajib_pengisi_realisasi(aktor: Aktor, skp: SKP, apa: str) -> None:
    wajib(
        skp_service.pihak_pada(aktor, skp) & PENGISI_REALISASI,
        _("{apa} diisi oleh pegawai pemilik SKP atau pejabat penilainya.").format(apa=apa),
    )
    _wajib_disetujui(skp)


def _wajib_disetujui(skp: SKP) -> None:
    wajib(
        skp.status in STATUS_DISETUJUI,
        _(
            "SKP berstatus {status} belum dapat dinilai; realisasi dan penilaian diisi "
            "setelah SKP disetujui pejabat penilai."
        ).format(status=ALUR_SKP.label(skp.status)),
    )


def _kegiatan(kegiatan_id: uuid.UUID) -> KegiatanPP46:
    row = KegiatanPP46.get_or_none(KegiatanPP46.id == kegiatan_id)
    if row is None:
        raise TidakDitemukan(_("Kegiatan tidak ditemukan."))
    return row


def _target(row: KegiatanPP46) -> TargetKegiatanPP46:
    return TargetKegiatanPP46(
        row.target_kuantitas, row.target_kualitas, row.target_waktu, row.target_biaya,
        row.kegiatan,
    )


def _realisasi(row: KegiatanPP46) -> RealisasiKegiatanPP46 | None:
    if row.realisasi_kuantitas is None:
        return None
    return RealisasiKegiatanPP46(
        row.realisasi_kuantitas, row.realisasi_kualitas, row.realisasi_waktu, row.realisasi_biaya
    )


def isi_realisasi(
    aktor: Aktor,
    kegiatan_id: uuid.UUID,
    *,
    kuantitas: Angka | None,
    kualitas: Angka | None = None,
    waktu: Angka | None = None,
    biaya: Angka | None = None,
    angka_kredit: Angka | None = None,
) -> KegiatanPP46:
    """The realisasi of one kegiatan; kuantitas 0 records a kegiatan that was not carried out."""
    errors: dict[str, str] = {}
    values = {
        "realisasi_kuantitas": _angka(kuantitas, "kuantitas", _("Realisasi kuantitas"), errors),
        "realisasi_kualitas": _angka(kualitas, "kualitas", _("Realisasi kualitas"), errors),
        "realisasi_waktu": _angka(waktu, "waktu", _("Realisasi waktu"), errors),
        "realisasi_biaya": _angka(biaya, "biaya", _("Realisasi biaya"), errors),
        "realisasi_angka_kredit": _angka(
            angka_kredit, "angka_kredit", _("Realisasi angka kredit"), errors
        ),
    }
    with db.atomic():
        kunci_dahulu(Entitas.SKP, _kegiatan(kegiatan_id).skp_id)
        row = _kegiatan(kegiatan_id)
        skp = row.skp
        _wajib_pengisi_realisasi(aktor, skp, _("Realisasi"))
        if values["realisasi_kuantitas"] is None and "kuantitas" not in errors:
            errors["kuantitas"] = _(
                "Realisasi kuantitas/output wajib diisi (0 bila tidak dilaksanakan)."
            )
        elif values["realisasi_kuantitas"]:
            for name, pesan in (
                ("kualitas", _("Realisasi kualitas/mutu wajib diisi.")),
                ("waktu", _("Realisasi waktu (bulan) wajib diisi.")),
            ):
                if values[f"realisasi_{name}"] is None and name not in errors:
                    errors[name] = pesan
            if row.target_biaya and values["realisasi_biaya"] is None and "biaya" not in errors:
                errors["biaya"] = _(
                    "Kegiatan ini memiliki target biaya; realisasi biaya wajib diisi."
                )
        if errors:
            raise ValidasiGagal(errors)
        before = _ringkas_realisasi(row)
        for name, value in values.items():
            setattr(row, name, value)
        try:
            nilai = nilai_kegiatan_pp46(_target(row), _realisasi(row))  # type: ignore[arg-type]
        except ValueError as exc:
            raise ValidasiGagal({"realisasi": str(exc)}) from None
        row.diubah = now()
        row.save()
        skp.versi += 1
        skp.diubah = row.diubah
        skp.save()
        catat(
            aktor,
            Entitas.SKP,
            skp.id,
            "realisasi_pp46",
            dari=before,
            ke=_ringkas_realisasi(row),
            rincian={"kegiatan": row.kegiatan, "nilai": str(nilai.nilai_bulat), "versi": skp.versi},
        )
    return row


def _ringkas_realisasi(row: KegiatanPP46) -> str | None:
    if row.realisasi_kuantitas is None:
        return None
    parts = (
        row.realisasi_kuantitas, row.realisasi_kualitas, row.realisasi_waktu, row.realisasi_biaya
    )
    return " / ".join("-" if p is None else str(p.normalize()) for p in parts)


def tambah_tugas_tambahan(
    aktor: Aktor, skp_id: uuid.UUID, uraian: str, dasar: str = ""
) -> TugasTambahanPP46:
    """One tugas tambahan with the surat that assigned it (§4.4)."""
    uraian = " ".join(uraian.split())
    if not uraian:
        raise ValidasiGagal({"uraian": _("Uraian tugas tambahan wajib diisi.")})
    with db.atomic():
        kunci_dahulu(Entitas.SKP, skp_id)
        skp = ambil(skp_id)
        _wajib_pengisi_realisasi(aktor, skp, _("Tugas tambahan"))
        row = TugasTambahanPP46.create(
            id=uuid.uuid4(),
            skp=skp,
            urutan=skp.tugas_tambahan_pp46.count(),
            uraian=uraian,
            dasar=dasar.strip(),
            dibuat=now(),
        )
        _ubah(skp)
        catat(aktor, Entitas.SKP, skp.id, "tugas_tambahan_pp46", ke=uraian,
              rincian={"dasar": row.dasar, "jumlah": skp.tugas_tambahan_pp46.count()})
    return row


def hapus_tugas_tambahan(aktor: Aktor, tugas_id: uuid.UUID) -> None:
    with db.atomic():
        row = TugasTambahanPP46.get_or_none(TugasTambahanPP46.id == tugas_id)
        if row is not None:
            kunci_dahulu(Entitas.SKP, row.skp_id)
            row = TugasTambahanPP46.get_or_none(TugasTambahanPP46.id == tugas_id)
        if row is None:
            raise TidakDitemukan(_("Tugas tambahan tidak ditemukan."))
        skp = row.skp
        _wajib_pengisi_realisasi(aktor, skp, _("Tugas tambahan"))
        row.delete_instance()
        _ubah(skp)
        catat(aktor, Entitas.SKP, skp.id, "hapus_tugas_tambahan_pp46", dari=row.uraian)


def atur_kreativitas(
    aktor: Aktor,
    skp_id: uuid.UUID,
    tingkat: TingkatKreativitas | str | None,
    uraian: str = "",
    dasar: str = "",
) -> KreativitasPP46 | None:
    """The year's kreativitas at its level (unit kerja, organisasi, nasional); None removes it."""
    try:
        level = TingkatKreativitas.dari(tingkat) if tingkat else None
    except ValueError as exc:
        raise ValidasiGagal({"tingkat": str(exc)}) from None
    uraian = " ".join(uraian.split())
    if level is not None and not uraian:
        raise ValidasiGagal({"uraian": _("Uraian kreativitas wajib diisi.")})
    with db.atomic():
        kunci_dahulu(Entitas.SKP, skp_id)
        skp = ambil(skp_id)
        _wajib_pengisi_realisasi(aktor, skp, _("Kreativitas"))
        row = kreativitas(skp)
        before = row.tingkat if row else None
        if level is None:
            if row is None:
                return None
            row.delete_instance()
            row = None
        else:
            new = row is None
            if row is None:
                row = KreativitasPP46(id=uuid.uuid4(), skp=skp)
            row.tingkat, row.uraian, row.dasar = level.value, uraian, dasar.strip()
            row.diubah = now()
            row.save(force_insert=new)
        _ubah(skp)
        catat(aktor, Entitas.SKP, skp.id, "kreativitas_pp46", dari=before,
              ke=level.value if level else None, rincian={"uraian": uraian})
    return row


def _ubah(skp: SKP) -> None:
    skp.versi += 1
    skp.diubah = now()
    skp.save()


# --- perilaku kerja (the penilai) ----------------------------------------------------------------


def nilai_perilaku(
    aktor: Aktor, skp_id: uuid.UUID, nilai: Mapping[AspekPerilakuPP46 | str, Angka | None]
) -> dict[AspekPerilakuPP46, Decimal]:
    """The pejabat penilai scores perilaku aspects 0–100; kepemimpinan for pejabat struktural."""
    errors: dict[str, str] = {}
    scores: dict[AspekPerilakuPP46, Decimal | None] = {}
    for key, value in nilai.items():
        try:
            aspek = AspekPerilakuPP46.dari(key)
        except ValueError as exc:
            errors[str(key)] = str(exc)
            continue
        v = _angka(value, aspek.value, aspek.label, errors)
        if v is not None and v > 100:
            errors[aspek.value] = _("Nilai {aspek} harus antara 0 dan 100.").format(
                aspek=aspek.label
            )
        scores[aspek] = v
    with db.atomic():
        kunci_dahulu(Entitas.SKP, skp_id)
        skp = ambil(skp_id)
        wajib(
            Pihak.PEJABAT_PENILAI in skp_service.pihak_pada(aktor, skp),
            _("Nilai perilaku kerja diberikan oleh pejabat penilai SKP ini."),
        )
        _wajib_disetujui(skp)
        if not struktural(skp):
            for aspek in PP_46_2011.aspek_struktural:
                if scores.get(aspek) is not None:
                    errors[aspek.value] = _(
                        "{aspek} hanya dinilai untuk pejabat struktural."
                    ).format(aspek=aspek.label)
        if errors:
            raise ValidasiGagal(errors)
        stored = {AspekPerilakuPP46(r.aspek): r for r in skp.perilaku_pp46}
        changed: dict[str, str | None] = {}
        moment = now()
        for aspek, v in scores.items():
            row = stored.get(aspek)
            if v is None:
                if row is not None:
                    row.delete_instance()
                    changed[aspek.value] = None
                continue
            if row is not None and row.nilai == v:
                continue
            if row is None:
                PerilakuPP46.create(id=uuid.uuid4(), skp=skp, aspek=aspek.value, nilai=v,
                                    diubah=moment)
            else:
                row.nilai, row.diubah = v, moment
                row.save()
            changed[aspek.value] = str(v.normalize())
        if changed:
            _ubah(skp)
            catat(aktor, Entitas.SKP, skp.id, "perilaku_pp46", rincian={"nilai": changed})
    return perilaku(skp)


# --- the numbers with their explanation ----------------------------------------------------------


@dataclass(frozen=True)
class NilaiPP46:
    """A PP 46 SKP's numbers as far as its data allows, each with the steps that explain it."""

    skp: SKP
    struktural: bool
    kegiatan: list[tuple[KegiatanPP46, HasilKegiatanPP46 | None]]
    tugas_tambahan: int
    kreativitas: TingkatKreativitas | None
    perilaku: dict[AspekPerilakuPP46, Decimal]
    capaian: HasilCapaianSKPPP46 | None
    prestasi: HasilPrestasiKerjaPP46 | None
    kekurangan: list[str] = field(default_factory=list)  # why a number is still missing

    @property
    def nilai_capaian_skp(self) -> Decimal | None:
        return self.capaian.nilai_bulat if self.capaian else None

    @property
    def nilai_prestasi_kerja(self) -> Decimal | None:
        return self.prestasi.nilai_bulat if self.prestasi else None

    @property
    def sebutan(self) -> SebutanPP46 | None:
        """The sebutan of the nilai prestasi kerja, once it can be computed."""
        return self.prestasi.sebutan if self.prestasi else None


def hitung(
    skp_id: uuid.UUID,
    *,
    kebijakan_batas: KebijakanBatas | str = KebijakanBatas.BATAS_BAWAH_INKLUSIF,
) -> NilaiPP46:
    """Nilai per kegiatan, nilai capaian SKP, nilai prestasi kerja and sebutan (§4.3–4.5)."""
    skp = ambil(skp_id)
    is_struktural = struktural(skp)
    missing: list[str] = []
    rows: list[tuple[KegiatanPP46, HasilKegiatanPP46 | None]] = []
    for row in daftar_kegiatan(skp):
        realisasi = _realisasi(row)
        if realisasi is None and row.target_kuantitas:
            missing.append(
                _("Realisasi kegiatan \u201c{k}\u201d belum diisi.").format(k=row.kegiatan)
            )
            rows.append((row, None))
            continue
        try:
            rows.append(
                (row, nilai_kegiatan_pp46(_target(row), realisasi or RealisasiKegiatanPP46(0)))
            )
        except ValueError as exc:
            missing.append(f"{row.kegiatan}: {exc}")
            rows.append((row, None))
    jumlah_tugas = skp.tugas_tambahan_pp46.count()
    kr = kreativitas(skp)
    level = TingkatKreativitas(kr.tingkat) if kr else None
    scores = perilaku(skp)
    capaian = None
    if not rows:
        missing.append(_("Belum ada kegiatan tugas jabatan."))
    elif all(h is not None for _row, h in rows):
        try:
            capaian = nilai_capaian_skp_pp46(
                [h for _row, h in rows if h is not None],
                jumlah_tugas,
                level,
                kebijakan_batas=kebijakan_batas,
            )
        except ValueError as exc:
            missing.append(str(exc))
    prestasi = None
    if capaian is not None:
        try:
            prestasi = nilai_prestasi_kerja_pp46(
                capaian, scores, is_struktural, kebijakan_batas=kebijakan_batas
            )
        except ValueError as exc:
            missing.append(str(exc))
    return NilaiPP46(
        skp, is_struktural, rows, jumlah_tugas, level, scores, capaian, prestasi, missing
    )


def skp_pp46(tahun: int | None = None) -> list[SKP]:
    """The SKPs on the PP 46 regime, newest year first, for lists and the demo's check."""
    query = SKP.select().where(SKP.regime == REGIME.value)
    if tahun is not None:
        query = query.where(SKP.tahun == tahun)
    return list(query.order_by(SKP.tahun.desc(), SKP.dibuat))
