"""The BLOCS_* settings: each bad value stops start-up with one message naming the variable and the value."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import settings

ROOT = Path(__file__).resolve().parents[1]

GOOD_ANCESTORS = [
    ("'self'", "'self'"),
    ("'none'", "'none'"),
    ("'self' https://intranet.example.org", "'self' https://intranet.example.org"),
    (
        "https://intranet.example.org:8443 http://127.0.0.1:*",
        "https://intranet.example.org:8443 http://127.0.0.1:*",
    ),
    ("https://*.example.org", "https://*.example.org"),
    ("  'self'   http://localhost:8050 ", "'self' http://localhost:8050"),
]

BAD_ANCESTORS = {
    "semicolon": "'self'; script-src *",
    "comma": "'self', https://intranet.example.org",
    "newline": "'self'\nX-Injected: 1",
    "tab": "'self'\thttps://intranet.example.org",
    "directive": "script-src",
    "path": "https://intranet.example.org/portal",
    "trailing slash": "https://intranet.example.org/",
    "star alone": "*",
    "scheme only": "https:",
    "no scheme": "intranet.example.org",
    "other scheme": "javascript://x",
    "unquoted self": "self",
    "unsafe keyword": "'unsafe-inline'",
    "none with others": "'none' https://intranet.example.org",
    "empty": "",
    "spaces only": "   ",
    "wildcard inside": "https://intra*.example.org",
    "bad port": "https://intranet.example.org:80a",
    "query": "https://intranet.example.org?x",
    "userinfo": "https://user@intranet.example.org",
}


@pytest.mark.parametrize(("value", "policy"), GOOD_ANCESTORS)
def test_frame_ancestors_accepts_a_list_of_sources(value, policy):
    assert settings.frame_ancestors(value) == policy


@pytest.mark.parametrize("value", BAD_ANCESTORS.values(), ids=list(BAD_ANCESTORS))
def test_frame_ancestors_refuses_anything_else_naming_variable_and_value(value):
    with pytest.raises(settings.SettingError) as caught:
        settings.frame_ancestors(value)
    message = str(caught.value)
    assert message.startswith(f"BLOCS_FRAME_ANCESTORS={value!r} ")
    assert "\n" not in message


@pytest.mark.parametrize("value", ["8050", "1", "65535"])
def test_a_port_is_a_number(value):
    assert settings.port(value) == int(value)


@pytest.mark.parametrize("value", ["", "abc", "0", "65536", "-1", "80.5", " 80", "٨٠"])
def test_anything_else_is_not_a_port(value):
    with pytest.raises(settings.SettingError, match=r"^BLOCS_PORT=.* is not a port number"):
        settings.port(value)


@pytest.mark.parametrize("value", ["0", "-2", "two", ""])
def test_workers_and_threads_are_whole_numbers_of_at_least_one(value):
    with pytest.raises(settings.SettingError, match=r"^BLOCS_WORKERS="):
        settings.positive_count(value, "BLOCS_WORKERS")
    assert settings.positive_count("3", "BLOCS_WORKERS") == 3


@pytest.mark.parametrize("value", ["127.0.0.1", "0.0.0.0", "localhost", "[::1]", "dash.example.org"])
def test_a_host_is_a_name_or_an_address(value):
    assert settings.host(value) == value


@pytest.mark.parametrize("value", ["", "a b", "host:80", "http://x", "x\ny"])
def test_anything_else_is_not_a_host(value):
    with pytest.raises(settings.SettingError, match=r"^BLOCS_HOST="):
        settings.host(value)


@pytest.mark.parametrize("value", ["/", "", "/dash/blocs/", "dash/blocs", "/dash-1.0/~x_y"])
def test_a_prefix_is_a_url_path(value):
    assert settings.url_prefix(value) == value


@pytest.mark.parametrize(
    "value", ["/dash blocs/", "/a/../b/", "/a/./b", "/a?b", "/a#b", "/%2e%2e/", "/a\n/", "/é/"]
)
def test_anything_else_is_not_a_prefix(value):
    with pytest.raises(settings.SettingError, match=r"^BLOCS_URL_PREFIX=.* has the segment"):
        settings.url_prefix(value)


def start(command: list[str], **variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, **variables},
        capture_output=True,
        text=True,
        timeout=60,
    )


# Were they to let the bad value through, they would stop anyway, for other reasons: gunicorn
# only checks its configuration (and loads the app), the app finds no data in an empty folder.
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--check-config", "app:server"]
APP = [sys.executable, "app.py", "--data-dir", str(ROOT / "tests" / "no-such-folder")]


@pytest.mark.parametrize(
    ("command", "variable", "value"),
    [
        (APP, "BLOCS_FRAME_ANCESTORS", "'self'; script-src *"),
        (GUNICORN, "BLOCS_FRAME_ANCESTORS", "'self'\nX-Injected: 1"),
        (GUNICORN, "BLOCS_URL_PREFIX", "/dash blocs/"),
        (GUNICORN, "BLOCS_PORT", "eighty"),
        (GUNICORN, "BLOCS_WORKERS", "0"),
        (GUNICORN, "BLOCS_HOST", "a host"),
        (APP, "BLOCS_PORT", "eighty"),
        (APP, "BLOCS_URL_PREFIX", "/../"),
    ],
    ids=lambda part: part[1] if isinstance(part, list) else None,
)
def test_a_bad_setting_stops_start_up_with_one_message(command, variable, value):
    result = start(command, **{variable: value})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{variable}={value!r}" in output, output[-2000:]
    assert "Traceback" not in output, output[-2000:]
