"""Exchange packages: three laptops set up from one office package run the chain by files only,
and every broken, altered or foreign package is refused with the database unchanged."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import zipfile
from pathlib import Path

import peewee as pw
import pytest

from skpdesk.domain.aturan import Rating
from skpdesk.domain.entitas import Entitas
from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import evaluasi as ev
from skpdesk.services import kunci as kunci_mod
from skpdesk.services import paket, verifikasi
from skpdesk.services import skp as skp_service
from skpdesk.services.errors import AksesDitolak
from skpdesk.services.paket import PaketDitolak
from skpdesk.services.skp import IsiSKP
from skpdesk.store import database, segel
from skpdesk.store import isi as isi_mod
from skpdesk.store.models import SKP, Evaluasi, Konflik, Riwayat, db
from tests import pg
from tests.helpers import ISI_VERIFIKASI, Laptop, berkas_kantor, dump, kesos, login

TAHUN = 2026
SITI, DEWI, CAMAT = "Siti Rahayu", "Dewi Lestari", "Bambang Setiawan"


def rantai_hash(entitas: Entitas, rid) -> list[str]:
    return [h for (h,) in Riwayat.select(Riwayat.hash)
            .where(segel.rantai_aktif(str(entitas), str(rid))).order_by(Riwayat.nomor).tuples()]


@pytest.fixture
def kantor(kantor_demo, db_target, db_lain, tmp_path, monkeypatch, clock):
    """The administrator's laptop (the demo office, no SKP yet) and its office package."""
    admin_path = db_target
    out = tmp_path / "kantor.skpx"
    paket.ekspor_kantor(login("admin"), out)
    laptops = {n: Laptop(tmp_path, n, monkeypatch, db_lain(n))
               for n in ("pegawai", "penilai", "atasan")}
    for laptop in laptops.values():
        laptop.pakai()
        hasil = paket.impor(out)
        assert any(u.startswith("Pegawai Siti Rahayu") for u in hasil.diterapkan)
    return admin_path, out, laptops


def kirim(dari: Laptop, aktor_nama: str, ke: list[Laptop], tmp: Path, n: list[int]) -> Path:
    """The sender writes a package of everything they are a party to; the others import it."""
    dari.pakai()
    who = login(aktor_nama)
    n[0] += 1
    out = tmp / f"paket{n[0]}.skpx"
    paket.ekspor_dokumen(who, out, paket.pilih_dokumen(who))
    for laptop in ke:
        laptop.pakai()
        paket.impor(out)
    return out


