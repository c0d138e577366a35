"""Loaded by the interpreter when this folder is on PYTHONPATH: the file system lists every folder
in a shuffled order (seeded by CHECKER_TEST_SHUFFLE), so that a test can run checker as if the disk
returned files in another order."""

import os
import random

_rng = random.Random(os.environ.get("CHECKER_TEST_SHUFFLE", "0"))
_listdir, _scandir = os.listdir, os.scandir


def listdir(path="."):
    names = _listdir(path)
    _rng.shuffle(names)
    return names


class _Shuffled:
    def __init__(self, it):
        self._it = it
        self._entries = list(it)
        _rng.shuffle(self._entries)

    def __iter__(self):
        return iter(self._entries)

    def __next__(self):
        if not self._entries:
            raise StopIteration
        return self._entries.pop(0)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._it.close()

    def close(self):
        self._it.close()


def scandir(path="."):
    return _Shuffled(_scandir(path))


os.listdir, os.scandir = listdir, scandir
