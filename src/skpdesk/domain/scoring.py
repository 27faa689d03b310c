"""Scoring per regime: predikat, distribution, capaian, legacy numbers that explain themselves.

Rounding: every number is computed in full ``Decimal`` precision and rounded only for display and
classification, to two decimals with ROUND_HALF_UP (docs/domain.md §11 convention, §4.2).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum

from skpdesk.domain.aturan import PERMENPANRB_6_2022 as _PERMEN
from skpdesk.domain.aturan import PP_30_2019 as _PP30
from skpdesk.domain.aturan import PP_46_2011 as _PP46
from skpdesk.domain.aturan import (
    URUTAN_KURVA,
    AspekPerilakuPP46,
    AturanDistribusi,
    AturanPermenPANRB6,
    AturanPP30,
    AturanPP46,
    CapaianOrganisasi,
    JenisBatas,
    KebijakanBatas,
    Predikat,
    PredikatPP30,
    Rating,
    SebutanPP46,
    TingkatKreativitas,
)
from skpdesk.domain.format import angka
from skpdesk.domain.skp import Target
from skpdesk.domain.skp import angka as _baca_angka
from skpdesk.i18n import _

__all__ = [
    "AspekPerilakuPP46",
    "CapaianOrganisasi",
    "HasilAngkaKredit",
    "HasilCapaianSKPPP46",
    "HasilKegiatanPP46",
    "HasilKinerjaPP30",
    "HasilPrestasiKerjaPP46",
    "KebijakanBatas",
    "PelanggaranDistribusi",
    "Penjelasan",
    "Polaritas",
    "Predikat",
    "PredikatPP30",
    "Rating",
    "RealisasiKegiatanPP46",
    "SaranRating",
    "SebutanPP46",
    "StatusIKI",
    "TargetKegiatanPP46",
    "TingkatKreativitas",
    "angka_kredit",
    "batas_jumlah",
    "bulat2",
    "capaian_indikator",
    "cek_distribusi",
    "frekuensi_predikat",
    "nilai_capaian_skp_pp46",
    "nilai_kegiatan_pp46",
    "nilai_kinerja_pp30",
    "nilai_prestasi_kerja_pp46",
    "nilai_tugas_tambahan_pp46",
    "predikat_kinerja",
    "predikat_pp30",
    "rating_hasil_kerja_pimpinan",
    "saran_rating_hasil_kerja",
    "saran_rating_tahunan",
    "sebutan_pp46",
    "status_iki",
]

Angka = Decimal | int | float | str
SERATUS = Decimal(100)
_DUA_DESIMAL = Decimal("0.01")


def bulat2(nilai: Decimal) -> Decimal:
    """Two decimals, ROUND_HALF_UP (97,5556 → 97,56), as the forms print and classify."""
    return nilai.quantize(_DUA_DESIMAL, rounding=ROUND_HALF_UP)


def _d(nilai: Angka | None, nama: str) -> Decimal:
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        raise ValueError(_("{nama} belum diisi.").format(nama=nama))
    if isinstance(nilai, bool):
        raise ValueError(_("{nama} harus berupa angka.").format(nama=nama))
    if isinstance(nilai, Decimal):
        hasil = nilai
    elif isinstance(nilai, str):
        try:
            hasil = _baca_angka(nilai)
        except ValueError:
            raise ValueError(_("{nama} harus berupa angka.").format(nama=nama)) from None
    else:
        # float through str so that 85.5 stays 85.5 and not 85.4999…
        hasil = Decimal(str(nilai))
    if not hasil.is_finite():
        raise ValueError(_("{nama} harus berupa angka.").format(nama=nama))
    return hasil


def _kosong(nilai: Angka | None) -> bool:
    # The forms print "-" for no biaya and for an aspect that is not scored.
    return nilai is None or (isinstance(nilai, str) and nilai.strip() in ("", "-"))


def _tidak_negatif(nilai: Angka | None, nama: str) -> Decimal:
    hasil = _d(nilai, nama)
    if hasil < 0:
        raise ValueError(_("{nama} tidak boleh negatif.").format(nama=nama))
    return hasil


def _a(nilai: Decimal) -> str:
    """An input as written: "12", "1,76", "170.395.000"."""
    return angka(nilai)


def _n(nilai: Decimal) -> str:
    """A computed value: two decimals, "85,50"."""
    return angka(nilai, 2)


# --- Current regime: predikat, distribution, ratings (docs/domain.md §2.9) ---


def predikat_kinerja(
    rating_hasil_kerja: Rating | str,
    rating_perilaku: Rating | str,
    *,
    aturan: AturanPermenPANRB6 = _PERMEN,
) -> Predikat:
    """Predikat kinerja pegawai from the 3×3 matrix (§2.9.3); ratings as enums or labels."""
    return aturan.matriks[(Rating.dari(rating_hasil_kerja), Rating.dari(rating_perilaku))]


def frekuensi_predikat(predikat_list: Iterable[Predikat | str]) -> dict[Predikat, int]:
    """How many pegawai hold each predikat, in the order of the kurva distribusi's x axis."""
    hitungan = Counter(Predikat.dari(p) for p in predikat_list)
    return {p: hitungan.get(p, 0) for p in URUTAN_KURVA}


