"""Ground layer, free of spaCy: the values claims carry and the vocabulary they are read with.

Intervals, quantities and the number grammar, dates, titles, how two values compare, and the
shipped vocabulary (data/*.toml) extended by the user's configuration.
"""
