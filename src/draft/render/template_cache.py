"""Compiled templates kept between runs, so that a build does not compile wording.j2 each time.

Compiling the template is about a tenth of a build's start-up (11 ms of it), and its
text rarely changes. Jinja's own file cache keeps the compiled code in its per-user
folder of the temporary directory, keyed by the template's path and checked against
a checksum of its text: a unit's own template, once edited, is compiled afresh.

A cache must never cost a build: a folder that cannot be made or written, or a
cache file that cannot be read, only means compiling as if there were no cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket


class TemplateCache(jinja2.FileSystemBytecodeCache):
    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # Code compiled for the sandbox, counting its work, differs from code compiled without it
        # (which earlier versions of draft kept in the same folder): the two never share a cache file. A folder name
        # that is not UTF-8 (a zip unpacked from Chinese Windows) is hashed as its bytes.
        key = hashlib.sha1(f"budgeted|{_compiler()}|{name}|".encode())
        if filename is not None:
            key.update(os.fsencode(filename))
        return key.hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged cache file (unpickling garbage raises almost anything) is ignored
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a full disk, a folder we may not write
            super().dump_bytecode(bucket)


@functools.cache
def _compiler() -> str:
    """What compiles a template into counted code (the sandbox, its code generator, the budget), as a hash: code
    compiled by an older draft, without hooks a newer one added, is never run by the newer one."""
    from draft.render import sandbox, template_budget, template_code

    sha = hashlib.sha1()
    for module in (sandbox, template_budget, template_code):
        sha.update(Path(str(module.__file__)).read_bytes())
    return sha.hexdigest()


def template_cache() -> TemplateCache | None:
    """The cache in Jinja's default folder; None if that folder cannot be made safely."""
    try:
        return TemplateCache()
    except (OSError, RuntimeError):  # RuntimeError: Jinja found the folder not private to the user
        return None
