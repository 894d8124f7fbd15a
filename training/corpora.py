"""Read the real corpora (IMDB, SST-2, NSMC) from a data folder, or fetch the official archives.

Each reader returns (texts, labels) with label 1 = positive. The default folder is
``../shared/data`` beside the project (set RNNLAB_DATA to use another one).
"""
from __future__ import annotations

import csv
import os
import re
import tarfile
import urllib.request
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("RNNLAB_DATA", ROOT.parent / "shared" / "data"))

OFFICIAL = {
    "imdb/aclImdb_v1.tar.gz": "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz",
    "nsmc/ratings_train.txt": "https://raw.githubusercontent.com/e9t/nsmc/master/ratings_train.txt",
    "nsmc/ratings_test.txt": "https://raw.githubusercontent.com/e9t/nsmc/master/ratings_test.txt",
    "sst2/train.tsv": "https://dl.fbaipublicfiles.com/glue/data/SST-2.zip",  # GLUE's archive: SST-2/train.tsv
}
_IMDB_NAME = re.compile(r"aclImdb/(train|test)/(pos|neg)/\d+_\d+\.txt$")


def download(folder: Path = DATA) -> None:
    """Fetch the official files that are not in ``folder`` yet (needs internet)."""
    for relative, url in OFFICIAL.items():
        target = folder / relative
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        print(f"downloading {url} -> {target}")
        if url.endswith(".zip"):
            archive, _ = urllib.request.urlretrieve(url)
            with zipfile.ZipFile(archive) as z:
                target.write_bytes(z.read("SST-2/train.tsv"))
        else:
            urllib.request.urlretrieve(url, target)


def imdb(split: str, folder: Path = DATA) -> tuple[list[str], np.ndarray]:
    """IMDB reviews of one split ('train' or 'test'), in a fixed order (sorted by file name)."""
    rows = []
    with tarfile.open(folder / "imdb" / "aclImdb_v1.tar.gz", "r:gz") as archive:
        for member in archive:
            match = _IMDB_NAME.search(member.name)
            if match and match.group(1) == split:
                text = archive.extractfile(member).read().decode("utf-8")
                rows.append((member.name, text, int(match.group(2) == "pos")))
    rows.sort()
    return [r[1] for r in rows], np.array([r[2] for r in rows], dtype=np.int32)


def sst2(folder: Path = DATA) -> tuple[list[str], np.ndarray]:
    """SST-2 training phrases (GLUE): short, lower-cased, many of them a few words long."""
    with open(folder / "sst2" / "train.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["sentence"] for r in rows], np.array([int(r["label"]) for r in rows], dtype=np.int32)


def nsmc(split: str, folder: Path = DATA) -> tuple[list[str], np.ndarray]:
    """Naver movie reviews, split 'train' or 'test'; empty documents are dropped."""
    with open(folder / "nsmc" / f"ratings_{split}.txt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    rows = [r for r in rows if len(r) == 3 and r[1].strip()]
    return [r[1] for r in rows], np.array([int(r[2]) for r in rows], dtype=np.int32)


def split_off(n: int, fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices (train, validation): a random fraction of range(n) held out for validation."""
    order = np.random.default_rng(seed).permutation(n)
    cut = int(round(n * fraction))
    return np.sort(order[cut:]), np.sort(order[:cut])
