"""Read a trained Keras model (a ``.keras`` file) into rnn_core's NumPy layers, without TensorFlow.

A ``.keras`` file is a zip archive holding ``config.json`` (the architecture) and
``model.weights.h5`` (the arrays, one HDF5 group per layer name, e.g.
``layers/lstm/cell/vars/0`` for the LSTM kernel W_x).
"""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import h5py
import numpy as np

from rnn_core.assets import ModelFileError, check_unpacked_size
from rnn_core.cells import GRUCell, LSTMCell, SimpleRNNCell
from rnn_core.model import Bidirectional, Dense, Embedding, Layer, Recurrent, SequentialModel

SKIPPED = {"InputLayer", "Dropout", "SpatialDropout1D"}


def _vars(group: h5py.Group) -> list[np.ndarray]:
    """Arrays stored under group/vars/0, 1, ... in order."""
    v = group["vars"]
    return [np.asarray(v[str(k)]) for k in range(len(v))]


def _cell(class_name: str, config: dict, group: h5py.Group):
    W_x, W_h, b = _vars(group["cell"])
    if class_name == "SimpleRNN":
        return SimpleRNNCell(W_x=W_x, W_h=W_h, b=b, activation=config.get("activation", "tanh"))
    if class_name == "LSTM":
        return LSTMCell(W_x=W_x, W_h=W_h, b=b)
    if class_name == "GRU":
        return GRUCell(W_x=W_x, W_h=W_h, b=b, reset_after=config.get("reset_after", True))
    raise ModelFileError(f"unsupported recurrent layer {class_name}")


def _layer(spec: dict, group: h5py.Group) -> Layer:
    name, config = spec["class_name"], spec["config"]
    if name == "Embedding":
        (table,) = _vars(group)
        return Embedding(table=table, mask_zero=config.get("mask_zero", False))
    if name in ("SimpleRNN", "LSTM", "GRU"):
        return Recurrent(_cell(name, config, group), config.get("return_sequences", False))
    if name == "Bidirectional":
        inner = config["layer"]
        return Bidirectional(forward=_cell(inner["class_name"], inner["config"], group["forward_layer"]),
                             backward=_cell(inner["class_name"], inner["config"], group["backward_layer"]),
                             return_sequences=inner["config"].get("return_sequences", False))
    if name == "Dense":
        W, b = _vars(group)
        return Dense(W=W, b=b, activation=config.get("activation", "linear"))
    raise ModelFileError(f"unsupported layer {name}")


def _snake_case(class_name: str) -> str:
    """Keras' group name for a class: 'SimpleRNN' -> 'simple_rnn', 'Dense' -> 'dense'."""
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", class_name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def _group_names(specs: list[dict]) -> list[str]:
    """The HDF5 group of each layer: its class in snake case, numbered from the second of a kind (dense, dense_1)."""
    seen: dict[str, int] = {}
    names = []
    for spec in specs:
        base = _snake_case(spec["class_name"])
        seen[base] = seen.get(base, -1) + 1
        names.append(base if seen[base] == 0 else f"{base}_{seen[base]}")
    return names


def load_keras_model(path: str | Path, expect: tuple[type, ...] | None = None) -> SequentialModel:
    """Rebuild a Sequential .keras model as a SequentialModel of NumPy layers (a zip bomb is refused unread).

    ``expect``: the layer types the model must have, in order (e.g. Embedding, Recurrent, Dense).
    """
    check_unpacked_size(path)
    try:
        with zipfile.ZipFile(path) as archive:
            config = json.loads(archive.read("config.json"))
            weights = archive.read("model.weights.h5")
    except FileNotFoundError as err:
        raise ModelFileError(f"{Path(path).name} is missing", "missing", Path(path).name) from err
    except (OSError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as err:
        raise ModelFileError(f"cannot read {Path(path).name}: {err}", "unreadable", Path(path).name) from err
    if not isinstance(config, dict) or config.get("class_name") != "Sequential":
        raise ModelFileError("only Sequential models are supported", "malformed", Path(path).name)
    try:
        with h5py.File(io.BytesIO(weights), "r") as h5:
            specs = [spec for spec in config["config"]["layers"] if spec["class_name"] != "InputLayer"]
            layers = tuple(_layer(spec, h5["layers"][group]) for spec, group in zip(specs, _group_names(specs))
                           if spec["class_name"] not in SKIPPED)
    except (OSError, KeyError, ValueError, TypeError, AttributeError) as err:
        raise ModelFileError(f"cannot read the weights in {Path(path).name}: {err}", "unreadable",
                             Path(path).name) from err
    if expect is not None and tuple(type(layer) for layer in layers) != tuple(expect):
        raise ModelFileError(f"{Path(path).name} does not have the layers {[t.__name__ for t in expect]}",
                             "malformed", Path(path).name)
    return SequentialModel(layers)
