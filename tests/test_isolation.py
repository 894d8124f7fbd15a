"""The import rules of DESIGN.md, as tests: rnn_core is pure NumPy, TensorFlow lives only in training/ and
workers/, ui/ holds Streamlit and Plotly code only, pages never import each other, training or workers."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

FORBIDDEN = ("tensorflow", "keras", "streamlit", "plotly")
PROCESS_MODULES = {"subprocess", "socket", "socketserver", "multiprocessing", "select"}


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in out.stdout.split()}


def modules_of(folder: str) -> list[str]:
    return sorted(f"{folder}.{p.stem}" for p in (ROOT / folder).glob("*.py") if p.stem != "__main__")


def test_every_rnn_core_module_imports_no_framework():
    names = modules_of("rnn_core")
    assert len(names) >= 14
    modules = loaded_after("import " + ", ".join(names))
    assert "numpy" in modules
    assert not modules & set(FORBIDDEN)


def imports_in(path: Path) -> set[str]:
    """Top-level package names a file imports, at any depth of its code (lazy imports included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def python_files(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((ROOT / folder).rglob("*.py"))]


@pytest.mark.parametrize("folder", ["rnn_core", "ui", "lessons", "classroom", "bench", "deploy"])
def test_tensorflow_only_in_training_and_workers(folder):
    offenders = [str(p.relative_to(ROOT)) for p in python_files(folder) if imports_in(p) & {"tensorflow", "keras"}]
    if folder == "bench":  # the benchmark compares against Keras in its own child processes only
        offenders = [o for o in offenders if o != "bench/__main__.py"]
    assert offenders == []


def test_ui_holds_no_processes_or_servers():
    offenders = {str(p.relative_to(ROOT)): sorted(imports_in(p) & PROCESS_MODULES) for p in python_files("ui")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_pages_import_only_ui_rnn_core_and_libraries():
    for path in python_files("lessons"):
        assert not imports_in(path) & {"lessons", "training", "workers", "classroom", "tensorflow", "keras"}, path


def test_the_rules_can_fail(tmp_path):
    """The scanner sees lazy imports inside functions, so a hidden TensorFlow import would be caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    import tensorflow as tf\n    from subprocess import run\n")
    assert imports_in(bad) >= {"tensorflow", "subprocess"}
