"""Design guards: the core never imports Qt, and no core package imports ui/ or cli/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "tiffin"
CORE = sorted(
    p
    for p in PACKAGE.iterdir()
    if p.name not in {"ui", "cli", "__main__.py", "__pycache__"}
    and (p.is_dir() or p.suffix == ".py")
)


def _module_names() -> list[str]:
    names = []
    for path in CORE:
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            rel = file.relative_to(PACKAGE.parent).with_suffix("")
            names.append(".".join(rel.parts).removesuffix(".__init__"))
    return names


def test_core_imports_without_qt() -> None:
    modules = _module_names()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert len(modules) > 15


def test_core_never_imports_ui_or_cli() -> None:
    for path in CORE:
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            tree = ast.parse(file.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    assert not name.startswith(("tiffin.ui", "tiffin.cli", "PySide6")), (
                        f"{file} imports {name}"
                    )


def test_library_imports_only_errors_and_config() -> None:
    for file in sorted((PACKAGE / "library").rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tiffin."):
                assert node.module.split(".")[1] in {"errors", "config", "library"}, (
                    f"{file} imports {node.module}"
                )
