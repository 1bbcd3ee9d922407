"""The main job: form files become .docx reports — one (:mod:`draft.build.one`) or many at once
(:mod:`draft.build.batch`, with :mod:`draft.build.progress` on a terminal), and the closing line
of ``draft build`` (:mod:`draft.build.tally`).

Importing it stays light (the command's start-up is most of a build's time, see bench/):
the heavy modules — the form reader, the renderer, the .docx writer, multiprocessing — are
imported only where they are used.
"""

from draft.build.batch import POOL_FROM, POOL_FROM_SPAWNED, build_forms, map_forms
from draft.build.one import Built, FormBuild, build_form, build_one
from draft.build.options import BuildOptions, wording_for
from draft.build.tally import BatchTally

__all__ = [
    "POOL_FROM",
    "POOL_FROM_SPAWNED",
    "BatchTally",
    "BuildOptions",
    "Built",
    "FormBuild",
    "build_form",
    "build_forms",
    "build_one",
    "map_forms",
    "wording_for",
]
