"""A whole year of quarterly evaluations for one unit, on the widgets, to the annual predikat."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.helpers import login, pasang_jam
from tests.ui.conftest import click

from skpdesk.domain.aturan import Rating
from skpdesk.domain.evaluasi import StatusEvaluasi
from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import skp as skp_service
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import Evaluasi, Pegawai
from skpdesk.ui.atasan_penilai.tab import CapaianPage
from skpdesk.ui.bawahan.distribusi_page import DistribusiPage
from skpdesk.ui.skp.evaluasi_page import COL_REALISASI, EvaluasiPage

TAHUN = 2026
E = StatusEvaluasi
HENDRA, CAMAT = "Hendra Gunawan", "Bambang Setiawan"
STAFF = ("Dimas Saputra", "Lia Kurniawati", "Slamet Riyadi")  # Seksi Pemerintahan under Hendra
PERIODE = ("TW1", "TW2", "TW3", "TW4")


@pytest.fixture
def clock(monkeypatch):
    return pasang_jam(monkeypatch, dt.datetime(2026, 12, 28, 2, 0))


@pytest.fixture
def unit(kantor_demo):
    skps = {}
    for nama in STAFF:
        who = login(nama)
        skp = skp_service.buat_skp(who, TAHUN)
        skp_service.simpan_isi(
            who,
            skp.id,
            IsiSKP(
                "KUANTITATIF",
                [IsianRHK("UTAMA", "Layanan", [IsianIKI("KUANTITAS", "Layanan", "12", "Kali")])],
            ),
        )
        skp_service.ajukan(who, skp.id)
        skp_service.setujui(login(HENDRA), skp.id)
        skps[nama] = skp
    return skps


def page(qtbot, nama: str) -> EvaluasiPage:
    widget = EvaluasiPage(login(nama))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_four_quarters_to_the_annual_predikat_and_the_distribution_warning(qtbot, unit):
    unit_id = Pegawai.get(Pegawai.nama == STAFF[0]).unit_id
    capaian = CapaianPage(login(CAMAT))
    qtbot.addWidget(capaian)
    row = capaian._units.index(unit_id)
    # The Camat sets the unit's capaian for the four quarters at once.
    for col in range(len(PERIODE)):
        combo = capaian.tabel.cellWidget(row, col)
        combo.setCurrentIndex(combo.findData("BAIK"))
    capaian.tombol_simpan.click()

    # Dimas works and behaves above expectation; the others as expected.
    ratings = {
        STAFF[0]: Rating.DI_ATAS_EKSPEKTASI,
        STAFF[1]: Rating.SESUAI_EKSPEKTASI,
        STAFF[2]: Rating.SESUAI_EKSPEKTASI,
    }
    for kode in PERIODE:
        for nama, skp in unit.items():
            mine = page(qtbot, nama)
            mine.tampilkan(skp.id, kode)
            click(qtbot, mine.tombol_mulai)
            mine.tabel.item(0, COL_REALISASI).setText("3")
            click(qtbot, mine.tombol_simpan_realisasi)
            click(qtbot, mine.tombol_aksi["ajukan"])

            rater = page(qtbot, HENDRA)
            rater.tampilkan(skp.id, kode)
            rater.halaman.setCurrentIndex(2)  # "Penilaian dan Riwayat"
            rater.rating_hk.setCurrentIndex(rater.rating_hk.findData(ratings[nama].value))
            rater.rating_pk.setCurrentIndex(rater.rating_pk.findData(ratings[nama].value))
            click(qtbot, rater.tombol_nilai)
            click(qtbot, rater.tombol_aksi["finalkan"])

    finals = list(Evaluasi.select().where(Evaluasi.status == E.FINAL))
    assert len(finals) == len(STAFF) * len(PERIODE)
    annual = {
        e.skp.pegawai.nama: e.predikat for e in finals if e.periode == "TW4"
    }
    # The last quarter is the annual evaluation (Triwulan IV-Akhir, 1 Jan – 31 Dec).
    assert ev_service.periode_dari("TW4").tahunan
    assert annual == {STAFF[0]: "SANGAT_BAIK", STAFF[1]: "BAIK", STAFF[2]: "BAIK"}

    # Capaian Baik caps "Baik" and asks for someone below: the unit breaks both; it warns.
    distribusi = DistribusiPage(login(HENDRA))
    qtbot.addWidget(distribusi)
    distribusi.tampilkan(TAHUN)
    distribusi.periode.setCurrentIndex(distribusi.periode.findData("TW4"))
    assert distribusi.capaian.text().startswith(
        "Capaian kinerja organisasi: Baik · 3 evaluasi final"
    )
    assert distribusi.peringatan.adalah_galat()
    hasil = ev_service.cek_distribusi_unit(unit_id, TAHUN, "TW4")
    assert hasil.pelanggaran
    for pelanggaran in hasil.pelanggaran:
        assert pelanggaran.pesan in distribusi.peringatan.text()
