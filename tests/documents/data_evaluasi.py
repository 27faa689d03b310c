"""An evaluated year through the services: what the evaluation documents are rendered from.

Kesos unit (penilai Dewi Lestari, atasan the camat): three pegawai final in TW1 with different
predikat, Siti's annual evaluation final with a decided keberatan, Putri's annual without one,
entries in Siti's buku catatan penilai. Siti's name carries characters XML cares about.
"""

from __future__ import annotations

import datetime as dt

from skpdesk.domain.aturan import Rating
from skpdesk.services import demo
from skpdesk.services import evaluasi as ev
from skpdesk.store.models import Pegawai
from tests.helpers import kesos, login, login_nip, skp_disetujui

TAHUN = 2026
# Where the services' clock stands when the evaluated year is built (it moves on from there).
MULAI = dt.datetime(2026, 1, 5, 3, 0)
R = Rating
NAMA_SITI = "Sri & Rahayu <Plt>"
DEWI, CAMAT = "Dewi Lestari", "Bambang Setiawan"

UMPAN_BALIK_IKI = "Verifikasi melampaui target & tepat waktu <pertahankan>."
UMPAN_BALIK_PERILAKU = "Pelayanan ramah & cepat."
KEBERATAN = "Perilaku dinilai dari satu kejadian saja."
TANGGAPAN = "Kejadian berulang tiga kali, tercatat di buku catatan."
KEPUTUSAN = "Keberatan diterima sebagian."


def _final(nip: str, skp, periode: str, hk: Rating, pk: Rating, values=("1.250", "95,5", "24")):
    who = login_nip(nip)
    dewi = login(DEWI)
    evaluasi = ev.buka_evaluasi(who, skp.id, periode)
    rows = [ev.isi_realisasi(who, evaluasi.id, k.id, v, "Data Januari–Maret" if i == 0 else "")
            for i, (k, v) in enumerate(zip(ev.daftar_iki(evaluasi), values, strict=True))]
    ev.ajukan(who, evaluasi.id)
    ev.umpan_balik_iki(dewi, rows[0].id, UMPAN_BALIK_IKI)
    ev.umpan_balik_perilaku(dewi, evaluasi.id, 1, UMPAN_BALIK_PERILAKU)
    ev.nilai(dewi, evaluasi.id, hk, pk)
    if ev.capaian_organisasi(kesos().id, TAHUN, evaluasi.periode) is None:
        ev.atur_capaian_organisasi(login(CAMAT), kesos().id, TAHUN, periode, "Baik")
    return ev.finalkan(dewi, evaluasi.id)


def bangun(clock: list[dt.datetime]) -> dict[str, object]:
    """Build the evaluated year; returns the ids and NIPs the tests look for."""
    demo.buat_kantor_demo(dengan_skp=False)
    siti = Pegawai.get(Pegawai.nama == "Siti Rahayu")
    Pegawai.update(nama=NAMA_SITI).where(Pegawai.id == siti.id).execute()
    putri = Pegawai.get(Pegawai.nama == "Putri Ayu Lestari")
    endang = Pegawai.get(Pegawai.nama == "Endang Susanti")
    skp_siti, skp_putri, skp_endang = (
        skp_disetujui(login_nip(p.nip)) for p in (siti, putri, endang)
    )
    clock[0] = dt.datetime(2026, 4, 8, 3, 0)
    tw1_siti = _final(siti.nip, skp_siti, "TW1", R.DI_ATAS_EKSPEKTASI, R.DI_ATAS_EKSPEKTASI)
    _final(putri.nip, skp_putri, "TW1", R.SESUAI_EKSPEKTASI, R.SESUAI_EKSPEKTASI)
    _final(endang.nip, skp_endang, "TW1", R.DI_BAWAH_EKSPEKTASI, R.SESUAI_EKSPEKTASI)
    dewi = login(DEWI)
    ev.tambah_catatan_penilai(dewi, siti.id, dt.date(2026, 2, 3), "Terlambat apel pagi & <izin>.")
    ev.tambah_catatan_penilai(dewi, siti.id, dt.date(2026, 3, 16),
                              "Verifikasi selesai lebih cepat dari jadwal.")
    clock[0] = dt.datetime(2027, 1, 6, 3, 0)
    akhir_siti = _final(siti.nip, skp_siti, "AKHIR", R.SESUAI_EKSPEKTASI, R.DI_BAWAH_EKSPEKTASI,
                        values=("4.900", "97", "48"))
    akhir_putri = _final(putri.nip, skp_putri, "AKHIR", R.SESUAI_EKSPEKTASI,
                         R.SESUAI_EKSPEKTASI, values=("4.800", "96", "48"))
    clock[0] = dt.datetime(2027, 1, 7, 3, 0)
    ev.ajukan_keberatan(login_nip(siti.nip), akhir_siti.id, KEBERATAN)
    clock[0] = dt.datetime(2027, 1, 11, 3, 0)
    ev.tanggapi_keberatan(dewi, akhir_siti.id, TANGGAPAN)
    clock[0] = dt.datetime(2027, 1, 14, 3, 0)
    ev.putuskan_keberatan(login(CAMAT), akhir_siti.id, KEPUTUSAN,
                          rating_perilaku=R.SESUAI_EKSPEKTASI)
    return {
        "nip_siti": siti.nip,
        "nip_putri": putri.nip,
        "nip_endang": endang.nip,
        "tw1_siti": tw1_siti.id,
        "akhir_siti": akhir_siti.id,
        "akhir_putri": akhir_putri.id,
        "skp_siti": skp_siti.id,
        "skp_endang": skp_endang.id,
    }