def test_three_laptops_run_planning_evaluation_and_keberatan_by_packages(kantor, tmp_path, clock):
    _, _, lap = kantor
    p, n, a = lap["pegawai"], lap["penilai"], lap["atasan"]
    count = [0]

    # Planning, with one return for revision.
    p.pakai()
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    skp_service.ajukan(siti, skp.id)
    kirim(p, SITI, [n], tmp_path, count)
    n.pakai()
    assert SKP.get_by_id(skp.id).status == "DIAJUKAN"
    clock[0] += dt.timedelta(hours=2)
    skp_service.kembalikan(login(DEWI), skp.id, "Target verifikasi terlalu rendah.")
    kirim(n, DEWI, [p], tmp_path, count)
    p.pakai()
    assert SKP.get_by_id(skp.id).status == "PERLU_REVISI"
    note = skp_service.catatan_pengembalian(SKP.get_by_id(skp.id))
    assert note is not None and note.catatan == "Target verifikasi terlalu rendah."
    siti = login(SITI)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    skp_service.ajukan(siti, skp.id)
    kirim(p, SITI, [n], tmp_path, count)
    n.pakai()
    skp_service.setujui(login(DEWI), skp.id)
    kirim(n, DEWI, [p, a], tmp_path, count)

    # A quarter's evaluation: realisasi, umpan balik, rating, capaian organisasi, final.
    p.pakai()
    siti = login(SITI)
    evaluasi = ev.buka_evaluasi(siti, skp.id, "TW1")
    for iki, value in zip(ev.daftar_iki(evaluasi), ("1.250", "95", "24"), strict=True):
        ev.isi_realisasi(siti, evaluasi.id, iki.id, value)
    ev.ajukan(siti, evaluasi.id)
    kirim(p, SITI, [n], tmp_path, count)
    n.pakai()
    dewi = login(DEWI)
    first = ev.realisasi_per_iki(Evaluasi.get_by_id(evaluasi.id))[0][1]
    ev.umpan_balik_iki(dewi, first.id, "Pertahankan ketelitian verifikasi.")
    ev.nilai(dewi, evaluasi.id, Rating.DI_ATAS_EKSPEKTASI, Rating.SESUAI_EKSPEKTASI)
    kirim(n, DEWI, [a], tmp_path, count)
    a.pakai()
    ev.atur_capaian_organisasi(login(CAMAT), kesos().id, TAHUN, "TW1", "Baik")
    kirim(a, CAMAT, [n], tmp_path, count)
    n.pakai()
    ev.finalkan(login(DEWI), evaluasi.id)
    kirim(n, DEWI, [p, a], tmp_path, count)

    # A keberatan: the pegawai objects, the penilai answers, the atasan decides.
    p.pakai()
    ev.ajukan_keberatan(login(SITI), evaluasi.id, "Hasil kerja melampaui target triwulan.")
    kirim(p, SITI, [n], tmp_path, count)
    n.pakai()
    ev.tanggapi_keberatan(login(DEWI), evaluasi.id, "Rating sudah di atas ekspektasi.")
    kirim(n, DEWI, [a], tmp_path, count)
    a.pakai()
    ev.putuskan_keberatan(login(CAMAT), evaluasi.id, "Keberatan ditolak.")
    kirim(a, CAMAT, [p, n], tmp_path, count)

    states, chains = [], []
    for laptop in (p, n, a):
        laptop.pakai()
        e = Evaluasi.get_by_id(evaluasi.id)
        states.append((SKP.get_by_id(skp.id).status, e.status, e.predikat,
                       ev.keberatan_terakhir(e).keputusan))
        chains.append((rantai_hash(Entitas.SKP, skp.id), rantai_hash(Entitas.EVALUASI, e.id)))
        laporan = verifikasi.periksa()
        assert laporan.ok, [str(t) for t in laporan.temuan]
        assert not Konflik.select().exists()
    assert states[0] == states[1] == states[2]
    assert states[0][1] == "DIPUTUS" and states[0][3] == "Keberatan ditolak."
    assert chains[0] == chains[1] == chains[2]
    # The whole planning chain, one return included, is in every laptop's history.
    p.pakai()
    actions = [r.aksi for r in Riwayat.select().where(
        (Riwayat.entitas == "SKP") & (Riwayat.entitas_id == str(skp.id))
    ).order_by(Riwayat.nomor)]
    assert [x for x in actions if x in {"ajukan", "kembalikan", "setujui"}] == [
        "ajukan", "kembalikan", "ajukan", "setujui"]


# --- refusals: each leaves the database exactly as it was ----------------------------------------


@pytest.fixture
def diajukan(kantor, tmp_path):
    """Siti's submitted SKP, packaged on her laptop; the penilai's laptop is the receiver."""
    _, _, lap = kantor
    lap["pegawai"].pakai()
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    skp_service.ajukan(siti, skp.id)
    out = tmp_path / "skp.skpx"
    paket.ekspor_dokumen(siti, out, paket.pilih_dokumen(siti))
    lap["penilai"].pakai()
    login(DEWI)  # logging in writes; the dump is taken after
    db.obj.close()
    return out, lap["penilai"], skp


def _ditolak(receiver: Laptop, data: bytes | Path, match: str) -> None:
    before = dump(receiver.target)
    receiver.pakai()
    with pytest.raises(PaketDitolak, match=match):
        paket.impor(data)
    db.obj.close()
    assert dump(receiver.target) == before


