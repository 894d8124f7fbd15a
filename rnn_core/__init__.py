"""RNN Lab's math, in NumPy only: the piece a reader studies.

Conventions (the same as Keras):
- row vectors: a batch of inputs ``x`` has shape (B, d) and one step is
  ``h_t = tanh(x_t @ W_x + h_{t-1} @ W_h + b)``;
- sequences have shape (B, T, d): batch, time steps, features;
- gate blocks are laid side by side in the weight matrices, in Keras' order
  (LSTM: i, f, g, o; GRU: z, r, n), so a trained Keras model's weights load as they are.

Nothing here imports TensorFlow, Keras, Streamlit or Plotly.
"""
