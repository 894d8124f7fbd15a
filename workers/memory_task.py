"""The live memory task as a job of the training pool (workers.trainer), trained in NumPy.

rnn_core.learn.train_memory_task runs training/memory_task.py's experiment (same data, sizes, optimiser and
clipping) in NumPy, so the job trains in the pool's own thread: no TensorFlow, no child process. The Keras
script stays for the benchmark's comparison (python -m bench). The result is kept for every learner who asks
for the same distance, in the shape the script printed (accuracies keyed by distance as strings, as in JSON).
"""
from __future__ import annotations

from rnn_core.learn import train_memory_task
from workers import trainer

CELLS = ("SimpleRNN", "LSTM", "GRU")
SEED = 0  # the script's default: the same link, the same curves


def key(max_distance: int) -> tuple:
    return ("memory", int(max_distance))


def job(max_distance: int) -> trainer.Job | None:
    return trainer.find(key(max_distance))


def start(max_distance: int, client: str) -> trainer.Job:
    """The shared training for this distance, started if nobody has (raises trainer.TooManyJobs)."""
    return trainer.submit(key(max_distance), client, lambda progress: train(int(max_distance), progress))


def train(max_distance: int, progress: trainer.Progress) -> dict:
    """{"results": {cell: {"distance": accuracy}}, "distances", "chance", "seconds", "settings"}, the three cells
    one after the other; ``progress`` hears after every epoch (fraction of all epochs, the cell training)."""
    results, seconds, settings = {}, 0.0, {}
    for k, cell in enumerate(CELLS):
        def on_epoch(record: dict, k: int = k) -> None:
            progress((k * record["epochs"] + record["epoch"]) / (len(CELLS) * record["epochs"]), record["cell"])

        run = train_memory_task(cell, max_distance, SEED, on_epoch)
        results[cell] = {str(d): round(a, 4) for d, a in run["accuracy"].items()}
        seconds += run["seconds"]
        settings = run["settings"]
    return {"results": results, "distances": run["distances"], "chance": run["chance"], "seconds": round(seconds, 1),
            "settings": settings}
