"""What the pipeline read from each source, kept on disk between runs: a second run over an unchanged
corpus parses nothing, and a changed file is parsed alone. A whole run's Result is kept the same way
(run.check, keyed by the files it read and the settings it used: `key_of`), so that a run over an
unchanged corpus reads one entry.

An entry's key is a hash of everything the reading depends on: the source's text, path and metadata and
the paragraphs the model reads; the model's name and installed version; the user's vocabulary additions;
and checker's own code and data (every file of the package, so that an edit of a rule's table is a new key
even at one version number). An entry that cannot be read (cut short, another format, not a pickle) is
ignored and written again. Entries are pickles of checker's own dataclasses: the folder is the user's, and
a file put there by someone else is trusted as the user's own files are.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from checker.corpus import Source

FORMAT = "1"  # the layout of an entry; a change of it is a new key


@cache
def code_fingerprint() -> str:
    """A hash of checker's code and data, read once a process."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml") and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def default_folder() -> Path:
    """$CHECKER_CACHE_DIR, else checker/ under $XDG_CACHE_HOME or ~/.cache."""
    if os.environ.get("CHECKER_CACHE_DIR"):
        return Path(os.environ["CHECKER_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "checker"


class ExtractionCache:
    """Per-source entries in a folder, for one model and one set of vocabulary additions."""

    def __init__(self, folder: Path, model: str, vocabulary_key: str):
        self.folder = folder
        self.context = "\0".join((FORMAT, code_fingerprint(), model, _model_version(model), vocabulary_key))
        self.hits = self.misses = 0

    def key(self, source: Source) -> str:
        digest = hashlib.sha256(self.context.encode())
        for part in (source.id, source.path, repr(sorted(source.meta.items())), source.text,
                     repr([(p.start, p.text, p.removed) for p in source.paragraphs])):
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def key_of(self, *parts: str) -> str:
        """The key of an entry that is not one source's reading (a whole run's Result), in this context."""
        digest = hashlib.sha256(self.context.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str, lasting: bool = False):
        """The entry, or None when there is none or it cannot be read. `lasting`: the entry lives as long as the
        process (a run's Result, for the command line), and the collector is told to leave it out of its walks
        (gc.freeze, with everything else alive then): an entry holds no cycles, and reference counting frees it
        as ever once it is let go."""
        collecting = gc.isenabled()
        gc.disable()  # an entry is a million new objects and no garbage: the collector would walk them all, often
        try:
            with open(self._path(key), "rb") as fh:
                entry = pickle.load(fh)  # noqa: S301 (the user's own cache folder)
            if lasting:  # else the first collections after this walk all of it: 0.1 s of a 0.5 s run on 1,000 articles
                gc.freeze()
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # noqa: BLE001 (a corrupt or foreign entry is rebuilt, never fatal)
            self.misses += 1
            return None
        finally:
            if collecting:
                gc.enable()
        self.hits += 1
        return entry

    def put(self, key: str, entry) -> None:
        """Written whole or not at all; a cache that cannot be written is no cache, not an error."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass


def _model_version(model: str) -> str:
    """The installed version of the model's package, read from its metadata: no spaCy import, so that a run
    answered from the cache imports none."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(model)
    except (PackageNotFoundError, ValueError):
        return model  # a model loaded from a path is named by its path
