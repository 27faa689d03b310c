"""The UI translations with Babel: extract the ``_()`` texts, update the catalogues, compile.

    python scripts/terjemahan.py update    # src -> resources/locale/skpdesk.pot -> each .po
    python scripts/terjemahan.py compile   # each .po -> its .mo (make run/test/bundle, the spec)

Only the build needs Babel; at run time the standard library's gettext reads the .mo.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "skpdesk"
POT = LOCALE / f"{DOMAIN}.pot"


def _pybabel(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT
    )


def update() -> None:
    _pybabel(
        "extract", "-k", "_", "--no-default-keywords", "--no-location", "--no-wrap",
        "--project", DOMAIN, "--copyright-holder", "skpdesk",
        "-o", str(POT), "src/skpdesk",
    )
    _pybabel(
        "update", "-D", DOMAIN, "-i", str(POT), "-d", str(LOCALE), "--no-wrap",
        "--ignore-obsolete", "--no-fuzzy-matching",
    )


def compile_all() -> list[Path]:
    """Compile every catalogue; returns the .mo files."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    made = []
    for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parts[-3])
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalog)
        made.append(mo)
    return made


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
        return 0
    if argv == ["compile"]:
        for mo in compile_all():
            print(f"compiled {mo.relative_to(ROOT)}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
