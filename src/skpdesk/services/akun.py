"""Accounts: creating them, passwords (argon2), logging in with a lock after repeated failures."""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import Peran
from skpdesk.i18n import _
from skpdesk.services.context import Aktor, catat, now, wajib, wajib_peran
from skpdesk.services.errors import LoginGagal, TidakDitemukan, ValidasiGagal
from skpdesk.store.models import Akun, Pegawai, db

MAX_GAGAL = 5
LAMA_KUNCI = dt.timedelta(minutes=15)
MIN_PANJANG_SANDI = 8
LOGIN_POLA = re.compile(r"^[A-Za-z0-9._-]{3,64}$")

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
) -> Akun:
    """Create an account. ``aktor`` None only during first-run setup (see ``kantor``).

    ``hash_sama``: a hash of this same ``sandi`` made earlier in this process, for many accounts
    given one password at once (the demo office); hashing is deliberately slow.
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
        catat(aktor, Entitas.AKUN, akun.id, "buat", ke=login, rincian={"peran": akun.peran})
    return akun


def atur_peran(aktor: Aktor, akun_id: uuid.UUID, peran: Iterable[Peran | str]) -> Akun:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    new = _peran(peran)
    with db.atomic():
        akun = _ambil(akun_id)
        wajib(
            akun.id != aktor.akun_id or Peran.PENGADMINISTRASI_KEPEGAWAIAN.value in new,
            _("Anda tidak dapat mencabut peran pengadministrasi kepegawaian dari akun sendiri."),
        )
        if sorted(akun.peran) == new:
            return akun
        before = sorted(akun.peran)
        akun.peran = new
        akun.save()
        catat(aktor, Entitas.AKUN, akun.id, "atur_peran", dari=",".join(before), ke=",".join(new))
    return akun


def atur_sandi(aktor: Aktor, akun_id: uuid.UUID, sandi_baru: str) -> Akun:
    """Reset by the pengadministrasi kepegawaian: the owner must change it at next login."""
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    if (problem := periksa_sandi(sandi_baru)) is not None:
        raise ValidasiGagal({"sandi": problem})
    with db.atomic():
        akun = _ambil(akun_id)
        akun.password_hash = hash_sandi(sandi_baru)
        akun.harus_ganti_sandi = akun.id != aktor.akun_id
        akun.gagal_login = 0
        akun.terkunci_sampai = None
        akun.save()
        catat(aktor, Entitas.AKUN, akun.id, "atur_sandi")
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
    with db.atomic():
        akun.password_hash = hash_sandi(sandi_baru)
        akun.harus_ganti_sandi = False
        akun.save()
        catat(aktor, Entitas.AKUN, akun.id, "ganti_sandi")
    return akun


def buka_kunci(aktor: Aktor, akun_id: uuid.UUID) -> Akun:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    with db.atomic():
        akun = _ambil(akun_id)
        akun.gagal_login = 0
        akun.terkunci_sampai = None
        akun.save()
        catat(aktor, Entitas.AKUN, akun.id, "buka_kunci")
    return akun


def atur_aktif(aktor: Aktor, akun_id: uuid.UUID, aktif: bool) -> Akun:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    with db.atomic():
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
            akun.gagal_login += 1
            locked = akun.gagal_login >= MAX_GAGAL
            if locked:
                akun.terkunci_sampai = moment + LAMA_KUNCI
                akun.gagal_login = 0
            akun.save()
            catat(aktor, Entitas.AKUN, akun.id, "dikunci" if locked else "gagal_masuk")
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
    with db.atomic():
        if hasher.check_needs_rehash(akun.password_hash):
            akun.password_hash = hash_sandi(sandi)
        akun.gagal_login = 0
        akun.terkunci_sampai = None
        akun.login_terakhir = moment
        akun.save()
        catat(aktor, Entitas.AKUN, akun.id, "masuk")
    return aktor
