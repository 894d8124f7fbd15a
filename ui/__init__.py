"""RNN Lab's Streamlit layer: pages arrange; ui/ computes through cached functions and draws."""

from workers.kiwi import use_from_environment

use_from_environment()  # replicas on one machine share one Kiwi when RNNLAB_KIWI names its socket (deploy/)
