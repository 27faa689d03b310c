"""The record types the history (``Riwayat.entitas``) and the archive (``Dokumen.entitas``) name.

One name per record type: services write it, documents and the UI read it. The values are the
strings stored in existing databases and must never change.
"""

from __future__ import annotations

from enum import StrEnum


class Entitas(StrEnum):
    SKP = "SKP"
    EVALUASI = "Evaluasi"
    PENGUKURAN_KINERJA = "PengukuranKinerja"
    PERJANJIAN_KINERJA = "PerjanjianKinerja"
    DOKUMEN = "Dokumen"
    PEGAWAI = "Pegawai"
    AKUN = "Akun"
    INSTANSI = "Instansi"
    UNIT_KERJA = "UnitKerja"
    JABATAN = "Jabatan"
    PENGATURAN = "Pengaturan"
    PERAN_HASIL = "PeranHasil"
    CATATAN_PENILAI = "CatatanPenilai"
    CAPAIAN_ORGANISASI = "CapaianOrganisasi"
    IMPOR = "Impor"
    BASIS_DATA = "BasisData"
    # What happens to an account on this laptop only (logins, lockouts, one's own password):
    # recorded, signed, never sent in a package.
    SESI = "Sesi"
