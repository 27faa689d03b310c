"""A screen whose record another laptop changed meanwhile: refused, typed input kept, reload,
re-apply, save (the real windows, pytest-qt)."""

from __future__ import annotations

import dataclasses

from tests.helpers import ISI_VERIFIKASI, aktor_nama, login
from tests.ui.conftest import click

from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.domain.workflow import StatusSKP
from skpdesk.services import skp as skp_service
from skpdesk.store.models import SKP, RencanaHasilKerja
from skpdesk.ui.app import create_main_window

SITI, DEWI = "Siti Rahayu", "Dewi Lestari"
TAHUN = 2026
DARI_LAPTOP_LAIN = IsianRHK("UTAMA", "Tersusunnya laporan penyaluran bantuan", [
    IsianIKI("KUANTITAS", "Jumlah laporan", "12", "Laporan"),
])
KETIKAN = "Terlaksananya verifikasi data penerima bantuan sosial dan PKH"


def _uraian(skp_id) -> list[str]:
    return [r.uraian for r in RencanaHasilKerja.select().where(RencanaHasilKerja.skp == skp_id)
            .order_by(RencanaHasilKerja.urutan)]


def _editor_siti(qtbot):
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    window = create_main_window(siti, "kantor.db")
    qtbot.addWidget(window)
    window.show()
    tab = window.tab("skp_saya")
    editor = tab.editor
    assert editor.skp_id == skp.id
    return skp.id, editor


def test_a_save_over_another_laptops_change_is_refused_and_the_typing_survives(
    qtbot, kantor_demo
):
    skp_id, editor = _editor_siti(qtbot)
    # Siti, on her other laptop (same server), adds an RHK: no bus event reaches this window.
    other = aktor_nama(SITI)
    skp_service.simpan_isi(other, skp_id, dataclasses.replace(
        ISI_VERIFIKASI, rhk=[*ISI_VERIFIKASI.rhk, DARI_LAPTOP_LAIN]))

    # Here she retypes the first RHK and saves.
    editor.rhk.daftar.setCurrentRow(0)
    editor.rhk.uraian.clear()
    qtbot.keyClicks(editor.rhk.uraian, KETIKAN)
    assert editor.kotor
    click(qtbot, editor.tombol_simpan)

    assert editor.pesan.adalah_galat()
    assert editor.pesan.text().startswith("Data ini sudah diubah oleh Siti Rahayu")
    assert "Muat ulang untuk melihat perubahannya." in editor.pesan.text()
    # Nothing of hers was written; the other laptop's RHK is there; her typing is on screen.
    assert DARI_LAPTOP_LAIN.uraian in _uraian(skp_id) and KETIKAN not in _uraian(skp_id)
    assert editor.rhk.isian()[0].uraian == KETIKAN and editor.kotor
    bar = editor.bilah_berubah
    assert bar.isVisible() and bar.tombol_muat.isVisible()

    # Reload: the newer data is shown, and her typing is offered back.
    click(qtbot, bar.tombol_muat)
    assert sorted(r.uraian for r in editor.rhk.isian()) == sorted(_uraian(skp_id))
    assert bar.tombol_terapkan.isVisible() and bar.tombol_buang.isVisible()

    # Re-apply and save: now deliberately over the version she has seen.
    click(qtbot, bar.tombol_terapkan)
    assert not bar.isVisible()
    assert editor.rhk.isian()[0].uraian == KETIKAN and editor.kotor
    click(qtbot, editor.tombol_simpan)
    assert not editor.pesan.adalah_galat(), editor.pesan.text()
    assert _uraian(skp_id)[0] == KETIKAN


def test_discarding_the_typing_keeps_the_newer_data(qtbot, kantor_demo):
    skp_id, editor = _editor_siti(qtbot)
    skp_service.simpan_isi(aktor_nama(SITI), skp_id, dataclasses.replace(
        ISI_VERIFIKASI, rhk=[*ISI_VERIFIKASI.rhk, DARI_LAPTOP_LAIN]))
    editor.rhk.daftar.setCurrentRow(0)
    editor.rhk.uraian.clear()
    qtbot.keyClicks(editor.rhk.uraian, KETIKAN)
    click(qtbot, editor.tombol_simpan)
    click(qtbot, editor.bilah_berubah.tombol_muat)
    click(qtbot, editor.bilah_berubah.tombol_buang)
    assert not editor.bilah_berubah.isVisible() and not editor.kotor
    assert sorted(r.uraian for r in editor.rhk.isian()) == sorted(_uraian(skp_id))
    assert KETIKAN not in _uraian(skp_id)


def test_a_penilai_acting_on_an_outdated_screen_is_refused(qtbot, kantor_demo):
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    skp_service.ajukan(siti, skp.id)
    dewi = login(DEWI)
    window = create_main_window(dewi, "kantor.db")
    qtbot.addWidget(window)
    window.show()
    tab = window.tab("bawahan")
    window.tabs.setCurrentWidget(tab)
    tab.pilih(skp.id)
    editor = tab.editor
    assert editor.skp_id == skp.id and "setujui" in editor.tombol_aksi
    # Dewi's other laptop approves it first.
    skp_service.setujui(aktor_nama(DEWI), skp.id)
    editor.aksi.pilih(editor.aksi.transisi["setujui"])
    assert editor.pesan.text().startswith("Data ini sudah diubah oleh Dewi Lestari")
    assert editor.bilah_berubah.isVisible()
    assert SKP.get_by_id(skp.id).status == StatusSKP.DISETUJUI
    steps = [r for r in skp_service.linimasa(SKP.get_by_id(skp.id)) if r.riwayat.aksi == "setujui"]
    assert len(steps) == 1


def test_a_pegawai_form_over_a_newer_change_is_refused_then_reapplied(qtbot, kantor_demo):
    from skpdesk.services import pegawai as pegawai_service
    from skpdesk.store.models import Pegawai
    from skpdesk.ui.kepegawaian.pegawai_dialog import PegawaiDialog

    admin = login("admin")
    yusuf = Pegawai.get(Pegawai.nama == "Yusuf Hidayat")
    dialog = PegawaiDialog(admin, yusuf.id)
    qtbot.addWidget(dialog)
    dialog.show()
    # Another administrator's laptop corrects his gelar meanwhile.
    other = dataclasses.replace(pegawai_service.data_pegawai(yusuf), gelar_belakang="S.Kom.")
    pegawai_service.ubah_pegawai(admin, yusuf.id, other)

    dialog.nama.setText("Yusuf Hidayatullah")
    click(qtbot, dialog.tombol_simpan)
    assert dialog.isVisible()
    assert dialog.pesan.text().startswith("Data ini sudah diubah oleh")
    assert Pegawai.get_by_id(yusuf.id).nama == "Yusuf Hidayat"
    assert dialog.nama.text() == "Yusuf Hidayatullah"  # the typing stays

    click(qtbot, dialog.bilah_berubah.tombol_muat)
    assert dialog.nama.text() == "Yusuf Hidayat" and dialog.gelar_belakang.text() == "S.Kom."
    click(qtbot, dialog.bilah_berubah.tombol_terapkan)
    # Only what she typed comes back: the other laptop's gelar stays.
    assert dialog.nama.text() == "Yusuf Hidayatullah" and dialog.gelar_belakang.text() == "S.Kom."
    click(qtbot, dialog.tombol_simpan)
    saved = Pegawai.get_by_id(yusuf.id)
    assert (saved.nama, saved.gelar_belakang) == ("Yusuf Hidayatullah", "S.Kom.")