def _nama_kelompok(predikat: frozenset[Predikat]) -> str:
    # Best first, as the SE words them: "Butuh Perbaikan dan/atau Kurang/Misconduct".
    return _(" dan/atau ").join(p.label for p in reversed(URUTAN_KURVA) if p in predikat)


def batas_jumlah(aturan_distribusi: AturanDistribusi, n: int) -> int:
    """The head-count a rule allows (cap) or requires (floor) in a unit of ``n`` (§2.9.5)."""
    bagian = Decimal(n) * aturan_distribusi.persen / SERATUS
    jenis = aturan_distribusi.jenis
    if jenis is JenisBatas.MAKSIMAL:
        return int(bagian.to_integral_value(rounding=ROUND_FLOOR))
    if jenis is JenisBatas.MINIMAL:
        return int(bagian.to_integral_value(rounding=ROUND_CEILING))
    return 1 if jenis is JenisBatas.HARUS_ADA else 0


@dataclass(frozen=True)
class PelanggaranDistribusi:
    """One rule of the pola distribusi that the unit's predikat break: a warning, not a block."""

    capaian_organisasi: CapaianOrganisasi
    aturan: AturanDistribusi
    n: int
    jumlah: int  # pegawai holding the predikat of the rule
    batas: int  # the head-count allowed (cap) or required (floor)
    pesan: str

    @property
    def predikat(self) -> frozenset[Predikat]:
        return self.aturan.predikat

    @property
    def jenis(self) -> JenisBatas:
        return self.aturan.jenis


def _pesan_distribusi(
    co: CapaianOrganisasi, rule: AturanDistribusi, n: int, jumlah: int, batas: int
) -> str:
    awal = _("Capaian kinerja organisasi {co}: ").format(co=co.label)
    isi = {
        "co": co.label,
        "predikat": _nama_kelompok(rule.predikat),
        "persen": _a(rule.persen),
        "n": n,
        "batas": batas,
        "jumlah": jumlah,
    }
    if rule.jenis is JenisBatas.MAKSIMAL:
        teks = _(
            "predikat {predikat} paling banyak {persen}% dari {n} pegawai, yaitu {batas} orang; "
            "saat ini {jumlah} orang."
        )
    elif rule.jenis is JenisBatas.MINIMAL:
        teks = _(
            "predikat {predikat} paling sedikit {persen}% dari {n} pegawai, yaitu {batas} orang; "
            "saat ini {jumlah} orang."
        )
    elif rule.jenis is JenisBatas.HARUS_ADA:
        teks = _(
            "harus ada paling sedikit 1 pegawai dengan predikat {predikat}; saat ini tidak ada."
        )
    else:
        teks = _("tidak boleh ada pegawai dengan predikat {predikat}; saat ini {jumlah} orang.")
    return awal + teks.format(**isi)


def cek_distribusi(
    capaian_organisasi: CapaianOrganisasi | str,
    predikat_list: Iterable[Predikat | str],
    *,
    aturan: AturanPermenPANRB6 = _PERMEN,
) -> list[PelanggaranDistribusi]:
    """Every rule of the pola distribusi (§2.9.5) that the unit's final predikat break.

    Small units: caps use floor(n·x), floors ceil(n·x), "harus ada" means at least one. An empty
    unit has no distribution and breaks nothing.
    """
    co = CapaianOrganisasi.dari(capaian_organisasi)
    frekuensi = frekuensi_predikat(predikat_list)
    n = sum(frekuensi.values())
    if n == 0:
        return []
    found: list[PelanggaranDistribusi] = []
    for rule in aturan.pola_distribusi[co]:
        jumlah = sum(frekuensi[p] for p in rule.predikat)
        batas = batas_jumlah(rule, n)
        if rule.jenis in (JenisBatas.MAKSIMAL, JenisBatas.TIDAK_BOLEH):
            broken = jumlah > batas
        else:
            broken = jumlah < batas
        if broken:
            pesan = _pesan_distribusi(co, rule, n, jumlah, batas)
            found.append(PelanggaranDistribusi(co, rule, n, jumlah, batas, pesan))
    return found


@dataclass(frozen=True)
class StatusIKI:
    """One IKI's standing against its target (§2.9.2), and whether its RHK is a kinerja utama."""

    status: Rating
    utama: bool = True


@dataclass(frozen=True)
class SaranRating:
    """A suggested rating hasil kerja; the pejabat penilai decides (§2.9.2)."""

    rating: Rating | None
    alasan: str
    jumlah: Mapping[Rating, int] = field(default_factory=dict)


