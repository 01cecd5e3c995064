"""Known-vulnerability audit, with pip-audit, of the packages the server runs on.

Run by `scripts/test.sh`. It audits what pyproject.toml's runtime dependencies resolve
to in this environment, with everything they pull in; the test tools are left out,
since they never serve a request (dash[testing] pins selenium 4.2.0 and with it
urllib3 1.26, which only ever talks to the local chromedriver).

pip-audit asks PyPI's JSON API about each installed version. Where that API cannot be
reached (behind a package proxy that serves only each package's latest release, every
package comes back "not found"), the audit says loudly that it could not run rather
than pass in silence. Exit status 1 when a known vulnerability is found, else 0.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def runtime_closure() -> dict[str, str]:
    """Installed name → version for the runtime dependencies and all they require."""
    pending = list(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"])
    found: dict[str, str] = {}
    while pending:
        requirement = Requirement(pending.pop())
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        if name in found:
            continue
        try:
            distribution = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency not installed here
        found[name] = distribution.version
        pending += distribution.requires or []
    return found


def main() -> int:
    """Audit, report, and return the exit status."""
    packages = runtime_closure()
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as pinned:
        pinned.write("".join(f"{name}=={version}\n" for name, version in sorted(packages.items())))
        pinned.flush()
        result = subprocess.run(
            [sys.executable, "-m", "pip_audit", "-r", pinned.name, "--no-deps", "--disable-pip",
             "--format", "json", "--progress-spinner", "off"],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    try:
        report = json.loads(result.stdout)["dependencies"]
    except (ValueError, KeyError):
        print(f"audit: pip-audit failed:\n{result.stderr[-3000:]}", file=sys.stderr)
        return 1
    status, lines = verdict(report)
    for line in lines:
        print(line, file=sys.stderr if status or "NOT RUN" in line else sys.stdout)
    return status


def verdict(report: list[dict]) -> tuple[int, list[str]]:
    """The exit status and the lines to print for pip-audit's JSON `dependencies` list."""
    vulnerable = [entry for entry in report if entry.get("vulns")]
    skipped = [entry for entry in report if "skip_reason" in entry]
    lines = [
        f"audit: {entry['name']} {entry['version']}: {vuln['id']} "
        f"(fixed in {', '.join(vuln.get('fix_versions', [])) or 'no release yet'})"
        for entry in vulnerable
        for vuln in entry["vulns"]
    ]
    if report and len(skipped) == len(report):
        lines.append(
            f"audit: NOT RUN: the vulnerability service answered for none of the {len(report)} runtime "
            "packages (PyPI's per-version JSON API is not reachable from here); pyproject.toml's "
            "lower bounds are the remaining guard."
        )
    elif skipped:
        lines.append(f"audit: not audited: {', '.join(entry['name'] for entry in skipped)}")
    if not vulnerable and len(skipped) < len(report):
        lines.append(f"audit: no known vulnerabilities in {len(report) - len(skipped)} runtime packages")
    return (1 if vulnerable else 0), lines


if __name__ == "__main__":
    sys.exit(main())
