"""Ground layer, free of spaCy: the values claims carry and the vocabulary they are read with.

Intervals, quantities and the number grammar, dates, titles, how two values compare, and the
shipped vocabulary (data/*.toml) extended by the user's configuration.
"""


def load_tables() -> None:
    """Read the tables that comparing values reads when first needed (pint's units, English word pairs), for a
    process that has nothing else to do now and would read them later while others are busy."""
    from checker.values.english import pair_count
    from checker.values.numbers import unit_registry

    unit_registry()
    pair_count("")