def saran_rating_hasil_kerja(status_iki: Iterable[StatusIKI | Rating | str]) -> SaranRating:
    """Suggest a rating hasil kerja from per-IKI statuses; never binding (§2.9.2).

    "Sebagian besar" is read as more than half. Di Atas: most IKI above and no kinerja utama below.
    Sesuai: most IKI at or above, and fewer than half of the kinerja utama below. Else Di Bawah.
    A bare rating counts as an IKI of a kinerja utama.
    """
    items = [
        s if isinstance(s, StatusIKI) else StatusIKI(Rating.dari(s), utama=True) for s in status_iki
    ]
    jumlah = Counter(s.status for s in items)
    counts = {r: jumlah.get(r, 0) for r in Rating}
    n = len(items)
    if n == 0:
        return SaranRating(None, _("Belum ada IKI dengan realisasi; tidak ada saran rating."))
    atas = counts[Rating.DI_ATAS_EKSPEKTASI]
    sesuai = counts[Rating.SESUAI_EKSPEKTASI]
    utama = [s for s in items if s.utama]
    utama_bawah = sum(1 for s in utama if s.status is Rating.DI_BAWAH_EKSPEKTASI)
    ringkas = _("{atas} di atas, {sesuai} sesuai, {bawah} di bawah ekspektasi dari {n} IKI").format(
        atas=atas, sesuai=sesuai, bawah=counts[Rating.DI_BAWAH_EKSPEKTASI], n=n
    )
    if 2 * atas > n and utama_bawah == 0:
        rating = Rating.DI_ATAS_EKSPEKTASI
        alasan = _("{ringkas}: sebagian besar di atas dan tidak ada hasil kerja utama di bawah.")
    elif 2 * (atas + sesuai) > n and (not utama or 2 * utama_bawah < len(utama)):
        rating = Rating.SESUAI_EKSPEKTASI
        alasan = _(
            "{ringkas}: sebagian besar sesuai atau di atas, dan hanya sebagian kecil hasil kerja "
            "utama di bawah."
        )
    else:
        rating = Rating.DI_BAWAH_EKSPEKTASI
        alasan = _(
            "{ringkas}: sebagian besar di bawah, atau terlalu banyak hasil kerja utama di bawah."
        )
    return SaranRating(rating, alasan.format(ringkas=ringkas), counts)


def saran_rating_tahunan(rating_periodik: Sequence[Rating | str | None]) -> Rating | None:
    """The modus of the periodic ratings, ties to the most recent period (§2.9.4); a suggestion."""
    ratings = [Rating.dari(r) for r in rating_periodik if r is not None]
    if not ratings:
        return None
    jumlah = Counter(ratings)
    terbanyak = max(jumlah.values())
    return next(r for r in reversed(ratings) if jumlah[r] == terbanyak)


def rating_hasil_kerja_pimpinan(
    capaian_organisasi: CapaianOrganisasi | str, *, aturan: AturanPermenPANRB6 = _PERMEN
) -> Rating:
    """A unit head's rating hasil kerja follows the capaian of the unit he leads (§2.9.2)."""
    return aturan.rating_pimpinan[CapaianOrganisasi.dari(capaian_organisasi)]


# --- Indicators: capaian and status against target (§6.2, §2.9.2) ---


class Polaritas(StrEnum):
    POSITIF = "POSITIF"  # higher is better
    NEGATIF = "NEGATIF"  # lower is better (waktu, keluhan)
    RENTANG = "RENTANG"  # a range target "80–90"
    PEMELIHARAAN = "PEMELIHARAAN"  # keep a level: reaching it is 100%

    @property
    def label(self) -> str:
        return {
            Polaritas.POSITIF: _("Positif (makin tinggi makin baik)"),
            Polaritas.NEGATIF: _("Negatif (makin rendah makin baik)"),
            Polaritas.RENTANG: _("Rentang"),
            Polaritas.PEMELIHARAAN: _("Pemeliharaan"),
        }[self]


def _batas_target(
    target: Target | Angka | None, target_maks: Angka | None
) -> tuple[Decimal, Decimal]:
    if isinstance(target, Target):
        low, high = target.minimum, target.maksimum
    else:
        low = _tidak_negatif(target, _("Target"))
        high = _tidak_negatif(target_maks, _("Batas atas target")) if target_maks else low
    if low < 0:
        raise ValueError(_("Target tidak boleh negatif."))
    if high < low:
        raise ValueError(_("Batas atas rentang target lebih kecil dari batas bawah."))
    return low, high


def _bagi_target(pembilang: Decimal, target: Decimal) -> Decimal:
    if target == 0:
        raise ValueError(
            _(
                "Target bernilai 0: capaian tidak dapat dihitung sebagai persentase. "
                "Tetapkan target lebih dari 0 atau nilai capaian secara manual."
            )
        )
    return pembilang / target * SERATUS


