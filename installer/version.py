"""The version of skpdesk in the forms the build needs: PEP 440, Windows four-part, NSIS defines.

``python installer/version.py`` prints the NSIS defines (``-DVERSION=… -DVERSION_WIN=…``),
``--plain`` the version alone;
the PyInstaller spec writes ``windows_version_file()`` for the executable's version resource.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLISHER = "skpdesk"
DESCRIPTION = "skpdesk - Sasaran Kinerja Pegawai"
COPYRIGHT = "GPL-3.0-or-later"


def version() -> str:
    """Read ``__version__`` without importing the package (no Qt, no venv needed)."""
    text = (ROOT / "src" / "skpdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("__version__ not found in src/skpdesk/__init__.py")
    return match.group(1)


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0); a pre-release such as ``0.2.0rc1`` keeps its numeric part."""
    numbers = [int(n) for n in re.findall(r"\d+", text.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def windows_version_file(text: str | None = None) -> str:
    """The VS_VERSIONINFO resource of skpdesk.exe, in PyInstaller's version-file syntax.

    Written as text because PyInstaller's version classes only import on Windows; the spec
    saves it under build/ and passes the path (Explorer → Properties → Details shows it).
    """
    text = text or version()
    numbers = version_tuple(text)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": DESCRIPTION,
        "FileVersion": text,
        "InternalName": "skpdesk",
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": "skpdesk.exe",
        "ProductName": "skpdesk",
        "ProductVersion": text,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0409 English (US), code page 1200 (Unicode): what Explorer looks up first.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
{table}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""


def main(argv: list[str]) -> int:
    text = version()
    if argv[1:] == ["--plain"]:  # for file names and the tag check in the Windows workflow
        print(text)
        return 0
    win = ".".join(str(n) for n in version_tuple(text))
    print(f"-DVERSION={text} -DVERSION_WIN={win}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
