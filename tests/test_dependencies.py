"""The installed packages meet pyproject.toml's lower bounds, which sit above published advisories."""

import importlib.util
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
REQUIREMENTS = [
    Requirement(line) for line in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]
]


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=str)
def test_the_installed_version_meets_the_bound(requirement):
    installed = metadata.version(requirement.name)
    assert requirement.specifier.contains(installed, prereleases=True), f"{requirement.name} {installed}"


def test_the_server_s_own_stack_is_bounded_above_its_advisories():
    bounded = {requirement.name.lower() for requirement in REQUIREMENTS if requirement.specifier}
    assert {"dash", "flask", "werkzeug", "jinja2", "gunicorn"} <= bounded


def _audit_module():
    spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_audit_covers_what_the_server_runs_on_and_not_the_test_tools():
    packages = _audit_module().runtime_closure()
    assert {"dash", "flask", "werkzeug", "jinja2", "gunicorn", "pandas", "plotly"} <= set(packages)
    assert not {"pytest", "hypothesis", "selenium", "ruff", "pip-audit"} & set(packages)


def test_a_known_vulnerability_fails_the_audit_and_an_unreachable_service_is_said_out_loud():
    verdict = _audit_module().verdict
    status, lines = verdict(
        [
            {"name": "werkzeug", "version": "3.0.0", "vulns": [{"id": "GHSA-x", "fix_versions": ["3.0.6"]}]},
            {"name": "flask", "version": "3.1.3", "vulns": []},
        ]
    )
    assert status == 1 and lines[0] == "audit: werkzeug 3.0.0: GHSA-x (fixed in 3.0.6)"
    status, lines = verdict([{"name": "flask", "version": "3.1.3", "skip_reason": "not found"}])
    assert status == 0 and "NOT RUN" in lines[0]
    status, lines = verdict([{"name": "flask", "version": "3.1.3", "vulns": []}])
    assert status == 0 and lines == ["audit: no known vulnerabilities in 1 runtime packages"]
