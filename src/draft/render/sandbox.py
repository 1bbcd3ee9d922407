"""Where wording templates run: Jinja's sandbox, seeing only the files of their own folder.

A unit's ``wording.j2`` comes by USB stick or chat like any document, so it is
treated as untrusted: it is rendered by Jinja's :class:`ImmutableSandboxedEnvironment`
(no attribute starting with ``_``, no unsafe callables, nothing it is given can be
changed), and may only ``include``/``import`` files of its own folder — no absolute
path, no ``..`` (Jinja's own path check), and no link that leads out of the folder.
The sandbox also keeps ``*`` and ``**`` from building a result of gigabytes, and
:func:`time_limit` stops a template that runs on (loops within loops) where the
system allows (POSIX, main thread).
"""

from __future__ import annotations

import contextlib
import functools
import operator
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from jinja2 import BaseLoader, Environment, StrictUndefined, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from draft.files.os_errors import reason
from draft.files.safe_read import read_regular
from draft.text.decode import decode

#: Largest template file read. The built-in one is 2 KB.
MAX_TEMPLATE_BYTES = 1024 * 1024
#: Longest text (or list) ``*`` may make: far above any wording.
MAX_PRODUCT = 100_000
#: Largest number ``**`` may make, in binary digits (a 3,000-digit number).
MAX_POWER_BITS = 10_000
#: Longest a template may run at once (reading it, or one macro): the built-in one takes a millisecond.
MAX_SECONDS = 10


class OutsideFolder(TemplateNotFound):
    """A template name that leads out of the template folder through a link."""


class Unreadable(TemplateNotFound):
    """A template file that is there but cannot be read (no permission, a FIFO…); ``reason`` says why."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(name)
        self.reason = reason


class FolderLoader(BaseLoader):
    """Serves the files inside one folder, read as text files are (UTF-8, or GBK as Notepad saves it)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.real_folder = folder.resolve()

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))  # TemplateNotFound for ".."
        if not path.resolve().is_relative_to(self.real_folder):
            raise OutsideFolder(template)
        try:
            raw = read_regular(path, MAX_TEMPLATE_BYTES)
            modified = os.stat(path).st_mtime_ns
        except (FileNotFoundError, NotADirectoryError):
            raise TemplateNotFound(template) from None
        except OSError as error:
            raise Unreadable(template, reason(error)) from None
        if len(raw) > MAX_TEMPLATE_BYTES:
            raise SecurityError(f"模板文件“{template}”太大（超过 {MAX_TEMPLATE_BYTES:,} 字节）")
        text, _encoding = decode(raw)  # NotText if it is no text at all

        def unchanged() -> bool:
            try:
                return os.stat(path).st_mtime_ns == modified
            except OSError:
                return False

        return text, str(path), unchanged


class Sandbox(ImmutableSandboxedEnvironment):
    """The environment of wording templates."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, folder: Path, **options: Any) -> None:
        super().__init__(loader=FolderLoader(folder), undefined=StrictUndefined, autoescape=False, **options)
        # Filters and globals that make a text as wide as they are told: told at most MAX_PRODUCT.
        for name in ("center", "indent", "wordwrap", "truncate", "format", "filesizeformat"):
            self.filters[name] = _sized(self.filters[name])
        self.globals["lipsum"] = _sized(cast("Callable[..., Any]", self.globals["lipsum"]))  # Jinja types globals as object

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        # str.center, ljust, zfill… as methods: the same bound on every number a call is given.
        _check_sizes(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**":
            if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right * abs(left).bit_length() > MAX_POWER_BITS:
                raise SecurityError(f"乘方 {left} ** {right} 的结果太大")
            return operator.pow(left, right)
        for count, sequence in ((left, right), (right, left)):
            if isinstance(count, int) and hasattr(sequence, "__len__") and count * len(sequence) > MAX_PRODUCT:
                raise SecurityError(f"重复 {count} 次的结果太长（超过 {MAX_PRODUCT:,} 个字符或项）")
        if operator_ == "%":
            _check_sizes((left, right), {})
            return operator.mod(left, right)
        return operator.mul(left, right)


# A %-format field's width and precision: "%999999999s".
_PERCENT_SIZES = re.compile(r"%(?:\([^)]*\))?[-+ #0]*([0-9]*)(?:\.([0-9]*))?")


def _check_sizes(args: Any, kwargs: dict[str, Any]) -> None:
    """SecurityError if a number given, or a width written in a %-format, would make a text past MAX_PRODUCT."""
    values = [*args, *kwargs.values()]
    values += [item for value in values if isinstance(value, tuple | list) for item in value]
    for value in values:
        sizes = [value] if isinstance(value, int) and not isinstance(value, bool) else []
        if isinstance(value, str) and "%" in value:
            sizes = [int(size) for match in _PERCENT_SIZES.finditer(value) for size in match.groups() if size]
        if any(size > MAX_PRODUCT for size in sizes):
            raise SecurityError(f"要求的宽度或数量太大（超过 {MAX_PRODUCT:,}）")


def _sized(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (a filter or global), refusing sizes past MAX_PRODUCT before it allocates anything."""

    @functools.wraps(function)  # keeps Jinja's mark of filters that are passed the environment
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_sizes(args, kwargs)
        return function(*args, **kwargs)

    return bounded


class TooLong(SecurityError):
    """A template ran past :data:`MAX_SECONDS`."""


@contextlib.contextmanager
def time_limit() -> Iterator[None]:
    """Run the block for at most :data:`MAX_SECONDS`, then raise TooLong in it (where the system has timers)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise TooLong(f"模板运行超过 {MAX_SECONDS} 秒还没有结束（可能是循环套循环，或者没有尽头）")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, MAX_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
