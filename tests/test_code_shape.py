"""The shape of the product code and the benchmarks: no function too long to read at once."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("app.py", "serving.py", "components", "data", "bench")
MAX_FUNCTION_LINES = 80
EXEMPT: set[str] = set()  # a file let off, with the reason beside it


def sources() -> list[Path]:
    paths = []
    for name in CHECKED:
        path = ROOT / name
        paths += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [path for path in paths if path.relative_to(ROOT).as_posix() not in EXEMPT]


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int]]:
    """Each function (or method) in `source` longer than `limit` lines, from its `def` to its last line."""
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > limit
    ]


def test_the_check_finds_a_long_function_and_passes_a_short_one():
    body = "".join(f"    x{i} = {i}\n" for i in range(80))
    assert long_functions(f"def long():\n{body}") == [("long", 81)]
    method = body.replace("    ", "        ")
    assert long_functions(f"class A:\n    async def method():\n{method}") == [("method", 81)]
    assert long_functions("def short():\n    return 1\n") == []


def test_the_checked_sources_are_found():
    names = {path.relative_to(ROOT).as_posix() for path in sources()}
    assert {
        "app.py",
        "serving.py",
        "components/page.py",
        "components/overlap/figure.py",
        "bench/perf.py",
    } <= names
    assert not names & EXEMPT


def test_no_function_is_longer_than_80_lines():
    offenders = [
        f"{path.relative_to(ROOT).as_posix()}: {name} ({lines} lines)"
        for path in sources()
        for name, lines in long_functions(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"longer than {MAX_FUNCTION_LINES} lines: " + "; ".join(offenders)
