"""Accounts: creating them, passwords (argon2), logging in with a lock after repeated failures."""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import threading
import uuid
from collections.abc import Callable, Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.i18n import _
from skpdesk.services import kunci as kunci_mod
from skpdesk.services.context import Aktor, catat, kunci_dahulu, now, wajib, wajib_peran
from skpdesk.services.errors import (
    BasisDataSibuk,
    KoneksiTerputus,
    LoginGagal,
    TidakDitemukan,
    ValidasiGagal,
)
from skpdesk.services.kunci import KunciSandi, KunciTerbuka
from skpdesk.store import segel
from skpdesk.store.database import pesan_sibuk
from skpdesk.store.models import Akun, KunciPublik, Pegawai, Riwayat, db

MAX_GAGAL = 5
LAMA_KUNCI = dt.timedelta(minutes=15)
MIN_PANJANG_SANDI = 8
LOGIN_POLA = re.compile(r"^[A-Za-z0-9._-]{3,64}$")
# How often the background writer tries again a login's rows that found the database busy.
JEDA_TERTUNDA_S = 2.0

log = logging.getLogger(__name__)

# Module-level so that tests can swap in cheaper parameters.
hasher = PasswordHasher()


def hash_sandi(sandi: str) -> str:
    return hasher.hash(sandi)


def periksa_sandi(sandi: str) -> str | None:
    """The message for a password that is too weak, or None."""
    if len(sandi) < MIN_PANJANG_SANDI:
        return _("Kata sandi minimal {n} karakter.").format(n=MIN_PANJANG_SANDI)
    if sandi.isdigit() or sandi.isalpha():
        return _("Kata sandi harus memuat huruf dan angka.")
    return None


def _ambil(akun_id: uuid.UUID) -> Akun:
    akun = Akun.get_or_none(Akun.id == akun_id)
    if akun is None:
        raise TidakDitemukan(_("Akun tidak ditemukan."))
    return akun


def _peran(values: Iterable[Peran | str]) -> list[str]:
    return sorted({Peran(v).value for v in values})


def buat_akun(
    aktor: Aktor | None,
    login: str,
    sandi: str,
    *,
    pegawai_id: uuid.UUID | None = None,
    peran: Iterable[Peran | str] = (),
    harus_ganti_sandi: bool = True,
    hash_sama: str | None = None,
    sandi_sama: KunciSandi | None = None,
    kantor: KunciTerbuka | None = None,
) -> Akun:
    """Create an account with its own signing key. ``aktor`` None only during first-run setup
    (see ``kantor``), which hands in the new office key as ``kantor``.

    ``hash_sama`` and ``sandi_sama``: a hash of this same ``sandi`` and a key derived from it,
    made earlier in this process, for many accounts given one password at once (the demo
    office); both are deliberately slow.
    """
    if aktor is not None:
        wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    login = login.strip()
    errors: dict[str, str] = {}
    if not LOGIN_POLA.match(login):
        errors["login"] = _(
            "Nama pengguna 3–64 karakter: huruf, angka, titik, garis bawah atau tanda hubung."
        )
    elif Akun.get_or_none(Akun.login == login) is not None:
        errors["login"] = _("Nama pengguna '{login}' sudah dipakai.").format(login=login)
    if (problem := periksa_sandi(sandi)) is not None:
        errors["sandi"] = problem
    if pegawai_id is not None:
        if Pegawai.get_or_none(Pegawai.id == pegawai_id) is None:
            errors["pegawai_id"] = _("Pegawai tidak ditemukan.")
        elif Akun.get_or_none(Akun.pegawai == pegawai_id) is not None:
            errors["pegawai_id"] = _("Pegawai ini sudah memiliki akun.")
    if errors:
        raise ValidasiGagal(errors)
    office = kantor if aktor is None else aktor.kunci_kantor
    wrap = sandi_sama or kunci_mod.turunkan(sandi)
    with db.atomic():
        akun = Akun.create(
            id=uuid.uuid4(),
            login=login,
            pegawai=pegawai_id,
            password_hash=hash_sama or hash_sandi(sandi),
            peran=_peran(peran),
            harus_ganti_sandi=harus_ganti_sandi,
            dibuat=now(),
        )
        _beri_kunci(akun, kunci_mod.baru(), wrap, office)
        catat(aktor, Entitas.AKUN, akun.id, "buat", ke=login, rincian={"peran": akun.peran},
              penanda=kantor if aktor is None else None)
    return akun


