"""Write the sample roster (resources/contoh/daftar_pegawai.xlsx and .csv) shipped with skpdesk."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from skpdesk.domain.nip import parse_nip
from skpdesk.services.impor import KOLOM

OUT = Path(__file__).resolve().parents[1] / "resources" / "contoh"
TEXT = "@"  # Excel's "Text" number format: keeps all 18 digits of a NIP

CAMAT = "197406151999031002"
SEKCAM = "197903212003122004"
KASUBBAG = "198207092006041003"
KASI_PEM = "198011232005011005"
KASI_PELAYANAN = "198505142010012008"
KASI_TRANTIB = "198312052009031002"

# NIP, Nama, Gelar Depan, Gelar Belakang, Status, Golongan, Jabatan, Jenis Jabatan, Jenjang,
# Unit Kerja (blank: the office itself), NIP Atasan
ROWS: tuple[tuple[str, ...], ...] = (
    (CAMAT, "Hadi Santoso", "Drs.", "M.Si.", "PNS", "IV/b", "Camat", "Administrator", "", "", ""),
    (
        SEKCAM,
        "Ratna Sari Dewi",
        "",
        "S.Sos., M.M.",
        "PNS",
        "IV/a",
        "Sekretaris Camat",
        "Administrator",
        "",
        "Sekretariat",
        CAMAT,
    ),
    (
        KASUBBAG,
        "Wahyu Hidayat",
        "",
        "S.E.",
        "PNS",
        "III/d",
        "Kepala Subbagian Umum dan Kepegawaian",
        "Pengawas",
        "",
        "Sekretariat",
        SEKCAM,
    ),
    (
        KASI_PEM,
        "Andi Firmansyah",
        "",
        "S.IP.",
        "PNS",
        "III/d",
        "Kepala Seksi Pemerintahan",
        "Pengawas",
        "",
        "Seksi Pemerintahan",
        CAMAT,
    ),
    (
        KASI_PELAYANAN,
        "Sri Mulyani",
        "",
        "S.Sos.",
        "PNS",
        "III/c",
        "Kepala Seksi Pelayanan Umum",
        "Pengawas",
        "",
        "Seksi Pelayanan Umum",
        CAMAT,
    ),
    (
        KASI_TRANTIB,
        "Yohanes Kristianto",
        "",
        "S.H.",
        "PNS",
        "III/c",
        "Kepala Seksi Ketenteraman dan Ketertiban Umum",
        "Pengawas",
        "",
        "Seksi Ketenteraman dan Ketertiban Umum",
        CAMAT,
    ),
    (
        "199103082014032003",
        "Nur Hasanah",
        "",
        "A.Md.",
        "PNS",
        "II/d",
        "Pengadministrasi Perkantoran",
        "Pelaksana",
        "",
        "Sekretariat",
        KASUBBAG,
    ),
    (
        "199501172020121004",
        "Muhammad Rizki Ramadhan",
        "",
        "S.Kom.",
        "PNS",
        "III/a",
        "Pranata Komputer Ahli Pertama",
        "Fungsional",
        "Ahli Pertama",
        "Seksi Pemerintahan",
        KASI_PEM,
    ),
    (
        "199207262015032001",
        "Dian Puspitasari",
        "",
        "",
        "PNS",
        "II/c",
        "Pengadministrasi Pelayanan",
        "Pelaksana",
        "",
        "Seksi Pelayanan Umum",
        KASI_PELAYANAN,
    ),
    (
        "199604112023211002",
        "Agung Prabowo",
        "",
        "",
        "PPPK",
        "V",
        "Operator Layanan Operasional",
        "Pelaksana",
        "",
        "Seksi Pelayanan Umum",
        KASI_PELAYANAN,
    ),
    (
        "199309302017011001",
        "Bagus Setiawan",
        "",
        "",
        "PNS",
        "II/b",
        "Polisi Pamong Praja Terampil",
        "Fungsional",
        "Terampil",
        "Seksi Ketenteraman dan Ketertiban Umum",
        KASI_TRANTIB,
    ),
)

PETUNJUK = (
    "Petunjuk pengisian daftar pegawai untuk impor skpdesk",
    "",
    "Isi lembar pertama (Daftar Pegawai); baris 1 adalah judul kolom dan jangan diubah.",
    "NIP dan NIP Atasan: 18 digit, kolom berformat Teks (jangan diketik sebagai angka).",
    "Status: PNS atau PPPK. Golongan: I/a sampai IV/e untuk PNS, I sampai XVII untuk PPPK.",
    "Jenis Jabatan: JPT, Administrator, Pengawas, Pelaksana, atau Fungsional.",
    "Jenjang: wajib untuk Fungsional (Ahli Pertama, Ahli Muda, Terampil, Mahir, dst.).",
    "Unit Kerja: nama unit yang sudah ada, atau unit baru (dibuat di bawah instansi).",
    "Kosongkan Unit Kerja untuk pimpinan instansi (Camat, Kepala Dinas).",
    "NIP Atasan: NIP atasan langsung, yang tercantum di berkas ini atau sudah terdaftar.",
    "Kolom tambahan (No., Keterangan) boleh ada dan diabaikan.",
)


def _check() -> None:
    for row in ROWS:
        parse_nip(row[0])


def write_xlsx(path: Path) -> None:
    headers = [k.judul for k in KOLOM]
    wb = Workbook()
    ws = wb.active
    ws.title = "Daftar Pegawai"
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(vertical="center")
    for row in ROWS:
        ws.append(list(row))
    last = len(ROWS) + 200  # room for the office's own rows, still formatted as text
    for col, kolom in enumerate(KOLOM, start=1):
        letter = ws.cell(row=1, column=col).column_letter
        if kolom.kunci in ("nip", "nip_atasan", "golongan"):
            for r in range(2, last + 1):
                ws.cell(row=r, column=col).number_format = TEXT
        width = max(len(kolom.judul), *(len(r[col - 1]) for r in ROWS)) + 2
        ws.column_dimensions[letter].width = min(width, 48)
    ws.freeze_panes = "A2"

    def pilihan(kunci: str, values: str) -> None:
        col = next(i for i, k in enumerate(KOLOM, start=1) if k.kunci == kunci)
        letter = ws.cell(row=1, column=col).column_letter
        dv = DataValidation(type="list", formula1=f'"{values}"', allow_blank=True)
        dv.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(dv)

    pilihan("status", "PNS,PPPK")
    pilihan("jenis_jabatan", "JPT,Administrator,Pengawas,Pelaksana,Fungsional")

    notes = wb.create_sheet("Petunjuk")
    for line in PETUNJUK:
        notes.append([line])
    notes["A1"].font = Font(bold=True)
    notes.column_dimensions["A"].width = 100
    wb.save(path)


def write_csv(path: Path) -> None:
    # Semicolons and a BOM: what Indonesian Excel writes and opens with accents intact.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow([k.judul for k in KOLOM])
        writer.writerows(ROWS)


def main() -> int:
    _check()
    OUT.mkdir(parents=True, exist_ok=True)
    write_xlsx(OUT / "daftar_pegawai.xlsx")
    write_csv(OUT / "daftar_pegawai.csv")
    print(f"{OUT / 'daftar_pegawai.xlsx'}\n{OUT / 'daftar_pegawai.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
