"""The peewee models of skpdesk. Bound to ``db``, a proxy initialised when a database is opened."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import peewee as pw

from skpdesk.domain.kepegawaian import JenisJabatan, Peran, StatusKepegawaian, nama_lengkap

db = pw.DatabaseProxy()


def utcnow() -> dt.datetime:
    """Naive UTC timestamp: stored as such, shown in local time by the UI."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class JSONField(pw.TextField):
    """A small JSON document stored as text (portable across SQLite and PostgreSQL)."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)


class BaseModel(pw.Model):
    class Meta:
        database = db
        legacy_table_names = False


class UUIDModel(BaseModel):
    """Records that may later travel between laptops carry a UUID key."""

    id = pw.UUIDField(primary_key=True, default=uuid.uuid4)


class SchemaVersion(BaseModel):
    version = pw.IntegerField()
    applied_at = pw.DateTimeField(default=utcnow)


class Instansi(UUIDModel):
    nama = pw.TextField()
    pemerintah_daerah = pw.TextField(default="")
    alamat = pw.TextField(default="")
    dibuat = pw.DateTimeField(default=utcnow)


class UnitKerja(UUIDModel):
    instansi = pw.ForeignKeyField(Instansi, backref="unit_kerja", on_delete="RESTRICT")
    nama = pw.TextField()
    induk = pw.ForeignKeyField("self", null=True, backref="sub_unit", on_delete="RESTRICT")
    urutan = pw.IntegerField(default=0)
    aktif = pw.BooleanField(default=True)

    def path(self) -> list[UnitKerja]:
        """From the root of the tree down to this unit."""
        chain: list[UnitKerja] = []
        node: UnitKerja | None = self
        while node is not None:
            chain.append(node)
            node = node.induk
        return list(reversed(chain))


class Jabatan(UUIDModel):
    nama = pw.TextField()
    jenis = pw.TextField()  # JenisJabatan value
    jenjang = pw.TextField(default="")
    struktural = pw.BooleanField(default=False)
    unit = pw.ForeignKeyField(UnitKerja, null=True, backref="jabatan", on_delete="RESTRICT")

    class Meta:
        indexes = ((("nama", "unit"), True),)

    @property
    def jenis_jabatan(self) -> JenisJabatan:
        return JenisJabatan(self.jenis)


class Pegawai(UUIDModel):
    nip = pw.CharField(max_length=18, unique=True)
    nama = pw.TextField()
    gelar_depan = pw.TextField(default="")
    gelar_belakang = pw.TextField(default="")
    status = pw.TextField(default=StatusKepegawaian.PNS.value)  # StatusKepegawaian value
    golongan = pw.TextField(default="")
    jabatan = pw.ForeignKeyField(Jabatan, null=True, backref="pemangku", on_delete="RESTRICT")
    unit = pw.ForeignKeyField(UnitKerja, null=True, backref="pegawai", on_delete="RESTRICT")
    atasan = pw.ForeignKeyField("self", null=True, backref="bawahan", on_delete="RESTRICT")
    aktif = pw.BooleanField(default=True, index=True)
    dibuat = pw.DateTimeField(default=utcnow)
    diubah = pw.DateTimeField(default=utcnow)

    @property
    def nama_lengkap(self) -> str:
        return nama_lengkap(self.nama, self.gelar_depan, self.gelar_belakang)

    @property
    def status_kepegawaian(self) -> StatusKepegawaian:
        return StatusKepegawaian(self.status)


class Akun(UUIDModel):
    login = pw.CharField(max_length=64, unique=True)
    pegawai = pw.ForeignKeyField(
        Pegawai, null=True, unique=True, backref="akun_set", on_delete="RESTRICT"
    )
    password_hash = pw.TextField()
    peran = JSONField(default=list)  # list of Peran values
    gagal_login = pw.IntegerField(default=0)
    terkunci_sampai = pw.DateTimeField(null=True)
    aktif = pw.BooleanField(default=True)
    harus_ganti_sandi = pw.BooleanField(default=False)
    dibuat = pw.DateTimeField(default=utcnow)
    login_terakhir = pw.DateTimeField(null=True)
    # The account's Ed25519 signing key, encrypted under its password (services/kunci.py).
    kunci_rahasia = JSONField(null=True)
    # The office key for a pengadministrasi kepegawaian, encrypted the same way.
    kunci_kantor = JSONField(null=True)

    @property
    def peran_set(self) -> frozenset[Peran]:
        return frozenset(Peran(p) for p in self.peran or ())


class Riwayat(UUIDModel):
    """Append-only audit trail: every change made through a service writes one row."""

    entitas = pw.TextField(index=True)  # e.g. "Pegawai"
    entitas_id = pw.TextField(index=True)
    aksi = pw.TextField()
    dari = pw.TextField(null=True)
    ke = pw.TextField(null=True)
    oleh = pw.ForeignKeyField(Akun, null=True, backref="riwayat", on_delete="RESTRICT")
    oleh_nama = pw.TextField(default="")  # kept readable even if the account is renamed
    waktu = pw.DateTimeField(default=utcnow, index=True)
    catatan = pw.TextField(default="")
    rincian = JSONField(null=True)
    # Insertion order: clocks are coarse (and frozen in tests), so time alone cannot order rows.
    nomor = pw.IntegerField(default=0, index=True)
    # The seal (store/segel.py), written once when the transaction commits: the hash of the
    # previous row of the same record, of the record's content after the change, of this row,
    # and the signer's key and Ed25519 signature of that hash.
    hash_sebelum = pw.TextField(null=True)
    hash_isi = pw.TextField(null=True)
    hash = pw.CharField(max_length=64, null=True, index=True)
    kunci = pw.CharField(max_length=64, null=True)
    tanda_tangan = pw.TextField(null=True)


class KunciPublik(BaseModel):
    """A public key that signs history rows: an account's, or the office's (``akun`` None)."""

    sidik = pw.CharField(max_length=64, primary_key=True)  # sha256 of the raw key, hex
    jenis = pw.TextField()  # "AKUN" or "KANTOR"
    akun = pw.ForeignKeyField(Akun, null=True, backref="kunci_publik", on_delete="RESTRICT")
    publik = pw.TextField()  # the raw 32-byte key, hex
    dibuat = pw.DateTimeField(default=utcnow)
    # The office key's signature over this key (services/kunci.py ``isi_sertifikat``);
    # None until an administrator holding the office key certifies it.
    sertifikat = pw.TextField(null=True)


class RiwayatDisisihkan(BaseModel):
    """A history row set aside when a conflict was resolved for the other side.

    The row itself stays (the history is append-only); it no longer counts in its record's
    chain. ``oleh`` is the resolution row that set it aside.
    """

    riwayat = pw.ForeignKeyField(Riwayat, primary_key=True, backref="disisihkan",
                                 on_delete="RESTRICT")
    oleh = pw.ForeignKeyField(Riwayat, backref="menyisihkan", on_delete="RESTRICT")


class Konflik(UUIDModel):
    """Two histories of one record that diverged on two laptops; nothing was overwritten."""

    entitas = pw.TextField()
    entitas_id = pw.TextField(index=True)
    uraian = pw.TextField(default="")  # "SKP 2026 Dimas Saputra", for the list
    hash_cabang = pw.TextField()  # the last row both sides share ("" from the start)
    isi_masuk = JSONField()  # the other side: record content and its rows, as packaged
    pengirim = pw.TextField(default="")
    diterima = pw.DateTimeField(default=utcnow)
    selesai = pw.DateTimeField(null=True)
    pilihan = pw.TextField(null=True)  # "LOKAL" or "MASUK"


class Pengaturan(UUIDModel):
    """Office settings used on every printed form."""

    instansi = pw.ForeignKeyField(Instansi, unique=True, backref="pengaturan", on_delete="CASCADE")
    kop_surat = JSONField(default=list)  # lines of the letterhead, top to bottom
    tempat = pw.TextField(default="")  # place printed beside the date on signatures
    ukuran_kertas = pw.TextField(default="A4")  # "A4" or "F4"
    logo = pw.BlobField(null=True)  # PNG/JPEG bytes
    logo_nama = pw.TextField(default="")
    cadangan_disimpan = pw.IntegerField(default=14)  # rolling backups to keep
    opsi_alur = JSONField(default=list)  # workflow options of the office, e.g. "skp_bkpsdm"
    periodisitas = pw.TextField(default="TRIWULANAN")  # Periodisitas of the evaluations
    pita_capaian = JSONField(null=True)  # the office's capaian bands; None: domain default


class SKP(UUIDModel):
    """One pegawai's SKP for one period (normally the calendar year)."""

    pegawai = pw.ForeignKeyField(Pegawai, backref="skp", on_delete="RESTRICT")
    tahun = pw.IntegerField(index=True)
    tgl_mulai = pw.DateField()
    tgl_selesai = pw.DateField()
    regime = pw.TextField(default="PERMENPANRB_6_2022")
    varian = pw.TextField(default="JA_JF")  # "JA_JF" or "JPT"
    pendekatan = pw.TextField(default="KUANTITATIF")
    status = pw.TextField(index=True)
    # The pejabat penilai and his atasan *stored on this SKP*: rights follow them, not the roster.
    penilai = pw.ForeignKeyField(Pegawai, null=True, backref="skp_dinilai", on_delete="RESTRICT")
    atasan_penilai = pw.ForeignKeyField(
        Pegawai, null=True, backref="skp_atasan_penilai", on_delete="RESTRICT"
    )
    # Names, NIP, pangkat, jabatan, unit as they were when the SKP was made (header blocks).
    snapshot = JSONField(default=dict)
    lampiran = JSONField(default=dict)
    versi = pw.IntegerField(default=1)  # data version; printed documents record it
    status_sejak = pw.DateTimeField(default=utcnow)
    dibuat = pw.DateTimeField(default=utcnow)
    diubah = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("pegawai", "tahun", "tgl_mulai"), True),)


