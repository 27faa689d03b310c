"""Two people (or two laptops on one server) changing one record at once: nothing is lost.

Runs on both engines (``make test`` and ``make test-pg``). Concurrent cases use real threads,
each with its own connection, so that the database itself decides who waits.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
import uuid
from collections.abc import Callable

import pytest

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.domain.workflow import StatusSKP
from skpdesk.services import evaluasi as ev_service
from skpdesk.services import skp as skp_service
from skpdesk.services import verifikasi
from skpdesk.services.context import jika_versi, versi
from skpdesk.services.errors import DataBerubah, LayananError
from skpdesk.store.models import Evaluasi, RealisasiIKI, RencanaHasilKerja, Riwayat, db
from tests.helpers import ISI_VERIFIKASI, aktor, aktor_nama, skp_disetujui

SITI, DEWI = "Siti Rahayu", "Dewi Lestari"
TAHUN = 2026

RHK_BARU = IsianRHK("UTAMA", "Tersusunnya laporan penyaluran bantuan", [
    IsianIKI("KUANTITAS", "Jumlah laporan", "12", "Laporan"),
])


def _riwayat(skp_id) -> list[Riwayat]:
    return list(Riwayat.select().where((Riwayat.entitas == str(Entitas.SKP))
                                       & (Riwayat.entitas_id == str(skp_id)))
                .order_by(Riwayat.nomor))


def _uraian(skp_id) -> list[str]:
    return [r.uraian for r in RencanaHasilKerja.select().where(RencanaHasilKerja.skp == skp_id)
            .order_by(RencanaHasilKerja.urutan)]


@pytest.fixture
def draft(kantor_demo):
    """Siti's draft SKP, filled once."""
    siti = aktor_nama(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    return siti, skp.id


def test_a_save_from_an_older_view_is_refused_and_changes_nothing(draft):
    siti, skp_id = draft
    # Two editors (Siti's laptop and her own second window) open the same draft.
    seen_a = seen_b = versi(Entitas.SKP, skp_id)
    assert seen_a > 0

    with_rhk = dataclasses.replace(ISI_VERIFIKASI, rhk=[*ISI_VERIFIKASI.rhk, RHK_BARU])
    with jika_versi(Entitas.SKP, skp_id, seen_a) as a:
        skp_service.simpan_isi(siti, skp_id, with_rhk)
    assert a.baru == versi(Entitas.SKP, skp_id) > seen_a
    rows_after_a = len(_riwayat(skp_id))

    # B saves from the view it loaded before A's save: refused, naming A's change.
    only_first = dataclasses.replace(ISI_VERIFIKASI, rhk=ISI_VERIFIKASI.rhk[:1])
    with pytest.raises(DataBerubah) as refused, jika_versi(Entitas.SKP, skp_id, seen_b):
        skp_service.simpan_isi(siti, skp_id, only_first)
    message = str(refused.value)
    assert message.startswith("Data ini sudah diubah oleh Siti Rahayu")
    assert message.endswith("Muat ulang untuk melihat perubahannya.")
    assert " pada " in message and refused.value.waktu is not None

    # A's RHK is still there and nothing of B's was written.
    assert RHK_BARU.uraian in _uraian(skp_id) and len(_uraian(skp_id)) == 3
    assert len(_riwayat(skp_id)) == rows_after_a

    # After reloading (the current version), B's save goes through.
    with jika_versi(Entitas.SKP, skp_id, versi(Entitas.SKP, skp_id)):
        skp_service.simpan_isi(siti, skp_id, only_first)
    assert len(_uraian(skp_id)) == 1


def test_a_step_from_an_older_view_is_refused(draft):
    siti, skp_id = draft
    seen = versi(Entitas.SKP, skp_id)
    skp_service.ajukan(siti, skp_id)
    dewi = aktor_nama(DEWI)
    # The penilai's screen still shows the draft: it may not act on what it did not see.
    with pytest.raises(DataBerubah, match="diubah oleh Siti Rahayu"), \
            jika_versi(Entitas.SKP, skp_id, seen):
        skp_service.setujui(dewi, skp_id)
    assert skp_service.ambil(skp_id).status == StatusSKP.DIAJUKAN


def test_a_version_check_without_a_write_refuses_at_once(draft):
    siti, skp_id = draft
    with pytest.raises(DataBerubah), jika_versi(Entitas.SKP, skp_id, 1):
        pytest.fail("the block must not run from an outdated view")


def _serentak_bernama(**calls: Callable[[], object]) -> dict[str, object]:
    """Run the calls at once, each in a thread of that name with its own connection (the name
    lets ``_baca_lalu_tunggu`` hold one back); their outcomes by name."""
    outcomes: dict[str, object] = {}

    def run(name: str) -> None:
        try:
            outcomes[name] = calls[name]()
        except BaseException as exc:  # noqa: BLE001 - the test inspects every outcome
            outcomes[name] = exc
        finally:
            db.close()

    threads = [threading.Thread(target=run, args=(n,), name=n) for n in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
        assert not t.is_alive(), "a client hung"
    return outcomes


def _serentak(*calls: Callable[[], object]) -> list[object]:
    """Run the calls at once, each in its own thread and connection; their outcomes in order."""
    outcomes = _serentak_bernama(**{f"k{i}": call for i, call in enumerate(calls)})
    return [outcomes[f"k{i}"] for i in range(len(calls))]


def test_approving_and_returning_at_the_same_moment_exactly_one_succeeds(draft, monkeypatch):
    siti, skp_id = draft
    skp_service.ajukan(siti, skp_id)
    dewi = aktor_nama(DEWI)
    db.close()  # the threads open their own connections

    # Both clients read the submitted SKP before either writes (where the engine lets them:
    # SQLite's second writer waits at the start of its transaction instead).
    barrier = threading.Barrier(2, timeout=2)
    read = skp_service.ambil

    def ambil_lalu_tunggu(skp_id_):
        found = read(skp_id_)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        return found

    monkeypatch.setattr(skp_service, "ambil", ambil_lalu_tunggu)
    outcomes = _serentak(
        lambda: skp_service.setujui(dewi, skp_id, "Disetujui"),
        lambda: skp_service.kembalikan(dewi, skp_id, "Target kurang jelas"),
    )
    monkeypatch.setattr(skp_service, "ambil", read)

    done = [o for o in outcomes if not isinstance(o, BaseException)]
    refused = [o for o in outcomes if isinstance(o, BaseException)]
    assert len(done) == 1 and len(refused) == 1, outcomes
    assert isinstance(refused[0], LayananError), repr(refused[0])
    steps = [r.aksi for r in _riwayat(skp_id)]
    assert steps.count("setujui") + steps.count("kembalikan") == 1
    final = skp_service.ambil(skp_id).status
    assert final in (StatusSKP.DISETUJUI, StatusSKP.PERLU_REVISI)
    assert verifikasi.periksa().ok


def test_two_saves_at_the_same_moment_from_one_view_one_is_refused(draft, monkeypatch):
    siti, skp_id = draft
    seen = versi(Entitas.SKP, skp_id)
    db.close()
    with_rhk = dataclasses.replace(ISI_VERIFIKASI, rhk=[*ISI_VERIFIKASI.rhk, RHK_BARU])
    only_first = dataclasses.replace(ISI_VERIFIKASI, rhk=ISI_VERIFIKASI.rhk[:1])

    def save(isi):
        def go():
            with db.atomic(), jika_versi(Entitas.SKP, skp_id, seen):
                return skp_service.simpan_isi(siti, skp_id, isi)
        return go

    outcomes = _serentak(save(with_rhk), save(only_first))
    refused = [o for o in outcomes if isinstance(o, BaseException)]
    assert len(refused) == 1 and isinstance(refused[0], LayananError), outcomes
    winner = with_rhk if isinstance(outcomes[1], BaseException) else only_first
    assert _uraian(skp_id) == [r.uraian for r in winner.rhk]


def test_many_clients_number_the_history_without_a_race(kantor_demo):
    people = ["Siti Rahayu", "Yusuf Hidayat", "Joko Susilo", "Dimas Saputra"]
    actors = [aktor_nama(n) for n in people]
    skps = [skp_service.buat_skp(a, TAHUN).id for a in actors]
    db.close()

    def client(a, skp_id):
        def go():
            for _ in range(5):
                seen = versi(Entitas.SKP, skp_id)
                with db.atomic(), jika_versi(Entitas.SKP, skp_id, seen):
                    skp_service.simpan_isi(a, skp_id, ISI_VERIFIKASI)
            return True
        return go

    outcomes = _serentak(*(client(a, s) for a, s in zip(actors, skps, strict=True)))
    assert outcomes == [True] * len(actors), outcomes
    numbers = [n for (n,) in Riwayat.select(Riwayat.nomor).tuples()]
    assert len(numbers) == len(set(numbers))
    for skp_id in skps:
        rows = _riwayat(skp_id)
        assert [r.aksi for r in rows].count("ubah") == 5
        # Each record's chain is whole: every row points at the one before it.
        assert [r.hash_sebelum for r in rows] == ["", *[r.hash for r in rows[:-1]]]
    assert verifikasi.periksa().ok


def _baca_lalu_tunggu(monkeypatch, module, kedua: str | None = None):
    """Let both clients read the record before either writes (where the engine lets them),
    the one named ``kedua`` (if any) going on a moment after the other."""
    barrier = threading.Barrier(2, timeout=2)
    read = module.ambil

    def ambil_lalu_tunggu(rid):
        found = read(rid)
        # A broken barrier: the other client is waiting for this one's lock.
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()
        if threading.current_thread().name == kedua:
            time.sleep(0.3)
        return found

    monkeypatch.setattr(module, "ambil", ambil_lalu_tunggu)


def test_a_save_removing_an_rhk_and_one_editing_it_at_once_one_is_refused(draft, monkeypatch):
    # Found by bench/beban.py on PostgreSQL: the second save had read the RHK before the first
    # deleted it, then wrote an IKI for it (a foreign key error, not a refusal).
    siti, skp_id = draft
    seen = versi(Entitas.SKP, skp_id)
    rows = skp_service.isian(skp_service.ambil(skp_id))
    db.close()
    only_first = dataclasses.replace(ISI_VERIFIKASI, rhk=rows[:1])
    piket = rows[1]
    edited = dataclasses.replace(piket, iki=[
        dataclasses.replace(piket.iki[0], target="20"),
        IsianIKI("WAKTU", "Ketepatan waktu piket", "12", "Bulan"),
    ])
    both = dataclasses.replace(ISI_VERIFIKASI, rhk=[rows[0], edited])
    _baca_lalu_tunggu(monkeypatch, skp_service, kedua="b")

    def save(isi):
        def go():
            with jika_versi(Entitas.SKP, skp_id, seen):
                return skp_service.simpan_isi(siti, skp_id, isi)
        return go

    outcomes = _serentak_bernama(a=save(only_first), b=save(both))
    monkeypatch.undo()
    refused = [o for o in outcomes.values() if isinstance(o, BaseException)]
    assert len(refused) == 1 and isinstance(refused[0], DataBerubah), outcomes
    winner = both if isinstance(outcomes["a"], BaseException) else only_first
    assert _uraian(skp_id) == [r.uraian for r in winner.rhk]
    assert [r.aksi for r in _riwayat(skp_id)].count("ubah") == 2
    assert verifikasi.periksa().ok


def test_the_first_realisasi_of_one_iki_from_two_windows_at_once_one_is_refused(
    kantor_demo, monkeypatch
):
    # Found by bench/beban.py on PostgreSQL: both saw no realisasi yet and both inserted one
    # (a unique-key error, not a refusal).
    siti = aktor_nama(SITI)
    skp = skp_disetujui(siti, TAHUN)
    evaluasi = ev_service.buka_evaluasi(siti, skp.id, "TW1")
    iki = ev_service.daftar_iki(evaluasi)[0]
    seen = versi(Entitas.EVALUASI, evaluasi.id)
    db.close()
    _baca_lalu_tunggu(monkeypatch, ev_service)

    def isi(teks):
        def go():
            with jika_versi(Entitas.EVALUASI, evaluasi.id, seen):
                return ev_service.isi_realisasi(siti, evaluasi.id, iki.id, teks)
        return go

    outcomes = _serentak_bernama(a=isi("100"), b=isi("200"))
    monkeypatch.undo()
    refused = [o for o in outcomes.values() if isinstance(o, BaseException)]
    assert len(refused) == 1 and isinstance(refused[0], DataBerubah), outcomes
    winner = "200" if isinstance(outcomes["a"], BaseException) else "100"
    rows = list(RealisasiIKI.select().where(RealisasiIKI.evaluasi == evaluasi.id))
    assert [r.realisasi_teks for r in rows] == [winner]
    assert verifikasi.periksa().ok


def test_two_windows_opening_one_evaluation_at_once_get_the_same_one(kantor_demo, monkeypatch):
    siti = aktor_nama(SITI)
    skp = skp_disetujui(siti, TAHUN)
    db.close()
    _baca_lalu_tunggu(monkeypatch, skp_service)

    def buka():
        return ev_service.buka_evaluasi(siti, skp.id, "TW1").id

    outcomes = _serentak_bernama(a=buka, b=buka)
    monkeypatch.undo()
    assert outcomes["a"] == outcomes["b"] and isinstance(outcomes["a"], uuid.UUID), outcomes
    assert Evaluasi.select().where(Evaluasi.skp == skp.id).count() == 1
    assert verifikasi.periksa().ok


def test_two_administrators_saving_the_settings_from_one_view_one_is_refused(kantor_demo):
    from skpdesk.services import kantor

    admin = aktor("admin")
    setting = kantor.pengaturan()
    seen = versi(Entitas.PENGATURAN, setting.id)
    db.close()

    def save(tempat: str):
        def go():
            with jika_versi(Entitas.PENGATURAN, setting.id, seen):
                return kantor.ubah_pengaturan(
                    admin, kop_surat=setting.kop_surat, tempat=tempat,
                    ukuran_kertas="A4", cadangan_disimpan=14)
        return go

    outcomes = _serentak_bernama(a=save("Sukamaju"), b=save("Sukamakmur"))
    refused = [o for o in outcomes.values() if isinstance(o, BaseException)]
    assert len(refused) == 1 and isinstance(refused[0], DataBerubah), outcomes
    winner = "Sukamakmur" if isinstance(outcomes["a"], BaseException) else "Sukamaju"
    assert kantor.pengaturan().tempat == winner


def test_two_wrong_passwords_at_the_same_moment_both_count(kantor_demo):
    from skpdesk.services import akun as akun_service
    from skpdesk.services.errors import LoginGagal
    from skpdesk.store.models import Akun

    login_ = Akun.get(Akun.pegawai == aktor_nama(SITI).pegawai_id).login
    db.close()
    outcomes = _serentak(*(lambda: akun_service.masuk(login_, "salah-sekali") for _ in range(2)))
    assert all(isinstance(o, LoginGagal) for o in outcomes), outcomes
    assert Akun.get(Akun.login == login_).gagal_login == 2
