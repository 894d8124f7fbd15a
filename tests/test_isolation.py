"""rnn_core stays a pure NumPy library: importing it loads no TensorFlow, Keras, Streamlit or Plotly."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

FORBIDDEN = ("tensorflow", "keras", "streamlit", "plotly")


def loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in out.stdout.split()}


def test_rnn_core_imports_no_framework():
    modules = loaded_after("import rnn_core.bptt, rnn_core.keras_file, rnn_core.model, rnn_core.params, "
                           "rnn_core.sequence, rnn_core.text")
    assert "numpy" in modules
    assert not modules & set(FORBIDDEN)
