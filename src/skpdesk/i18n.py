"""One translation hook for every layer: UI text and service messages are wrapped in ``_()``."""

from __future__ import annotations

import gettext
import logging
from pathlib import Path

# The gettext domain: resources/locale/<bahasa>/LC_MESSAGES/skpdesk.mo
DOMAIN = "skpdesk"
BAHASA_BAWAAN = "id"
# The languages the UI offers, each named in its own language.
BAHASA: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}

log = logging.getLogger(__name__)

_translation: gettext.NullTranslations = gettext.NullTranslations()
# Set by the first ``_()``: texts built at import time (workflow tables) keep the language that
# was installed then, so a start-up that installs the language late can be caught in a test.
dipakai = False


def install(translation: gettext.NullTranslations) -> None:
    """Switch the language of every message produced from now on."""
    global _translation
    _translation = translation


def folder_locale() -> Path:
    from skpdesk.resources import resource_path

    return resource_path("locale")


def muat(bahasa: str, folder: Path | None = None) -> gettext.NullTranslations:
    """The translation of ``bahasa``; Indonesian (the source text) when it is that or missing."""
    if bahasa == BAHASA_BAWAAN or bahasa not in BAHASA:
        return gettext.NullTranslations()
    folder = folder or folder_locale()
    try:
        return gettext.translation(DOMAIN, localedir=str(folder), languages=[bahasa])
    except OSError:
        # A source checkout where the catalogue was not compiled yet: the UI stays usable.
        log.warning("terjemahan %s tidak ada di %s; teks tetap bahasa Indonesia", bahasa, folder)
        return gettext.NullTranslations()


def pasang_bahasa(bahasa: str, folder: Path | None = None) -> None:
    """Install ``bahasa`` for every ``_()`` from now on."""
    install(muat(bahasa, folder))


def _(message: str) -> str:
    global dipakai
    dipakai = True
    return _translation.gettext(message)
