"""The English UI: the catalogue covers every text, the language is chosen, saved, installed."""

from __future__ import annotations

import gettext
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from PySide6.QtWidgets import QDialogButtonBox
from tests.helpers import login_nip
from tests.ui.conftest import CAMAT_NIP

from skpdesk import i18n
from skpdesk.ui import bahasa
from skpdesk.ui.app import create_main_window
from skpdesk.ui.login import LoginDialog

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "skpdesk"
PO_EN = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "skpdesk.po"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _katalog():
    with PO_EN.open("rb") as f:
        return read_po(f, locale="en")


def _msgid_sumber() -> set[str]:
    found = extract_from_dir(
        str(SRC), method_map=[("**.py", "python")], keywords={"_": None}, comment_tags=()
    )
    return {message for _file, _line, message, _comments, _ctx in found if message}


@pytest.fixture
def english(tmp_path: Path):
    """English installed from the catalogue as it is in the tree (compiled here)."""
    folder = tmp_path / "locale"
    mo = folder / "en" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    mo.parent.mkdir(parents=True)
    with mo.open("wb") as f:
        write_mo(f, _katalog())
    i18n.pasang_bahasa("en", folder)
    yield folder
    i18n.install(gettext.NullTranslations())


def test_every_text_in_the_source_has_an_english_translation():
    katalog = _katalog()
    missing = sorted(
        msgid
        for msgid in _msgid_sumber()
        if not (entry := katalog.get(msgid)) or not entry.string or entry.fuzzy
    )
    assert not missing, (
        f"{len(missing)} teks tanpa terjemahan Inggris (jalankan `make terjemahan`, lalu isi "
        f"msgstr di {PO_EN.relative_to(ROOT)}):\n" + "\n".join(missing)
    )


def test_translations_keep_every_placeholder():
    wrong = [
        (m.id, m.string)
        for m in _katalog()
        if m.id
        and m.string
        and set(PLACEHOLDER.findall(m.id)) != set(PLACEHOLDER.findall(m.string))
    ]
    assert not wrong, "\n".join(f"{a!r} -> {b!r}" for a, b in wrong)


def test_login_and_main_window_speak_english(qtbot, demo_admin, english):
    login = LoginDialog()
    qtbot.addWidget(login)
    assert login.windowTitle() == "Log in — skpdesk"
    ok = login.tombol.buttons()
    assert "Log in" in {b.text() for b in ok}

    camat = login_nip(CAMAT_NIP)
    window = create_main_window(camat, "x.db")
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[0].startswith("My SKP")
    assert "My Profile" in titles
    assert window.tombol_keluar.text() == "Switch user"
    assert window.tombol_tentang.text() == "About"


def test_indonesian_is_the_default_and_a_missing_catalogue_falls_back(tmp_path):
    assert bahasa.bahasa_tersimpan() == "id"
    assert isinstance(i18n.muat("id"), gettext.NullTranslations)
    fallback = i18n.muat("en", tmp_path / "nothing")
    assert fallback.gettext("Simpan") == "Simpan"


def test_the_chooser_saves_the_language_and_says_when_it_applies(qtbot):
    chooser = bahasa.PilihBahasa()
    qtbot.addWidget(chooser)
    assert chooser.pilihan.currentData() == "id"
    with qtbot.waitSignal(chooser.bahasa_dipilih) as blocker:
        chooser.pilihan.setCurrentIndex(chooser.pilihan.findData("en"))
    assert blocker.args == ["en"]
    assert bahasa.bahasa_tersimpan() == "en"
    assert "setelah aplikasi dibuka ulang" in chooser.catatan.text()


def test_qt_standard_buttons_follow_the_language(qapp):
    translator = bahasa.pasang_terjemahan_qt(qapp, "en")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


def test_qt_standard_buttons_speak_indonesian_from_our_catalogue(qapp):
    from PySide6.QtWidgets import QMessageBox

    translator = bahasa.pasang_terjemahan_qt(qapp, "id")
    assert translator is not None
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
        )
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
        assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Simpan"
        message = QMessageBox()
        message.setStandardButtons(
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Discard
        )
        texts = {b.text().replace("&", "") for b in message.buttons()}
        assert texts == {"Ya", "Tidak", "Buang"}
    finally:
        qapp.removeTranslator(translator)


def test_the_indonesian_qt_catalogue_is_compiled_from_its_source():
    """resources/locale/qtbase_id.qm must be rebuilt (pyside6-lrelease) when the .ts changes."""
    ts = ROOT / "resources" / "locale" / "qtbase_id.ts"
    qm = ROOT / "resources" / "locale" / "qtbase_id.qm"
    import shutil
    import subprocess
    import tempfile

    # Beside the interpreter in a venv (Scripts\ on Windows, with .exe: which() knows).
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease is not None
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True,
                       capture_output=True)
        assert fresh.read_bytes() == qm.read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="QSettings are kept in the registry there")
def test_the_start_installs_the_language_before_any_text_is_built(tmp_path):
    """The entry module builds no text at import; the tables built at import time by the UI
    modules imported after ``pasang_bahasa_tersimpan`` come out in English."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import terjemahan
    finally:
        sys.path.pop(0)
    terjemahan.compile_all()
    config = tmp_path / "config"
    (config / "skpdesk").mkdir(parents=True)
    (config / "skpdesk" / "skpdesk.conf").write_text("[tampilan]\nbahasa=en\n", encoding="utf-8")
    code = (
        "import skpdesk.cli\n"
        "from skpdesk import i18n\n"
        "assert not i18n.dipakai, 'a text was built while importing the entry module'\n"
        "from skpdesk.ui.bahasa import pasang_bahasa_tersimpan\n"
        "print(pasang_bahasa_tersimpan())\n"
        "import skpdesk.ui.app\n"
        "from skpdesk.domain.workflow import ALUR_SKP\n"
        "print(ALUR_SKP.nama)\n"
    )
    env = dict(os.environ, XDG_CONFIG_HOME=str(config), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["en", "SKP Drafting"]


def test_cli_main_installs_the_language_first(monkeypatch):
    from skpdesk import cli

    order: list[str] = []
    monkeypatch.setattr(bahasa, "pasang_bahasa_tersimpan", lambda: order.append("bahasa"))
    real_parser = cli._parser
    monkeypatch.setattr(cli, "_parser", lambda: (order.append("parser"), real_parser())[1])
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert order == ["bahasa", "parser"]
