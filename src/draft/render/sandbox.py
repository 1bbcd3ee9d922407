"""Where wording templates run: Jinja's sandbox, seeing only the files of their own folder.

A unit's ``wording.j2`` comes by USB stick or chat like any document, so it is
treated as untrusted: it is rendered by Jinja's :class:`ImmutableSandboxedEnvironment`
(no attribute starting with ``_``, no unsafe callables, nothing it is given can be
changed), and may only ``include``/``import`` files of its own folder — no absolute
path, no ``..`` (Jinja's own path check), and no link that leads out of the folder.
Every operation a template does is counted against the form's
:class:`~draft.render.template_budget.Budget` where it is done: the sandbox's hooks (calls,
attributes, operators, every filter) and the compiled code (:mod:`draft.render.template_code`:
loops, ``~``, literals, output). What could make something big in one step (``*``, widths in
``format``, ``replace``, ``join``…) is estimated before it runs. Nothing is worked out while
compiling (Jinja would otherwise fold constant filters then, out of any budget), and a template
too big or too deeply nested to compile quickly is refused before Python compiles it.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import BuiltinMethodType, CodeType
from typing import Any

from jinja2 import BaseLoader, Environment, StrictUndefined, TemplateNotFound, nodes, pass_context
from jinja2.exceptions import SecurityError
from jinja2.lexer import Token, TokenStream
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg, generate_lorem_ipsum

from draft.files.os_errors import reason
from draft.files.safe_read import read_regular
from draft.render.template_budget import MAX_VALUE, Budget, TooBig, TooComplex, too_big, weight
from draft.render.template_code import BudgetedCode
from draft.text.decode import decode

#: Largest template file read. The built-in one is 2 KB.
MAX_TEMPLATE_BYTES = 1024 * 1024
#: Largest number ``*`` or ``**`` may make, in binary digits (a 3,000-digit number).
MAX_POWER_BITS = 10_000
#: Most tokens (names, operators, pieces of text) a template file may have: the built-in one has 300.
MAX_TOKENS = 50_000
#: Most elements a template file may have once read (compiling is slower than linear in them): the built-in one has 80.
MAX_NODES = 5_000
#: Deepest an element may be nested in others (brackets, operators, tags): the built-in one, 6.
MAX_DEPTH = 80


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
    """The environment of wording templates; ``budget`` is the work the current form's wording may still do."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    code_generator_class = BudgetedCode

    def __init__(self, folder: Path, **options: Any) -> None:
        # optimized=False, and a finalize needing the running context: Jinja works nothing out while compiling.
        super().__init__(
            loader=FolderLoader(folder), undefined=StrictUndefined, autoescape=False, optimized=False, finalize=_written, **options
        )
        self.budget = Budget()
        self._line = 0  # the line of the token read last, while a template is read
        self.filters = {name: _budgeted_filter(name, function) for name, function in self.filters.items()}
        self.globals["lipsum"] = _estimated(generate_lorem_ipsum, _lipsum_size)

    # --- Compiling: tokens, elements and nesting counted before Python compiles the code -----------

    def _tokenize(self, source: str, name: str | None, filename: str | None = None, state: str | None = None) -> TokenStream:
        return TokenStream(self._counted(super()._tokenize(source, name, filename, state), filename), name, filename)

    def _counted(self, tokens: Iterator[Token], filename: str | None) -> Iterator[Token]:
        for count, token in enumerate(tokens, 1):
            self._line = token.lineno
            if count > MAX_TOKENS:
                raise TooComplex(
                    f"模板文件太长（超过 {MAX_TOKENS:,} 个名称、符号或文字段），无法处理。请精简模板。", filename, token.lineno
                )
            self.budget.tick()
            yield token

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        self._line = 0
        try:
            template = super()._parse(source, name, filename)
        except RecursionError:
            raise _too_deep(filename, self._line) from None
        _check_shape(template, filename)
        return template

    def _generate(self, source: nodes.Template, name: str | None, filename: str | None, defer_init: bool = False) -> str:
        try:
            return super()._generate(source, name, filename, defer_init=defer_init)
        except RecursionError:
            raise _too_deep(filename, 0) from None

    def _compile(self, source: str, filename: str) -> CodeType:
        self.budget.tick()
        try:
            return super()._compile(source, filename)
        except (RecursionError, SyntaxError):  # Python's own limits on nesting ("too many statically nested blocks")
            raise _too_deep(filename, 0) from None

    # --- Running: every call, attribute and operator is a step of work; what they make is weighed ----

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        budget = __self.budget
        budget.tick()
        args = _expect_method(budget, __obj, args, kwargs)
        return budget.made(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.tick()
        return self.budget.made(super().getitem(obj, argument))

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        self.budget.tick()
        if operator_ == "**":
            if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right * abs(left).bit_length() > MAX_POWER_BITS:
                raise TooBig(f"乘方 {left} ** {right} 的结果太大")
        elif operator_ == "*":
            _expect_product(left, right)
        elif operator_ == "%" and isinstance(left, str | bytes):
            _expect(_percent_size(_as_text(left), right), "按格式排出的文字")
        return self.budget.made(self.binop_table[operator_](left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``text.format`` and ``text.format_map``, refused when the widths they are told or the fields
        they repeat would make a text past MAX_VALUE."""
        format_ = super().wrap_str_format(value)
        if format_ is None:
            return None
        template: str = value.__self__
        is_map = value.__name__ == "format_map"

        @functools.wraps(format_)
        def bounded(*args: Any, **kwargs: Any) -> str:
            values = args[0] if is_map and args else (args, kwargs)
            _expect(_format_size(template, values), "按格式排出的文字")
            return format_(*args, **kwargs)

        return bounded


# --- Compiling -------------------------------------------------------------------------------


def _check_shape(template: nodes.Template, filename: str | None) -> None:
    """TooComplex if the template has more than MAX_NODES elements, or one nested deeper than MAX_DEPTH."""
    count = 0
    pending: list[tuple[nodes.Node, int]] = [(template, 0)]
    while pending:
        node, depth = pending.pop()
        count += 1
        if count > MAX_NODES:
            raise TooComplex(f"模板太复杂（超过 {MAX_NODES:,} 个宏、标签、变量和运算），无法处理。请精简模板。", filename, node.lineno)
        if depth > MAX_DEPTH:
            raise _too_deep(filename, node.lineno)
        pending.extend((child, depth + 1) for child in node.iter_child_nodes())


def _too_deep(filename: str | None, line: int) -> TooComplex:
    return TooComplex(
        "这里的括号、运算、循环或标签一层套一层，嵌套太深，无法处理。请拆成几步写（例如先用 set 算出一部分）。",
        filename,
        line,
    )


# --- Output and filters --------------------------------------------------------------------------


@pass_context
def _written(context: Any, value: Any) -> Any:
    """Jinja's ``finalize``: what ``{{ … }}`` writes out, charged to the form's output."""
    return context.environment.budget.emit(value)


def _budgeted_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, the filter ``name``, as a step of work: its size estimated first where it can make
    much from little, what it makes weighed, a lazy result walked a step of work per item."""
    passed = _PASSED.get(_PassArg.from_obj(function), lambda context: ())
    expect = _FILTER_SIZES.get(name)
    consumes = _CONSUMERS.get(name)

    @pass_context  # applied after wraps, which copies the filter's own mark; also keeps Jinja from running it while compiling
    @functools.wraps(function)
    def budgeted(context: Any, *args: Any, **kwargs: Any) -> Any:
        budget: Budget = context.environment.budget
        budget.tick()
        if consumes and args:
            args = (consumes(budget, args[0]), *args[1:])
        if expect:
            _expect(expect(*args, **kwargs), "这个过滤器的结果")
        result = function(*passed(context), *args, **kwargs)
        if isinstance(result, Iterator):
            return budget.iterate(result)
        return budget.made(result)

    return budgeted


#: What a filter marked by Jinja's pass_context, pass_eval_context or pass_environment is given first.
_PASSED: dict[_PassArg | None, Callable[[Any], tuple[Any, ...]]] = {
    _PassArg.context: lambda context: (context,),
    _PassArg.eval_context: lambda context: (context.eval_ctx,),
    _PassArg.environment: lambda context: (context.environment,),
}


def _estimated(function: Callable[..., Any], size: Callable[..., int]) -> Callable[..., Any]:
    """``function`` (a global), refused when ``size`` of its arguments is past MAX_VALUE."""

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _expect(size(*args, **kwargs), "生成的文字")
        return function(*args, **kwargs)

    return bounded


def _expect(size: int, what: str) -> None:
    if size > MAX_VALUE:
        raise too_big(what)


def _count(value: Any) -> int:
    """A width or count a template gave: its value if a whole number (a text: its length)."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    return len(value) if isinstance(value, str) else 0


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str) else weight(value)


def _lines(value: Any) -> int:
    return str(value).count("\n") + 1 if isinstance(value, str) else 1


# What the filters that can make much from little make at most, from what they are given
# (parameter names as Jinja's, which a template may name).
_FILTER_SIZES: dict[str, Callable[..., int]] = {
    "center": lambda value, width=80, *_, **__: _length(value) + _count(width),
    "indent": lambda s, width=4, *_, **__: _length(s) + _lines(s) * _count(width),
    "wordwrap": lambda s, width=79, break_long_words=True, wrapstring=None, *_, **__: (
        _length(s) + (_length(s) // max(_count(width), 1) + 1) * max(_count(wrapstring), 1)
    ),
    "truncate": lambda s, length=255, killwords=False, end="...", *_, **__: min(_length(s), _count(length)) + _count(end),
    "replace": lambda s, old="", new="", *_, **__: _length(s) + (_length(s) + 1) * _length(new),
    "format": lambda value, *args, **kwargs: _percent_size(str(value), kwargs or args),
    "slice": lambda value, slices=1, *_, **__: _length(value) + _count(slices),
    "batch": lambda value, linecount=1, *_, **__: _length(value) + _count(linecount),
    "join": lambda value, d="", *_, **__: weight(value) + len(value) * _length(d) if isinstance(value, list) else 0,
}


# Filters whose result is as big as all the items of their input together: the input is weighed item by item
# as they take it (``sum`` of lists also takes time in the square of their number, one step per item).
_CONSUMERS: dict[str, Callable[[Budget, Any], Any]] = {
    "sum": lambda budget, iterable: budget.weighed(iterable, "相加的结果"),
    "join": lambda budget, value: list(budget.weighed(value, "连接起来的文字")),
}


def _lipsum_size(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> int:  # noqa: A002 (Jinja's names)
    return _count(n) * _count(max) * 12  # a word and its space are at most 12 characters


# --- Calls and operators ------------------------------------------------------------------------------


def _expect_method(budget: Budget, method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """The arguments of a call, after checking what a method of a text (or of bytes) makes from them;
    ``join``'s items are taken first (and weighed), to be counted."""
    if not isinstance(method, BuiltinMethodType):
        return args
    # Python's own methods take a number as a size (int.to_bytes, str.center…): none past MAX_VALUE.
    if any(isinstance(value, int) and value > MAX_VALUE for value in (*args, *kwargs.values())):
        raise TooBig(f"要求的宽度或数量太大（超过 {MAX_VALUE:,}）")
    text = method.__self__
    if not isinstance(text, str | bytes):
        return args
    name = method.__name__
    if name in ("encode", "decode") and _codec(args, kwargs) not in _PLAIN_CODECS:
        # Some codecs (punycode, idna) take time growing with the square of the text, all in one step the budget's
        # clock cannot stop where there is no timer (Windows): a wording template has use for none of them.
        raise SecurityError(f"文字的 {name} 方法只能用 {'、'.join(sorted(_PLAIN_CODECS))} 编码")
    if name == "join" and args:
        args = (list(budget.weighed(args[0], "连接起来的文字")), *args[1:])
    size = _METHOD_SIZES.get(name)
    if size:
        _expect(size(text, *args, **kwargs), f"文字的 {name} 方法的结果")
    return args


#: The encodings a template may encode text in or decode it from: linear, and all a report could want.
_PLAIN_CODECS = frozenset({"utf-8", "gbk", "gb18030", "gb2312", "ascii", "iso8859-1", "utf-16", "utf-32"})


def _codec(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The encoding an encode()/decode() call names (utf-8 when it names none), as Python spells it."""
    import codecs

    named = args[0] if args else kwargs.get("encoding", "utf-8")
    try:
        return codecs.lookup(str(named)).name
    except LookupError:
        return str(named)


_METHOD_SIZES: dict[str, Callable[..., int]] = {
    **dict.fromkeys(("center", "ljust", "rjust", "zfill"), lambda text, width=0, *_, **__: len(text) + _count(width)),
    "expandtabs": lambda text, tabsize=8, **__: len(text) * max(_count(tabsize), 1),
    "replace": lambda text, old="", new="", *_, **__: len(text) + (len(text) + 1) * _length(new),
    "join": lambda text, items=(), **__: weight(items) + len(items) * len(text),
    # A text's table may map a character to a text; bytes' maps a byte to a byte.
    "translate": lambda text, table=None, *_, **__: len(text) * (weight(table) if isinstance(text, str) else 1),
}


def _expect_product(left: Any, right: Any) -> None:
    """``left * right``: a number of at most MAX_POWER_BITS, a repeated text or list of at most MAX_VALUE."""
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_POWER_BITS:
            raise TooBig(f"乘积的结果太大（超过 {MAX_POWER_BITS * 3 // 10:,} 位数字）")
        return
    for count, sequence in ((left, right), (right, left)):
        if isinstance(count, int) and isinstance(sequence, str | bytes | list | tuple):
            _expect(count * weight(sequence), f"重复 {count} 次的结果")


# A %-format field, with its width and precision: "%-999999999.3s".
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-+ #0]*([0-9]*|\*)(?:\.([0-9]*|\*))?")


def _as_text(template: str | bytes) -> str:
    return template if isinstance(template, str) else template.decode("latin-1")  # a byte a character


def _percent_size(template: str, values: Any) -> int:
    """At most how long ``template % values`` is: each field as wide as told, or as long as all the values."""
    fields = _PERCENT_FIELD.findall(template)
    widths = [int(size) for field in fields for size in field if size.isdigit()]
    if any("*" in field for field in fields):  # widths taken from the values
        widths += [_count(value) for value in (values if isinstance(values, tuple) else (values,))]
    return len(template) + sum(widths) + len(fields) * weight(values)


def _format_size(template: str, values: Any) -> int:
    """At most how long ``template.format(values)`` is; a width given inside a field ({:{}}) is refused."""
    import string

    widths = []
    fields = 0
    for _text, field, spec, _conversion in string.Formatter().parse(template):
        if field is None:
            continue
        fields += 1
        if spec and "{" in spec:
            raise TooBig("格式里的宽度不能再用 {} 从参数里取，请直接写出数字")
        widths += [int(size) for size in re.findall(r"[0-9]+", spec or "")]
    return len(template) + sum(widths) + fields * weight(values)
