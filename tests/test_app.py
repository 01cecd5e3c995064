import subprocess
import sys
from pathlib import Path

import pytest

from app import normalise_prefix

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("", "/"),
        ("/", "/"),
        ("dash/blocs", "/dash/blocs/"),
        ("/dash/blocs/", "/dash/blocs/"),
        ("//a//b", "/a/b/"),
    ],
)
def test_normalise_prefix(given, expected):
    assert normalise_prefix(given) == expected


def test_broken_data_stops_start_up_naming_file_row_and_column(bundled_copy):
    path = bundled_copy / "memberships.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].replace(",RUS,", ",RUX,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--data-dir", str(bundled_copy), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "memberships.csv, row 5, column 'iso3': 'RUX' is not an ISO 3166-1 alpha-3 code" in result.stderr
    assert "Traceback" not in result.stderr
