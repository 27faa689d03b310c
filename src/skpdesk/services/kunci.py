"""Keys: each account's Ed25519 signing key, the office key, and how they are kept.

- A private key is kept encrypted (``bungkus``): a key derived from the account's password by
  argon2id encrypts it with ChaCha20-Poly1305. It is decrypted only in memory, at login.
- The office key belongs to the pengadministrasi kepegawaian: it signs system rows, office
  packages and the certificates of the accounts' public keys (``sahkan``). A key without the
  office's certificate is not trusted by another laptop.
- Public keys live in ``KunciPublik``, named by their fingerprint (``sidik``).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, TimeoutError
from dataclasses import dataclass, field
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from skpdesk.i18n import _
from skpdesk.store import isi as isi_mod
from skpdesk.store.models import Akun, KunciPublik

JENIS_AKUN = "AKUN"
JENIS_KANTOR = "KANTOR"

# argon2id parameters for new keys (argon2-cffi's defaults: about 0.1–0.2 s). Each wrapped key
# records its own, so tests can swap in cheap ones.
KDF = {"t": 3, "m": 65536, "p": 4}


class KunciRusak(Exception):
    """A wrapped key that the password does not open (wrong password or altered data)."""


def _raw(pub: Ed25519PublicKey) -> bytes:
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sidik_dari(publik: bytes) -> str:
    return isi_mod.sha256(publik)


@dataclass(frozen=True)
class KunciTerbuka:
    """A private key open in memory; it signs (``store.segel.Penanda``)."""

    rahasia: Ed25519PrivateKey = field(repr=False)

    @property
    def publik(self) -> bytes:
        return _raw(self.rahasia.public_key())

    @property
    def sidik(self) -> str:
        return sidik_dari(self.publik)

    def tandatangani(self, data: bytes) -> bytes:
        return self.rahasia.sign(data)


def baru() -> KunciTerbuka:
    return KunciTerbuka(Ed25519PrivateKey.generate())


def benar(publik_hex: str, tanda_tangan_hex: str | None, data: bytes) -> bool:
    """Whether ``tanda_tangan`` is this public key's signature of ``data``."""
    if not tanda_tangan_hex:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(publik_hex)).verify(
            bytes.fromhex(tanda_tangan_hex), data
        )
    except (InvalidSignature, ValueError):
        return False
    return True


POTONGAN = 2000  # signatures per task: small enough to stop soon when asked


def benar_banyak(items: Sequence[tuple[str, str | None, bytes]], *, pekerja: int = 1,
                 batal: Callable[[], bool] = lambda: False) -> list[bool] | None:
    """Many signatures (public key hex, signature hex, data), in order; on ``pekerja`` threads
    at once, since OpenSSL verifies without holding Python's GIL (the caller only waits, so
    nothing competes with them for it). None when ``batal`` says stop."""
    chunks = [items[i : i + POTONGAN] for i in range(0, len(items), POTONGAN)]
    if pekerja <= 1 or len(chunks) <= 1:
        out: list[bool] = []
        for chunk in chunks:
            if batal():
                return None
            out.extend(_benar_potongan(chunk))
        return out
    with ThreadPoolExecutor(max_workers=pekerja, thread_name_prefix="ed25519") as pool:
        futures = [pool.submit(_benar_potongan, chunk) for chunk in chunks]
        out = []
        for future in futures:
            while True:
                if batal():
                    pool.shutdown(wait=True, cancel_futures=True)
                    return None
                try:
                    out.extend(future.result(timeout=0.2))
                    break
                except TimeoutError:
                    continue
        return out


def _benar_potongan(items: Sequence[tuple[str, str | None, bytes]]) -> list[bool]:
    loaded: dict[str, Ed25519PublicKey | None] = {}
    out = []
    for publik, signature, data in items:
        key = loaded.get(publik, False)
        if key is False:
            try:
                key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(publik))
            except ValueError:
                key = None
            loaded[publik] = key
        if key is None or not signature:
            out.append(False)
            continue
        try:
            key.verify(bytes.fromhex(signature), data)
        except (InvalidSignature, ValueError):
            out.append(False)
            continue
        out.append(True)
    return out


# --- keeping a private key under a password ---------------------------------------------------