def _beri_kunci(akun: Akun, kunci: KunciTerbuka, wrap: KunciSandi,
                office: KunciTerbuka | None) -> None:
    """Keep ``kunci`` for this account under its password (and the office key for an
    administrator, when the one acting holds it); its public half is certified by the office."""
    akun.kunci_rahasia = kunci_mod.bungkus(kunci, wrap)
    if Peran.PENGADMINISTRASI_KEPEGAWAIAN.value in (akun.peran or ()) and office is not None:
        akun.kunci_kantor = kunci_mod.bungkus(office, wrap)
    akun.save()
    kunci_mod.daftarkan(kunci, kunci_mod.JENIS_AKUN, akun, office)


def atur_peran(aktor: Aktor, akun_id: uuid.UUID, peran: Iterable[Peran | str]) -> Akun:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    new = _peran(peran)
    with db.atomic():
        kunci_dahulu(Entitas.AKUN, akun_id)
        akun = _ambil(akun_id)
        wajib(
            akun.id != aktor.akun_id or Peran.PENGADMINISTRASI_KEPEGAWAIAN.value in new,
            _("Anda tidak dapat mencabut peran pengadministrasi kepegawaian dari akun sendiri."),
        )
        if sorted(akun.peran) == new:
            return akun
        before = sorted(akun.peran)
        akun.peran = new
        if Peran.PENGADMINISTRASI_KEPEGAWAIAN.value not in new:
            # Whoever no longer administers the office no longer holds its key. A new
            # administrator receives it when an administrator next sets their password.
            akun.kunci_kantor = None
        akun.save()
        catat(aktor, Entitas.AKUN, akun.id, "atur_peran", dari=",".join(before), ke=",".join(new))
    return akun


def atur_sandi(aktor: Aktor, akun_id: uuid.UUID, sandi_baru: str) -> Akun:
    """Reset by the pengadministrasi kepegawaian: the owner must change it at next login."""
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    if (problem := periksa_sandi(sandi_baru)) is not None:
        raise ValidasiGagal({"sandi": problem})
    wrap = kunci_mod.turunkan(sandi_baru)
    with db.atomic():
        kunci_dahulu(Entitas.AKUN, akun_id)
        akun = _ambil(akun_id)
        akun.password_hash = hash_sandi(sandi_baru)
        akun.harus_ganti_sandi = akun.id != aktor.akun_id
        akun.gagal_login = 0
        akun.terkunci_sampai = None
        # The old key stays closed under the forgotten password: a new one signs from now on
        # (the old public key stays, so the rows it signed still verify).
        own = aktor.kunci if akun.id == aktor.akun_id and aktor.kunci else kunci_mod.baru()
        akun.kunci_kantor = None
        _beri_kunci(akun, own, wrap, aktor.kunci_kantor)
        catat(aktor, Entitas.AKUN, akun.id, "atur_sandi", rincian={"kunci": own.sidik})
    return akun


def ganti_sandi(aktor: Aktor, sandi_lama: str, sandi_baru: str) -> Akun:
    """The owner changes their own password."""
    wajib(aktor.akun_id is not None, _("Tidak ada akun yang sedang masuk."))
    errors: dict[str, str] = {}
    akun = _ambil(aktor.akun_id)
    if not _cocok(akun, sandi_lama):
        errors["sandi_lama"] = _("Kata sandi lama salah.")
    if (problem := periksa_sandi(sandi_baru)) is not None:
        errors["sandi_baru"] = problem
    elif sandi_baru == sandi_lama:
        errors["sandi_baru"] = _("Kata sandi baru harus berbeda dari yang lama.")
    if errors:
        raise ValidasiGagal(errors)
    wrap = kunci_mod.turunkan(sandi_baru)
    with db.atomic():
        akun.password_hash = hash_sandi(sandi_baru)
        akun.harus_ganti_sandi = False
        own = aktor.kunci
        if own is None:
            own = _kunci_lama(akun, sandi_lama)
        if own is not None:
            # Same key, wrapped under the new password; the office key too.
            akun.kunci_rahasia = kunci_mod.bungkus(own, wrap)
        office = aktor.kunci_kantor
        if office is not None and akun.kunci_kantor is not None:
            akun.kunci_kantor = kunci_mod.bungkus(office, wrap)
        akun.save()
        catat(aktor, Entitas.SESI, akun.id, "ganti_sandi")
    return akun


