"""Processes and servers the app talks to: the demo's Keras check, Kiwi shared by replicas, the training pool.

With training/, the only code that may import TensorFlow (a test scans for it); ``ui`` calls
these as a client and stays Streamlit and Plotly only.
"""