class RencanaHasilKerja(UUIDModel):
    skp = pw.ForeignKeyField(SKP, backref="rhk", on_delete="CASCADE")
    jenis = pw.TextField()  # JenisRHK
    urutan = pw.IntegerField(default=0)
    uraian = pw.TextField(default="")
    # The RHK pimpinan yang diintervensi; may stay empty until the superior's SKP exists.
    intervensi = pw.ForeignKeyField(
        "self", null=True, backref="diintervensi", on_delete="SET NULL"
    )
    penugasan = pw.TextField(default="")  # JPT: "(penugasan dari …)"
    perspektif = pw.TextField(default="")  # JPT only
    ukuran_keberhasilan = pw.TextField(default="")  # kualitatif narrative
    dari_peran_hasil = pw.UUIDField(null=True)  # the matriks peran hasil cell it came from


class IndikatorKinerja(UUIDModel):
    """An IKI with its target: number or range, and satuan."""

    rhk = pw.ForeignKeyField(RencanaHasilKerja, backref="iki", on_delete="CASCADE")
    urutan = pw.IntegerField(default=0)
    aspek = pw.TextField(default="KUANTITAS")
    indikator = pw.TextField(default="")
    target_teks = pw.TextField(default="")  # as typed, kept for the editor
    target_min = pw.DecimalField(max_digits=18, decimal_places=4, null=True)
    target_max = pw.DecimalField(max_digits=18, decimal_places=4, null=True)
    satuan = pw.TextField(default="")


