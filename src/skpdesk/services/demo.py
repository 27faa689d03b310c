"""A demo kecamatan, so that a new user (or a test) meets a living office at once."""

from __future__ import annotations

from dataclasses import dataclass

from skpdesk.domain.kepegawaian import JenisJabatan, Peran
from skpdesk.domain.nip import format_nip
from skpdesk.i18n import _
from skpdesk.services import akun as akun_service
from skpdesk.services import demo_akun, kantor
from skpdesk.services.context import now
from skpdesk.services.demo_evaluasi import buat_tahun_ini_demo, buat_tahun_lalu_demo
from skpdesk.services.demo_pk import buat_pk_demo
from skpdesk.services.demo_pp46 import buat_pp46_demo
from skpdesk.services.demo_skp import buat_skp_demo
from skpdesk.services.pegawai import DataPegawai, tambah_pegawai
from skpdesk.store.models import Akun, Instansi, UnitKerja, db

DEMO_SANDI = "demo1234"
ADMIN_LOGIN = "admin"


class DemoError(Exception):
    """The demo office cannot be made here (the database already holds an office)."""


@dataclass(frozen=True)
class _Orang:
    kunci: str
    nip: str
    nama: str
    gelar_depan: str
    gelar_belakang: str
    status: str
    golongan: str
    jabatan: str
    jenis: JenisJabatan
    jenjang: str
    unit: str
    atasan: str | None
    peran: tuple[Peran, ...] = ()


ROOT = "Kecamatan Sukamaju"
SEKRETARIAT = "Sekretariat"
UMPEG = "Subbagian Umum dan Kepegawaian"
RENKEU = "Subbagian Perencanaan dan Keuangan"
PEM = "Seksi Pemerintahan"
KESOS = "Seksi Kesejahteraan Sosial"
TRANTIB = "Seksi Ketenteraman dan Ketertiban Umum"

# unit → parent unit
UNITS: tuple[tuple[str, str], ...] = (
    (SEKRETARIAT, ROOT),
    (UMPEG, SEKRETARIAT),
    (RENKEU, SEKRETARIAT),
    (PEM, ROOT),
    (KESOS, ROOT),
    (TRANTIB, ROOT),
)

