"""Imported by the server that reading processes are forked from (table.start_readers): spaCy and the pipeline's
components, and the pipeline that the run which started the server reads with. Loaded once here, it is in every
reading process forked from the server, which then need not load it."""

import base64
import gc
import os
import pickle

import checker.claims.extract  # noqa: F401
import checker.nlp.pipeline  # noqa: F401
from checker.claims.table import LOADER


def _load() -> None:
    spec = os.environ.pop(LOADER, "")  # not handed on to the reading processes
    if not spec:
        return
    try:
        pickle.loads(base64.b64decode(spec))()  # run.pipeline keeps what it loads, once per process
    except Exception:  # noqa: BLE001 (the server must start: each reading process loads it again and says why not)
        return
    gc.freeze()  # the model's objects are left out of the reading processes' collections, and so not copied


_load()
