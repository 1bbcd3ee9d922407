"""How much work a wording template may do for one form: time, values, work and output, counted where the work is done.

A template is a program, and a hostile one need not be long to run for hours or fill the
memory: a loop within a loop, a text doubled forty times, a list of a list of the same list
printed. Its size tells nothing, so the sandbox counts instead, as the template runs:

- every operation that makes a value (a filter, a call, ``~``, ``+``, a list written in the
  template) weighs what it made and refuses a value past :data:`MAX_VALUE` — weighed as
  Python would walk it to print, compare or serialise it, a list holding the same list twice
  counting it twice — so that no value a template holds is ever big: what C code does with
  it (``tojson``, ``sort``, ``str``) is then quick;
- whatever could make something big in one step is estimated *before* it runs (``*``,
  ``'{:>999999999}'.format``, ``replace``, ``join``…: :mod:`draft.render.sandbox`);
- the weights of everything made add up to the form's :data:`MAX_WORK`, everything written
  out to :data:`MAX_OUTPUT`, and each of these steps (and each turn of a loop) checks the clock
  against :data:`MAX_SECONDS`: a check of the clock, not a signal, so that it holds on
  Windows and in any thread as well.

One budget covers a form: compiling the template (for the first form a process builds) and
every macro called for it.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.runtime import Namespace

#: Longest a template may run for one form, compiling it included: the built-in one takes a millisecond.
MAX_SECONDS = 10
#: Weight of the biggest value a template may make (characters of a text, items of a list, counted deep):
#: far above any wording.
MAX_VALUE = 100_000
#: The weights of all values made for one form, added up: bounds the memory a template can hold.
MAX_WORK = 10_000_000
#: Characters a template may write out for one form, in all its macros.
MAX_OUTPUT = 1_000_000


#: How long after the budget's own deadline the system's timer (where there is one) stops a step that runs on:
#: later, so that the clock checks, which stop the template at its line, come first.
ALARM_GRACE = 1


class TooLong(SecurityError):
    """A template ran past :data:`MAX_SECONDS`."""


class TooBig(SecurityError):
    """A template made, or was about to make, more than its budget allows; ``lineno`` is the
    line of ``filename`` at fault when it is known without a traceback (while compiling)."""

    def __init__(self, message: str, filename: str | None = None, lineno: int = 0) -> None:
        super().__init__(message)
        self.filename = filename
        self.lineno = lineno


class TooComplex(TooBig):
    """A template too long, too big or nested too deep (brackets in brackets, tags in tags) to compile quickly."""


def too_big(what: str, limit: int = MAX_VALUE) -> TooBig:
    return TooBig(f"{what}太长（超过 {limit:,} 个字符或项）")


class Budget:
    """The work one form's wording may still do. Time counts only while :meth:`running`."""

    def __init__(self) -> None:
        self.seconds_left: float = MAX_SECONDS
        self.limit_seconds = MAX_SECONDS
        self.work = 0
        self.output = 0
        self._deadline: float | None = None

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        """Count the time the block takes against the budget (and stop the block when it runs out)."""
        started = time.monotonic()
        self._deadline = started + self.seconds_left
        try:
            with alarm(self.seconds_left + ALARM_GRACE, self._too_long):
                yield
        finally:
            self._deadline = None
            self.seconds_left -= time.monotonic() - started

    def _too_long(self) -> TooLong:
        return TooLong(f"模板运行超过 {self.limit_seconds} 秒还没有结束（可能是循环套循环，或者没有尽头）")

    def tick(self, work: int = 1) -> None:
        """One step of work done: TooLong when time is up, TooBig when the form's work is."""
        self.work += work
        if self.work > MAX_WORK:
            raise TooBig(f"模板为这份表单做的运算太多（超过 {MAX_WORK:,} 个字符或项）")
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise self._too_long()

    def made(self, value: Any) -> Any:
        """``value``, just made by the template: refused if it weighs more than :data:`MAX_VALUE`, else charged."""
        self.tick(weigh(value, MAX_VALUE, "得到的结果"))
        return value

    def emit(self, value: Any) -> Any:
        """``value``, about to be written out (``{{ value }}`` or the template's own text): charged to the output."""
        weight = weigh(value, MAX_VALUE, "要输出的内容")
        self.output += weight
        if self.output > MAX_OUTPUT:
            raise too_big("模板为这份表单输出的文字", MAX_OUTPUT)
        self.tick(weight)
        return value

    def iterate(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """``iterable`` (a loop's, or a filter's lazy result), a step of work per item."""
        for item in iterable:
            self.tick()
            yield item

    def weighed(self, iterable: Iterable[Any], what: str) -> Iterator[Any]:
        """``iterable``'s items for something the size of all of them together (``sum``, ``join``):
        refused as soon as they weigh more than :data:`MAX_VALUE` together."""
        total = 0
        for item in iterable:
            weight = weigh(item, MAX_VALUE, what)
            total += weight
            if total > MAX_VALUE:
                raise too_big(what)
            self.tick(weight)
            yield item


def weigh(value: Any, limit: int, what: str) -> int:
    """The weight of ``value`` (see :func:`weight`); TooBig, naming ``what``, past ``limit``."""
    found = weight(value, limit)
    if found > limit:
        raise too_big(what, limit)
    return found


def weight(value: Any, limit: int = MAX_VALUE) -> int:
    """How big ``value`` is to print or walk: a text's length, a number's digits, one plus the weights
    of what a list, tuple, dict or namespace holds (each time it holds it). Stops counting past ``limit``,
    so that weighing costs at most ``limit`` steps whatever the value."""
    total = 0
    pending = [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, str | bytes):
            total += len(item) or 1
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 1  # a little above its decimal digits
        elif isinstance(item, list | tuple | set | frozenset):
            total += 1
            if len(item) > limit:
                return limit + 1
            pending.extend(item)
        elif isinstance(item, dict):
            total += 1
            if len(item) > limit:
                return limit + 1
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, Namespace):
            total += 1
            pending.append(item._Namespace__attrs)  # type: ignore[attr-defined]  # what it prints and holds
        else:
            total += 1
    return total


# --- The clock, where the system has a timer -----------------------------------------------------------


@contextlib.contextmanager
def alarm(seconds: float, error: Callable[[], BaseException]) -> Iterator[None]:
    """Raise ``error()`` in the block after ``seconds``, where the system has timers (POSIX, main thread).

    Only an extra to the budget's own checks of the clock (which hold everywhere): it also stops
    a single step that runs on between two checks."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise error()

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