@dataclass(frozen=True)
class KunciSandi:
    """A key derived from a password with one salt: reusable for several keys of one person
    (or the demo office's many accounts that share one password)."""

    garam: bytes
    kdf: dict[str, int]
    kek: bytes = field(repr=False)


def turunkan(sandi: str, garam: bytes | None = None, kdf: dict[str, int] | None = None
             ) -> KunciSandi:
    garam = os.urandom(16) if garam is None else garam
    kdf = dict(KDF if kdf is None else kdf)
    kek = hash_secret_raw(sandi.encode(), garam, time_cost=kdf["t"], memory_cost=kdf["m"],
                          parallelism=kdf["p"], hash_len=32, type=Type.ID)
    return KunciSandi(garam, kdf, kek)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def bungkus(kunci: KunciTerbuka, sandi: KunciSandi) -> dict[str, Any]:
    """The private key encrypted under the password key, as stored in ``Akun``."""
    nonce = os.urandom(12)
    raw = kunci.rahasia.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    sealed = ChaCha20Poly1305(sandi.kek).encrypt(nonce, raw, kunci.sidik.encode())
    return {
        "kdf": "argon2id", **sandi.kdf, "garam": _b64(sandi.garam), "nonce": _b64(nonce),
        "isi": _b64(sealed), "sidik": kunci.sidik,
    }


def kunci_sandi_untuk(blob: dict[str, Any], sandi: str) -> KunciSandi:
    return turunkan(sandi, base64.b64decode(blob["garam"]),
                    {"t": blob["t"], "m": blob["m"], "p": blob["p"]})


def buka(blob: dict[str, Any], sandi: KunciSandi) -> KunciTerbuka:
    """Open a wrapped key; KunciRusak when the password or the data is wrong."""
    if base64.b64decode(blob["garam"]) != sandi.garam:
        raise KunciRusak(_("Kunci ini dibungkus dengan garam lain."))
    try:
        raw = ChaCha20Poly1305(sandi.kek).decrypt(
            base64.b64decode(blob["nonce"]), base64.b64decode(blob["isi"]),
            blob["sidik"].encode(),
        )
    except (InvalidTag, KeyError, ValueError) as exc:
        raise KunciRusak(_("Kunci tanda tangan tidak dapat dibuka.")) from exc
    kunci = KunciTerbuka(Ed25519PrivateKey.from_private_bytes(raw))
    if kunci.sidik != blob["sidik"]:
        raise KunciRusak(_("Kunci tanda tangan tidak cocok dengan sidiknya."))
    return kunci


# --- public keys and their certificates ---------------------------------------------------------


def isi_sertifikat(k: KunciPublik) -> bytes:
    """What the office signs to vouch for a key: whose it is and the key itself."""
    return isi_mod.kanonik({
        "sidik": k.sidik, "jenis": k.jenis, "publik": k.publik,
        "akun": None if k.akun_id is None else str(k.akun_id),
    })


def kunci_kantor() -> KunciPublik | None:
    """The office's public key: the first one this database learnt."""
    return (KunciPublik.select().where(KunciPublik.jenis == JENIS_KANTOR)
            .order_by(KunciPublik.dibuat).first())


def daftarkan(kunci: KunciTerbuka, jenis: str, akun: Akun | None,
              kantor: KunciTerbuka | None) -> KunciPublik:
    """Record a public key, certified by the office key when it is at hand."""
    row = KunciPublik.get_or_none(KunciPublik.sidik == kunci.sidik)
    if row is None:
        row = KunciPublik.create(sidik=kunci.sidik, jenis=jenis, akun=akun,
                                 publik=kunci.publik.hex())
    if kantor is not None and row.sertifikat is None:
        sahkan(row, kantor)
    return row


def sahkan(row: KunciPublik, kantor: KunciTerbuka) -> None:
    # The office key vouches for itself too, so that every key is checked the same way.
    row.sertifikat = kantor.tandatangani(isi_sertifikat(row)).hex()
    row.save()


def tersertifikasi(row: KunciPublik, kantor: KunciPublik | None) -> bool:
    return kantor is not None and benar(kantor.publik, row.sertifikat, isi_sertifikat(row))
