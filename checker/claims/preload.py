"""Imported by the server that reading processes are forked from (table.start_readers): spaCy and the pipeline's
components, and the pipeline that the run which started the server reads with. Loaded once here, it is in every
reading process forked from the server, which then need not load it."""

import base64
import gc
import os
import pickle
import sys

# Nothing the server or its processes do writes to standard output (what they read comes back through pipes), but
# they hold it open as long as they live: a pipe reading a run's output (`checker check --format json | jq`) would
# wait for the server to finish loading a model that a run answered from its cache never used.
os.dup2(2, 1)

import checker.claims.extract  # noqa: E402, F401
import checker.nlp.pipeline  # noqa: E402, F401
from checker.claims.table import LOADER, quiet_when_the_run_is_gone  # noqa: E402


def _load() -> None:
    spec = os.environ.pop(LOADER, "")  # not handed on to the reading processes
    if not spec:
        return
    try:
        pickle.loads(base64.b64decode(spec))()  # run.pipeline keeps what it loads, once per process
    except Exception:  # noqa: BLE001 (the server must start: each reading process loads it again and says why not)
        return
    gc.freeze()  # the model's objects are left out of the reading processes' collections, and so not copied


# A process forked as the run ends meets the run's semaphores gone (table.quiet_when_the_run_is_gone).
sys.excepthook = quiet_when_the_run_is_gone
_load()
