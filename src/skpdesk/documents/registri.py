"""The registry of document kinds: what each prints, from which record, with which template.

A later kind (evaluasi, dokumen_evaluasi, buku_catatan, pp46_*, pengukuran) adds one
``JenisDokumen`` here with its context builder, sample contexts and template names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from skpdesk.documents import konteks, konteks_pp46
from skpdesk.documents import konteks_evaluasi as konteks_ev
from skpdesk.documents import konteks_pengukuran as konteks_pg
from skpdesk.documents.rekaman import Rekaman, cari_skp
from skpdesk.domain import format as fmt
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.evaluasi import Periodisitas, cari_periode
from skpdesk.i18n import _
from skpdesk.services import evaluasi as ev
from skpdesk.services.errors import TidakDitemukan
from skpdesk.store.models import SKP, Evaluasi


@dataclass(frozen=True)
class JenisDokumen:
    kode: str
    judul: str
    entitas: str
    templat: Callable[[dict], str]  # context → template file name
    templat_semua: tuple[str, ...]
    bangun: Callable[..., dict]  # (record id, *, tanggal, kode_arsip) → context
    contoh: Callable[[], list[dict]]  # sample contexts a template is tried with
    rekaman: Callable[[uuid.UUID], Rekaman]
    cari: Callable[[str, int, str | None], list[uuid.UUID]]  # (NIP, tahun, periode) → records
    pakai_periode: bool = False


def _rekaman_skp(skp_id: uuid.UUID) -> Rekaman:
    skp = SKP.get_or_none(SKP.id == skp_id)
    if skp is None:
        raise TidakDitemukan(_("SKP tidak ditemukan."))
    return Rekaman("SKP", skp.id, skp.id, skp.pegawai_id, skp.tahun, "", skp.versi,
                   skp.pegawai.nip, sumber=((Entitas.SKP, skp.id),))


def _rekaman_skp_permenpan(skp_id: uuid.UUID) -> Rekaman:
    """The SKP and Lampiran forms of PermenPANRB 6/2022: not for an SKP kept under PP 46/2011."""
    rekaman = _rekaman_skp(skp_id)
    skp = SKP.get_by_id(skp_id)
    if skp.regime == "PP_46_2011":
        raise TidakDitemukan(
            _(
                "SKP {nama} tahun {tahun} memakai aturan PP 46/2011; gunakan formulir "
                "pp46_skp, pp46_capaian atau pp46_prestasi."
            ).format(nama=skp.pegawai.nama_lengkap, tahun=skp.tahun)
        )
    return rekaman


def _rekaman_evaluasi(evaluasi_id: uuid.UUID) -> Rekaman:
    evaluasi = Evaluasi.get_or_none(Evaluasi.id == evaluasi_id)
    if evaluasi is None:
        raise TidakDitemukan(_("Evaluasi tidak ditemukan."))
    skp = evaluasi.skp
    # Filed under its SKP, with the evaluation's own data version (services.dokumen).
    sumber = [(Entitas.EVALUASI, evaluasi.id), (Entitas.SKP, skp.id)]
    if evaluasi.unit_id is not None:
        # The unit's capaian organisasi printed beside the ratings.
        capaian = ev.capaian_organisasi(evaluasi.unit_id, evaluasi.tahun, evaluasi.periode)
        if capaian is not None:
            sumber.append((Entitas.CAPAIAN_ORGANISASI, capaian.id))
    return Rekaman("Evaluasi", evaluasi.id, skp.id, skp.pegawai_id, skp.tahun, evaluasi.periode,
                   evaluasi.versi, skp.pegawai.nip, sumber=tuple(sumber))


def _rekaman_buku_catatan(skp_id: uuid.UUID) -> Rekaman:
    """The SKP, and the entries of the buku catatan the form lists."""
    rekaman = _rekaman_skp(skp_id)
    entries = konteks_ev.catatan_skp(SKP.get_by_id(skp_id))
    return dataclasses.replace(rekaman, sumber=rekaman.sumber + tuple(
        (Entitas.CATATAN_PENILAI, c.id) for c in entries))


def kode_periode(periode: str) -> str:
    """TW1…TW4, AKHIR, or a month (3, BULAN_3, Maret) → the stored period code of the office."""
    periodisitas = ev.periodisitas_kantor()
    text = periode.strip()
    if periodisitas == Periodisitas.BULANAN:
        names = [b.upper() for b in fmt.BULAN]
        if text.isdigit() and 1 <= int(text) <= 12:
            text = f"BULAN_{int(text)}"
        elif text.upper() in names:
            text = f"BULAN_{names.index(text.upper()) + 1}"
    try:
        return cari_periode(periodisitas, text).kode
    except ValueError as exc:
        raise TidakDitemukan(str(exc)) from None


def cari_evaluasi(nip: str, tahun: int, periode: str | None = None) -> list[uuid.UUID]:
    """The evaluation of one period of each SKP of the pegawai in the year."""
    kode = kode_periode(periode or "AKHIR")
    skp_ids = cari_skp(nip, tahun)
    found = list(
        Evaluasi.select(Evaluasi.id)
        .where(Evaluasi.skp.in_(skp_ids) & (Evaluasi.periode == kode))
        .join(SKP)
        .order_by(SKP.tgl_mulai)
    )
    if not found:
        pegawai = SKP.get_by_id(skp_ids[0]).pegawai
        raise TidakDitemukan(
            _("{nama} belum memiliki evaluasi {periode} tahun {tahun}.").format(
                nama=pegawai.nama_lengkap, periode=ev.periode_dari(kode).nama, tahun=tahun
            )
        )
    return [e.id for e in found]


def cari_evaluasi_tahunan(nip: str, tahun: int, periode: str | None = None) -> list[uuid.UUID]:
    """The annual (last-period) evaluation, which must be final for the Dokumen Evaluasi."""
    found = cari_evaluasi(nip, tahun, "AKHIR")
    for evaluasi_id in found:
        konteks_ev.wajib_final(Evaluasi.get_by_id(evaluasi_id))
    return found


def cari_buku_catatan(nip: str, tahun: int, periode: str | None = None) -> list[uuid.UUID]:
    """The SKP of the year whose period holds entries of the buku catatan penilai."""
    skp_ids = cari_skp(nip, tahun)
    found = [i for i in skp_ids if konteks_ev.catatan_skp(SKP.get_by_id(i))]
    if not found:
        pegawai = SKP.get_by_id(skp_ids[0]).pegawai
        raise TidakDitemukan(
            _("Belum ada catatan penilai tentang {nama} pada tahun {tahun}.").format(
                nama=pegawai.nama_lengkap, tahun=tahun
            )
        )
    return found


def _templat_skp(context: dict) -> str:
    return "skp_jpt.docx" if context.get("varian") == "JPT" else "skp_ja_jf.docx"


def _contoh_skp() -> list[dict]:
    # Both branches of the template: the kuantitatif and the kualitatif table.
    return [konteks.contoh_skp(True), konteks.contoh_skp(False)]


JENIS: dict[str, JenisDokumen] = {
    j.kode: j
    for j in (
        JenisDokumen(
            kode="skp",
            judul=_("Sasaran Kinerja Pegawai"),
            entitas="SKP",
            templat=_templat_skp,
            templat_semua=("skp_ja_jf.docx", "skp_jpt.docx"),
            bangun=konteks.konteks_skp,
            contoh=_contoh_skp,
            rekaman=_rekaman_skp_permenpan,
            cari=cari_skp,
        ),
        JenisDokumen(
            kode="lampiran_skp",
            judul=_("Lampiran Sasaran Kinerja Pegawai"),
            entitas="SKP",
            templat=lambda _context: "lampiran_skp.docx",
            templat_semua=("lampiran_skp.docx",),
            bangun=konteks.konteks_lampiran,
            contoh=lambda: [konteks.contoh_lampiran()],
            rekaman=_rekaman_skp_permenpan,
            cari=cari_skp,
        ),
        JenisDokumen(
            kode="evaluasi",
            judul=_("Evaluasi Kinerja Pegawai (periodik dan tahunan)"),
            entitas="Evaluasi",
            templat=lambda context: (
                "evaluasi_jpt.docx" if context.get("varian") == "JPT" else "evaluasi_ja_jf.docx"
            ),
            templat_semua=("evaluasi_ja_jf.docx", "evaluasi_jpt.docx"),
            bangun=konteks_ev.konteks_evaluasi,
            contoh=lambda: [konteks_ev.contoh_evaluasi(True), konteks_ev.contoh_evaluasi(False)],
            rekaman=_rekaman_evaluasi,
            cari=cari_evaluasi,
            pakai_periode=True,
        ),
        JenisDokumen(
            kode="dokumen_evaluasi",
            judul=_("Dokumen Evaluasi Kinerja Pegawai (tahunan)"),
            entitas="Evaluasi",
            templat=lambda _context: "dokumen_evaluasi.docx",
            templat_semua=("dokumen_evaluasi.docx",),
            bangun=konteks_ev.konteks_dokumen_evaluasi,
            contoh=lambda: [konteks_ev.contoh_dokumen_evaluasi(True),
                            konteks_ev.contoh_dokumen_evaluasi(False)],
            rekaman=_rekaman_evaluasi,
            cari=cari_evaluasi_tahunan,
        ),
        JenisDokumen(
            kode="buku_catatan",
            judul=_("Buku Catatan Penilai"),
            entitas="SKP",
            templat=lambda _context: "buku_catatan.docx",
            templat_semua=("buku_catatan.docx",),
            bangun=konteks_ev.konteks_buku_catatan,
            contoh=lambda: [konteks_ev.contoh_buku_catatan()],
            rekaman=_rekaman_buku_catatan,
            cari=cari_buku_catatan,
        ),
        JenisDokumen(
            kode="pengukuran",
            judul=_("Laporan Pengukuran Kinerja (per triwulan)"),
            entitas="PengukuranKinerja",
            templat=lambda _context: "laporan_pengukuran.docx",
            templat_semua=("laporan_pengukuran.docx",),
            bangun=konteks_pg.konteks_laporan,
            contoh=lambda: [konteks_pg.contoh_laporan(False), konteks_pg.contoh_laporan(True)],
            rekaman=konteks_pg.rekaman,
            cari=konteks_pg.cari,
            pakai_periode=True,
        ),
        JenisDokumen(
            kode="pengantar_pk",
            judul=_("Surat Pengantar Laporan Pengukuran Kinerja"),
            entitas="PengukuranKinerja",
            templat=lambda _context: "surat_pengantar_pengukuran.docx",
            templat_semua=("surat_pengantar_pengukuran.docx",),
            bangun=konteks_pg.konteks_pengantar,
            contoh=lambda: [konteks_pg.contoh_pengantar()],
            rekaman=konteks_pg.rekaman,
            cari=konteks_pg.cari,
            pakai_periode=True,
        ),
        JenisDokumen(
            kode="pp46_skp",
            judul=_("Formulir Sasaran Kerja PNS (PP 46/2011)"),
            entitas="SKP",
            templat=lambda _context: "pp46_skp.docx",
            templat_semua=("pp46_skp.docx",),
            bangun=konteks_pp46.konteks_skp,
            contoh=lambda: [konteks_pp46.contoh_skp()],
            rekaman=_rekaman_skp,
            cari=konteks_pp46.cari,
        ),
        JenisDokumen(
            kode="pp46_capaian",
            judul=_("Penilaian Capaian Sasaran Kerja PNS (PP 46/2011)"),
            entitas="SKP",
            templat=lambda _context: "pp46_capaian.docx",
            templat_semua=("pp46_capaian.docx",),
            bangun=konteks_pp46.konteks_capaian,
            contoh=lambda: [konteks_pp46.contoh_capaian()],
            rekaman=_rekaman_skp,
            cari=konteks_pp46.cari,
        ),
        JenisDokumen(
            kode="pp46_prestasi",
            judul=_("Penilaian Prestasi Kerja PNS (PP 46/2011)"),
            entitas="SKP",
            templat=lambda _context: "pp46_prestasi.docx",
            templat_semua=("pp46_prestasi.docx",),
            bangun=konteks_pp46.konteks_prestasi,
            contoh=lambda: [konteks_pp46.contoh_prestasi(False),
                            konteks_pp46.contoh_prestasi(True)],
            rekaman=_rekaman_skp,
            cari=konteks_pp46.cari,
        ),
    )
}


class JenisTidakDikenal(LookupError):
    """No document kind of that name; the message lists the known ones."""


def jenis(kode: str) -> JenisDokumen:
    found = JENIS.get(kode)
    if found is None:
        raise JenisTidakDikenal(
            _("Jenis dokumen '{kode}' tidak dikenal. Jenis yang ada: {daftar}.").format(
                kode=kode, daftar=", ".join(JENIS)
            )
        )
    return found


def daftar_jenis() -> list[JenisDokumen]:
    return list(JENIS.values())


def bangun(kode: str, record_id: uuid.UUID, *, tanggal: dt.date | None = None,
           kode_arsip: str = "") -> dict:
    return jenis(kode).bangun(record_id, tanggal=tanggal, kode_arsip=kode_arsip)