class EkspektasiPerilaku(UUIDModel):
    """Ekspektasi khusus pimpinan for one BerAKHLAK value, written by the penilai."""

    skp = pw.ForeignKeyField(SKP, backref="ekspektasi", on_delete="CASCADE")
    nomor = pw.IntegerField()  # 1..7, BERAKHLAK order
    ekspektasi_khusus = pw.TextField(default="")

    class Meta:
        indexes = ((("skp", "nomor"), True),)


class PeranHasil(UUIDModel):
    """A cell of the matriks peran hasil: part of a leader's RHK handed to one subordinate."""

    rhk_atasan = pw.ForeignKeyField(RencanaHasilKerja, backref="peran_hasil", on_delete="CASCADE")
    bawahan = pw.ForeignKeyField(Pegawai, backref="peran_hasil", on_delete="RESTRICT")
    uraian = pw.TextField()
    dibuat = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("rhk_atasan", "bawahan"), True),)


class PerjanjianKinerja(UUIDModel):
    """The Perjanjian Kinerja of one unit for one year (docs/domain.md §6.1)."""

    unit = pw.ForeignKeyField(UnitKerja, backref="perjanjian_kinerja", on_delete="RESTRICT")
    tahun = pw.IntegerField(index=True)
    pihak_pertama = pw.ForeignKeyField(
        Pegawai, null=True, backref="pk_pihak_pertama", on_delete="RESTRICT"
    )
    # The superior (a Bupati) is usually outside the roster: kept as printed.
    pihak_kedua_nama = pw.TextField(default="")
    pihak_kedua_nip = pw.TextField(default="")
    pihak_kedua_jabatan = pw.TextField(default="")
    versi = pw.IntegerField(default=1)
    dibuat = pw.DateTimeField(default=utcnow)
    diubah = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("unit", "tahun"), True),)