def _kunci_lama(akun: Akun, sandi: str) -> KunciTerbuka | None:
    if not akun.kunci_rahasia:
        return None
    try:
        return kunci_mod.buka(akun.kunci_rahasia, kunci_mod.kunci_sandi_untuk(
            akun.kunci_rahasia, sandi))
    except kunci_mod.KunciRusak:
        return None


def buka_kunci(aktor: Aktor, akun_id: uuid.UUID) -> Akun:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    with db.atomic():
        kunci_dahulu(Entitas.AKUN, akun_id)
        akun = _ambil(akun_id)
        akun.gagal_login = 0
        akun.terkunci_sampai = None
        akun.save()
        catat(aktor, Entitas.SESI, akun.id, "buka_kunci")
    return akun


def atur_aktif(aktor: Aktor, akun_id: uuid.UUID, aktif: bool) -> Akun:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    with db.atomic():
        kunci_dahulu(Entitas.AKUN, akun_id)
        akun = _ambil(akun_id)
        wajib(aktif or akun.id != aktor.akun_id, _("Anda tidak dapat menonaktifkan akun sendiri."))
        if akun.aktif == aktif:
            return akun
        akun.aktif = aktif
        akun.save()
        catat(aktor, Entitas.AKUN, akun.id, "aktifkan" if aktif else "nonaktifkan")
    return akun


def _cocok(akun: Akun, sandi: str) -> bool:
    try:
        return hasher.verify(akun.password_hash, sandi)
    except (VerificationError, InvalidHashError):
        return False


def cari_akun(login: str) -> Akun | None:
    """An account by its login name, or by the NIP of its pegawai typed with or without spaces."""
    text = login.strip()
    akun = Akun.get_or_none(Akun.login == text)
    if akun is None:
        digits = re.sub(r"\s", "", text)
        akun = (
            Akun.select().join(Pegawai).where(Pegawai.nip == digits).first()
            if digits.isdigit()
            else None
        )
    return akun


