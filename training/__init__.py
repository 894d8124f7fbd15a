"""Training and evaluation of RNN Lab's models (TensorFlow/Keras). Writes assets/models/."""
