"""A Keras Sequential text model rebuilt from NumPy layers: Embedding -> RNN(s) -> Dense.

Each layer is a small frozen dataclass; ``SequentialModel.run`` returns every layer's
output and, for recurrent layers, the full Trace, so a page can show any gate of the real model.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_core.activations import ACTIVATIONS
from rnn_core.cells import Cell
from rnn_core.sequence import BidirectionalTrace, Trace, layer_output, run, run_bidirectional
from rnn_core.text import padding_mask


@dataclass(frozen=True)
class Embedding:
    """A table (V, E): row i is the vector of token id i. Looking up a row equals one_hot(i) @ table."""

    table: np.ndarray
    mask_zero: bool = True

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        """ids (B, T) -> vectors (B, T, E)."""
        return self.table[np.asarray(ids)]


@dataclass(frozen=True)
class Recurrent:
    cell: Cell
    return_sequences: bool = False


@dataclass(frozen=True)
class Bidirectional:
    forward: Cell
    backward: Cell
    return_sequences: bool = False


@dataclass(frozen=True)
class Dense:
    """y = act(x W + b), W (n_in, n_out)."""

    W: np.ndarray
    b: np.ndarray
    activation: str = "linear"

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return ACTIVATIONS[self.activation](x @ self.W + self.b)


Layer = Embedding | Recurrent | Bidirectional | Dense


@dataclass(frozen=True)
class ModelRun:
    """outputs[k] is the output of layers[k]; traces[k] the recurrent trace of layer k (else None)."""

    outputs: list[np.ndarray]
    traces: list[Trace | BidirectionalTrace | None]
    mask: np.ndarray  # (B, T)

    @property
    def output(self) -> np.ndarray:
        return self.outputs[-1]


@dataclass(frozen=True)
class SequentialModel:
    layers: tuple[Layer, ...]

    def run(self, ids: np.ndarray) -> ModelRun:
        """Forward pass on token ids (B, T), keeping every intermediate."""
        ids = np.asarray(ids)
        mask = np.ones(ids.shape[:2], dtype=bool)
        x: np.ndarray = ids
        outputs, traces = [], []
        for layer in self.layers:
            trace = None
            if isinstance(layer, Embedding):
                x = layer(x)
                if layer.mask_zero:
                    mask = padding_mask(ids)
            elif isinstance(layer, Recurrent):
                trace = run(layer.cell, x, mask)
                x = layer_output(trace, layer.return_sequences)
            elif isinstance(layer, Bidirectional):
                trace = run_bidirectional(layer.forward, layer.backward, x, mask)
                x = trace.output(layer.return_sequences)
            else:
                x = layer(x)
            outputs.append(x)
            traces.append(trace)
        return ModelRun(outputs=outputs, traces=traces, mask=mask)

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        return self.run(ids).output

    @property
    def embedding(self) -> Embedding:
        return next(layer for layer in self.layers if isinstance(layer, Embedding))

    @property
    def recurrent(self) -> Recurrent:
        """The first recurrent layer (the one the lessons open up)."""
        return next(layer for layer in self.layers if isinstance(layer, Recurrent))

    @property
    def head(self) -> Dense:
        return self.layers[-1]