def masuk(login: str, sandi: str) -> Aktor:
    """Log in. Five wrong passwords lock the account for fifteen minutes."""
    akun = cari_akun(login)
    if akun is None or not akun.aktif:
        raise LoginGagal(_("Nama pengguna atau kata sandi salah."))
    moment = now()
    if akun.terkunci_sampai is not None and akun.terkunci_sampai > moment:
        menit = max(1, math.ceil((akun.terkunci_sampai - moment).total_seconds() / 60))
        raise LoginGagal(
            _(
                "Akun terkunci karena {n} kali salah kata sandi. Coba lagi dalam {menit} menit, "
                "atau minta pengelola kepegawaian membuka kuncinya."
            ).format(n=MAX_GAGAL, menit=menit)
        )
    if akun.pegawai is not None and not akun.pegawai.aktif:
        raise LoginGagal(_("Pegawai pemilik akun ini sudah tidak aktif."))
    aktor = Aktor.dari_akun(akun)
    if not _cocok(akun, sandi):
        with db.atomic():
            # Two wrong passwords at once on two laptops (one server) must both count.
            kunci_dahulu(Entitas.SESI, akun.id)
            akun = Akun.get_by_id(akun.id)
            akun.gagal_login += 1
            locked = akun.gagal_login >= MAX_GAGAL
            if locked:
                akun.terkunci_sampai = moment + LAMA_KUNCI
                akun.gagal_login = 0
            akun.save()
            catat(aktor, Entitas.SESI, akun.id, "dikunci" if locked else "gagal_masuk")
        if locked:
            raise LoginGagal(
                _("Kata sandi salah {n} kali. Akun dikunci selama {menit} menit.").format(
                    n=MAX_GAGAL, menit=int(LAMA_KUNCI.total_seconds() // 60)
                )
            )
        raise LoginGagal(
            _("Kata sandi salah. Sisa percobaan sebelum akun dikunci: {n}.").format(
                n=MAX_GAGAL - akun.gagal_login
            )
        )
    try:
        with db.atomic():
            if hasher.check_needs_rehash(akun.password_hash):
                akun.password_hash = hash_sandi(sandi)
            akun.gagal_login = 0
            akun.terkunci_sampai = None
            akun.login_terakhir = moment
            akun.save()
            aktor = _buka_kunci(akun, sandi)
            catat(aktor, Entitas.SESI, akun.id, "masuk")
    except BasisDataSibuk:
        # Another process is writing. The password is right, so the person comes in; the
        # session row follows as soon as the database is free (``tulis_tertunda``).
        akun = _ambil(akun.id)
        aktor = _aktor_tanpa_tulis(akun, sandi)
        _tunda(lambda: _catat_masuk_tertunda(aktor, moment))
    return aktor


def _aktor_tanpa_tulis(akun: Akun, sandi: str) -> Aktor:
    """The logged-in actor with its keys opened from what is stored, writing nothing.

    An account from before keys existed needs its new key stored before it can sign: that
    login waits for the database (``BasisDataSibuk``).
    """
    if not akun.kunci_rahasia:
        raise BasisDataSibuk(pesan_sibuk())
    own, office = _buka_tersimpan(akun, sandi)
    return Aktor.dari_akun(akun, own, office)


def _catat_masuk_tertunda(aktor: Aktor, moment: dt.datetime) -> None:
    with db.atomic():
        Akun.update(gagal_login=0, terkunci_sampai=None, login_terakhir=moment).where(
            Akun.id == aktor.akun_id
        ).execute()
        catat(aktor, Entitas.SESI, aktor.akun_id, "masuk",
              rincian={"masuk": moment.isoformat(), "ditunda": True})
        if aktor.kunci_kantor is not None:
            _urus_kantor(aktor, aktor.kunci_kantor)


# --- writes a login could not do at once -------------------------------------------------------

_tertunda: list[Callable[[], None]] = []
_kunci_tertunda = threading.Lock()
_pekerja: threading.Thread | None = None


def _tunda(job: Callable[[], None]) -> None:
    global _pekerja
    with _kunci_tertunda:
        _tertunda.append(job)
        if _pekerja is None or not _pekerja.is_alive():
            _pekerja = threading.Thread(target=_ulangi, args=(db.obj,), daemon=True,
                                        name="skpdesk-tulis-tertunda")
            _pekerja.start()


def _ulangi(database: object) -> None:
    """The background writer: each job until it succeeds, on this thread's own connection;
    dropped when the database it was for is no longer the open one."""
    try:
        while True:
            with _kunci_tertunda:
                if not _tertunda:
                    return
                if db.obj is not database:
                    log.warning("%d catatan sesi tertunda dibuang: basis data sudah ditutup",
                                len(_tertunda))
                    _tertunda.clear()
                    return
                job = _tertunda[0]
            try:
                job()
            except (BasisDataSibuk, KoneksiTerputus):
                threading.Event().wait(JEDA_TERTUNDA_S)
                continue
            except Exception:  # noqa: BLE001 - a lost session row must not stop the writer
                log.exception("catatan sesi tertunda gagal ditulis")
            with _kunci_tertunda:
                _tertunda.pop(0)
    finally:
        close = getattr(database, "close", None)
        if close is not None:
            try:
                close()  # this thread's connection only
            except Exception:  # noqa: BLE001 - already closed or never opened
                log.debug("koneksi penulis tertunda sudah tertutup", exc_info=True)


def ada_tertunda() -> bool:
    """Whether some login's rows still wait for the database."""
    with _kunci_tertunda:
        return bool(_tertunda)


def tunggu_tertunda(batas_detik: float | None = None) -> bool:
    """Wait for the background writer (at exit, in tests); True when nothing is left."""
    worker = _pekerja
    if worker is not None:
        worker.join(batas_detik)
    return not ada_tertunda()


def _buka_kunci(akun: Akun, sandi: str) -> Aktor:
    """Open the account's keys in memory; give one to an account from before keys existed.

    An administrator's first login on such a database also makes the office key, signs the
    rows written before the seal, and certifies the keys made meanwhile.
    """
    blob = akun.kunci_rahasia
    if blob:
        wrap = kunci_mod.kunci_sandi_untuk(blob, sandi)
        own, office = _buka_tersimpan(akun, sandi, wrap)
    else:
        wrap = kunci_mod.turunkan(sandi)
        own, office = kunci_mod.baru(), None
    admin = Peran.PENGADMINISTRASI_KEPEGAWAIAN in akun.peran_set
    if office is None and admin and kunci_mod.kunci_kantor() is None:
        office = kunci_mod.baru()
        kunci_mod.daftarkan(office, kunci_mod.JENIS_KANTOR, None, office)
        akun.kunci_kantor = kunci_mod.bungkus(office, wrap)
        akun.save()
    if not blob and own is not None:
        _beri_kunci(akun, own, wrap, office)
        catat(Aktor.dari_akun(akun, own), Entitas.AKUN, akun.id, "buat_kunci",
              rincian={"kunci": own.sidik})
    aktor = Aktor.dari_akun(akun, own, office)
    if office is not None:
        _urus_kantor(aktor, office)
    return aktor


def _buka_tersimpan(
    akun: Akun, sandi: str, wrap: KunciSandi | None = None
) -> tuple[KunciTerbuka | None, KunciTerbuka | None]:
    """The account's own key and office key, opened from their stored, wrapped form."""
    wrap = wrap or kunci_mod.kunci_sandi_untuk(akun.kunci_rahasia, sandi)
    try:
        own: KunciTerbuka | None = kunci_mod.buka(akun.kunci_rahasia, wrap)
    except kunci_mod.KunciRusak as exc:
        # The password is right, so the kept key was altered: nothing may be signed.
        raise LoginGagal(_(
            "Kunci tanda tangan akun ini rusak atau diubah di luar aplikasi. Minta pengelola "
            "kepegawaian mengatur ulang kata sandi Anda; kunci baru dibuat saat itu."
        )) from exc
    office = None
    if akun.kunci_kantor:
        try:
            office = kunci_mod.buka(akun.kunci_kantor, wrap)
        except kunci_mod.KunciRusak:
            office = None
    return own, office


def _urus_kantor(aktor: Aktor, office: KunciTerbuka) -> None:
    """What only the office key can do, done when its holder logs in."""
    pending = list(KunciPublik.select().where(KunciPublik.sertifikat.is_null()))
    for row in pending:
        kunci_mod.sahkan(row, office)
        if row.akun_id is not None:
            catat(aktor, Entitas.AKUN, row.akun_id, "sahkan_kunci", rincian={"kunci": row.sidik},
                  penanda=office)
    segel_riwayat_lama(office)


def segel_riwayat_lama(office: KunciTerbuka) -> Riwayat | None:
    """Sign, once, the rows written before the history was signed (hashed at migration)."""
    if segel.rincian_segel_lama() is not None:
        return None
    hashes = segel.hash_lama()
    if not hashes:
        return None
    return catat(
        None, Entitas.BASIS_DATA, segel.ID_SEGEL_LAMA, segel.AKSI_SEGEL_LAMA,
        catatan=_("Riwayat sebelum tanda tangan digital disegel dengan kunci kantor."),
        rincian={"jumlah": len(hashes), "ringkasan": segel.ringkasan(hashes)},
        penanda=office,
    )


def aktor_dengan_sandi(akun: Akun, wrap: KunciSandi) -> Aktor:
    """An actor with its keys open, from a password key derived earlier (the demo office builds
    dozens of accounts with one password; deriving is slow on purpose)."""
    own = kunci_mod.buka(akun.kunci_rahasia, wrap)
    office = kunci_mod.buka(akun.kunci_kantor, wrap) if akun.kunci_kantor else None
    return Aktor.dari_akun(akun, own, office)