def capaian_indikator(
    target: Target | Angka | None,
    realisasi: Angka | None,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    *,
    target_maks: Angka | None = None,
) -> Decimal:
    """Capaian (%) in full precision (§6.2); a zero divisor is a clear ``ValueError``.

    Positif R/T×100; negatif (2T − R)/T×100; rentang: 100 inside the range, else against the
    nearer bound (PermenPANRB 8/2021); pemeliharaan: 100 once the level is kept, R/T×100 below it.
    """
    pol = Polaritas(polaritas)
    low, high = _batas_target(target, target_maks)
    r = _tidak_negatif(realisasi, _("Realisasi"))
    if pol is Polaritas.POSITIF:
        return _bagi_target(r, low)
    if pol is Polaritas.NEGATIF:
        return _bagi_target(2 * low - r, low)
    if pol is Polaritas.RENTANG:
        if r > high:
            return _bagi_target(r, high)
        if r < low:
            return _bagi_target(r, low)
        return SERATUS
    # Pemeliharaan: only "kept → 100%" is defined (§6.2); falling short scores like positif.
    return SERATUS if r >= low else _bagi_target(r, low)


def status_iki(
    target: Target | Angka | None,
    realisasi: Angka | None,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    *,
    target_maks: Angka | None = None,
) -> Rating:
    """Above, at or below the target (§2.9.2 [L]); inverted for lower-is-better indicators."""
    pol = Polaritas(polaritas)
    low, high = _batas_target(target, target_maks)
    r = _tidak_negatif(realisasi, _("Realisasi"))
    if pol is Polaritas.NEGATIF:
        if r < low:
            return Rating.DI_ATAS_EKSPEKTASI
        return Rating.SESUAI_EKSPEKTASI if r <= high else Rating.DI_BAWAH_EKSPEKTASI
    if r > high:
        return Rating.DI_ATAS_EKSPEKTASI
    return Rating.SESUAI_EKSPEKTASI if r >= low else Rating.DI_BAWAH_EKSPEKTASI


# --- Legacy PP 46/2011 + Perka BKN 1/2013 (§4) ---


def sebutan_pp46(
    nilai: Angka,
    kebijakan_batas: KebijakanBatas | str = KebijakanBatas.BATAS_BAWAH_INKLUSIF,
    *,
    aturan: AturanPP46 = _PP46,
) -> SebutanPP46:
    """The band of §4.2, after rounding to two decimals; the boundary policy is a setting."""
    kebijakan = KebijakanBatas.dari(kebijakan_batas)
    x = bulat2(_d(nilai, _("Nilai")))
    pita = aturan.pita
    for atas_ini, bawah_berikut in zip(pita, pita[1:], strict=False):
        # Lower-inclusive: x ≥ this band's written floor; upper-inclusive: x > the next ceiling.
        if kebijakan is KebijakanBatas.BATAS_BAWAH_INKLUSIF:
            if atas_ini.bawah is not None and x >= atas_ini.bawah:
                return atas_ini.sebutan
        elif bawah_berikut.atas is not None and x > bawah_berikut.atas:
            return atas_ini.sebutan
    return pita[-1].sebutan


@dataclass(frozen=True)
class TargetKegiatanPP46:
    """TO, TK, TW (bulan), TB of one kegiatan tugas jabatan; biaya None or 0 when not set."""

    kuantitas: Angka
    kualitas: Angka = 100
    waktu: Angka = 12
    biaya: Angka | None = None
    kegiatan: str = ""


@dataclass(frozen=True)
class RealisasiKegiatanPP46:
    """RO, RK, RW, RB; kualitas and waktu may stay empty for a kegiatan not carried out."""

    kuantitas: Angka
    kualitas: Angka | None = None
    waktu: Angka | None = None
    biaya: Angka | None = None


@dataclass(frozen=True)
class Penjelasan:
    """The arithmetic behind a number, step by step, as the offices' Excel workbooks show it."""

    langkah: tuple[str, ...]
    peringatan: tuple[str, ...]

    @property
    def teks(self) -> str:
        return "\n".join((*self.langkah, *self.peringatan))


@dataclass(frozen=True)
class HasilKegiatanPP46(Penjelasan):
    kuantitas: Decimal
    kualitas: Decimal
    waktu: Decimal
    biaya: Decimal | None
    penghitungan: Decimal
    pembagi: int
    nilai: Decimal  # full precision; ``nilai_bulat`` for print
    bertarget: bool  # False: no output target, left out of the divisor of the SKP
    dilaksanakan: bool  # False: RO = 0, scores 0 and still counts

    @property
    def nilai_bulat(self) -> Decimal:
        return bulat2(self.nilai)


