"""Rule sets per regime (docs/domain.md §2.9, §4, §5): labels, matrix, weights, bands as data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Self

from skpdesk.i18n import _


def _kunci(text: str) -> str:
    # Labels arrive typed, printed ("DIATAS EKSPEKTASI") or as enum values; compare them bare.
    return "".join(ch for ch in text.upper() if ch.isalnum())


class _BerLabel(StrEnum):
    """An enum whose members can also be named by their Indonesian label."""

    @property
    def label(self) -> str:
        raise NotImplementedError

    def _alias(self) -> tuple[str, ...]:
        return ()

    @classmethod
    def dari(cls, nilai: Self | str) -> Self:
        """The member for an enum value, its label or a known alias; ``ValueError`` otherwise."""
        if isinstance(nilai, cls):
            return nilai
        if isinstance(nilai, str):
            wanted = _kunci(nilai)
            for member in cls:
                names = (member.value, member.label, *member._alias())
                if wanted in {_kunci(n) for n in names}:
                    return member
        raise ValueError(
            _("Nilai '{nilai}' tidak dikenal; pilihan: {pilihan}.").format(
                nilai=nilai, pilihan=", ".join(m.label for m in cls)
            )
        )


class Regime(_BerLabel):
    PERMENPANRB_6_2022 = "PERMENPANRB_6_2022"
    PP_30_2019 = "PP_30_2019"
    PP_46_2011 = "PP_46_2011"

    @property
    def label(self) -> str:
        return {
            Regime.PERMENPANRB_6_2022: _("PermenPANRB 6/2022"),
            Regime.PP_30_2019: _("PP 30/2019"),
            Regime.PP_46_2011: _("PP 46/2011"),
        }[self]


REGIME_BAWAAN = Regime.PERMENPANRB_6_2022


def adalah_pp46(regime: Regime | str | None) -> bool:
    """Is a record kept under the legacy PP 46/2011 rules (kegiatan, not RHK; docs/domain.md §4)?

    The one question every service and document asks of a stored ``regime``.
    """
    return regime == Regime.PP_46_2011


class Rating(_BerLabel):
    """Rating hasil kerja and rating perilaku kerja (§2.9.1)."""

    DI_ATAS_EKSPEKTASI = "DI_ATAS_EKSPEKTASI"
    SESUAI_EKSPEKTASI = "SESUAI_EKSPEKTASI"
    DI_BAWAH_EKSPEKTASI = "DI_BAWAH_EKSPEKTASI"

    @property
    def label(self) -> str:
        return {
            Rating.DI_ATAS_EKSPEKTASI: _("Di Atas Ekspektasi"),
            Rating.SESUAI_EKSPEKTASI: _("Sesuai Ekspektasi"),
            Rating.DI_BAWAH_EKSPEKTASI: _("Di Bawah Ekspektasi"),
        }[self]

    @property
    def label_cetak(self) -> str:
        """As the forms print it: "DIATAS EKSPEKTASI"."""
        return {
            Rating.DI_ATAS_EKSPEKTASI: "DIATAS EKSPEKTASI",
            Rating.SESUAI_EKSPEKTASI: "SESUAI EKSPEKTASI",
            Rating.DI_BAWAH_EKSPEKTASI: "DIBAWAH EKSPEKTASI",
        }[self]

    def _alias(self) -> tuple[str, ...]:
        return {
            Rating.DI_ATAS_EKSPEKTASI: ("Atas",),
            Rating.SESUAI_EKSPEKTASI: ("Sesuai",),
            Rating.DI_BAWAH_EKSPEKTASI: ("Bawah",),
        }[self]


class Predikat(_BerLabel):
    """Predikat kinerja pegawai (§2.9.3)."""

    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG_MISCONDUCT = "KURANG_MISCONDUCT"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def label(self) -> str:
        return {
            Predikat.SANGAT_BAIK: _("Sangat Baik"),
            Predikat.BAIK: _("Baik"),
            Predikat.BUTUH_PERBAIKAN: _("Butuh Perbaikan"),
            Predikat.KURANG_MISCONDUCT: _("Kurang/Misconduct"),
            Predikat.SANGAT_KURANG: _("Sangat Kurang"),
        }[self]

    @property
    def label_cetak(self) -> str:
        """As the dokumen evaluasi lists it: SANGAT BAIK/ BAIK/ BUTUH PERBAIKAN/ KURANG/ …"""
        return {
            Predikat.SANGAT_BAIK: "SANGAT BAIK",
            Predikat.BAIK: "BAIK",
            Predikat.BUTUH_PERBAIKAN: "BUTUH PERBAIKAN",
            Predikat.KURANG_MISCONDUCT: "KURANG",
            Predikat.SANGAT_KURANG: "SANGAT KURANG",
        }[self]

    def _alias(self) -> tuple[str, ...]:
        return {
            Predikat.BUTUH_PERBAIKAN: ("Cukup", "Butuh Perbaikan/Cukup"),
            Predikat.KURANG_MISCONDUCT: ("Kurang", "Misconduct"),
        }.get(self, ())


# The x axis of the kurva distribusi, left to right (§2.9.5).
URUTAN_KURVA: tuple[Predikat, ...] = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG_MISCONDUCT,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)


class CapaianOrganisasi(_BerLabel):
    """Capaian kinerja organisasi set per unit per period by the leader above (§2.9.5)."""

    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def label(self) -> str:
        return {
            CapaianOrganisasi.ISTIMEWA: _("Istimewa"),
            CapaianOrganisasi.BAIK: _("Baik"),
            CapaianOrganisasi.BUTUH_PERBAIKAN: _("Butuh Perbaikan/Cukup"),
            CapaianOrganisasi.KURANG: _("Kurang"),
            CapaianOrganisasi.SANGAT_KURANG: _("Sangat Kurang"),
        }[self]

    def _alias(self) -> tuple[str, ...]:
        return ("Butuh Perbaikan", "Cukup") if self is CapaianOrganisasi.BUTUH_PERBAIKAN else ()


class JenisBatas(StrEnum):
    MAKSIMAL = "MAKSIMAL"  # "paling banyak x%": floor(n·x)
    MINIMAL = "MINIMAL"  # "paling sedikit x%": ceil(n·x)
    HARUS_ADA = "HARUS_ADA"  # "harus ada": at least one
    TIDAK_BOLEH = "TIDAK_BOLEH"  # "tidak ada": none


@dataclass(frozen=True)
class AturanDistribusi:
    """One rule of the pola distribusi: the share of ``predikat`` (together) in the unit."""

    predikat: frozenset[Predikat]
    jenis: JenisBatas
    persen: Decimal = Decimal(0)


class SebutanPP46(_BerLabel):
    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    CUKUP = "CUKUP"
    KURANG = "KURANG"
    BURUK = "BURUK"

    @property
    def label(self) -> str:
        return {
            SebutanPP46.SANGAT_BAIK: _("Sangat Baik"),
            SebutanPP46.BAIK: _("Baik"),
            SebutanPP46.CUKUP: _("Cukup"),
            SebutanPP46.KURANG: _("Kurang"),
            SebutanPP46.BURUK: _("Buruk"),
        }[self]


class PredikatPP30(_BerLabel):
    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    CUKUP = "CUKUP"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def label(self) -> str:
        return {
            PredikatPP30.SANGAT_BAIK: _("Sangat Baik"),
            PredikatPP30.BAIK: _("Baik"),
            PredikatPP30.CUKUP: _("Cukup"),
            PredikatPP30.KURANG: _("Kurang"),
            PredikatPP30.SANGAT_KURANG: _("Sangat Kurang"),
        }[self]


class KebijakanBatas(_BerLabel):
    """How a non-integer between two statutory bands is classified (§4.2, an office setting)."""

    BATAS_BAWAH_INKLUSIF = "BATAS_BAWAH_INKLUSIF"  # default: x ≥ 91 Sangat Baik, 90,50 Baik
    BATAS_ATAS_INKLUSIF = "BATAS_ATAS_INKLUSIF"  # x > 90 Sangat Baik, 90,50 Sangat Baik

    @property
    def label(self) -> str:
        return {
            KebijakanBatas.BATAS_BAWAH_INKLUSIF: _("Batas bawah inklusif (≥ 91 Sangat Baik)"),
            KebijakanBatas.BATAS_ATAS_INKLUSIF: _("Batas atas inklusif (> 90 Sangat Baik)"),
        }[self]


@dataclass(frozen=True)
class Pita:
    """One statutory band as written: "76 – 90: Baik" is Pita(76, 90, BAIK); open ends are None."""

    bawah: Decimal | None
    atas: Decimal | None
    sebutan: SebutanPP46


class AspekPerilakuPP46(_BerLabel):
    ORIENTASI_PELAYANAN = "ORIENTASI_PELAYANAN"
    INTEGRITAS = "INTEGRITAS"
    KOMITMEN = "KOMITMEN"
    DISIPLIN = "DISIPLIN"
    KERJA_SAMA = "KERJA_SAMA"
    KEPEMIMPINAN = "KEPEMIMPINAN"

    @property
    def label(self) -> str:
        return {
            AspekPerilakuPP46.ORIENTASI_PELAYANAN: _("Orientasi Pelayanan"),
            AspekPerilakuPP46.INTEGRITAS: _("Integritas"),
            AspekPerilakuPP46.KOMITMEN: _("Komitmen"),
            AspekPerilakuPP46.DISIPLIN: _("Disiplin"),
            AspekPerilakuPP46.KERJA_SAMA: _("Kerja Sama"),
            AspekPerilakuPP46.KEPEMIMPINAN: _("Kepemimpinan"),
        }[self]


class TingkatKreativitas(_BerLabel):
    UNIT_KERJA = "UNIT_KERJA"
    ORGANISASI = "ORGANISASI"
    NASIONAL = "NASIONAL"

    @property
    def label(self) -> str:
        return {
            TingkatKreativitas.UNIT_KERJA: _("Bermanfaat bagi unit kerja"),
            TingkatKreativitas.ORGANISASI: _("Bermanfaat bagi organisasi"),
            TingkatKreativitas.NASIONAL: _("Bermanfaat bagi negara"),
        }[self]


def _beku(mapping: Mapping) -> Mapping:  # type: ignore[type-arg]
    return MappingProxyType(dict(mapping))


D = Decimal
R = Rating
PK = Predikat
CO = CapaianOrganisasi


@dataclass(frozen=True)
class AturanPermenPANRB6:
    """PermenPANRB 6/2022 with SE MenPANRB 3/2023 and Peraturan BKN 3/2023."""

    regime: Regime
    nama: str
    # (rating hasil kerja, rating perilaku) → predikat, §2.9.3
    matriks: Mapping[tuple[Rating, Rating], Predikat]
    pola_distribusi: Mapping[CapaianOrganisasi, tuple[AturanDistribusi, ...]]
    # §2.9.7: share of the annual koefisien earned per predikat
    persen_angka_kredit: Mapping[Predikat, Decimal]
    # §2.9.7, [M]: annual koefisien per jenjang jabatan fungsional
    koefisien_angka_kredit: Mapping[str, Decimal]
    # §2.9.2 [L], configurable: a unit head's rating hasil kerja from the unit's capaian
    rating_pimpinan: Mapping[CapaianOrganisasi, Rating]


@dataclass(frozen=True)
class AturanPP30:
    """PP 30/2019 Pasal 41 (§5)."""

    regime: Regime
    nama: str
    # with 360° input (peer and bawahan) → (bobot SKP, bobot perilaku)
    bobot: Mapping[bool, tuple[Decimal, Decimal]]
    nilai_maksimal: Decimal
    # lowest value of each predikat, best first; Sangat Baik also needs an inovasi
    batas_predikat: tuple[tuple[Decimal, PredikatPP30], ...]
    batas_sangat_baik: Decimal


@dataclass(frozen=True)
class AturanPP46:
    """PP 46/2011 with Perka BKN 1/2013 (§4)."""

    regime: Regime
    nama: str
    pita: tuple[Pita, ...]  # best first, as the statute lists them
    faktor_efisiensi: Decimal  # the "1,76" of the waktu and biaya formulas
    batas_efisiensi: Decimal  # 24: ≤ takes the first branch
    nilai_efisiensi_dasar: Decimal  # the "76" of the second branch
    # (fewest tugas tambahan, nilai), highest first
    tugas_tambahan: tuple[tuple[int, Decimal], ...]
    kreativitas: Mapping[TingkatKreativitas, Decimal]
    bobot_skp: Decimal
    bobot_perilaku: Decimal
    aspek_perilaku: tuple[AspekPerilakuPP46, ...]
    aspek_struktural: frozenset[AspekPerilakuPP46]  # scored for pejabat struktural only
    kebijakan_batas: KebijakanBatas = field(default=KebijakanBatas.BATAS_BAWAH_INKLUSIF)


PERMENPANRB_6_2022 = AturanPermenPANRB6(
    regime=Regime.PERMENPANRB_6_2022,
    nama=_("PermenPANRB 6/2022 tentang Pengelolaan Kinerja Pegawai ASN"),
    matriks=_beku(
        {
            (R.DI_ATAS_EKSPEKTASI, R.DI_ATAS_EKSPEKTASI): PK.SANGAT_BAIK,
            (R.DI_ATAS_EKSPEKTASI, R.SESUAI_EKSPEKTASI): PK.BAIK,
            (R.DI_ATAS_EKSPEKTASI, R.DI_BAWAH_EKSPEKTASI): PK.KURANG_MISCONDUCT,
            (R.SESUAI_EKSPEKTASI, R.DI_ATAS_EKSPEKTASI): PK.BAIK,
            (R.SESUAI_EKSPEKTASI, R.SESUAI_EKSPEKTASI): PK.BAIK,
            (R.SESUAI_EKSPEKTASI, R.DI_BAWAH_EKSPEKTASI): PK.KURANG_MISCONDUCT,
            (R.DI_BAWAH_EKSPEKTASI, R.DI_ATAS_EKSPEKTASI): PK.BUTUH_PERBAIKAN,
            (R.DI_BAWAH_EKSPEKTASI, R.SESUAI_EKSPEKTASI): PK.BUTUH_PERBAIKAN,
            (R.DI_BAWAH_EKSPEKTASI, R.DI_BAWAH_EKSPEKTASI): PK.SANGAT_KURANG,
        }
    ),
    # "Sebagian besar" in the SE accompanies the cap; only the stated percentages are checked.
    pola_distribusi=_beku(
        {
            CO.ISTIMEWA: (
                AturanDistribusi(frozenset({PK.SANGAT_BAIK}), JenisBatas.MAKSIMAL, D(70)),
            ),
            CO.BAIK: (
                AturanDistribusi(frozenset({PK.BAIK}), JenisBatas.MAKSIMAL, D(70)),
                AturanDistribusi(
                    frozenset({PK.BUTUH_PERBAIKAN, PK.KURANG_MISCONDUCT}), JenisBatas.HARUS_ADA
                ),
            ),
            CO.BUTUH_PERBAIKAN: (
                AturanDistribusi(frozenset({PK.BUTUH_PERBAIKAN}), JenisBatas.MINIMAL, D(60)),
                AturanDistribusi(frozenset({PK.SANGAT_BAIK}), JenisBatas.MAKSIMAL, D(10)),
            ),
            CO.KURANG: (
                AturanDistribusi(frozenset({PK.KURANG_MISCONDUCT}), JenisBatas.MINIMAL, D(60)),
                AturanDistribusi(frozenset({PK.BUTUH_PERBAIKAN}), JenisBatas.MINIMAL, D(10)),
                AturanDistribusi(frozenset({PK.SANGAT_BAIK}), JenisBatas.MAKSIMAL, D(10)),
            ),
            CO.SANGAT_KURANG: (
                AturanDistribusi(frozenset({PK.SANGAT_KURANG}), JenisBatas.MINIMAL, D(60)),
                AturanDistribusi(
                    frozenset({PK.KURANG_MISCONDUCT, PK.BUTUH_PERBAIKAN}), JenisBatas.MINIMAL, D(10)
                ),
                AturanDistribusi(frozenset({PK.SANGAT_BAIK}), JenisBatas.TIDAK_BOLEH),
            ),
        }
    ),
    persen_angka_kredit=_beku(
        {
            PK.SANGAT_BAIK: D(150),
            PK.BAIK: D(100),
            PK.BUTUH_PERBAIKAN: D(75),
            PK.KURANG_MISCONDUCT: D(50),
            PK.SANGAT_KURANG: D(25),
        }
    ),
    koefisien_angka_kredit=_beku(
        {
            "Pemula": D("3.75"),
            "Terampil": D(5),
            "Mahir": D("12.5"),
            "Penyelia": D(25),
            "Ahli Pertama": D("12.5"),
            "Ahli Muda": D(25),
            "Ahli Madya": D("37.5"),
            "Ahli Utama": D(50),
        }
    ),
    rating_pimpinan=_beku(
        {
            CO.ISTIMEWA: R.DI_ATAS_EKSPEKTASI,
            CO.BAIK: R.SESUAI_EKSPEKTASI,
            CO.BUTUH_PERBAIKAN: R.DI_BAWAH_EKSPEKTASI,
            CO.KURANG: R.DI_BAWAH_EKSPEKTASI,
            CO.SANGAT_KURANG: R.DI_BAWAH_EKSPEKTASI,
        }
    ),
)

PP_30_2019 = AturanPP30(
    regime=Regime.PP_30_2019,
    nama=_("PP 30/2019 tentang Penilaian Kinerja PNS"),
    bobot=_beku({False: (D("0.70"), D("0.30")), True: (D("0.60"), D("0.40"))}),
    nilai_maksimal=D(120),
    batas_predikat=(
        (D(90), PredikatPP30.BAIK),
        (D(70), PredikatPP30.CUKUP),
        (D(50), PredikatPP30.KURANG),
    ),
    batas_sangat_baik=D(110),
)

PP_46_2011 = AturanPP46(
    regime=Regime.PP_46_2011,
    nama=_("PP 46/2011 tentang Penilaian Prestasi Kerja PNS (Perka BKN 1/2013)"),
    pita=(
        Pita(D(91), None, SebutanPP46.SANGAT_BAIK),
        Pita(D(76), D(90), SebutanPP46.BAIK),
        Pita(D(61), D(75), SebutanPP46.CUKUP),
        Pita(D(51), D(60), SebutanPP46.KURANG),
        Pita(None, D(50), SebutanPP46.BURUK),
    ),
    faktor_efisiensi=D("1.76"),
    batas_efisiensi=D(24),
    nilai_efisiensi_dasar=D(76),
    tugas_tambahan=((7, D(3)), (4, D(2)), (1, D(1)), (0, D(0))),
    kreativitas=_beku(
        {
            TingkatKreativitas.UNIT_KERJA: D(3),
            TingkatKreativitas.ORGANISASI: D(6),
            TingkatKreativitas.NASIONAL: D(12),
        }
    ),
    bobot_skp=D("0.60"),
    bobot_perilaku=D("0.40"),
    aspek_perilaku=tuple(AspekPerilakuPP46),
    aspek_struktural=frozenset({AspekPerilakuPP46.KEPEMIMPINAN}),
)

Aturan = AturanPermenPANRB6 | AturanPP30 | AturanPP46

ATURAN: Mapping[Regime, Aturan] = _beku(
    {
        Regime.PERMENPANRB_6_2022: PERMENPANRB_6_2022,
        Regime.PP_30_2019: PP_30_2019,
        Regime.PP_46_2011: PP_46_2011,
    }
)


def aturan(regime: Regime | str = REGIME_BAWAAN) -> Aturan:
    """The rule set of a regime; a clear ``ValueError`` for an unknown one."""
    try:
        return ATURAN[Regime.dari(regime)]
    except ValueError:
        raise ValueError(
            _("Regime penilaian '{regime}' tidak dikenal; pilihan: {pilihan}.").format(
                regime=regime, pilihan=", ".join(r.value for r in Regime)
            )
        ) from None
