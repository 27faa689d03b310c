-- table akun
CREATE TABLE "akun" ("id" TEXT NOT NULL PRIMARY KEY, "login" VARCHAR(64) NOT NULL, "pegawai_id" TEXT, "password_hash" TEXT NOT NULL, "peran" TEXT NOT NULL, "gagal_login" INTEGER NOT NULL, "terkunci_sampai" DATETIME, "aktif" INTEGER NOT NULL, "harus_ganti_sandi" INTEGER NOT NULL, "dibuat" DATETIME NOT NULL, "login_terakhir" DATETIME, FOREIGN KEY ("pegawai_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table instansi
CREATE TABLE "instansi" ("id" TEXT NOT NULL PRIMARY KEY, "nama" TEXT NOT NULL, "pemerintah_daerah" TEXT NOT NULL, "alamat" TEXT NOT NULL, "dibuat" DATETIME NOT NULL);
-- table jabatan
CREATE TABLE "jabatan" ("id" TEXT NOT NULL PRIMARY KEY, "nama" TEXT NOT NULL, "jenis" TEXT NOT NULL, "jenjang" TEXT NOT NULL, "struktural" INTEGER NOT NULL, "unit_id" TEXT, FOREIGN KEY ("unit_id") REFERENCES "unit_kerja" ("id") ON DELETE RESTRICT);
-- table pegawai
CREATE TABLE "pegawai" ("id" TEXT NOT NULL PRIMARY KEY, "nip" VARCHAR(18) NOT NULL, "nama" TEXT NOT NULL, "gelar_depan" TEXT NOT NULL, "gelar_belakang" TEXT NOT NULL, "status" TEXT NOT NULL, "golongan" TEXT NOT NULL, "jabatan_id" TEXT, "unit_id" TEXT, "atasan_id" TEXT, "aktif" INTEGER NOT NULL, "dibuat" DATETIME NOT NULL, "diubah" DATETIME NOT NULL, FOREIGN KEY ("jabatan_id") REFERENCES "jabatan" ("id") ON DELETE RESTRICT, FOREIGN KEY ("unit_id") REFERENCES "unit_kerja" ("id") ON DELETE RESTRICT, FOREIGN KEY ("atasan_id") REFERENCES "pegawai" ("id") ON DELETE RESTRICT);
-- table pengaturan
CREATE TABLE "pengaturan" ("id" TEXT NOT NULL PRIMARY KEY, "instansi_id" TEXT NOT NULL, "kop_surat" TEXT NOT NULL, "tempat" TEXT NOT NULL, "ukuran_kertas" TEXT NOT NULL, "logo" BLOB, "logo_nama" TEXT NOT NULL, "cadangan_disimpan" INTEGER NOT NULL, FOREIGN KEY ("instansi_id") REFERENCES "instansi" ("id") ON DELETE CASCADE);
-- table riwayat
CREATE TABLE "riwayat" ("id" TEXT NOT NULL PRIMARY KEY, "entitas" TEXT NOT NULL, "entitas_id" TEXT NOT NULL, "aksi" TEXT NOT NULL, "dari" TEXT, "ke" TEXT, "oleh_id" TEXT, "oleh_nama" TEXT NOT NULL, "waktu" DATETIME NOT NULL, "catatan" TEXT NOT NULL, "rincian" TEXT, "nomor" INTEGER NOT NULL, FOREIGN KEY ("oleh_id") REFERENCES "akun" ("id") ON DELETE RESTRICT);
-- table schema_version
CREATE TABLE "schema_version" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "applied_at" DATETIME NOT NULL);
-- table unit_kerja
CREATE TABLE "unit_kerja" ("id" TEXT NOT NULL PRIMARY KEY, "instansi_id" TEXT NOT NULL, "nama" TEXT NOT NULL, "induk_id" TEXT, "urutan" INTEGER NOT NULL, "aktif" INTEGER NOT NULL, FOREIGN KEY ("instansi_id") REFERENCES "instansi" ("id") ON DELETE RESTRICT, FOREIGN KEY ("induk_id") REFERENCES "unit_kerja" ("id") ON DELETE RESTRICT);
-- index akun_login
CREATE UNIQUE INDEX "akun_login" ON "akun" ("login");
-- index akun_pegawai_id
CREATE UNIQUE INDEX "akun_pegawai_id" ON "akun" ("pegawai_id");
-- index jabatan_nama_unit_id
CREATE UNIQUE INDEX "jabatan_nama_unit_id" ON "jabatan" ("nama", "unit_id");
-- index jabatan_unit_id
CREATE INDEX "jabatan_unit_id" ON "jabatan" ("unit_id");
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
-- index riwayat_entitas
CREATE INDEX "riwayat_entitas" ON "riwayat" ("entitas");
-- index riwayat_entitas_id
CREATE INDEX "riwayat_entitas_id" ON "riwayat" ("entitas_id");
-- index riwayat_nomor
CREATE INDEX "riwayat_nomor" ON "riwayat" ("nomor");
-- index riwayat_oleh_id
CREATE INDEX "riwayat_oleh_id" ON "riwayat" ("oleh_id");
-- index riwayat_waktu
CREATE INDEX "riwayat_waktu" ON "riwayat" ("waktu");
-- index unit_kerja_induk_id
CREATE INDEX "unit_kerja_induk_id" ON "unit_kerja" ("induk_id");
-- index unit_kerja_instansi_id
CREATE INDEX "unit_kerja_instansi_id" ON "unit_kerja" ("instansi_id");
-- trigger riwayat_no_delete
CREATE TRIGGER riwayat_no_delete BEFORE DELETE ON riwayat BEGIN SELECT RAISE(ABORT, 'riwayat tidak boleh diubah atau dihapus'); END;
-- trigger riwayat_no_update
CREATE TRIGGER riwayat_no_update BEFORE UPDATE ON riwayat BEGIN SELECT RAISE(ABORT, 'riwayat tidak boleh diubah atau dihapus'); END;
