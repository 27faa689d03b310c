-- table akun
CREATE TABLE "akun" ("id" TEXT NOT NULL PRIMARY KEY, "login" VARCHAR(64) NOT NULL, "pegawai_id" TEXT, "password_hash" TEXT NOT NULL, "peran" TEXT NOT NULL, "gagal_login" INTEGER NOT NULL, "terkunci_sampai" DATETIME, "aktif" INTEGER NOT NULL, "harus_ganti_sandi" INTEGER NOT NULL, "dibuat" DATETIME NOT NULL, "login_terakhir" DATETIME, "kunci_rahasia" TEXT, "kunci_kantor" TEXT, FOREIGN KEY ("pegawai_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table bukti_dukung
CREATE TABLE "bukti_dukung" ("id" TEXT NOT NULL PRIMARY KEY, "realisasi_id" TEXT NOT NULL, "jenis" TEXT NOT NULL, "nama_asli" TEXT NOT NULL, "path" TEXT, "sha256" VARCHAR(64), "ukuran" INTEGER, "tipe" TEXT, "url" TEXT, "dibuat" DATETIME NOT NULL, FOREIGN KEY ("realisasi_id") REFERENCES "realisasi_iki" ("id") ON DELETE CASCADE);
-- table capaian_organisasi
CREATE TABLE "capaian_organisasi" ("id" TEXT NOT NULL PRIMARY KEY, "unit_id" TEXT NOT NULL, "tahun" INTEGER NOT NULL, "periode" TEXT NOT NULL, "nilai" TEXT NOT NULL, "diatur_oleh_id" TEXT, "diatur_oleh_nama" TEXT NOT NULL, "waktu" DATETIME NOT NULL, FOREIGN KEY ("unit_id") REFERENCES "unit_kerja" ("id") ON DELETE RESTRICT, FOREIGN KEY ("diatur_oleh_id") REFERENCES "akun" ("id") ON DELETE RESTRICT);
-- table catatan_penilai
CREATE TABLE "catatan_penilai" ("id" TEXT NOT NULL PRIMARY KEY, "penilai_id" TEXT NOT NULL, "pegawai_id" TEXT NOT NULL, "tanggal" DATE NOT NULL, "catatan" TEXT NOT NULL, "dibuat" DATETIME NOT NULL, FOREIGN KEY ("penilai_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT, FOREIGN KEY ("pegawai_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table dokumen
CREATE TABLE "dokumen" ("id" TEXT NOT NULL PRIMARY KEY, "jenis" TEXT NOT NULL, "entitas" TEXT NOT NULL, "entitas_id" TEXT NOT NULL, "skp_id" TEXT, "pegawai_id" TEXT, "tahun" INTEGER NOT NULL, "periode" TEXT NOT NULL, "versi_data" INTEGER NOT NULL, "dibuat" DATETIME NOT NULL, "dibuat_oleh_id" TEXT, "dibuat_oleh_nama" TEXT NOT NULL, "sha256" VARCHAR(64) NOT NULL, "path" TEXT NOT NULL, "ukuran_kertas" TEXT NOT NULL, "templat" TEXT NOT NULL, "status" TEXT NOT NULL, "ditandatangani" DATETIME, "scan_path" TEXT, "scan_sha256" VARCHAR(64), "scan_ukuran" INTEGER, "scan_jenis" TEXT, "data_cetak" TEXT, FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE RESTRICT, FOREIGN KEY ("pegawai_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT, FOREIGN KEY ("dibuat_oleh_id") REFERENCES "akun" ("id") ON DELETE RESTRICT);
-- table ekspektasi_perilaku
CREATE TABLE "ekspektasi_perilaku" ("id" TEXT NOT NULL PRIMARY KEY, "skp_id" TEXT NOT NULL, "nomor" INTEGER NOT NULL, "ekspektasi_khusus" TEXT NOT NULL, FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE CASCADE);
-- table evaluasi
CREATE TABLE "evaluasi" ("id" TEXT NOT NULL PRIMARY KEY, "skp_id" TEXT NOT NULL, "tahun" INTEGER NOT NULL, "periode" TEXT NOT NULL, "unit_id" TEXT, "status" TEXT NOT NULL, "rating_hasil_kerja" TEXT, "rating_perilaku" TEXT, "predikat" TEXT, "justifikasi_distribusi" TEXT NOT NULL, "versi" INTEGER NOT NULL, "status_sejak" DATETIME NOT NULL, "dibuat" DATETIME NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE RESTRICT, FOREIGN KEY ("unit_id") REFERENCES "unit_kerja" ("id") ON DELETE RESTRICT);
-- table indikator_kinerja
CREATE TABLE "indikator_kinerja" ("id" TEXT NOT NULL PRIMARY KEY, "rhk_id" TEXT NOT NULL, "urutan" INTEGER NOT NULL, "aspek" TEXT NOT NULL, "indikator" TEXT NOT NULL, "target_teks" TEXT NOT NULL, "target_min" DECIMAL(18, 4), "target_max" DECIMAL(18, 4), "satuan" TEXT NOT NULL, FOREIGN KEY ("rhk_id") REFERENCES "rencana_hasil_kerja" ("id") ON DELETE CASCADE);
-- table indikator_pk
CREATE TABLE "indikator_pk" ("id" TEXT NOT NULL PRIMARY KEY, "pk_id" TEXT NOT NULL, "urutan" INTEGER NOT NULL, "sasaran" TEXT NOT NULL, "indikator" TEXT NOT NULL, "satuan" TEXT NOT NULL, "polaritas" TEXT NOT NULL, "target" DECIMAL(18, 4), "target_maks" DECIMAL(18, 4), "target_tw" TEXT NOT NULL, "kumulatif" TEXT NOT NULL, "program" TEXT NOT NULL, "anggaran" DECIMAL(18, 2), "unit_id" TEXT, "rhk_id" TEXT, FOREIGN KEY ("pk_id") REFERENCES "perjanjian_kinerja" ("id") ON DELETE CASCADE, FOREIGN KEY ("unit_id") REFERENCES "unit_kerja" ("id") ON DELETE SET NULL, FOREIGN KEY ("rhk_id") REFERENCES "rencana_hasil_kerja" ("id") ON DELETE SET NULL);
-- table instansi
CREATE TABLE "instansi" ("id" TEXT NOT NULL PRIMARY KEY, "nama" TEXT NOT NULL, "pemerintah_daerah" TEXT NOT NULL, "alamat" TEXT NOT NULL, "dibuat" DATETIME NOT NULL);
-- table jabatan
CREATE TABLE "jabatan" ("id" TEXT NOT NULL PRIMARY KEY, "nama" TEXT NOT NULL, "jenis" TEXT NOT NULL, "jenjang" TEXT NOT NULL, "struktural" INTEGER NOT NULL, "unit_id" TEXT, FOREIGN KEY ("unit_id") REFERENCES "unit_kerja" ("id") ON DELETE RESTRICT);
-- table keberatan
CREATE TABLE "keberatan" ("id" TEXT NOT NULL PRIMARY KEY, "evaluasi_id" TEXT NOT NULL, "alasan" TEXT NOT NULL, "tanggapan" TEXT NOT NULL, "keputusan" TEXT NOT NULL, "status" TEXT NOT NULL, "rating_sebelum" TEXT, "rating_sesudah" TEXT, "diajukan" DATETIME NOT NULL, "ditanggapi" DATETIME, "diputus" DATETIME, FOREIGN KEY ("evaluasi_id") REFERENCES "evaluasi" ("id") ON DELETE RESTRICT);
-- table kegiatan_pp46
CREATE TABLE "kegiatan_pp46" ("id" TEXT NOT NULL PRIMARY KEY, "skp_id" TEXT NOT NULL, "urutan" INTEGER NOT NULL, "kegiatan" TEXT NOT NULL, "angka_kredit" DECIMAL(18, 4), "target_kuantitas" DECIMAL(18, 4) NOT NULL, "satuan" TEXT NOT NULL, "target_kualitas" DECIMAL(18, 4) NOT NULL, "target_waktu" DECIMAL(18, 4) NOT NULL, "target_biaya" DECIMAL(18, 4), "realisasi_angka_kredit" DECIMAL(18, 4), "realisasi_kuantitas" DECIMAL(18, 4), "realisasi_kualitas" DECIMAL(18, 4), "realisasi_waktu" DECIMAL(18, 4), "realisasi_biaya" DECIMAL(18, 4), "diubah" DATETIME NOT NULL, FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE CASCADE);
-- table konflik
CREATE TABLE "konflik" ("id" TEXT NOT NULL PRIMARY KEY, "entitas" TEXT NOT NULL, "entitas_id" TEXT NOT NULL, "uraian" TEXT NOT NULL, "hash_cabang" TEXT NOT NULL, "isi_masuk" TEXT NOT NULL, "pengirim" TEXT NOT NULL, "diterima" DATETIME NOT NULL, "selesai" DATETIME, "pilihan" TEXT);
-- table kreativitas_pp46
CREATE TABLE "kreativitas_pp46" ("id" TEXT NOT NULL PRIMARY KEY, "skp_id" TEXT NOT NULL, "tingkat" TEXT NOT NULL, "uraian" TEXT NOT NULL, "dasar" TEXT NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE CASCADE);
-- table kunci_publik
CREATE TABLE "kunci_publik" ("sidik" VARCHAR(64) NOT NULL PRIMARY KEY, "jenis" TEXT NOT NULL, "akun_id" TEXT, "publik" TEXT NOT NULL, "dibuat" DATETIME NOT NULL, "sertifikat" TEXT, FOREIGN KEY ("akun_id") REFERENCES "akun" ("id") ON DELETE RESTRICT);
-- table pegawai
CREATE TABLE "pegawai" ("id" TEXT NOT NULL PRIMARY KEY, "nip" VARCHAR(18) NOT NULL, "nama" TEXT NOT NULL, "gelar_depan" TEXT NOT NULL, "gelar_belakang" TEXT NOT NULL, "status" TEXT NOT NULL, "golongan" TEXT NOT NULL, "jabatan_id" TEXT, "unit_id" TEXT, "atasan_id" TEXT, "aktif" INTEGER NOT NULL, "dibuat" DATETIME NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("jabatan_id") REFERENCES "jabatan" ("id") ON DELETE RESTRICT, FOREIGN KEY ("unit_id") REFERENCES "unit_kerja" ("id") ON DELETE RESTRICT, FOREIGN KEY ("atasan_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table pengaturan
CREATE TABLE "pengaturan" ("id" TEXT NOT NULL PRIMARY KEY, "instansi_id" TEXT NOT NULL, "kop_surat" TEXT NOT NULL, "tempat" TEXT NOT NULL, "ukuran_kertas" TEXT NOT NULL, "logo" BLOB, "logo_nama" TEXT NOT NULL, "cadangan_disimpan" INTEGER NOT NULL, "opsi_alur" TEXT NOT NULL, "periodisitas" TEXT NOT NULL, "pita_capaian" TEXT, FOREIGN KEY ("instansi_id") REFERENCES "instansi" ("id") ON DELETE CASCADE);
-- table pengukuran_kinerja
CREATE TABLE "pengukuran_kinerja" ("id" TEXT NOT NULL PRIMARY KEY, "pk_id" TEXT NOT NULL, "triwulan" INTEGER NOT NULL, "status" TEXT NOT NULL, "status_sejak" DATETIME NOT NULL, "camat_id" TEXT NOT NULL, "sekretaris_id" TEXT NOT NULL, "kasubbag_id" TEXT NOT NULL, "pelaksana_id" TEXT NOT NULL, "kasi_selesai" TEXT NOT NULL, "versi" INTEGER NOT NULL, "dibuat" DATETIME NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("pk_id") REFERENCES "perjanjian_kinerja" ("id") ON DELETE RESTRICT, FOREIGN KEY ("camat_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT, FOREIGN KEY ("sekretaris_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT, FOREIGN KEY ("kasubbag_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT, FOREIGN KEY ("pelaksana_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table peran_hasil
CREATE TABLE "peran_hasil" ("id" TEXT NOT NULL PRIMARY KEY, "rhk_atasan_id" TEXT NOT NULL, "bawahan_id" TEXT NOT NULL, "uraian" TEXT NOT NULL, "dibuat" DATETIME NOT NULL, FOREIGN KEY ("rhk_atasan_id") REFERENCES "rencana_hasil_kerja" ("id") ON DELETE CASCADE, FOREIGN KEY ("bawahan_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table perilaku_pp46
CREATE TABLE "perilaku_pp46" ("id" TEXT NOT NULL PRIMARY KEY, "skp_id" TEXT NOT NULL, "aspek" TEXT NOT NULL, "nilai" DECIMAL(7, 4) NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE CASCADE);
-- table perjanjian_kinerja
CREATE TABLE "perjanjian_kinerja" ("id" TEXT NOT NULL PRIMARY KEY, "unit_id" TEXT NOT NULL, "tahun" INTEGER NOT NULL, "pihak_pertama_id" TEXT, "pihak_kedua_nama" TEXT NOT NULL, "pihak_kedua_nip" TEXT NOT NULL, "pihak_kedua_jabatan" TEXT NOT NULL, "versi" INTEGER NOT NULL, "dibuat" DATETIME NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("unit_id") REFERENCES "unit_kerja" ("id") ON DELETE RESTRICT, FOREIGN KEY ("pihak_pertama_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table realisasi_iki
CREATE TABLE "realisasi_iki" ("id" TEXT NOT NULL PRIMARY KEY, "evaluasi_id" TEXT NOT NULL, "iki_id" TEXT NOT NULL, "realisasi_teks" TEXT NOT NULL, "realisasi_angka" DECIMAL(18, 4), "keterangan" TEXT NOT NULL, "umpan_balik" TEXT NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("evaluasi_id") REFERENCES "evaluasi" ("id") ON DELETE CASCADE, FOREIGN KEY ("iki_id") REFERENCES "indikator_kinerja" ("id") ON DELETE RESTRICT);
-- table realisasi_pk
CREATE TABLE "realisasi_pk" ("id" TEXT NOT NULL PRIMARY KEY, "pengukuran_id" TEXT NOT NULL, "indikator_id" TEXT NOT NULL, "pengisi_id" TEXT, "target" DECIMAL(18, 4), "target_maks" DECIMAL(18, 4), "realisasi" DECIMAL(18, 4), "realisasi_kumulatif" DECIMAL(18, 4), "kendala" TEXT NOT NULL, "tindak_lanjut" TEXT NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("pengukuran_id") REFERENCES "pengukuran_kinerja" ("id") ON DELETE CASCADE, FOREIGN KEY ("indikator_id") REFERENCES "indikator_pk" ("id") ON DELETE RESTRICT, FOREIGN KEY ("pengisi_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table rencana_hasil_kerja
CREATE TABLE "rencana_hasil_kerja" ("id" TEXT NOT NULL PRIMARY KEY, "skp_id" TEXT NOT NULL, "jenis" TEXT NOT NULL, "urutan" INTEGER NOT NULL, "uraian" TEXT NOT NULL, "intervensi_id" TEXT, "penugasan" TEXT NOT NULL, "perspektif" TEXT NOT NULL, "ukuran_keberhasilan" TEXT NOT NULL, "dari_peran_hasil" TEXT, FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE CASCADE, FOREIGN KEY ("intervensi_id") REFERENCES "rencana_hasil_kerja" ("id") ON DELETE SET NULL);
-- table riwayat
CREATE TABLE "riwayat" ("id" TEXT NOT NULL PRIMARY KEY, "entitas" TEXT NOT NULL, "entitas_id" TEXT NOT NULL, "aksi" TEXT NOT NULL, "dari" TEXT, "ke" TEXT, "oleh_id" TEXT, "oleh_nama" TEXT NOT NULL, "waktu" DATETIME NOT NULL, "catatan" TEXT NOT NULL, "rincian" TEXT, "nomor" INTEGER NOT NULL, "hash_sebelum" TEXT, "hash_isi" TEXT, "hash" VARCHAR(64), "kunci" VARCHAR(64), "tanda_tangan" TEXT, FOREIGN KEY ("oleh_id") REFERENCES "akun" ("id") ON DELETE RESTRICT);
-- table riwayat_disisihkan
CREATE TABLE "riwayat_disisihkan" ("riwayat_id" TEXT NOT NULL PRIMARY KEY, "oleh_id" TEXT NOT NULL, FOREIGN KEY ("riwayat_id") REFERENCES "riwayat" ("id") ON DELETE RESTRICT, FOREIGN KEY ("oleh_id") REFERENCES "riwayat" ("id") ON DELETE RESTRICT);
-- table schema_version
CREATE TABLE "schema_version" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "applied_at" DATETIME NOT NULL);
-- table skp
CREATE TABLE "skp" ("id" TEXT NOT NULL PRIMARY KEY, "pegawai_id" TEXT NOT NULL, "tahun" INTEGER NOT NULL, "tgl_mulai" DATE NOT NULL, "tgl_selesai" DATE NOT NULL, "regime" TEXT NOT NULL, "varian" TEXT NOT NULL, "pendekatan" TEXT NOT NULL, "status" TEXT NOT NULL, "penilai_id" TEXT, "atasan_penilai_id" TEXT, "snapshot" TEXT NOT NULL, "lampiran" TEXT NOT NULL, "versi" INTEGER NOT NULL, "status_sejak" DATETIME NOT NULL, "dibuat" DATETIME NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("pegawai_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT, FOREIGN KEY ("penilai_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT, FOREIGN KEY ("atasan_penilai_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table tugas_tambahan_pp46
CREATE TABLE "tugas_tambahan_pp46" ("id" TEXT NOT NULL PRIMARY KEY, "skp_id" TEXT NOT NULL, "urutan" INTEGER NOT NULL, "uraian" TEXT NOT NULL, "dasar" TEXT NOT NULL, "dibuat" DATETIME NOT NULL, FOREIGN KEY ("skp_id") REFERENCES "skp" ("id") ON DELETE CASCADE);
-- table umpan_balik_perilaku
CREATE TABLE "umpan_balik_perilaku" ("id" TEXT NOT NULL PRIMARY KEY, "evaluasi_id" TEXT NOT NULL, "nomor" INTEGER NOT NULL, "umpan_balik" TEXT NOT NULL, FOREIGN KEY ("evaluasi_id") REFERENCES "evaluasi" ("id") ON DELETE CASCADE);
-- table unit_kerja
CREATE TABLE "unit_kerja" ("id" TEXT NOT NULL PRIMARY KEY, "instansi_id" TEXT NOT NULL, "nama" TEXT NOT NULL, "induk_id" TEXT, "urutan" INTEGER NOT NULL, "aktif" INTEGER NOT NULL, FOREIGN KEY ("instansi_id") REFERENCES "instansi" ("id") ON DELETE RESTRICT, FOREIGN KEY ("induk_id") REFERENCES "unit_kerja" ("id") ON DELETE RESTRICT);
-- index akun_login
CREATE UNIQUE INDEX "akun_login" ON "akun" ("login");
-- index akun_pegawai_id
CREATE UNIQUE INDEX "akun_pegawai_id" ON "akun" ("pegawai_id");
-- index bukti_dukung_realisasi_id
CREATE INDEX "bukti_dukung_realisasi_id" ON "bukti_dukung" ("realisasi_id");
-- index capaian_organisasi_diatur_oleh_id
CREATE INDEX "capaian_organisasi_diatur_oleh_id" ON "capaian_organisasi" ("diatur_oleh_id");
-- index capaian_organisasi_unit_id
CREATE INDEX "capaian_organisasi_unit_id" ON "capaian_organisasi" ("unit_id");
-- index capaian_organisasi_unit_id_tahun_periode
CREATE UNIQUE INDEX "capaian_organisasi_unit_id_tahun_periode" ON "capaian_organisasi" ("unit_id", "tahun", "periode");
-- index catatan_penilai_pegawai_id
CREATE INDEX "catatan_penilai_pegawai_id" ON "catatan_penilai" ("pegawai_id");
-- index catatan_penilai_penilai_id
CREATE INDEX "catatan_penilai_penilai_id" ON "catatan_penilai" ("penilai_id");
-- index dokumen_dibuat
CREATE INDEX "dokumen_dibuat" ON "dokumen" ("dibuat");
-- index dokumen_dibuat_oleh_id
CREATE INDEX "dokumen_dibuat_oleh_id" ON "dokumen" ("dibuat_oleh_id");
-- index dokumen_entitas_id
CREATE INDEX "dokumen_entitas_id" ON "dokumen" ("entitas_id");
-- index dokumen_jenis
CREATE INDEX "dokumen_jenis" ON "dokumen" ("jenis");
-- index dokumen_pegawai_id
CREATE INDEX "dokumen_pegawai_id" ON "dokumen" ("pegawai_id");
-- index dokumen_skp_id
CREATE INDEX "dokumen_skp_id" ON "dokumen" ("skp_id");
-- index dokumen_status
CREATE INDEX "dokumen_status" ON "dokumen" ("status");
-- index dokumen_tahun
CREATE INDEX "dokumen_tahun" ON "dokumen" ("tahun");
-- index ekspektasi_perilaku_skp_id
CREATE INDEX "ekspektasi_perilaku_skp_id" ON "ekspektasi_perilaku" ("skp_id");
-- index ekspektasi_perilaku_skp_id_nomor
CREATE UNIQUE INDEX "ekspektasi_perilaku_skp_id_nomor" ON "ekspektasi_perilaku" ("skp_id", "nomor");
-- index evaluasi_skp_id
CREATE INDEX "evaluasi_skp_id" ON "evaluasi" ("skp_id");
-- index evaluasi_skp_id_periode
CREATE UNIQUE INDEX "evaluasi_skp_id_periode" ON "evaluasi" ("skp_id", "periode");
-- index evaluasi_status
CREATE INDEX "evaluasi_status" ON "evaluasi" ("status");
-- index evaluasi_tahun
CREATE INDEX "evaluasi_tahun" ON "evaluasi" ("tahun");
-- index evaluasi_unit_id
CREATE INDEX "evaluasi_unit_id" ON "evaluasi" ("unit_id");
-- index indikator_kinerja_rhk_id
CREATE INDEX "indikator_kinerja_rhk_id" ON "indikator_kinerja" ("rhk_id");
-- index indikator_pk_pk_id
CREATE INDEX "indikator_pk_pk_id" ON "indikator_pk" ("pk_id");
-- index indikator_pk_rhk_id
CREATE INDEX "indikator_pk_rhk_id" ON "indikator_pk" ("rhk_id");
-- index indikator_pk_unit_id
CREATE INDEX "indikator_pk_unit_id" ON "indikator_pk" ("unit_id");
-- index jabatan_nama_unit_id
CREATE UNIQUE INDEX "jabatan_nama_unit_id" ON "jabatan" ("nama", "unit_id");
-- index jabatan_unit_id
CREATE INDEX "jabatan_unit_id" ON "jabatan" ("unit_id");
-- index keberatan_evaluasi_id
CREATE INDEX "keberatan_evaluasi_id" ON "keberatan" ("evaluasi_id");
-- index kegiatan_pp46_skp_id
CREATE INDEX "kegiatan_pp46_skp_id" ON "kegiatan_pp46" ("skp_id");
-- index konflik_entitas_id
CREATE INDEX "konflik_entitas_id" ON "konflik" ("entitas_id");
-- index kreativitas_pp46_skp_id
CREATE UNIQUE INDEX "kreativitas_pp46_skp_id" ON "kreativitas_pp46" ("skp_id");
-- index kunci_publik_akun_id
CREATE INDEX "kunci_publik_akun_id" ON "kunci_publik" ("akun_id");
-- index pegawai_aktif
CREATE INDEX "pegawai_aktif" ON "pegawai" ("aktif");
-- index pegawai_atasan_id
CREATE INDEX "pegawai_atasan_id" ON "pegawai" ("atasan_id");
-- index pegawai_jabatan_id
CREATE INDEX "pegawai_jabatan_id" ON "pegawai" ("jabatan_id");
-- index pegawai_nip
CREATE UNIQUE INDEX "pegawai_nip" ON "pegawai" ("nip");
-- index pegawai_unit_id
CREATE INDEX "pegawai_unit_id" ON "pegawai" ("unit_id");
-- index pengaturan_instansi_id
CREATE UNIQUE INDEX "pengaturan_instansi_id" ON "pengaturan" ("instansi_id");
-- index pengukuran_kinerja_camat_id
CREATE INDEX "pengukuran_kinerja_camat_id" ON "pengukuran_kinerja" ("camat_id");
-- index pengukuran_kinerja_kasubbag_id
CREATE INDEX "pengukuran_kinerja_kasubbag_id" ON "pengukuran_kinerja" ("kasubbag_id");
-- index pengukuran_kinerja_pelaksana_id
CREATE INDEX "pengukuran_kinerja_pelaksana_id" ON "pengukuran_kinerja" ("pelaksana_id");
-- index pengukuran_kinerja_pk_id
CREATE INDEX "pengukuran_kinerja_pk_id" ON "pengukuran_kinerja" ("pk_id");
-- index pengukuran_kinerja_pk_id_triwulan
CREATE UNIQUE INDEX "pengukuran_kinerja_pk_id_triwulan" ON "pengukuran_kinerja" ("pk_id", "triwulan");
-- index pengukuran_kinerja_sekretaris_id
CREATE INDEX "pengukuran_kinerja_sekretaris_id" ON "pengukuran_kinerja" ("sekretaris_id");
-- index pengukuran_kinerja_status
CREATE INDEX "pengukuran_kinerja_status" ON "pengukuran_kinerja" ("status");
-- index peran_hasil_bawahan_id
CREATE INDEX "peran_hasil_bawahan_id" ON "peran_hasil" ("bawahan_id");
-- index peran_hasil_rhk_atasan_id
CREATE INDEX "peran_hasil_rhk_atasan_id" ON "peran_hasil" ("rhk_atasan_id");
-- index peran_hasil_rhk_atasan_id_bawahan_id
CREATE UNIQUE INDEX "peran_hasil_rhk_atasan_id_bawahan_id" ON "peran_hasil" ("rhk_atasan_id", "bawahan_id");
-- index perilaku_pp46_skp_id
CREATE INDEX "perilaku_pp46_skp_id" ON "perilaku_pp46" ("skp_id");
-- index perilaku_pp46_skp_id_aspek
CREATE UNIQUE INDEX "perilaku_pp46_skp_id_aspek" ON "perilaku_pp46" ("skp_id", "aspek");
-- index perjanjian_kinerja_pihak_pertama_id
CREATE INDEX "perjanjian_kinerja_pihak_pertama_id" ON "perjanjian_kinerja" ("pihak_pertama_id");
-- index perjanjian_kinerja_tahun
CREATE INDEX "perjanjian_kinerja_tahun" ON "perjanjian_kinerja" ("tahun");
-- index perjanjian_kinerja_unit_id
CREATE INDEX "perjanjian_kinerja_unit_id" ON "perjanjian_kinerja" ("unit_id");
-- index perjanjian_kinerja_unit_id_tahun
CREATE UNIQUE INDEX "perjanjian_kinerja_unit_id_tahun" ON "perjanjian_kinerja" ("unit_id", "tahun");
-- index realisasi_iki_evaluasi_id
CREATE INDEX "realisasi_iki_evaluasi_id" ON "realisasi_iki" ("evaluasi_id");
-- index realisasi_iki_evaluasi_id_iki_id
CREATE UNIQUE INDEX "realisasi_iki_evaluasi_id_iki_id" ON "realisasi_iki" ("evaluasi_id", "iki_id");
-- index realisasi_iki_iki_id
CREATE INDEX "realisasi_iki_iki_id" ON "realisasi_iki" ("iki_id");
-- index realisasi_pk_indikator_id
CREATE INDEX "realisasi_pk_indikator_id" ON "realisasi_pk" ("indikator_id");
-- index realisasi_pk_pengisi_id
CREATE INDEX "realisasi_pk_pengisi_id" ON "realisasi_pk" ("pengisi_id");
-- index realisasi_pk_pengukuran_id
CREATE INDEX "realisasi_pk_pengukuran_id" ON "realisasi_pk" ("pengukuran_id");
-- index realisasi_pk_pengukuran_id_indikator_id
CREATE UNIQUE INDEX "realisasi_pk_pengukuran_id_indikator_id" ON "realisasi_pk" ("pengukuran_id", "indikator_id");
-- index rencana_hasil_kerja_intervensi_id
CREATE INDEX "rencana_hasil_kerja_intervensi_id" ON "rencana_hasil_kerja" ("intervensi_id");
-- index rencana_hasil_kerja_skp_id
CREATE INDEX "rencana_hasil_kerja_skp_id" ON "rencana_hasil_kerja" ("skp_id");
-- index riwayat_disisihkan_oleh_id
CREATE INDEX "riwayat_disisihkan_oleh_id" ON "riwayat_disisihkan" ("oleh_id");
-- index riwayat_entitas
CREATE INDEX "riwayat_entitas" ON "riwayat" ("entitas");
-- index riwayat_entitas_id
CREATE INDEX "riwayat_entitas_id" ON "riwayat" ("entitas_id");
-- index riwayat_hash
CREATE INDEX "riwayat_hash" ON "riwayat" ("hash");
-- index riwayat_nomor
CREATE INDEX "riwayat_nomor" ON "riwayat" ("nomor");
-- index riwayat_oleh_id
CREATE INDEX "riwayat_oleh_id" ON "riwayat" ("oleh_id");
-- index riwayat_waktu
CREATE INDEX "riwayat_waktu" ON "riwayat" ("waktu");
-- index skp_atasan_penilai_id
CREATE INDEX "skp_atasan_penilai_id" ON "skp" ("atasan_penilai_id");
-- index skp_pegawai_id
CREATE INDEX "skp_pegawai_id" ON "skp" ("pegawai_id");
-- index skp_pegawai_id_tahun_tgl_mulai
CREATE UNIQUE INDEX "skp_pegawai_id_tahun_tgl_mulai" ON "skp" ("pegawai_id", "tahun", "tgl_mulai");
-- index skp_penilai_id
CREATE INDEX "skp_penilai_id" ON "skp" ("penilai_id");
-- index skp_status
CREATE INDEX "skp_status" ON "skp" ("status");
-- index skp_tahun
CREATE INDEX "skp_tahun" ON "skp" ("tahun");
-- index tugas_tambahan_pp46_skp_id
CREATE INDEX "tugas_tambahan_pp46_skp_id" ON "tugas_tambahan_pp46" ("skp_id");
-- index umpan_balik_perilaku_evaluasi_id
CREATE INDEX "umpan_balik_perilaku_evaluasi_id" ON "umpan_balik_perilaku" ("evaluasi_id");
-- index umpan_balik_perilaku_evaluasi_id_nomor
CREATE UNIQUE INDEX "umpan_balik_perilaku_evaluasi_id_nomor" ON "umpan_balik_perilaku" ("evaluasi_id", "nomor");
-- index unit_kerja_induk_id
CREATE INDEX "unit_kerja_induk_id" ON "unit_kerja" ("induk_id");
-- index unit_kerja_instansi_id
CREATE INDEX "unit_kerja_instansi_id" ON "unit_kerja" ("instansi_id");
-- trigger riwayat_no_delete
CREATE TRIGGER riwayat_no_delete BEFORE DELETE ON riwayat BEGIN SELECT RAISE(ABORT, 'riwayat tidak boleh diubah atau dihapus'); END;
-- trigger riwayat_segel_update
CREATE TRIGGER riwayat_segel_update BEFORE UPDATE ON riwayat WHEN OLD.hash IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.entitas IS NOT OLD.entitas OR NEW.entitas_id IS NOT OLD.entitas_id OR NEW.aksi IS NOT OLD.aksi OR NEW.dari IS NOT OLD.dari OR NEW.ke IS NOT OLD.ke OR NEW.oleh_id IS NOT OLD.oleh_id OR NEW.oleh_nama IS NOT OLD.oleh_nama OR NEW.waktu IS NOT OLD.waktu OR NEW.catatan IS NOT OLD.catatan OR NEW.rincian IS NOT OLD.rincian OR NEW.nomor IS NOT OLD.nomor BEGIN SELECT RAISE(ABORT, 'riwayat tidak boleh diubah atau dihapus'); END;
