"""The SKP editor, the evaluation page and the Pengukuran Kinerja page show their chain's
history in one widget, with the same columns; a step taken through a service appears there."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from skpdesk.domain.evaluasi import StatusEvaluasi
from skpdesk.domain.pengukuran import ALUR_PENGUKURAN, StatusPengukuran
from skpdesk.domain.workflow import ALUR_SKP, StatusSKP
from skpdesk.services import akun as akun_service
from skpdesk.services import demo
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import pengukuran as ps
from skpdesk.services import skp as skp_service
from skpdesk.store.models import Pegawai
from skpdesk.ui.app import create_main_window
from skpdesk.ui.bersama.rantai import (
    KOL_CATATAN,
    KOL_OLEH,
    KOL_STATUS,
    KOL_TINDAKAN,
    TabelRiwayat,
)

# In the demo office: a draft SKP, an approved SKP not yet evaluated, the perencana and the
# Camat of the Pengukuran chain.
DIMAS, LIA, PERENCANA, CAMAT = (
    "Dimas Saputra", "Lia Kurniawati", "Fitri Handayani", "Bambang Setiawan"
)
KOLOM = ["Waktu", "Oleh", "Tindakan", "Status", "Catatan", "Lama / Baku"]
TUGAS = "Mohon pengukuran triwulan II disiapkan."


@pytest.fixture
def kantor(fresh_db):
    demo.buat_kantor_demo(dengan_evaluasi=False)


def masuk(nama: str):
    return akun_service.masuk(Pegawai.get(Pegawai.nama == nama).nip, demo.DEMO_SANDI)


def jendela(qtbot, nama: str, kunci: str):
    window = create_main_window(masuk(nama), "kantor.db")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    tab = window.tab(kunci)
    window.tabs.setCurrentWidget(tab)
    return tab


def kolom(table: TabelRiwayat) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def baris_terakhir(table: TabelRiwayat) -> dict[int, str]:
    assert table.rowCount() > 0
    row = table.rowCount() - 1
    return {c: table.item(row, c).text() for c in range(table.columnCount())}


def buka_tab(halaman: QTabWidget, isi: QWidget) -> None:
    """Bring up the page of ``halaman`` that holds ``isi``, as a click on its tab would."""
    index = next(i for i in range(halaman.count()) if halaman.widget(i).isAncestorOf(isi))
    halaman.setCurrentIndex(index)


def label(alur, aksi: str) -> str:
    return next(t.label for t in alur.transisi if t.aksi == aksi)


def test_the_three_chains_share_one_history_table(qtbot, kantor):
    # A step of each chain, taken through its service.
    dimas = masuk(DIMAS)
    skp = next(s for s in skp_service.daftar_skp_saya(dimas) if s.status == StatusSKP.DRAFT)
    skp_service.ajukan(dimas, skp.id)

    lia = masuk(LIA)
    lia_skp = next(
        s for s in skp_service.daftar_skp_saya(lia) if s.status == StatusSKP.DISETUJUI
    )
    periode = ev_service.daftar_periode_kantor()[0]
    ev = ev_service.buka_evaluasi(lia, lia_skp.id, periode.kode)
    for iki in ev_service.daftar_iki(ev):
        ev_service.isi_realisasi(lia, ev.id, iki.id, "1")
    ev_service.ajukan(lia, ev.id)
    assert ev_service.ambil(ev.id).status == StatusEvaluasi.DIAJUKAN

    pk = ps.daftar_pk()[0]
    chain = ps.mulai_pengukuran(masuk(PERENCANA), pk.id, 2)
    ps.jalankan(masuk(CAMAT), chain.id, "tugaskan", TUGAS)
    assert ps.ambil(chain.id).status == StatusPengukuran.DITUGASKAN

    # The SKP editor, on its history page.
    editor = jendela(qtbot, DIMAS, "skp_saya").editor
    assert editor.skp_id == skp.id
    skp_table = editor.riwayat
    buka_tab(editor.halaman, skp_table)

    # The evaluation page of Lia's SKP, for the period she submitted.
    tab = jendela(qtbot, LIA, "skp_saya")
    tab.pilih(lia_skp.id)
    page = tab.editor.evaluasi
    buka_tab(tab.editor.halaman, page)
    page.pilih_periode(periode.kode)
    ev_table = page.riwayat
    buka_tab(page.halaman, ev_table)

    # The Pengukuran page of the new quarter, as the perencana sees it.
    perencanaan = jendela(qtbot, PERENCANA, "perencanaan")
    perencanaan.halaman.setCurrentWidget(perencanaan.pengukuran)
    perencanaan.pengukuran.pilih(pk.id, 2)
    pk_table = perencanaan.pengukuran.riwayat

    for table in (skp_table, ev_table, pk_table):
        assert type(table) is TabelRiwayat
        assert table.isVisible()
        assert kolom(table) == KOLOM

    last = baris_terakhir(skp_table)
    assert last[KOL_TINDAKAN] == label(ALUR_SKP, "ajukan")
    assert DIMAS in last[KOL_OLEH]
    assert last[KOL_STATUS] == " → ".join(
        ALUR_SKP.label(s) for s in (StatusSKP.DRAFT, StatusSKP.DIAJUKAN)
    )

    last = baris_terakhir(ev_table)
    alur_ev = ev_service.alur(ev)
    assert last[KOL_TINDAKAN] == label(alur_ev, "ajukan")
    assert LIA in last[KOL_OLEH]
    assert last[KOL_STATUS].endswith(alur_ev.label(StatusEvaluasi.DIAJUKAN))

    last = baris_terakhir(pk_table)
    assert last[KOL_TINDAKAN] == label(ALUR_PENGUKURAN, "tugaskan")
    assert CAMAT in last[KOL_OLEH]
    assert last[KOL_CATATAN] == TUGAS
    assert last[KOL_STATUS] == " → ".join(
        ALUR_PENGUKURAN.label(s) for s in (StatusPengukuran.DISIAPKAN, StatusPengukuran.DITUGASKAN)
    )

