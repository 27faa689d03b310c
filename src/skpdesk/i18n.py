"""One translation hook for every layer: UI text and service messages are wrapped in ``_()``."""

from __future__ import annotations

import gettext

_translation: gettext.NullTranslations = gettext.NullTranslations()


def install(translation: gettext.NullTranslations) -> None:
    """Switch the language of every message produced from now on."""
    global _translation
    _translation = translation


def _(message: str) -> str:
    return _translation.gettext(message)