def _efisiensi(
    nama: str, simbol: str, t: Decimal, r: Decimal, aturan: AturanPP46
) -> tuple[Decimal, list[str]]:
    """Waktu or biaya by the 1,76 rule of Perka BKN 1/2013, always divided by the target."""
    faktor, batas, dasar = (
        aturan.faktor_efisiensi,
        aturan.batas_efisiensi,
        aturan.nilai_efisiensi_dasar,
    )
    efisiensi = SERATUS - (r / t * SERATUS)
    tampil = _n(efisiensi)
    if bulat2(efisiensi) == batas and efisiensi != batas:
        tampil = angka(efisiensi, 4)  # show the side of 24 that rounding would hide
    inti = (faktor * t - r) / t * SERATUS
    f, tt, rr = _a(faktor), _a(t), _a(r)
    rumus_inti = f"((({f} × T{simbol} − R{simbol}) / T{simbol}) × 100)"
    angka_inti = f"(({f} × {tt} − {rr}) / {tt}) × 100"
    langkah = [
        _("Efisiensi {nama} = 100 − (R{s} / T{s} × 100) = 100 − ({r} / {t} × 100) = {e}").format(
            nama=nama.lower(), s=simbol, r=rr, t=tt, e=tampil
        )
    ]
    # Exact test of "efisiensi ≤ 24" as r ≥ (100 − 24)% of t: no rounding can flip the branch.
    if r * SERATUS >= (SERATUS - batas) * t:
        hasil = inti
        langkah.append(
            _("{e} ≤ {b}, maka {nama} = {rumus} = {angka} = {h}").format(
                e=tampil,
                b=_a(batas),
                nama=nama,
                rumus=rumus_inti[1:-1],
                angka=angka_inti,
                h=_n(hasil),
            )
        )
    else:
        hasil = dasar - (inti - SERATUS)
        langkah.append(
            _("{e} > {b}, maka {nama} = {d} − ({rumus} − 100) = {d} − ({inti} − 100) = {h}").format(
                e=tampil,
                b=_a(batas),
                nama=nama,
                d=_a(dasar),
                rumus=rumus_inti,
                inti=_n(inti),
                h=_n(hasil),
            )
        )
    return hasil, langkah


def nilai_kegiatan_pp46(
    target: TargetKegiatanPP46,
    realisasi: RealisasiKegiatanPP46,
    *,
    aturan: AturanPP46 = _PP46,
) -> HasilKegiatanPP46:
    """Nilai capaian of one kegiatan (§4.3): kuantitas, kualitas, waktu, biaya and the divisor."""
    nol = Decimal(0)
    to = _tidak_negatif(target.kuantitas, _("Target kuantitas/output"))
    tb = _tidak_negatif(target.biaya, _("Target biaya")) if not _kosong(target.biaya) else nol
    ada_biaya = tb > 0
    pembagi = 4 if ada_biaya else 3
    judul = [_("Kegiatan: {k}").format(k=target.kegiatan)] if target.kegiatan else []
    if to == 0:
        langkah = (
            *judul,
            _(
                "Target kuantitas 0: kegiatan tidak direncanakan, tidak dinilai dan tidak masuk "
                "pembagi nilai capaian SKP."
            ),
        )
        return HasilKegiatanPP46(
            langkah,
            (),
            nol,
            nol,
            nol,
            None,
            nol,
            pembagi=0,
            nilai=nol,
            bertarget=False,
            dilaksanakan=False,
        )
    ro = _tidak_negatif(realisasi.kuantitas, _("Realisasi kuantitas/output"))
    if ro == 0:
        langkah = (
            *judul,
            _("Realisasi kuantitas 0: kegiatan tidak dilaksanakan, semua aspek bernilai 0."),
            _("Nilai capaian kegiatan = 0 / {p} = 0,00 (tetap dihitung dalam pembagi)").format(
                p=pembagi
            ),
        )
        return HasilKegiatanPP46(
            langkah,
            (),
            nol,
            nol,
            nol,
            nol if ada_biaya else None,
            nol,
            pembagi,
            nilai=nol,
            bertarget=True,
            dilaksanakan=False,
        )
    tk = _tidak_negatif(target.kualitas, _("Target kualitas/mutu"))
    tw = _tidak_negatif(target.waktu, _("Target waktu"))
    if tk == 0:
        raise ValueError(_("Target kualitas/mutu harus lebih dari 0 (biasanya 100)."))
    if tw == 0:
        raise ValueError(_("Target waktu harus lebih dari 0 bulan."))
    rk = _tidak_negatif(realisasi.kualitas, _("Realisasi kualitas/mutu"))
    rw = _tidak_negatif(realisasi.waktu, _("Realisasi waktu"))

    kuantitas = ro / to * SERATUS
    kualitas = rk / tk * SERATUS
    langkah = [
        *judul,
        _("Kuantitas = RO / TO × 100 = {r} / {t} × 100 = {h}").format(
            r=_a(ro), t=_a(to), h=_n(kuantitas)
        ),
        _("Kualitas = RK / TK × 100 = {r} / {t} × 100 = {h}").format(
            r=_a(rk), t=_a(tk), h=_n(kualitas)
        ),
    ]
    peringatan: list[str] = []
    waktu, langkah_waktu = _efisiensi(_("Waktu"), "W", tw, rw, aturan)
    langkah += langkah_waktu
    bagian = [kuantitas, kualitas, waktu]
    biaya: Decimal | None = None
    if ada_biaya:
        rb = _tidak_negatif(realisasi.biaya, _("Realisasi biaya"))
        biaya, langkah_biaya = _efisiensi(_("Biaya"), "B", tb, rb, aturan)
        langkah += langkah_biaya
        bagian.append(biaya)
    else:
        langkah.append(_("Tanpa target biaya: aspek biaya tidak dihitung, pembagi 3."))
        if not _kosong(realisasi.biaya) and _d(realisasi.biaya, _("Realisasi biaya")) != 0:
            peringatan.append(_("Realisasi biaya diabaikan karena target biaya tidak diisi."))
    for nama, nilai in ((_("waktu"), waktu), (_("biaya"), biaya)):
        if nilai is not None and nilai < 0:
            peringatan.append(
                _(
                    "Perhatian: nilai {nama} negatif ({n}) karena realisasi melebihi {f} × target; "
                    "nilai tidak dibatasi."
                ).format(nama=nama, n=_n(nilai), f=_a(aturan.faktor_efisiensi))
            )
    penghitungan = sum(bagian, nol)
    nilai = penghitungan / pembagi
    langkah += [
        _("Penghitungan = {bagian} = {h}").format(
            bagian=" + ".join(_n(b) for b in bagian), h=_n(penghitungan)
        ),
        _("Nilai capaian kegiatan = {p} / {d} = {h}").format(
            p=_n(penghitungan), d=pembagi, h=_n(nilai)
        ),
    ]
    return HasilKegiatanPP46(
        langkah=tuple(langkah),
        peringatan=tuple(peringatan),
        kuantitas=kuantitas,
        kualitas=kualitas,
        waktu=waktu,
        biaya=biaya,
        penghitungan=penghitungan,
        pembagi=pembagi,
        nilai=nilai,
        bertarget=True,
        dilaksanakan=True,
    )