J = JenisJabatan
ORANG: tuple[_Orang, ...] = (
    _Orang(
        "camat",
        "197508122000031004",
        "Bambang Setiawan",
        "Drs.",
        "M.Si.",
        "PNS",
        "IV/b",
        "Camat",
        J.ADMINISTRATOR,
        "",
        ROOT,
        None,
    ),
    _Orang(
        "sekcam",
        "197911032005012007",
        "Sri Wahyuni",
        "",
        "S.Sos., M.M.",
        "PNS",
        "IV/a",
        "Sekretaris Camat",
        J.ADMINISTRATOR,
        "",
        SEKRETARIAT,
        "camat",
    ),
    _Orang(
        "kasubbag_umpeg",
        "198204152008011012",
        "Agus Prasetyo",
        "",
        "S.E.",
        "PNS",
        "III/d",
        "Kepala Subbagian Umum dan Kepegawaian",
        J.PENGAWAS,
        "",
        UMPEG,
        "sekcam",
    ),
    _Orang(
        "kasubbag_renkeu",
        "198506202009022003",
        "Rina Marlina",
        "",
        "S.E., M.Ak.",
        "PNS",
        "III/d",
        "Kepala Subbagian Perencanaan dan Keuangan",
        J.PENGAWAS,
        "",
        RENKEU,
        "sekcam",
    ),
    _Orang(
        "kasi_pem",
        "197812012006041009",
        "Hendra Gunawan",
        "",
        "S.IP.",
        "PNS",
        "III/d",
        "Kepala Seksi Pemerintahan",
        J.PENGAWAS,
        "",
        PEM,
        "camat",
    ),
    _Orang(
        "kasi_kesos",
        "198303222009012006",
        "Dewi Lestari",
        "",
        "S.Sos.",
        "PNS",
        "III/c",
        "Kepala Seksi Kesejahteraan Sosial",
        J.PENGAWAS,
        "",
        KESOS,
        "camat",
    ),
    _Orang(
        "kasi_trantib",
        "198009172006041011",
        "Yusuf Hidayat",
        "",
        "S.H.",
        "PNS",
        "III/d",
        "Kepala Seksi Ketenteraman dan Ketertiban Umum",
        J.PENGAWAS,
        "",
        TRANTIB,
        "camat",
    ),
    # Staff
    _Orang(
        "staf_kepeg",
        "199004102015032002",
        "Nur Aini",
        "",
        "A.Md.",
        "PNS",
        "II/d",
        "Pengadministrasi Perkantoran",
        J.PELAKSANA,
        "",
        UMPEG,
        "kasubbag_umpeg",
        (Peran.PENGADMINISTRASI_KEPEGAWAIAN,),
    ),
    _Orang(
        "staf_umum",
        "198807252011011005",
        "Joko Susilo",
        "",
        "",
        "PNS",
        "II/c",
        "Pengelola Umum Operasional",
        J.PELAKSANA,
        "",
        UMPEG,
        "kasubbag_umpeg",
    ),
    _Orang(
        "pengemudi",
        "199202142023211004",
        "Rudi Hartono",
        "",
        "",
        "PPPK",
        "V",
        "Operator Layanan Operasional",
        J.PELAKSANA,
        "",
        UMPEG,
        "kasubbag_umpeg",
    ),
    _Orang(
        "perencana",
        "199108082015022004",
        "Fitri Handayani",
        "",
        "S.E.",
        "PNS",
        "III/b",
        "Perencana Ahli Pertama",
        J.FUNGSIONAL,
        "Ahli Pertama",
        RENKEU,
        "kasubbag_renkeu",
        (Peran.PERENCANA,),
    ),
    _Orang(
        "bendahara",
        "198912302014031003",
        "Ahmad Fauzi",
        "",
        "S.Ak.",
        "PNS",
        "III/a",
        "Bendahara",
        J.PELAKSANA,
        "",
        RENKEU,
        "kasubbag_renkeu",
    ),
    _Orang(
        "staf_pem1",
        "199305182019031006",
        "Dimas Saputra",
        "",
        "S.IP.",
        "PNS",
        "III/a",
        "Analis Kebijakan Pemerintahan",
        J.PELAKSANA,
        "",
        PEM,
        "kasi_pem",
    ),
    _Orang(
        "pranata_komputer",
        "199407042019032011",
        "Lia Kurniawati",
        "",
        "S.Kom.",
        "PNS",
        "III/a",
        "Pranata Komputer Ahli Pertama",
        J.FUNGSIONAL,
        "Ahli Pertama",
        PEM,
        "kasi_pem",
    ),
    _Orang(
        "staf_pem2",
        "198611112010011008",
        "Slamet Riyadi",
        "",
        "",
        "PNS",
        "II/d",
        "Pengadministrasi Pemerintahan",
        J.PELAKSANA,
        "",
        PEM,
        "kasi_pem",
    ),
    _Orang(
        "staf_kesos1",
        "199102262015032005",
        "Siti Rahayu",
        "",
        "S.Sos.",
        "PNS",
        "III/b",
        "Analis Kesejahteraan Sosial",
        J.PELAKSANA,
        "",
        KESOS,
        "kasi_kesos",
    ),
    _Orang(
        "pppk_kesos",
        "199509092022212003",
        "Putri Ayu Lestari",
        "",
        "S.Tr.Sos.",
        "PPPK",
        "IX",
        "Penata Layanan Operasional",
        J.PELAKSANA,
        "",
        KESOS,
        "kasi_kesos",
    ),
    _Orang(
        "staf_kesos2",
        "198705052011012009",
        "Endang Susanti",
        "",
        "",
        "PNS",
        "II/c",
        "Pengadministrasi Kesejahteraan Sosial",
        J.PELAKSANA,
        "",
        KESOS,
        "kasi_kesos",
    ),
    _Orang(
        "polpp",
        "199206132014021001",
        "Eko Wibowo",
        "",
        "",
        "PNS",
        "II/b",
        "Polisi Pamong Praja Terampil",
        J.FUNGSIONAL,
        "Terampil",
        TRANTIB,
        "kasi_trantib",
    ),
    _Orang(
        "staf_trantib",
        "198910202012121002",
        "Taufik Rahman",
        "",
        "S.H.",
        "PNS",
        "III/a",
        "Pengelola Ketenteraman dan Ketertiban Umum",
        J.PELAKSANA,
        "",
        TRANTIB,
        "kasi_trantib",
    ),
    _Orang(
        "pppk_trantib",
        "199711232023211007",
        "Bayu Nugroho",
        "",
        "",
        "PPPK",
        "V",
        "Operator Layanan Operasional",
        J.PELAKSANA,
        "",
        TRANTIB,
        "kasi_trantib",
    ),
)


