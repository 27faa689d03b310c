"""Helpers for documents: the demo office's people, and extra SKP shapes.

The demo office itself (``demo_file``, ``demo_db``, ``demo_copy``) is in ``tests/conftest.py``.
"""

from __future__ import annotations

import uuid

from skpdesk.domain.entitas import Entitas
from skpdesk.domain.skp import IsianIKI, IsianRHK
from skpdesk.services import akun as akun_service
from skpdesk.services import demo, kantor
from skpdesk.services import skp as skp_service
from skpdesk.services.context import Aktor, catat
from skpdesk.services.pegawai import DataPegawai, tambah_pegawai
from skpdesk.services.skp import IsiSKP
from skpdesk.store.models import SKP, Pegawai, UnitKerja, db
from tests.helpers import aktor

NIP_STAF = "199004102015032002"  # Nur Aini, staff, SKP archived, two IKI + tambahan
NIP_PERENCANA = "199108082015022004"  # Fitri Handayani, range target 80–90 %
NIP_KASUBBAG = "198204152008011012"  # Agus Prasetyo, penilai of Nur Aini
NIP_CAMAT = "197508122000031004"
NAMA_KHUSUS = "Sri & Rahayu <Plt>"


def tercatat(entitas: str, record_id: uuid.UUID) -> None:
    """A change a test made directly (no service makes it yet) recorded as a service would: a
    history row sealed and signed by the administrator. Without it the record differs from its
    signed history and is refused for printing."""
    with db.atomic():
        catat(admin(), entitas, record_id, "ubah_uji")


def admin() -> Aktor:
    return aktor(demo.ADMIN_LOGIN)


def skp_of(nip: str) -> SKP:
    """This year's SKP of a demo pegawai (the demo also holds earlier years)."""
    return SKP.select().join(Pegawai, on=(SKP.pegawai == Pegawai.id)).where(
        Pegawai.nip == nip
    ).order_by(SKP.tahun.desc()).get()


def tambah_jpt(nama: str = NAMA_KHUSUS) -> Pegawai:
    """A JPT Pratama under the camat, with a name full of characters XML cares about."""
    root = UnitKerja.get(UnitKerja.induk.is_null())
    jabatan = kantor.tambah_jabatan(admin(), "Kepala Badan & <Perencanaan>", "JPT", "Pratama",
                                    root.id)
    camat = Pegawai.get(Pegawai.nip == NIP_CAMAT)
    pegawai = tambah_pegawai(
        admin(),
        DataPegawai(
            nip="197001012000031001",
            nama=nama,
            gelar_belakang="S.H.",
            golongan="IV/c",
            jabatan_id=jabatan.id,
            unit_id=root.id,
            atasan_id=camat.id,
        ),
    )
    akun_service.buat_akun(admin(), pegawai.nip, "demo1234", pegawai_id=pegawai.id,
                           harus_ganti_sandi=False)
    return pegawai


def skp_jpt(kualitatif: bool) -> SKP:
    pegawai = tambah_jpt()
    me = aktor(pegawai.nip)
    skp = skp_service.buat_skp(me, SKP.select().order_by(SKP.tahun.desc()).first().tahun)
    rows = [
        IsianRHK(
            "UTAMA",
            "Meningkatnya kualitas perencanaan daerah",
            [IsianIKI("KUANTITAS", "Indeks kualitas dokumen perencanaan", "3,5", "Indeks"),
             IsianIKI("KUALITAS", "Persentase program selaras RPJMD", "80-90", "%")],
            ukuran_keberhasilan="Dokumen perencanaan disahkan tepat waktu",
            penugasan="penugasan dari Bupati",
            perspektif="Penerima Layanan",
        ),
        IsianRHK(
            "UTAMA",
            "Terwujudnya tata kelola keuangan yang akuntabel",
            [IsianIKI("KUANTITAS", "Opini BPK", "1", "Opini")],
            perspektif="Anggaran",
        ),
        IsianRHK(
            "TAMBAHAN",
            "Terlaksananya koordinasi lintas sektor",
            [IsianIKI("KUANTITAS", "Jumlah rapat koordinasi", "12", "Rapat")],
            perspektif="Proses Bisnis",
        ),
    ]
    skp_service.simpan_isi(
        me, skp.id, IsiSKP("KUALITATIF" if kualitatif else "KUANTITATIF", rows, {})
    )
    return SKP.get_by_id(skp.id)


def jadikan_plt(skp: SKP, **penilai: str) -> SKP:
    """The acting flags an SKP snapshot may carry (no service sets them yet)."""
    snap = dict(skp.snapshot)
    snap["penilai"] = {**snap.get("penilai", {}), **penilai}
    SKP.update(snapshot=snap).where(SKP.id == skp.id).execute()
    tercatat(Entitas.SKP, skp.id)
    return SKP.get_by_id(skp.id)


def new_id() -> uuid.UUID:
    return uuid.uuid4()