class IndikatorPK(UUIDModel):
    """One row of the PK lampiran: sasaran, indikator, targets, polarity, program and anggaran."""

    pk = pw.ForeignKeyField(PerjanjianKinerja, backref="indikator", on_delete="CASCADE")
    urutan = pw.IntegerField(default=0)
    sasaran = pw.TextField(default="")
    indikator = pw.TextField(default="")
    satuan = pw.TextField(default="")
    polaritas = pw.TextField(default="POSITIF")  # Polaritas
    target = pw.DecimalField(max_digits=18, decimal_places=4, null=True)
    target_maks = pw.DecimalField(max_digits=18, decimal_places=4, null=True)  # range only
    target_tw = JSONField(default=dict)  # {"1": "25", …}: the quarter's target as a decimal
    kumulatif = pw.TextField(default="JUMLAH")  # CaraKumulatif
    program = pw.TextField(default="")
    anggaran = pw.DecimalField(max_digits=18, decimal_places=2, null=True)
    # The section that measures it; its head fills it in each quarter.
    unit = pw.ForeignKeyField(UnitKerja, null=True, backref="indikator_pk", on_delete="SET NULL")
    # The RHK of the head's SKP that carries this indicator (§6.1: PK → RHK pimpinan).
    rhk = pw.ForeignKeyField(
        RencanaHasilKerja, null=True, backref="indikator_pk", on_delete="SET NULL"
    )


class PengukuranKinerja(UUIDModel):
    """One quarter's measurement of a PK: the SOP 003 chain with the people it names."""

    pk = pw.ForeignKeyField(PerjanjianKinerja, backref="pengukuran", on_delete="RESTRICT")
    triwulan = pw.IntegerField()
    status = pw.TextField(index=True)  # StatusPengukuran
    status_sejak = pw.DateTimeField(default=utcnow)
    # The chain's parts, resolved from the roster when it starts and kept (PeranPK).
    camat = pw.ForeignKeyField(Pegawai, backref="pk_camat", on_delete="RESTRICT")
    sekretaris = pw.ForeignKeyField(Pegawai, backref="pk_sekretaris", on_delete="RESTRICT")
    kasubbag = pw.ForeignKeyField(Pegawai, backref="pk_kasubbag", on_delete="RESTRICT")
    pelaksana = pw.ForeignKeyField(Pegawai, backref="pk_pelaksana", on_delete="RESTRICT")
    kasi_selesai = JSONField(default=list)  # Kasi (pegawai ids) who confirmed this round
    versi = pw.IntegerField(default=1)
    dibuat = pw.DateTimeField(default=utcnow)
    diubah = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("pk", "triwulan"), True),)


