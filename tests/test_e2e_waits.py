"""Browser tests wait with predicates the page's Content Security Policy allows.

Playwright runs a ``wait_for_function`` expression that is not a function
through ``eval`` inside the page once it has to poll, and prepcoach's CSP
(``script-src 'self'``) refuses that, so such a wait passes when the condition
already holds and fails when it doesn't yet: a flaky test. A function
(``"() => ..."``) is compiled by the browser's debugger protocol instead.
"""

import ast
from pathlib import Path

E2E = Path(__file__).parent / "e2e"


def _waits(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "wait_for_function"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def test_every_wait_for_function_is_given_a_function() -> None:
    offenders = []
    waits = 0
    for path in sorted(E2E.glob("test_*.py")):
        for line, expression in _waits(ast.parse(path.read_text())):
            waits += 1
            if not expression.lstrip().startswith(("() =>", "function")):
                offenders.append(f"{path.name}:{line}: {expression}")
    assert waits > 0  # the scan reads the browser tests at all
    assert offenders == []


def test_the_scan_catches_an_expression() -> None:
    tree = ast.parse("page.wait_for_function(\"document.title == 'x'\")")
    assert _waits(tree) == [(1, "document.title == 'x'")]