@dataclass(frozen=True)
class HasilCapaianSKPPP46(Penjelasan):
    kegiatan: tuple[HasilKegiatanPP46, ...]
    jumlah_kegiatan: Decimal
    n_bertarget: int
    rata_kegiatan: Decimal
    nilai_tugas_tambahan: Decimal
    nilai_kreativitas: Decimal
    nilai: Decimal
    sebutan: SebutanPP46

    @property
    def nilai_bulat(self) -> Decimal:
        return bulat2(self.nilai)


def nilai_tugas_tambahan_pp46(jumlah_tugas: int, *, aturan: AturanPP46 = _PP46) -> Decimal:
    """1–3 tugas tambahan → 1, 4–6 → 2, 7 or more → 3, none → 0 (§4.4)."""
    if isinstance(jumlah_tugas, bool) or not isinstance(jumlah_tugas, int) or jumlah_tugas < 0:
        raise ValueError(_("Jumlah tugas tambahan harus bilangan bulat 0 atau lebih."))
    return next(
        nilai for paling_sedikit, nilai in aturan.tugas_tambahan if jumlah_tugas >= paling_sedikit
    )


def nilai_capaian_skp_pp46(
    kegiatan: Sequence[HasilKegiatanPP46 | tuple[TargetKegiatanPP46, RealisasiKegiatanPP46]],
    tugas_tambahan: int = 0,
    kreativitas: TingkatKreativitas | str | None = None,
    *,
    kebijakan_batas: KebijakanBatas | str = KebijakanBatas.BATAS_BAWAH_INKLUSIF,
    aturan: AturanPP46 = _PP46,
) -> HasilCapaianSKPPP46:
    """Mean of the kegiatan bertarget + tugas tambahan (a count) + kreativitas (a level), §4.4."""
    hasil = tuple(
        k if isinstance(k, HasilKegiatanPP46) else nilai_kegiatan_pp46(*k, aturan=aturan)
        for k in kegiatan
    )
    dinilai = [k for k in hasil if k.bertarget]
    if not dinilai:
        raise ValueError(
            _("Belum ada kegiatan tugas jabatan yang bertarget; nilai SKP belum dapat dihitung.")
        )
    jumlah = sum((k.nilai for k in dinilai), Decimal(0))
    rata = jumlah / len(dinilai)
    tt = nilai_tugas_tambahan_pp46(tugas_tambahan, aturan=aturan)
    tingkat = TingkatKreativitas.dari(kreativitas) if kreativitas else None
    kr = aturan.kreativitas[tingkat] if tingkat else Decimal(0)
    nilai = rata + tt + kr
    sebutan = sebutan_pp46(nilai, kebijakan_batas, aturan=aturan)
    langkah = [
        _("Kegiatan {i}: {n}").format(i=i, n=_n(k.nilai))
        + ("" if k.bertarget else _(" (tanpa target, tidak dihitung)"))
        for i, k in enumerate(hasil, start=1)
    ]
    langkah += [
        _("Rata-rata kegiatan = ({bagian}) / {n} = {j} / {n} = {r}").format(
            bagian=" + ".join(_n(k.nilai) for k in dinilai),
            n=len(dinilai),
            j=_n(jumlah),
            r=_n(rata),
        ),
        _("Tugas tambahan: {t} tugas → {nilai}").format(t=tugas_tambahan, nilai=_a(tt)),
        _("Kreativitas: {k} → {nilai}").format(
            k=tingkat.label if tingkat else _("tidak ada"), nilai=_a(kr)
        ),
        _("Nilai capaian SKP = {r} + {tt} + {kr} = {n} ({s})").format(
            r=_n(rata), tt=_a(tt), kr=_a(kr), n=_n(nilai), s=sebutan.label
        ),
    ]
    peringatan = tuple(p for k in hasil for p in k.peringatan)
    return HasilCapaianSKPPP46(
        tuple(langkah), peringatan, hasil, jumlah, len(dinilai), rata, tt, kr, nilai, sebutan
    )


