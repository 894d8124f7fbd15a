"""RNN Lab's Streamlit layer: pages arrange; ui/ computes through cached functions and draws."""
