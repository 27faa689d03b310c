"""The office: first-run setup, settings (kop surat), unit kerja tree and jabatan."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.kepegawaian import JENJANG_PER_JENIS, JenisJabatan, Peran
from skpdesk.domain.workflow import OPSI_BKPSDM
from skpdesk.i18n import _
from skpdesk.services import akun as akun_service
from skpdesk.services import kunci as kunci_mod
from skpdesk.services.context import Aktor, catat, kunci_dahulu, now, wajib_peran
from skpdesk.services.errors import LayananError, TidakDitemukan, ValidasiGagal
from skpdesk.store.models import Akun, Instansi, Jabatan, Pengaturan, UnitKerja, db

UKURAN_KERTAS = ("A4", "F4")
MAX_LOGO_BYTES = 2 * 1024 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"


@dataclass(frozen=True)
class DataKantor:
    """What the first-run wizard asks for."""

    nama_instansi: str
    pemerintah_daerah: str
    alamat: str
    tempat: str
    unit: Sequence[str] = field(default_factory=tuple)  # the office's sub-units, under the root
    admin_login: str = "admin"
    admin_sandi: str = ""


def sudah_disiapkan() -> bool:
    return Instansi.select().exists()


def instansi() -> Instansi:
    found = Instansi.select().order_by(Instansi.dibuat).first()
    if found is None:
        raise TidakDitemukan(_("Kantor belum disiapkan."))
    return found


def pengaturan() -> Pengaturan:
    return Pengaturan.get(Pengaturan.instansi == instansi())


def siapkan_kantor(
    data: DataKantor, *, sandi_sama: kunci_mod.KunciSandi | None = None
) -> tuple[Instansi, Akun]:
    """First run: the instansi, its root unit and sub-units, settings, the first administrator,
    and the office key (services/kunci.py)."""
    if sudah_disiapkan() or Akun.select().exists():
        raise LayananError(_("Kantor sudah disiapkan; penyiapan awal hanya sekali."))
    errors: dict[str, str] = {}
    if not data.nama_instansi.strip():
        errors["nama_instansi"] = _("Nama instansi wajib diisi.")
    if not data.tempat.strip():
        errors["tempat"] = _("Tempat (kota/kecamatan untuk tanda tangan) wajib diisi.")
    names = [u.strip() for u in data.unit if u.strip()]
    if len(set(n.lower() for n in names)) != len(names):
        errors["unit"] = _("Nama unit kerja tidak boleh ganda.")
    if (problem := akun_service.periksa_sandi(data.admin_sandi)) is not None:
        errors["admin_sandi"] = problem
    if not akun_service.LOGIN_POLA.match(data.admin_login.strip()):
        errors["admin_login"] = _("Nama pengguna 3–64 karakter: huruf, angka, titik, garis bawah.")
    if errors:
        raise ValidasiGagal(errors)
    # The office key is born here; it signs the rows of the setup (there is no one yet).
    office = kunci_mod.baru()
    with db.atomic():
        kunci_mod.daftarkan(office, kunci_mod.JENIS_KANTOR, None, office)
        inst = Instansi.create(
            id=uuid.uuid4(),
            nama=data.nama_instansi.strip(),
            pemerintah_daerah=data.pemerintah_daerah.strip(),
            alamat=data.alamat.strip(),
            dibuat=now(),
        )
        catat(None, Entitas.INSTANSI, inst.id, "siapkan", ke=inst.nama, penanda=office)
        root = UnitKerja.create(id=uuid.uuid4(), instansi=inst, nama=inst.nama, urutan=0)
        catat(None, Entitas.UNIT_KERJA, root.id, "tambah", ke=root.nama, penanda=office)
        for i, name in enumerate(names, start=1):
            unit = UnitKerja.create(id=uuid.uuid4(), instansi=inst, nama=name, induk=root, urutan=i)
            catat(None, Entitas.UNIT_KERJA, unit.id, "tambah", ke=unit.nama,
                  penanda=office)
        kop = [
            line
            for line in (data.pemerintah_daerah.strip().upper(), inst.nama.upper(), inst.alamat)
            if line
        ]
        setting = Pengaturan.create(
            id=uuid.uuid4(), instansi=inst, kop_surat=kop, tempat=data.tempat.strip()
        )
        catat(None, Entitas.PENGATURAN, setting.id, "siapkan", penanda=office)
        admin = akun_service.buat_akun(
            None,
            data.admin_login,
            data.admin_sandi,
            peran=[Peran.PENGADMINISTRASI_KEPEGAWAIAN],
            harus_ganti_sandi=False,
            kantor=office,
            sandi_sama=sandi_sama,
        )
    return inst, admin


def ubah_pengaturan(
    aktor: Aktor,
    *,
    kop_surat: Sequence[str],
    tempat: str,
    ukuran_kertas: str,
    cadangan_disimpan: int,
    logo: bytes | None = None,
    logo_nama: str = "",
    hapus_logo: bool = False,
) -> Pengaturan:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    errors: dict[str, str] = {}
    lines = [line.strip() for line in kop_surat if line.strip()]
    if not lines:
        errors["kop_surat"] = _("Kop surat minimal satu baris.")
    elif len(lines) > 6:
        errors["kop_surat"] = _("Kop surat paling banyak enam baris.")
    if not tempat.strip():
        errors["tempat"] = _("Tempat wajib diisi.")
    if ukuran_kertas not in UKURAN_KERTAS:
        errors["ukuran_kertas"] = _("Ukuran kertas harus A4 atau F4.")
    if not 1 <= cadangan_disimpan <= 365:
        errors["cadangan_disimpan"] = _("Jumlah cadangan yang disimpan antara 1 dan 365.")
    if logo is not None:
        if len(logo) > MAX_LOGO_BYTES:
            errors["logo"] = _("Berkas logo terlalu besar (maksimal 2 MB).")
        elif not (logo.startswith(PNG_MAGIC) or logo.startswith(JPEG_MAGIC)):
            errors["logo"] = _("Logo harus berupa gambar PNG atau JPEG.")
    if errors:
        raise ValidasiGagal(errors)
    with db.atomic():
        kunci_dahulu(Entitas.PENGATURAN, pengaturan().id)
        setting = pengaturan()
        before = {
            "kop_surat": setting.kop_surat,
            "tempat": setting.tempat,
            "ukuran_kertas": setting.ukuran_kertas,
            "cadangan_disimpan": setting.cadangan_disimpan,
            "logo_nama": setting.logo_nama,
        }
        setting.kop_surat = lines
        setting.tempat = tempat.strip()
        setting.ukuran_kertas = ukuran_kertas
        setting.cadangan_disimpan = cadangan_disimpan
        if hapus_logo:
            setting.logo, setting.logo_nama = None, ""
        elif logo is not None:
            setting.logo, setting.logo_nama = logo, logo_nama
        setting.save()
        after = {
            "kop_surat": setting.kop_surat,
            "tempat": setting.tempat,
            "ukuran_kertas": setting.ukuran_kertas,
            "cadangan_disimpan": setting.cadangan_disimpan,
            "logo_nama": setting.logo_nama,
        }
        changed = {k: {"dari": before[k], "ke": after[k]} for k in after if before[k] != after[k]}
        catat(aktor, Entitas.PENGATURAN, setting.id, "ubah", rincian=changed)
    return setting


def _unit(unit_id: uuid.UUID) -> UnitKerja:
    unit = UnitKerja.get_or_none(UnitKerja.id == unit_id)
    if unit is None:
        raise TidakDitemukan(_("Unit kerja tidak ditemukan."))
    return unit


def tambah_unit(aktor: Aktor, nama: str, induk_id: uuid.UUID | None) -> UnitKerja:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    nama = " ".join(nama.split())
    if not nama:
        raise ValidasiGagal({"nama": _("Nama unit kerja wajib diisi.")})
    with db.atomic():
        induk = _unit(induk_id) if induk_id else None
        clash = UnitKerja.select().where(
            (UnitKerja.nama == nama)
            & (UnitKerja.induk.is_null() if induk is None else UnitKerja.induk == induk)
        )
        if clash.exists():
            raise ValidasiGagal(
                {"nama": _("Unit '{nama}' sudah ada di tempat ini.").format(nama=nama)}
            )
        urutan = UnitKerja.select().where(UnitKerja.induk == induk).count() + 1
        unit = UnitKerja.create(
            id=uuid.uuid4(), instansi=instansi(), nama=nama, induk=induk, urutan=urutan
        )
        catat(
            aktor,
            Entitas.UNIT_KERJA,
            unit.id,
            "tambah",
            ke=nama,
            rincian={"induk": induk.nama if induk else None},
        )
    return unit


def ubah_unit(aktor: Aktor, unit_id: uuid.UUID, nama: str) -> UnitKerja:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    nama = " ".join(nama.split())
    if not nama:
        raise ValidasiGagal({"nama": _("Nama unit kerja wajib diisi.")})
    with db.atomic():
        unit = _unit(unit_id)
        if unit.nama == nama:
            return unit
        before = unit.nama
        unit.nama = nama
        unit.save()
        catat(aktor, Entitas.UNIT_KERJA, unit.id, "ubah", dari=before, ke=nama)
    return unit


def periksa_jabatan(nama: str, jenis: str, jenjang: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not nama.strip():
        errors["nama"] = _("Nama jabatan wajib diisi.")
    try:
        jenis_jabatan = JenisJabatan(jenis.strip().upper())
    except ValueError:
        errors["jenis"] = _(
            "Jenis jabatan harus salah satu dari: JPT, Administrator, Pengawas, Pelaksana, "
            "Fungsional."
        )
        return errors
    allowed = JENJANG_PER_JENIS[jenis_jabatan]
    if allowed and jenjang.strip() and jenjang.strip() not in allowed:
        errors["jenjang"] = _("Jenjang untuk {jenis} harus salah satu dari: {daftar}.").format(
            jenis=jenis_jabatan.label, daftar=", ".join(allowed)
        )
    if jenis_jabatan is JenisJabatan.FUNGSIONAL and not jenjang.strip():
        errors["jenjang"] = _("Jenjang jabatan fungsional wajib diisi.")
    return errors


def tambah_jabatan(
    aktor: Aktor, nama: str, jenis: str, jenjang: str = "", unit_id: uuid.UUID | None = None
) -> Jabatan:
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    nama = " ".join(nama.split())
    errors = periksa_jabatan(nama, jenis, jenjang)
    if (
        not errors
        and Jabatan.select().where((Jabatan.nama == nama) & (Jabatan.unit == unit_id)).exists()
    ):
        errors["nama"] = _("Jabatan '{nama}' sudah ada di unit ini.").format(nama=nama)
    if errors:
        raise ValidasiGagal(errors)
    jenis_jabatan = JenisJabatan(jenis.strip().upper())
    with db.atomic():
        jabatan = Jabatan.create(
            id=uuid.uuid4(),
            nama=nama,
            jenis=jenis_jabatan.value,
            jenjang=jenjang.strip(),
            struktural=jenis_jabatan.struktural,
            unit=_unit(unit_id) if unit_id else None,
        )
        catat(
            aktor,
            Entitas.JABATAN,
            jabatan.id,
            "tambah",
            ke=nama,
            rincian={"jenis": jabatan.jenis, "jenjang": jabatan.jenjang},
        )
    return jabatan


OPSI_ALUR_DIKENAL = (OPSI_BKPSDM,)


def atur_opsi_alur(aktor: Aktor, opsi: Sequence[str]) -> Pengaturan:
    """Switch the office's workflow options (e.g. SOP 002's signature by the atasan penilai)."""
    wajib_peran(aktor, Peran.PENGADMINISTRASI_KEPEGAWAIAN)
    wanted = sorted(set(opsi))
    unknown = [o for o in wanted if o not in OPSI_ALUR_DIKENAL]
    if unknown:
        raise ValidasiGagal({"opsi_alur": _("Opsi alur tidak dikenal: {o}.").format(
            o=", ".join(unknown))})
    with db.atomic():
        kunci_dahulu(Entitas.PENGATURAN, pengaturan().id)
        setting = pengaturan()
        before = sorted(setting.opsi_alur or [])
        if before == wanted:
            return setting
        setting.opsi_alur = wanted
        setting.save()
        catat(aktor, Entitas.PENGATURAN, setting.id, "atur_opsi_alur",
              dari=",".join(before) or None, ke=",".join(wanted) or None)
    return setting