def _ubah(src: Path, name: str, fn) -> bytes:
    """A copy of the package with one member rewritten (the manifest left as it was)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, fn(data) if info.filename == name else data)
    return buf.getvalue()


def _member(src: Path, prefix: str) -> str:
    with zipfile.ZipFile(src) as z:
        return next(n for n in z.namelist() if n.startswith(prefix))


def test_one_changed_byte_is_refused(diajukan):
    out, receiver, _ = diajukan
    raw = bytearray(out.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    _ditolak(receiver, bytes(raw), "rusak|berbeda|diubah|terpotong")


def test_a_record_edited_inside_the_package_is_refused(diajukan):
    out, receiver, _ = diajukan
    name = _member(out, "rekaman/SKP/")

    def edit(data: bytes) -> bytes:
        body = json.loads(data)
        body["isi"]["rhk"][0]["uraian"] = "Diubah di dalam paket"
        return json.dumps(body).encode()

    # With the manifest's hash left alone …
    _ditolak(receiver, _ubah(out, name, edit), "berbeda dari manifest")

    # … and with the manifest rewritten to match (its signature then fails).
    def manifest(data: bytes) -> bytes:
        m = json.loads(data)
        edited = edit(zipfile.ZipFile(out).read(name))
        import hashlib

        for item in m["isi"]:
            if item["path"] == name:
                item["sha256"] = hashlib.sha256(edited).hexdigest()
                item["ukuran"] = len(edited)
        return json.dumps(m).encode()

    both = _ubah(Path(_tmp_write(out.parent / "x.skpx", _ubah(out, name, edit))), "manifest.json",
                 manifest)
    _ditolak(receiver, both, "Tanda tangan paket tidak sah")


def _tmp_write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_truncated_zip_slip_future_format_and_oversized_are_refused(diajukan, monkeypatch):
    out, receiver, _ = diajukan
    raw = out.read_bytes()
    _ditolak(receiver, raw[: len(raw) // 2], "rusak atau terpotong")

    buf = io.BytesIO()
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(buf, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr("../../evil.txt", b"x")
    _ditolak(receiver, buf.getvalue(), "tidak aman: '../../evil.txt'")

    def future(data: bytes) -> bytes:
        m = json.loads(data)
        m["format"] = paket.FORMAT + 1
        return json.dumps(m).encode()

    _ditolak(receiver, _ubah(out, "manifest.json", future), "versi skpdesk yang lebih baru")

    monkeypatch.setattr(paket, "BATAS_BERKAS", 100)
    _ditolak(receiver, raw, "paling besar")


def test_another_offices_package_and_an_unknown_key_are_refused(diajukan, db_lain, tmp_path,
                                                                 monkeypatch):
    out, receiver, _ = diajukan
    # Another office: a second demo office, its own office key.
    other = Laptop(tmp_path, "lain", monkeypatch, db_lain("lain")).pakai()
    from skpdesk.services import demo

    demo.buat_kantor_demo(dengan_skp=False)
    foreign = tmp_path / "lain.skpx"
    paket.ekspor_kantor(login("admin"), foreign)
    db.obj.close()
    del other
    _ditolak(receiver, foreign, "dari kantor lain")

    # An unknown key: the same package re-signed by a key the office never certified.
    rogue = kunci_mod.baru()

    def resign(src: Path) -> bytes:
        with zipfile.ZipFile(src) as z:
            m = json.loads(z.read("manifest.json"))
        m["kunci"] = rogue.sidik
        raw = json.dumps(m, ensure_ascii=False, indent=1, sort_keys=True).encode()
        import hashlib

        sig = rogue.tandatangani(hashlib.sha256(raw).digest()).hex()
        step = _ubah(src, "manifest.json", lambda _d: raw)
        return _ubah(_tmp_write(tmp_path / "r.skpx", step), "manifest.sig", lambda _d: sig.encode())

    _ditolak(receiver, resign(out), "kunci yang tidak dikenal")


def test_a_step_signed_by_someone_whose_party_may_not_take_it_is_refused(kantor, tmp_path):
    """Siti approves her own SKP on a doctored laptop: signed by her, but not hers to take."""
    _, _, lap = kantor
    p, n = lap["pegawai"], lap["penilai"]
    p.pakai()
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    skp_service.ajukan(siti, skp.id)
    # Bypass the service's check: write the step as if the table allowed it.
    from skpdesk.services import rantai
    from skpdesk.services.context import catat

    with db.atomic():
        record = SKP.get_by_id(skp.id)
        record.status = "DISETUJUI"
        record.save()
        catat(siti, Entitas.SKP, skp.id, "setujui", dari="DIAJUKAN", ke="DISETUJUI",
              rincian={"langkah": []})
    del rantai
    out = tmp_path / "palsu.skpx"
    paket.ekspor_dokumen(siti, out, paket.pilih_dokumen(siti))
    n.pakai()
    login(DEWI)
    db.obj.close()
    _ditolak(n, out, "tidak berhak mengambilnya")


def test_the_same_package_twice_and_an_older_one_change_nothing(diajukan, tmp_path):
    out, receiver, skp = diajukan
    receiver.pakai()
    first = paket.impor(out)
    assert first.diterapkan and SKP.get_by_id(skp.id).status == "DIAJUKAN"
    db.obj.close()
    before = dump(receiver.target)
    receiver.pakai()
    again = paket.impor(out)
    assert not again.berubah and again.sama >= 1
    db.obj.close()
    assert dump(receiver.target) == before

    # The penilai moves on; the pegawai's older package arrives again: nothing changes.
    receiver.pakai()
    skp_service.kembalikan(login(DEWI), skp.id, "Lengkapi IKI kualitas.")
    db.obj.close()
    before = dump(receiver.target)
    receiver.pakai()
    older = paket.impor(out)
    assert not older.berubah
    assert SKP.get_by_id(skp.id).status == "PERLU_REVISI"
    db.obj.close()
    assert dump(receiver.target) == before


@pytest.mark.parametrize("pilihan", [paket.PILIH_MASUK, paket.PILIH_LOKAL])
def test_diverged_histories_become_a_conflict_resolved_by_the_party_whose_turn_it_was(
        kantor, db_lain, tmp_path, monkeypatch, pilihan):
    """The pegawai edits her draft on two laptops: nothing is overwritten; she chooses a side,
    and the other laptop follows her choice from the next package, either way."""
    _, office, lap = kantor
    p = lap["pegawai"]
    p.pakai()
    siti = login(SITI)
    skp = skp_service.buat_skp(siti, TAHUN)
    skp_service.simpan_isi(siti, skp.id, ISI_VERIFIKASI)
    base = tmp_path / "base.skpx"
    paket.ekspor_dokumen(siti, base, paket.pilih_dokumen(siti))
    second = Laptop(tmp_path, "pegawai2", monkeypatch, db_lain("pegawai2")).pakai()
    paket.impor(office)
    paket.impor(base)
    siti2 = login(SITI)
    skp_service.ajukan(siti2, skp.id)
    theirs = tmp_path / "theirs.skpx"
    paket.ekspor_dokumen(siti2, theirs, paket.pilih_dokumen(siti2))
    # Meanwhile on the first laptop she edits again instead.
    p.pakai()
    edited = IsiSKP(pendekatan="KUANTITATIF", rhk=[IsianRHK("UTAMA", "RHK baru", [
        IsianIKI("KUANTITAS", "Jumlah laporan", "12", "Laporan")])])
    skp_service.simpan_isi(login(SITI), skp.id, edited)
    ours_before = rantai_hash(Entitas.SKP, skp.id)
    hasil = paket.impor(theirs)
    assert hasil.konflik and not hasil.diterapkan
    assert rantai_hash(Entitas.SKP, skp.id) == ours_before  # nothing overwritten
    assert SKP.get_by_id(skp.id).status == "DRAFT"
    konflik = paket.daftar_konflik()[0]
    lokal, masuk = paket.sisi(konflik)
    assert [s[2] for s in lokal.langkah] == ["ubah"]
    assert [s[2] for s in masuk.langkah] == ["ajukan"] and masuk.status == "DIAJUKAN"
    # In words for the window: the steps, the statuses, and who decides.
    kata, status = paket.kata_konflik(konflik)
    assert (kata["ubah"], kata["ajukan"], status["DIAJUKAN"]) == (
        "Isi diubah", "Ajukan ke Atasan", "Diajukan")
    assert [n.split(",")[0] for n in paket.penentu(konflik)] == [SITI]
    # The same package again does not open a second conflict.
    paket.impor(theirs)
    assert len(paket.daftar_konflik()) == 1
    # It was the pegawai's turn (a draft): the penilai may not decide.
    with pytest.raises(AksesDitolak, match="gilirannya"):
        paket.selesaikan_konflik(login(DEWI), konflik.id, pilihan)
    paket.selesaikan_konflik(login(SITI), konflik.id, pilihan)
    expected = "DIAJUKAN" if pilihan == paket.PILIH_MASUK else "DRAFT"
    assert SKP.get_by_id(skp.id).status == expected
    assert paket.daftar_konflik() == []
    assert verifikasi.periksa().ok
    # The other laptop follows the choice when it receives the next package.
    resolved = tmp_path / "resolved.skpx"
    me = login(SITI)
    paket.ekspor_dokumen(me, resolved, paket.pilih_dokumen(me))
    first_chain = rantai_hash(Entitas.SKP, skp.id)
    second.pakai()
    after = paket.impor(resolved)
    assert after.diterapkan and not after.konflik
    assert SKP.get_by_id(skp.id).status == expected
    assert rantai_hash(Entitas.SKP, skp.id) == first_chain
    assert verifikasi.periksa().ok


def test_a_tampered_record_is_not_sent(diajukan, tmp_path):
    out, receiver, skp = diajukan
    receiver.pakai()
    paket.impor(out)
    db.obj.execute_sql("UPDATE skp SET status = 'DISETUJUI'")
    with pytest.raises(verifikasi.IsiBerubah, match="isi berbeda"):
        who = login(DEWI)
        paket.ekspor_dokumen(who, tmp_path / "x.skpx", paket.pilih_dokumen(who))


def test_a_newer_office_package_updates_the_roster_and_a_reset_password(kantor, tmp_path):
    admin_path, _, lap = kantor
    from skpdesk.services import akun as akun_service
    from skpdesk.services import demo
    from skpdesk.services.pegawai import DataPegawai, tambah_pegawai
    from skpdesk.store.models import Akun, Pegawai

    p = lap["pegawai"]
    p.pakai()
    login(SITI)  # a login on the laptop: recorded there only, never a conflict
    # On the administrator's laptop: a new pegawai, and Siti's forgotten password reset.
    db.obj.close()
    database.open_database(admin_path)
    admin = login("admin")
    unit = kesos()
    tambah_pegawai(admin, DataPegawai(nip="199501012020011001", nama="Pegawai Baru",
                                      golongan="III/a", unit_id=unit.id))
    siti_akun = Akun.get(Akun.pegawai == Pegawai.get(Pegawai.nama == SITI))
    akun_service.atur_sandi(admin, siti_akun.id, "baru12345")
    newer = tmp_path / "kantor2.skpx"
    paket.ekspor_kantor(admin, newer)
    p.pakai()
    hasil = paket.impor(newer)
    assert "Pegawai Pegawai Baru (199501012020011001)" in hasil.diterapkan
    assert not hasil.konflik
    assert Pegawai.get(Pegawai.nip == "199501012020011001").unit_id == unit.id
    aktor = akun_service.masuk(siti_akun.login, "baru12345")
    assert aktor.kunci is not None  # the new key, opened by the new password
    with pytest.raises(Exception, match="salah"):
        akun_service.masuk(siti_akun.login, demo.DEMO_SANDI)
    assert verifikasi.periksa().ok


def test_only_the_office_key_may_bring_roster_data(kantor, tmp_path):
    """A package signed by a person's own (certified) key may not carry pegawai records."""
    _, _, lap = kantor
    p, n = lap["pegawai"], lap["penilai"]
    p.pakai()
    siti = login(SITI)
    from skpdesk.store import isi as isi_mod
    from skpdesk.store.models import Pegawai

    me = Pegawai.get(Pegawai.nama == SITI)
    name, data = paket._rekaman_file(Entitas.PEGAWAI, str(me.id),
                                     isi_mod.isi(str(Entitas.PEGAWAI), me.id))
    out = paket._tulis_zip(tmp_path / "roster.skpx",
                           {"jenis": paket.JENIS_DOKUMEN, "pembuat": paket._pembuat(siti)},
                           {name: data, "kunci.json": isi_mod.kanonik(paket._kunci_json())},
                           siti.kunci)
    n.pakai()
    db.obj.close()
    _ditolak(n, out, "hanya paket kantor yang memperbarui data kantor")
    # Nor may a person's key sign an office package.
    p.pakai()
    out2 = paket._tulis_zip(tmp_path / "kantor-palsu.skpx",
                            {"jenis": paket.JENIS_KANTOR, "pembuat": paket._pembuat(siti)},
                            {name: data, "kunci.json": isi_mod.kanonik(paket._kunci_json())},
                            siti.kunci)
    db.obj.close()
    _ditolak(n, out2, "harus ditandatangani dengan kunci kantor")


