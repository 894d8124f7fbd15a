"""RNN Lab's Streamlit layer: pages arrange; ui/ computes through cached functions and draws."""
import os

# One BLAS thread per server process, set before NumPy loads (app.py imports ui first; Streamlit itself has not
# loaded NumPy by then): a page's products are small (at most 256 x 256), and on a 2-core machine OpenBLAS's
# second thread only takes a core from the other sessions and the browser. Measured in Chromium on this machine
# (felt_split, 10 typed sentences, two runs each): lesson 1 p50 345/344 -> 272/283 ms, lesson 5 289/339 -> 235/219
# ms. An operator's own OPENBLAS_NUM_THREADS wins. tests/test_threads.py checks it takes effect.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from workers.kiwi import use_from_environment  # noqa: E402  (after the thread setting: it may load NumPy)

use_from_environment()  # replicas on one machine share one Kiwi when RNNLAB_KIWI names its socket (deploy/)