class RealisasiPK(UUIDModel):
    """One indicator in one quarter: target, realisasi, cumulative, kendala, tindak lanjut."""

    pengukuran = pw.ForeignKeyField(PengukuranKinerja, backref="realisasi", on_delete="CASCADE")
    indikator = pw.ForeignKeyField(IndikatorPK, backref="realisasi", on_delete="RESTRICT")
    pengisi = pw.ForeignKeyField(Pegawai, null=True, backref="realisasi_pk", on_delete="RESTRICT")
    target = pw.DecimalField(max_digits=18, decimal_places=4, null=True)
    target_maks = pw.DecimalField(max_digits=18, decimal_places=4, null=True)
    realisasi = pw.DecimalField(max_digits=18, decimal_places=4, null=True)
    realisasi_kumulatif = pw.DecimalField(max_digits=18, decimal_places=4, null=True)
    kendala = pw.TextField(default="")
    tindak_lanjut = pw.TextField(default="")
    diubah = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("pengukuran", "indikator"), True),)


class Dokumen(UUIDModel):
    """A generated document in the archive: which record and data version it was made from."""

    jenis = pw.TextField(index=True)  # registry code in documents/, e.g. "skp", "lampiran_skp"
    entitas = pw.TextField()  # the record it prints, e.g. "SKP"
    entitas_id = pw.TextField(index=True)
    skp = pw.ForeignKeyField(SKP, null=True, backref="dokumen", on_delete="RESTRICT")
    pegawai = pw.ForeignKeyField(Pegawai, null=True, backref="dokumen", on_delete="RESTRICT")
    tahun = pw.IntegerField(index=True)
    periode = pw.TextField(default="")  # "" for yearly planning forms; TW1…TW4, AKHIR, month
    versi_data = pw.IntegerField()  # the record's ``versi`` it was made from; never moves
    dibuat = pw.DateTimeField(default=utcnow, index=True)
    dibuat_oleh = pw.ForeignKeyField(Akun, null=True, backref="dokumen", on_delete="RESTRICT")
    dibuat_oleh_nama = pw.TextField(default="")
    sha256 = pw.CharField(max_length=64)
    path = pw.TextField()  # relative to the data folder, forward slashes
    ukuran_kertas = pw.TextField(default="A4")
    templat = pw.TextField(default="")  # which template file made it (built-in or the office's)
    status = pw.TextField(default="DIBUAT", index=True)
    ditandatangani = pw.DateTimeField(null=True)
    scan_path = pw.TextField(null=True)
    scan_sha256 = pw.CharField(max_length=64, null=True)
    scan_ukuran = pw.IntegerField(null=True)
    scan_jenis = pw.TextField(null=True)  # "pdf", "jpg" or "png", from the content
    data_cetak = JSONField(null=True)  # the data as printed, so a signed paper stays explainable


class Evaluasi(UUIDModel):
    """One period's evaluation of an approved SKP; the last period is the annual one."""

    skp = pw.ForeignKeyField(SKP, backref="evaluasi", on_delete="RESTRICT")
    tahun = pw.IntegerField(index=True)
    periode = pw.TextField()  # Periode.kode: TW1…TW4, BULAN_1…BULAN_12, TAHUNAN
    # The unit whose distribution it counts in: the pegawai's unit when it was opened.
    unit = pw.ForeignKeyField(UnitKerja, null=True, backref="evaluasi", on_delete="RESTRICT")
    status = pw.TextField(index=True)  # StatusEvaluasi
    rating_hasil_kerja = pw.TextField(null=True)  # Rating
    rating_perilaku = pw.TextField(null=True)  # Rating
    predikat = pw.TextField(null=True)  # Predikat, computed from the two ratings, never typed
    justifikasi_distribusi = pw.TextField(default="")
    versi = pw.IntegerField(default=1)
    status_sejak = pw.DateTimeField(default=utcnow)
    dibuat = pw.DateTimeField(default=utcnow)
    diubah = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("skp", "periode"), True),)


