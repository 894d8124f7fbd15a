"""The server runs NumPy's BLAS on one thread (ui/__init__.py): a page's products are small, and on a machine
of two cores a second BLAS thread takes a core from the other sessions and the browser (bench felt)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

THREADS = """import ctypes, sys
{imports}
import numpy
libs = sorted({{line.split()[-1] for line in open('/proc/self/maps') if 'openblas' in line}})
lib = ctypes.CDLL(libs[0])
count = next(getattr(lib, name) for name in ('scipy_openblas_get_num_threads64_', 'openblas_get_num_threads64_',
                                             'openblas_get_num_threads') if hasattr(lib, name))
print(count())"""


def blas_threads(imports: str, env: dict[str, str] | None = None) -> int:
    clean = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", THREADS.format(imports=imports)], cwd=ROOT, capture_output=True,
                         text=True, env=clean | (env or {}))
    if out.returncode:
        pytest.skip(f"this NumPy's OpenBLAS does not say its thread count: {out.stderr[-300:]}")
    return int(out.stdout.split()[-1])


@pytest.mark.skipif((os.cpu_count() or 1) < 2 or not sys.platform.startswith("linux"),
                    reason="one core, or no /proc/self/maps: nothing to check")
def test_the_app_imports_numpy_with_one_blas_thread():
    assert blas_threads("") >= 2  # NumPy alone uses every core: the check below can fail
    assert blas_threads("import streamlit, ui") == 1  # as app.py imports them
    assert blas_threads("import ui", {"OPENBLAS_NUM_THREADS": "2"}) == 2  # an operator's own setting wins
