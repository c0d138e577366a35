"""checker/ must work on any English news story: it may not know the seed texts."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, expectation_sets


@pytest.mark.parametrize("which", sorted(expectation_sets()))
def test_the_package_does_not_know_the_seeds(expectations, which):
    data = expectations[which]
    needles = {e["contains"] for item in data["must_find"] + data.get("nice_to_find", [])
               if item["kind"] in ("name", "number", "translation") for e in item["evidence"]}
    # Brands and numbers of the seeds' adverts; generic boilerplate ("Need Help") is general knowledge.
    needles |= {t for t in data["never_cite"]["texts"] if " " not in t}
    needles |= {a for item in data["must_not_find"]
                if item["id"] in ("tariff-levels", "market-moves", "different-tariffs", "different-indexes")
                for pair in item["pairs"] for a in pair}
    files = [p for p in (ROOT / "checker").rglob("*") if p.suffix in (".py", ".toml")]
    assert files
    for path in files:
        text = path.read_text("utf-8").lower()
        for n in sorted(needles):
            found = re.search(rf"(?<![\w.]){re.escape(n.lower())}(?!\w)", text)
            assert not found, f"{path.relative_to(ROOT)} mentions {n!r} from the seeds"