def buat_kantor_demo(
    sandi: str = DEMO_SANDI, *, dengan_skp: bool = True, dengan_evaluasi: bool = True
) -> str:
    """Fill an empty database with the demo office; return a summary with the logins.

    ``dengan_evaluasi`` adds the evaluated history: a PP 46 year two years back, last year
    closed through every period, this year's first quarter final and the second under way.
    """
    if Instansi.select().exists() or Akun.select().exists():
        raise DemoError(
            _(
                "Basis data ini sudah berisi data kantor; kantor contoh hanya dibuat di basis data "
                "kosong. Gunakan --db untuk berkas baru."
            )
        )
    with db.atomic():
        kantor.siapkan_kantor(
            kantor.DataKantor(
                nama_instansi=ROOT,
                pemerintah_daerah="Pemerintah Kabupaten Sindangsari",
                alamat="Jl. Raya Sukamaju No. 17, Sukamaju 53471",
                tempat="Sukamaju",
                admin_login=ADMIN_LOGIN,
                admin_sandi=sandi,
            ),
            sandi_sama=demo_akun.kunci_sandi(sandi),
        )
        admin = demo_akun.aktor(Akun.get(Akun.login == ADMIN_LOGIN))
        kantor.ubah_pengaturan(
            admin,
            kop_surat=[
                "PEMERINTAH KABUPATEN SINDANGSARI",
                "KECAMATAN SUKAMAJU",
                "Jl. Raya Sukamaju No. 17, Sukamaju 53471, Telepon (0286) 123456",
            ],
            tempat="Sukamaju",
            ukuran_kertas="A4",
            cadangan_disimpan=14,
        )
        units = {ROOT: UnitKerja.get(UnitKerja.induk.is_null())}
        for name, parent in UNITS:
            units[name] = kantor.tambah_unit(admin, name, units[parent].id)
        people = {}
        # Every demo account has the one demo password: hash it once (it is slow on purpose).
        hash_demo = akun_service.hash_sandi(sandi)
        for o in ORANG:
            jabatan = kantor.tambah_jabatan(
                admin, o.jabatan, o.jenis.value, o.jenjang, units[o.unit].id
            )
            people[o.kunci] = tambah_pegawai(
                admin,
                DataPegawai(
                    nip=o.nip,
                    nama=o.nama,
                    gelar_depan=o.gelar_depan,
                    gelar_belakang=o.gelar_belakang,
                    status=o.status,
                    golongan=o.golongan,
                    jabatan_id=jabatan.id,
                    unit_id=units[o.unit].id,
                    atasan_id=people[o.atasan].id if o.atasan else None,
                ),
            )
            akun_service.buat_akun(
                admin,
                o.nip,
                sandi,
                pegawai_id=people[o.kunci].id,
                peran=o.peran,
                harus_ganti_sandi=False,
                hash_sama=hash_demo,
                sandi_sama=demo_akun.kunci_sandi(sandi),
            )
        if dengan_skp and dengan_evaluasi:
            buat_pp46_demo(people, now().year - 2)
            buat_tahun_lalu_demo(people, now().year - 1)
        if dengan_skp:
            buat_skp_demo(people, now().year)
            buat_pk_demo(people, now().year)
        if dengan_skp and dengan_evaluasi:
            buat_tahun_ini_demo(people, now().year)
    return ringkasan(sandi)


def ringkasan(sandi: str = DEMO_SANDI) -> str:
    lines = [
        _("Kantor contoh '{nama}' siap.").format(nama=ROOT),
        _("Kata sandi semua akun contoh: {sandi}").format(sandi=sandi),
        "",
        f"{ADMIN_LOGIN:<24} {_('administrator (pengadministrasi kepegawaian)')}",
    ]
    for o in ORANG:
        extra = f" [{', '.join(p.label for p in o.peran)}]" if o.peran else ""
        lines.append(f"{format_nip(o.nip):<24} {o.nama} — {o.jabatan}{extra}")
    return "\n".join(lines)