class RealisasiIKI(UUIDModel):
    evaluasi = pw.ForeignKeyField(Evaluasi, backref="realisasi", on_delete="CASCADE")
    iki = pw.ForeignKeyField(IndikatorKinerja, backref="realisasi", on_delete="RESTRICT")
    realisasi_teks = pw.TextField(default="")  # as typed
    realisasi_angka = pw.DecimalField(max_digits=18, decimal_places=4, null=True)
    keterangan = pw.TextField(default="")
    umpan_balik = pw.TextField(default="")  # from the pejabat penilai
    diubah = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("evaluasi", "iki"), True),)


class BuktiDukung(UUIDModel):
    realisasi = pw.ForeignKeyField(RealisasiIKI, backref="bukti", on_delete="CASCADE")
    jenis = pw.TextField()  # "FILE" or "LINK"
    nama_asli = pw.TextField(default="")
    path = pw.TextField(null=True)  # relative to the data folder, forward slashes
    sha256 = pw.CharField(max_length=64, null=True)
    ukuran = pw.IntegerField(null=True)
    tipe = pw.TextField(null=True)  # "pdf", "jpg", "png", "docx", "xlsx", from the content
    url = pw.TextField(null=True)
    dibuat = pw.DateTimeField(default=utcnow)


class UmpanBalikPerilaku(UUIDModel):
    evaluasi = pw.ForeignKeyField(Evaluasi, backref="umpan_balik_perilaku", on_delete="CASCADE")
    nomor = pw.IntegerField()  # 1..7, BERAKHLAK order
    umpan_balik = pw.TextField(default="")

    class Meta:
        indexes = ((("evaluasi", "nomor"), True),)


class CapaianOrganisasi(UUIDModel):
    """Capaian kinerja organisasi of one unit for one period, set by the leader above."""

    unit = pw.ForeignKeyField(UnitKerja, backref="capaian", on_delete="RESTRICT")
    tahun = pw.IntegerField()
    periode = pw.TextField()
    nilai = pw.TextField()  # CapaianOrganisasi value
    diatur_oleh = pw.ForeignKeyField(Akun, null=True, backref="capaian", on_delete="RESTRICT")
    diatur_oleh_nama = pw.TextField(default="")
    waktu = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("unit", "tahun", "periode"), True),)


class CatatanPenilai(UUIDModel):
    """One dated entry of the buku catatan penilai."""

    penilai = pw.ForeignKeyField(Pegawai, backref="catatan_ditulis", on_delete="RESTRICT")
    pegawai = pw.ForeignKeyField(Pegawai, backref="catatan_penilai", on_delete="RESTRICT")
    tanggal = pw.DateField()
    catatan = pw.TextField()
    dibuat = pw.DateTimeField(default=utcnow)


class Keberatan(UUIDModel):
    evaluasi = pw.ForeignKeyField(Evaluasi, backref="keberatan", on_delete="RESTRICT")
    alasan = pw.TextField()
    tanggapan = pw.TextField(default="")
    keputusan = pw.TextField(default="")
    status = pw.TextField()  # StatusEvaluasi of the branch: KEBERATAN, DITANGGAPI, DIPUTUS
    # Ratings before and after the decision, so the change stays explainable.
    rating_sebelum = JSONField(null=True)
    rating_sesudah = JSONField(null=True)
    diajukan = pw.DateTimeField(default=utcnow)
    ditanggapi = pw.DateTimeField(null=True)
    diputus = pw.DateTimeField(null=True)