def test_one_record_goes_with_what_it_needs_under_a_name_saying_what_it_is(diajukan, tmp_path):
    out, receiver, skp = diajukan
    receiver.pakai()
    # A record new to this laptop is named in words, not by its id.
    hasil = paket.impor(out)
    assert [u.split(",")[0] for u in hasil.diterapkan] == [f"SKP {TAHUN} {SITI}"]
    skp_service.setujui(login(DEWI), skp.id)
    siti = login(SITI)
    evaluasi = ev.buka_evaluasi(siti, skp.id, "TW1")
    items = paket.untuk_rekaman(Entitas.EVALUASI, evaluasi.id)
    assert items == [(Entitas.SKP, str(skp.id)), (Entitas.EVALUASI, str(evaluasi.id))]
    nip = Evaluasi.get_by_id(evaluasi.id).skp.pegawai.nip
    named = paket.nama_paket(items, siti, utama=(Entitas.EVALUASI, evaluasi.id))
    assert named.startswith(f"evaluasi_{nip}_{TAHUN}_TW1_") and named.endswith(".skpx")
    assert paket.nama_paket(items, siti).startswith(f"paket_{siti.login}_")
    assert paket.nama_paket(paket.untuk_rekaman(Entitas.SKP, skp.id), siti).startswith(
        f"skp_{nip}_{TAHUN}_")


