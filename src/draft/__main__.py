"""``python -m draft``: the same as the ``draft`` command (handy where Scripts/ is not on PATH)."""

from draft.cli import main

main()