@dataclass(frozen=True)
class HasilPrestasiKerjaPP46(Penjelasan):
    nilai_skp: Decimal
    perilaku: Mapping[AspekPerilakuPP46, Decimal]
    sebutan_perilaku: Mapping[AspekPerilakuPP46, SebutanPP46]
    jumlah_perilaku: Decimal
    pembagi: int
    rata_perilaku: Decimal
    bagian_skp: Decimal
    bagian_perilaku: Decimal
    nilai: Decimal
    sebutan: SebutanPP46

    @property
    def nilai_bulat(self) -> Decimal:
        return bulat2(self.nilai)


def nilai_prestasi_kerja_pp46(
    skp: HasilCapaianSKPPP46 | Angka,
    perilaku: Mapping[AspekPerilakuPP46 | str, Angka],
    struktural: bool,
    *,
    kebijakan_batas: KebijakanBatas | str = KebijakanBatas.BATAS_BAWAH_INKLUSIF,
    aturan: AturanPP46 = _PP46,
) -> HasilPrestasiKerjaPP46:
    """60% nilai SKP + 40% rata-rata perilaku; kepemimpinan only for pejabat struktural (§4.5)."""
    nilai_skp = skp.nilai if isinstance(skp, HasilCapaianSKPPP46) else _d(skp, _("Nilai SKP"))
    diberikan = {AspekPerilakuPP46.dari(k): v for k, v in perilaku.items()}
    aspek = [a for a in aturan.aspek_perilaku if struktural or a not in aturan.aspek_struktural]
    kurang = [a.label for a in aspek if _kosong(diberikan.get(a))]
    if kurang:
        raise ValueError(_("Nilai perilaku belum diisi: {aspek}.").format(aspek=", ".join(kurang)))
    peringatan: list[str] = []
    for a in aturan.aspek_struktural:
        if not struktural and not _kosong(diberikan.get(a)):
            peringatan.append(
                _("{aspek} hanya dinilai untuk pejabat struktural; nilainya diabaikan.").format(
                    aspek=a.label
                )
            )
    nilai_aspek: dict[AspekPerilakuPP46, Decimal] = {}
    for a in aspek:
        v = _d(diberikan[a], a.label)
        if not 0 <= v <= SERATUS:
            raise ValueError(_("Nilai {aspek} harus antara 0 dan 100.").format(aspek=a.label))
        nilai_aspek[a] = v
    sebutan_aspek = {
        a: sebutan_pp46(v, kebijakan_batas, aturan=aturan) for a, v in nilai_aspek.items()
    }
    jumlah = sum(nilai_aspek.values(), Decimal(0))
    pembagi = len(aspek)
    rata = jumlah / pembagi
    bagian_skp = aturan.bobot_skp * nilai_skp
    bagian_perilaku = aturan.bobot_perilaku * rata
    nilai = bagian_skp + bagian_perilaku
    sebutan = sebutan_pp46(nilai, kebijakan_batas, aturan=aturan)
    persen_skp = _a(aturan.bobot_skp * SERATUS)
    persen_perilaku = _a(aturan.bobot_perilaku * SERATUS)
    langkah = [
        _("{aspek} = {n} ({s})").format(aspek=a.label, n=_a(v), s=sebutan_aspek[a].label)
        for a, v in nilai_aspek.items()
    ]
    langkah += [
        _("Jumlah perilaku = {j}; rata-rata = {j} / {p} = {r} ({alasan})").format(
            j=_n(jumlah),
            p=pembagi,
            r=_n(rata),
            alasan=_("pejabat struktural, 6 aspek")
            if struktural
            else _("bukan pejabat struktural, tanpa kepemimpinan"),
        ),
        _("Nilai SKP × {ps}% = {s} × {bs} = {h}").format(
            ps=persen_skp, s=_n(nilai_skp), bs=_n(aturan.bobot_skp), h=_n(bagian_skp)
        ),
        _("Perilaku kerja × {pp}% = {r} × {bp} = {h}").format(
            pp=persen_perilaku, r=_n(rata), bp=_n(aturan.bobot_perilaku), h=_n(bagian_perilaku)
        ),
        _("Nilai prestasi kerja = {a} + {b} = {n} ({s})").format(
            a=_n(bagian_skp), b=_n(bagian_perilaku), n=_n(nilai), s=sebutan.label
        ),
    ]
    return HasilPrestasiKerjaPP46(
        tuple(langkah),
        tuple(peringatan),
        nilai_skp,
        nilai_aspek,
        sebutan_aspek,
        jumlah,
        pembagi,
        rata,
        bagian_skp,
        bagian_perilaku,
        nilai,
        sebutan,
    )


# --- PP 30/2019 (§5) ---