# --- across engines ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_sqlite(request, tmp_path_factory) -> Path:
    """The whole demo office in a SQLite file, whatever the run's engine."""
    if not pg.aktif():
        return request.getfixturevalue("demo_file")
    path = tmp_path_factory.mktemp("demo_sqlite") / "demo.db"
    from skpdesk.services import demo

    with berkas_kantor(path, sqlite=True):
        demo.buat_kantor_demo()
    return path


def test_the_office_from_a_sqlite_laptop_imports_with_the_same_content(
        demo_sqlite, db_target, tmp_path, monkeypatch):
    """A record's content, and so its hash, does not depend on the engine: the whole demo
    office packaged on a SQLite laptop imports into the run's database (PostgreSQL on
    ``make test-pg``) record for record, and its signed history verifies there."""
    laptop = Laptop(tmp_path, "sqlite", monkeypatch, tmp_path / "sqlite" / "skpdesk.db")
    laptop.target.parent.mkdir()
    shutil.copy(demo_sqlite, laptop.target)
    if (demo_sqlite.parent / "data").is_dir():
        shutil.copytree(demo_sqlite.parent / "data", laptop.data)
    laptop.pakai()
    admin = login("admin")
    office, docs = tmp_path / "kantor.skpx", tmp_path / "dokumen.skpx"
    paket.ekspor_kantor(admin, office)
    # Pengukuran chains stay home: a fresh laptop cannot yet tell that a Kasi who filled a
    # realisasi is a party (services/pengukuran.py kasi_pada reads rows it has not written).
    items = [i for i in paket.pilih_dokumen(admin) if i[0] is not Entitas.PENGUKURAN_KINERJA]
    items += [(Entitas.PERJANJIAN_KINERJA, rid)
              for rid in isi_mod.isi_banyak(Entitas.PERJANJIAN_KINERJA)]
    paket.ekspor_dokumen(admin, docs, items)
    sent = {e: isi_mod.isi_banyak(e) for e in isi_mod.SPEK}

    Laptop(tmp_path, "baru", monkeypatch, db_target).pakai()
    assert isinstance(db.obj, pw.PostgresqlDatabase) == pg.aktif()
    paket.impor(office)
    hasil = paket.impor(docs)
    assert hasil.diterapkan and not hasil.konflik
    for entitas in (Entitas.PEGAWAI, Entitas.PENGATURAN, Entitas.SKP, Entitas.EVALUASI,
                    Entitas.PERJANJIAN_KINERJA):
        received = isi_mod.isi_banyak(entitas)
        assert received, entitas
        assert received == {rid: sent[entitas][rid] for rid in received}, entitas
        for rid, content in received.items():
            assert isi_mod.hash_dari(content) == isi_mod.hash_isi(str(entitas), rid)
    laporan = verifikasi.periksa()
    assert laporan.ok, [str(t) for t in laporan.temuan]
