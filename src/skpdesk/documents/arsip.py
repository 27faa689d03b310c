"""Making documents: build the context, pick and check the template, render, and archive."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from skpdesk.documents import registri as jenis_mod
from skpdesk.documents import templat as templat_mod
from skpdesk.documents.render import HasilRender, render
from skpdesk.services import dokumen as dokumen_service
from skpdesk.services import kantor, verifikasi
from skpdesk.services.context import Aktor
from skpdesk.services.errors import LayananError
from skpdesk.store.models import Dokumen


def _kertas_dan_logo() -> tuple[str, bytes | None]:
    setting = kantor.pengaturan()
    return setting.ukuran_kertas or "A4", bytes(setting.logo) if setting.logo else None


def render_rekaman(
    kode: str,
    record_id: uuid.UUID,
    *,
    tanggal: dt.date | None = None,
    kode_arsip: str = "",
) -> tuple[HasilRender, dict]:
    """Render one record's document without archiving it (preview, ``skpdesk render``).

    Refuses (``verifikasi.IsiBerubah``) a record whose content differs from its signed history.
    """
    kind = jenis_mod.jenis(kode)
    rekaman = kind.rekaman(record_id)  # refuses a record this kind does not print, before any work
    # Never print what was changed outside the application: the paper would carry it as signed.
    for entitas, rid in rekaman.sumber:
        verifikasi.wajib_utuh(entitas, rid)
    context = kind.bangun(record_id, tanggal=tanggal, kode_arsip=kode_arsip)
    chosen = templat_mod.pilih(kind.templat(context), kind.contoh)
    ukuran, logo = _kertas_dan_logo()
    return render(chosen, context, ukuran_kertas=ukuran, logo=logo), context


@dataclass(frozen=True)
class HasilDokumen:
    dokumen: Dokumen
    path: Path
    peringatan: list[str] = field(default_factory=list)  # e.g. the office template refused


def buat_dokumen(
    aktor: Aktor, kode: str, record_id: uuid.UUID, *, tanggal: dt.date | None = None
) -> HasilDokumen:
    """Generate one document and file it in the archive (row, SHA-256, history)."""
    kind = jenis_mod.jenis(kode)
    rekaman = kind.rekaman(record_id)
    # Before the work, not only after; an office's report checks its chain instead of an SKP.
    dokumen_service.periksa_hak_rekaman(aktor, rekaman.entitas, rekaman.id, rekaman.skp_id)
    dokumen_id = uuid.uuid4()
    hasil, context = render_rekaman(
        kode, record_id, tanggal=tanggal, kode_arsip=str(dokumen_id)[:8]
    )
    dok = dokumen_service.simpan_dokumen(
        aktor,
        jenis=kode,
        skp_id=rekaman.skp_id,
        isi=hasil.isi,
        versi_data=rekaman.versi,
        entitas=rekaman.entitas,
        entitas_id=rekaman.id,
        periode=rekaman.periode,
        ukuran_kertas=_kertas_dan_logo()[0],
        templat=hasil.templat.label,
        data_cetak=context,
        dokumen_id=dokumen_id,
    )
    return HasilDokumen(dok, dokumen_service.path_berkas(dok.path), hasil.peringatan)


@dataclass(frozen=True)
class Kemajuan:
    """One step of a batch, for a progress bar: ``selesai`` of ``jumlah`` done."""

    selesai: int
    jumlah: int
    record_id: uuid.UUID
    hasil: HasilDokumen | None = None
    galat: str = ""  # why this one failed; the batch goes on


def buat_massal(
    aktor: Aktor,
    kode: str,
    record_ids: Iterable[uuid.UUID],
    *,
    tanggal: dt.date | None = None,
    batal: Callable[[], bool] = lambda: False,
) -> Iterator[Kemajuan]:
    """Generate a batch one by one, yielding after each; stop by ``batal()`` or by closing.

    Meant for a worker thread behind a progress bar: what is done stays done and archived,
    and a record that fails is reported and skipped.
    """
    ids = list(record_ids)
    for n, record_id in enumerate(ids, start=1):
        if batal():
            return
        try:
            result = buat_dokumen(aktor, kode, record_id, tanggal=tanggal)
        except (LayananError, templat_mod.TemplatTidakAda) as exc:
            yield Kemajuan(n, len(ids), record_id, galat=str(exc))
            continue
        yield Kemajuan(n, len(ids), record_id, hasil=result)
