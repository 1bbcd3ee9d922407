"""Report kinds: what a form is a report of, and everything that differs between kinds, in one place.

A kind is a module of this package exposing ``KIND`` (a :class:`~draft.kinds.kind.Kind`: its
parts, its figures and their arithmetic, its tables) and a folder of ``templates/`` holding its
starter form (``form.yaml``) and its wording (``wording.j2``). The registry finds the modules
itself, so adding a kind touches neither this module nor the pipeline (reader, check, render,
writers, import). A kind defined elsewhere joins with :func:`register`, its folder beside it.

A form names its kind with ``kind:`` (the id or the Chinese name); without it a form is the
法治政府建设年度报告, as every form was before there were kinds.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import Any

from draft.kinds.kind import Kind

__all__ = ["DEFAULT", "Kind", "all_kinds", "by_id", "find", "kind_of", "register", "template_dir", "unregister"]

#: The kind of a form that names none, and the module that defines it.
DEFAULT = "law-based-government"
_DEFAULT_MODULE = "law_based_government"


#: Kinds registered at run time, with their template folders, by id.
_registered: dict[str, tuple[Kind, Path]] = {}


def register(kind: Kind, templates: Path) -> None:
    """Make ``kind`` known to every command, as if it were built in; ``templates`` is its folder
    (``form.yaml``, ``wording.j2``). A kind of the same id is replaced."""
    _registered[kind.id] = (kind, templates)


def unregister(kind_id: str) -> None:
    """Forget a kind :func:`register` added (the built-in kinds stay)."""
    _registered.pop(kind_id, None)


def all_kinds() -> dict[str, Kind]:
    """Every kind by its id: the default first, the other built-in ones, then those registered."""
    return {**_built_in(), **{kind.id: kind for kind, _ in _registered.values()}}


@cache
def _built_in() -> dict[str, Kind]:
    """Every built-in kind by its id, the default first."""
    import pkgutil  # only to list the kinds: a form of the default kind never needs it

    found = {}
    for module in pkgutil.iter_modules(__path__):
        kind = getattr(importlib.import_module(f"{__name__}.{module.name}"), "KIND", None)
        if isinstance(kind, Kind):
            found[kind.id] = kind
    return {DEFAULT: found.pop(DEFAULT), **dict(sorted(found.items()))}


def _default() -> Kind:
    """The default kind, without importing the others: most forms are of it, and each build starts afresh."""
    kind: Kind = importlib.import_module(f"{__name__}.{_DEFAULT_MODULE}").KIND
    return kind


def by_id(kind_id: str) -> Kind:
    """The kind whose id is ``kind_id``."""
    return _default() if kind_id == DEFAULT else all_kinds()[kind_id]


def find(name: object) -> Kind | None:
    """The kind named ``name`` (its id, its Chinese name or another name it is known by), or None."""
    wanted = str(name).strip()
    default = _default()
    if wanted in (default.id, default.name, *default.aliases):
        return default
    return next((kind for kind in all_kinds().values() if wanted in (kind.id, kind.name, *kind.aliases)), None)


def kind_of(data: dict[str, Any]) -> Kind:
    """The kind a form's data names; the default when it names none (or one that is not a kind: validation says so)."""
    return find(data.get("kind", DEFAULT)) or _default()


def template_dir(kind: Kind) -> Path:
    """The kind's built-in template folder (inside the wheel; in a checkout, the repository's ``templates/``)."""
    from importlib import resources

    if kind.id in _registered:
        return _registered[kind.id][1]
    packaged = Path(str(resources.files("draft"))) / "templates" / kind.folder
    if packaged.is_dir():
        return packaged
    # An editable install runs from the source tree, where templates/ sits beside src/.
    return Path(__file__).resolve().parents[3] / "templates" / kind.folder
