"""The seven BerAKHLAK core values and their panduan perilaku (docs/domain.md §2.4)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NilaiDasar:
    nomor: int
    nama: str
    makna: str
    panduan: tuple[str, str, str]


BERAKHLAK: tuple[NilaiDasar, ...] = (
    NilaiDasar(
        1,
        "Berorientasi Pelayanan",
        "komitmen memberikan pelayanan prima demi kepuasan masyarakat",
        (
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ),
    ),
    NilaiDasar(
        2,
        "Akuntabel",
        "bertanggung jawab atas kepercayaan yang diberikan",
        (
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
            "berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, "
            "dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ),
    ),
    NilaiDasar(
        3,
        "Kompeten",
        "terus belajar dan mengembangkan kapabilitas",
        (
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ),
    ),
    NilaiDasar(
        4,
        "Harmonis",
        "saling peduli dan menghargai perbedaan",
        (
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ),
    ),
    NilaiDasar(
        5,
        "Loyal",
        "berdedikasi dan mengutamakan kepentingan Bangsa dan Negara",
        (
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia "
            "Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan "
            "yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ),
    ),
    NilaiDasar(
        6,
        "Adaptif",
        "terus berinovasi dan antusias dalam menggerakkan serta menghadapi perubahan",
        (
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ),
    ),
    NilaiDasar(
        7,
        "Kolaboratif",
        "membangun kerja sama yang sinergis",
        (
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
        ),
    ),
)