# --- PP 46/2011 periods (docs/domain.md §4): kegiatan, tugas tambahan, kreativitas, perilaku ---


def _angka(null: bool = True, **kw: Any) -> pw.DecimalField:
    # Rupiah up to 14 digits with 4 decimals; DecimalField keeps them exact on every engine.
    return pw.DecimalField(max_digits=18, decimal_places=4, null=null, **kw)


class KegiatanPP46(UUIDModel):
    """One kegiatan tugas jabatan of a PP 46/2011 SKP: its target and its realisasi."""

    skp = pw.ForeignKeyField(SKP, backref="kegiatan_pp46", on_delete="CASCADE")
    urutan = pw.IntegerField(default=0)
    kegiatan = pw.TextField()
    angka_kredit = _angka()  # informational only (§4.3)
    target_kuantitas = _angka(null=False)
    satuan = pw.TextField(default="")  # the output: "laporan", "dokumen"
    target_kualitas = _angka(null=False, default=100)
    target_waktu = _angka(null=False, default=12)  # bulan
    target_biaya = _angka()  # rupiah; None prints "-" and leaves biaya out (divisor 3)
    realisasi_angka_kredit = _angka()
    realisasi_kuantitas = _angka()  # None: not reported yet; 0: not carried out
    realisasi_kualitas = _angka()
    realisasi_waktu = _angka()
    realisasi_biaya = _angka()
    diubah = pw.DateTimeField(default=utcnow)


class TugasTambahanPP46(UUIDModel):
    """A tugas tambahan with the surat that assigned it; their count gives 0–3 points (§4.4)."""

    skp = pw.ForeignKeyField(SKP, backref="tugas_tambahan_pp46", on_delete="CASCADE")
    urutan = pw.IntegerField(default=0)
    uraian = pw.TextField()
    dasar = pw.TextField(default="")  # surat keterangan / surat perintah
    dibuat = pw.DateTimeField(default=utcnow)


class KreativitasPP46(UUIDModel):
    """The kreativitas of the year: its level gives 3, 6 or 12 points (§4.4)."""

    skp = pw.ForeignKeyField(SKP, unique=True, backref="kreativitas_pp46", on_delete="CASCADE")
    tingkat = pw.TextField()  # TingkatKreativitas
    uraian = pw.TextField(default="")
    dasar = pw.TextField(default="")  # surat keterangan of the official of that level
    diubah = pw.DateTimeField(default=utcnow)


class PerilakuPP46(UUIDModel):
    """One perilaku aspect scored 0–100 by the pejabat penilai (§4.5)."""

    skp = pw.ForeignKeyField(SKP, backref="perilaku_pp46", on_delete="CASCADE")
    aspek = pw.TextField()  # AspekPerilakuPP46
    nilai = pw.DecimalField(max_digits=7, decimal_places=4)
    diubah = pw.DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("skp", "aspek"), True),)


MODELS: tuple[type[BaseModel], ...] = (
    SchemaVersion,
    Instansi,
    UnitKerja,
    Jabatan,
    Pegawai,
    Akun,
    Riwayat,
    KunciPublik,
    RiwayatDisisihkan,
    Konflik,
    Pengaturan,
    SKP,
    RencanaHasilKerja,
    IndikatorKinerja,
    EkspektasiPerilaku,
    PeranHasil,
    PerjanjianKinerja,
    IndikatorPK,
    PengukuranKinerja,
    RealisasiPK,
    Dokumen,
    Evaluasi,
    RealisasiIKI,
    BuktiDukung,
    UmpanBalikPerilaku,
    CapaianOrganisasi,
    CatatanPenilai,
    Keberatan,
    KegiatanPP46,
    TugasTambahanPP46,
    KreativitasPP46,
    PerilakuPP46,
)
