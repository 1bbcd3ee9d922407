"""The ``draft`` command, and ``python -m draft`` (handy where Scripts/ is not on PATH).

It sets up the interpreter for one short command, then loads and runs :mod:`draft.cli`.
"""

from __future__ import annotations

import gc


def main() -> None:
    # A command allocates a few hundred thousand objects that live until it ends (the modules,
    # the form, the document) and makes almost no reference cycles, yet the collector, at its
    # default pace of a pass every 700 allocations, took 20 ms of a 300 ms build. A pass every
    # 50,000 still bounds memory (and a batch worker collects after every form); mypy does likewise.
    # Set before click and the commands are imported: their import is most of what it saves.
    gc.set_threshold(50_000, 20, 20)
    try:
        from draft.cli import main as run

        run()
    finally:
        # What is left lives until the process ends, when the system takes the memory back; the
        # collector's last passes at interpreter shutdown would still visit every object (40 ms
        # after a build, more than the build itself). Frozen, they are passed over.
        gc.freeze()


if __name__ == "__main__":
    main()