def predikat_pp30(
    nilai: Angka, inovasi: bool = False, *, aturan: AturanPP30 = _PP30
) -> PredikatPP30:
    """Predikat of Pasal 41 on the capped value; Sangat Baik needs 110 or more and an inovasi."""
    x = bulat2(min(_d(nilai, _("Nilai kinerja")), aturan.nilai_maksimal))
    if inovasi and x >= aturan.batas_sangat_baik:
        return PredikatPP30.SANGAT_BAIK
    for batas, predikat in aturan.batas_predikat:
        if x >= batas:
            return predikat
    return PredikatPP30.SANGAT_KURANG


@dataclass(frozen=True)
class HasilKinerjaPP30(Penjelasan):
    nilai_skp: Decimal  # after the cap of 120
    nilai_perilaku: Decimal
    bobot_skp: Decimal
    bobot_perilaku: Decimal
    nilai: Decimal
    predikat: PredikatPP30

    @property
    def nilai_bulat(self) -> Decimal:
        return bulat2(self.nilai)


def nilai_kinerja_pp30(
    nilai_skp: Angka,
    nilai_perilaku: Angka,
    *,
    penilaian_360: bool = False,
    inovasi: bool = False,
    aturan: AturanPP30 = _PP30,
) -> HasilKinerjaPP30:
    """70% SKP + 30% perilaku, or 60/40 where peers and bawahan give input; values capped at 120."""
    langkah: list[str] = []
    dibatasi: list[Decimal] = []
    for nama, mentah in ((_("Nilai SKP"), nilai_skp), (_("Nilai perilaku"), nilai_perilaku)):
        v = _tidak_negatif(mentah, nama)
        if v > aturan.nilai_maksimal:
            langkah.append(
                _("{nama} {v} dibatasi menjadi {m}.").format(
                    nama=nama, v=_n(v), m=_a(aturan.nilai_maksimal)
                )
            )
            v = aturan.nilai_maksimal
        dibatasi.append(v)
    skp, perilaku = dibatasi
    bobot_skp, bobot_perilaku = aturan.bobot[penilaian_360]
    nilai = bobot_skp * skp + bobot_perilaku * perilaku
    predikat = predikat_pp30(nilai, inovasi, aturan=aturan)
    langkah += [
        _("Bobot {a}% SKP + {b}% perilaku ({alasan})").format(
            a=_a(bobot_skp * SERATUS),
            b=_a(bobot_perilaku * SERATUS),
            alasan=_("dengan penilaian rekan kerja dan bawahan")
            if penilaian_360
            else _("tanpa penilaian rekan kerja dan bawahan"),
        ),
        _("Nilai kinerja = {s} × {bs} + {p} × {bp} = {n} ({pred})").format(
            s=_n(skp),
            bs=_n(bobot_skp),
            p=_n(perilaku),
            bp=_n(bobot_perilaku),
            n=_n(nilai),
            pred=predikat.label,
        ),
    ]
    return HasilKinerjaPP30(
        tuple(langkah), (), skp, perilaku, bobot_skp, bobot_perilaku, nilai, predikat
    )


# --- Angka kredit for jabatan fungsional (§2.9.7) ---


@dataclass(frozen=True)
class HasilAngkaKredit(Penjelasan):
    predikat: Predikat
    persen: Decimal
    koefisien: Decimal
    bulan: int
    nilai: Decimal  # full precision

    @property
    def nilai_bulat(self) -> Decimal:
        """Three decimals (12,5 × 75% = 9,375), ROUND_HALF_UP."""
        return self.nilai.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def angka_kredit(
    predikat: Predikat | str,
    koefisien: Angka,
    bulan: int = 12,
    *,
    aturan: AturanPermenPANRB6 = _PERMEN,
) -> HasilAngkaKredit:
    """AK = (bulan/12) × %predikat × koefisien tahunan; koefisien as a number or a jenjang name."""
    pred = Predikat.dari(predikat)
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise ValueError(_("Jumlah bulan penilaian harus antara 1 dan 12."))
    jenjang = {k.lower(): v for k, v in aturan.koefisien_angka_kredit.items()}
    if isinstance(koefisien, str) and koefisien.strip().lower() in jenjang:
        k = jenjang[koefisien.strip().lower()]
    else:
        k = _d(koefisien, _("Koefisien angka kredit"))
    if k <= 0:
        raise ValueError(_("Koefisien angka kredit harus lebih dari 0."))
    persen = aturan.persen_angka_kredit[pred]
    nilai = Decimal(bulan) * persen * k / (12 * SERATUS)
    langkah = (
        _("Predikat {p} → {persen}% dari koefisien tahunan {k}").format(
            p=pred.label, persen=_a(persen), k=_a(k)
        ),
        _("Angka kredit = ({b} / 12) × {persen}% × {k} = {n}").format(
            b=bulan, persen=_a(persen), k=_a(k), n=angka(nilai, 3)
        ),
    )
    return HasilAngkaKredit(langkah, (), pred, persen, k, bulan, nilai)
