"""The command line: version, help, choosing the database, the demo office."""

from __future__ import annotations

import subprocess
import sys

import pytest

from skpdesk import __version__
from skpdesk.cli import main
from skpdesk.store import database

# The CLI opens its own database; each test leaves none bound.
pytestmark = pytest.mark.usefixtures("lepas_db")


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"skpdesk {__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for word in ("--db", "demo", "import-roster", database.ENV_URL):
        assert word in out


def test_python_dash_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "skpdesk", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"skpdesk {__version__}"


def test_demo_into_the_file_given_by_db(tmp_path, capsys):
    target = tmp_path / "kantor.db"
    assert main(["demo", "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert "demo1234" in out and "19750812 200003 1 004" in out
    assert target.exists()
    assert main(["demo", "--db", str(target)]) == 1
    assert "sudah berisi" in capsys.readouterr().err


def test_environment_url_chooses_the_database(tmp_path, monkeypatch, capsys):
    target = tmp_path / "dari_env.db"
    monkeypatch.setenv(database.ENV_URL, f"sqlite:///{target}")
    assert main(["demo"]) == 0
    assert target.exists()


def test_default_database_lives_in_the_data_folder(_isolated_data_dir, capsys):
    assert main(["demo"]) == 0
    assert (_isolated_data_dir / database.DB_FILENAME).exists()


def test_unusable_database_is_a_message_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "rusak.db"
    bad.write_bytes(b"bukan sqlite" * 1000)
    assert main(["demo", "--db", str(bad)]) == 2
    assert "rusak" in capsys.readouterr().err
