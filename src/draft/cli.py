"""The ``draft`` command. Every message is Chinese; no traceback ever reaches the user.

Exit codes: 0 all went well, 1 a form has problems, 2 wrong usage or the
environment (missing file, unwritable folder, broken template).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click

from draft.command_name import running_command
from draft.files.report_names import FORM_SUFFIXES, example_form_name, notepad_named, saved_by_notepad, unique
from draft.problems import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    CannotProceed,
    DraftError,
    FormError,
    Problem,
    Severity,
    display_path,
    internal_error,
)
from draft.usage_messages import HELP_OPTION_HELP, ChineseCommand, ChineseContext, ChineseUsageError
from draft.version import __version__

if TYPE_CHECKING:
    from draft.build.formats import Format
    from draft.build.options import BuildOptions
    from draft.build.protect import Written

DEFAULT_INPUTS = Path("inputs")
DEFAULT_OUTPUT = Path("output")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Path(click.Path):
    """A file or folder named on the command line. Whether it can be read is found out, and told
    in Chinese, when it is read: click's own check would stop a whole batch over one file, in English.
    An empty name is refused: the system would take it for the current folder (``-o ""`` would write there)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            named = (param.metavar if param is not None else None) or "文件"  # 文件夹, [表单文件]..., 报告文件
            what = named.strip("[]. ")
            current = "（当前文件夹写“.”）" if what == "文件夹" else ""
            self.fail(f"{what}的名字是空的。请写出{what}的名字{current}。", param, ctx)
        return super().convert(value, param, ctx)


def _path(**options: bool) -> click.Path:
    return _Path(path_type=Path, readable=False, **options)


def _forms(files: tuple[Path, ...]) -> list[Path]:
    """The forms named, or every inputs/*.yaml when none is (hidden files left out, as ``ls`` does:
    macOS leaves ``._x.yaml`` beside ``x.yaml`` on a USB stick; and the backups ``x.bak.yaml`` that
    ``import --force`` keeps, whose report would take the name of the backup of ``x.docx``).
    A form Notepad saved as ``x.yaml.txt`` is not one of them: it is pointed out, by its ``.txt``."""
    from draft.files.safe_write import is_backup

    if files:
        return unique(files)  # a form named twice (a.yaml ./a.yaml) is read once, and its problems told once
    listed = [
        path
        for path in (DEFAULT_INPUTS.iterdir() if DEFAULT_INPUTS.is_dir() else ())
        if not path.name.startswith(".") and not is_backup(path)
    ]
    # Forms saved as 2025.YAML count too: Windows shows and keeps the case a user typed.
    found = sorted(
        (form for form in listed if form.suffix.lower() in FORM_SUFFIXES),
        key=lambda form: (form.suffix.lower() != ".yaml", form.name),
    )
    misnamed = sorted(path for path in listed if saved_by_notepad(path))
    if not found:
        raise CannotProceed(
            [notepad_named(path) for path in misnamed]
            or Problem(
                file=str(DEFAULT_INPUTS),
                message=(
                    "没有找到表单（inputs 文件夹里没有 .yaml 文件）。"
                    if DEFAULT_INPUTS.is_dir()
                    else "没有找到表单（这里没有 inputs 文件夹）。"
                )
                + f"请先运行 {running_command()} init 新建一份表单，或在命令后写出表单文件名。",
            )
        )
    _report([notepad_named(path, Severity.WARNING) for path in misnamed])
    return found


def _report(problems: Sequence[Problem], review: bool = False) -> None:
    """Each problem on its line; a review's findings (``review``) say ``[错误]`` of their errors too."""
    for problem in problems:
        click.echo(problem.line_text(tag_errors=review), err=True)


class _Formats(click.ParamType):
    """``--format docx,html,pdf``: the formats, or a Chinese message naming what is not one."""

    name = "格式"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> object:
        from draft.build.formats import parse

        try:
            return parse(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


class _Kind(click.ParamType):
    """``--kind``: a report kind by its id or its Chinese name, or a Chinese message naming the kinds there are."""

    name = "种类"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> object:
        from draft.kinds import all_kinds, find

        kind = find(value)
        if kind is None:
            names = "、".join(f"{kind.id}（{kind.name}）" for kind in all_kinds().values())
            self.fail(f"没有“{value}”这种报告。可以写：{names}。", param, ctx)
        return kind.id


#: ``--kind`` of draft init and draft template.
_KIND_HELP = (
    "报告种类：law-based-government（法治政府建设年度报告，默认）或 information-disclosure"
    "（政府信息公开工作年度报告），也可以写中文名称。"
)


class _DraftGroup(click.Group):
    """The ``draft`` group: turns every known error into a Chinese message and an exit code."""

    context_class = ChineseContext
    command_class = ChineseCommand

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_HELP
        return option

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:  # draft's own options (draft --bogus)
            raise ChineseUsageError.of(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        """The command, every error it meets turned into one click shows in Chinese (and exits with its code)."""
        from draft.files.working_folder import require_working_folder

        require_working_folder()
        try:
            return super().invoke(ctx)
        except DraftError:
            raise
        except click.UsageError as error:  # a command's arguments
            raise ChineseUsageError.of(error) from None
        except click.ClickException as error:
            raise _Told(f"错误：{error.format_message()}") from None
        except click.exceptions.Exit:
            raise
        except KeyboardInterrupt:
            click.echo(err=True)  # closes the terminal's ^C echo, as click does
            raise _Told("已取消。") from None
        except click.Abort:
            raise _Told("已取消。") from None
        except Exception as error:  # a bug of ours: say so plainly, never show a traceback
            if os.environ.get("DRAFT_DEBUG"):
                raise
            raise _Told(internal_error(error)) from error


class _Told(click.ClickException):
    """An error that is told by its message alone, on standard error, with exit code 2: Ctrl+C, a bug of
    draft's (:func:`draft.problems.internal_error`, never a traceback), any other error of click's."""

    exit_code = EXIT_USAGE

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.format_message(), file=file, err=file is None)


def _exit(code: int) -> NoReturn:
    """End the command with ``code`` as click does: the process exits with it, or (``standalone_mode=False``)
    ``main`` returns it."""
    click.get_current_context().exit(code)


@click.group(
    cls=_DraftGroup, context_settings=CONTEXT, invoke_without_command=True,
    options_metavar="[选项]", subcommand_metavar="命令 [参数]...",
)
@click.version_option(__version__, "-V", "--version", message="draft %(version)s", help="显示版本号并退出。")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """draft：把填好的 YAML 表单生成符合 GB/T 9704-2012 格式的
    《法治政府建设年度报告》Word 文档。

    \b
    常用步骤：
      draft init                     新建一份带说明的表单（inputs/report.yaml）
      draft validate                 检查 inputs 里的所有表单
      draft build                    生成 output/表单名.docx

    查看某个命令的详细说明：draft 命令 --help，例如 draft build --help
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@cli.command(context_settings=CONTEXT)
@click.argument(
    "path", type=_path(), default=DEFAULT_INPUTS / "report.yaml", required=False, metavar="[表单文件]"
)
@click.option("--kind", type=_Kind(), default="law-based-government", metavar="种类", help=_KIND_HELP)
def init(path: Path, kind: str) -> None:
    """新建一份带中文说明的表单（默认 inputs/report.yaml）。

    表单里每一项都有说明和示例，照着改写即可；不会覆盖已有文件。
    表单第一行让 VS Code 等编辑器在输入时检查表单（所用的说明文件写在表单旁边的 .draft 文件夹里）。
    政府信息公开工作年度报告用  draft init --kind information-disclosure 文件名。
    """
    from draft.files import safe_write
    from draft.form import starter as init_form
    from draft.form.schema_file import refresh_schemas, with_modeline
    from draft.text import dates

    if path.name.startswith("."):
        raise CannotProceed(
            Problem(
                file=display_path(path),
                message="以“.”开头的文件是隐藏文件，draft build 不会读它。"
                f"请给表单起一个不以“.”开头的名字，例如 inputs/{example_form_name()}。",
            )
        )
    if not path.suffix:
        path = path.with_name(path.name + ".yaml")  # draft build finds *.yaml: "inputs/2025" is inputs/2025.yaml
    elif path.suffix.lower() not in FORM_SUFFIXES:
        # 2026.yaml.txt (as Notepad would name it) is meant as 2026.yaml, not 2026.yaml.txt.yaml.
        meant = path.with_suffix("") if saved_by_notepad(path) else path.with_name(path.name + ".yaml")
        raise CannotProceed(
            Problem(
                file=display_path(path),
                message=f"表单的文件名要以 .yaml 结尾，draft build 才会读它。请写成 {display_path(meant)} 这样的名字。",
            )
        )
    safe_write.create(path, with_modeline(init_form.init_form_text(dates.today(), kind), kind).encode("utf-8"))
    refresh_schemas([path])  # the schema the form's first line names, for the editor
    click.echo(f"已新建表单：{display_path(path)}")
    click.echo(f"下一步：用记事本或其他编辑器填写它，然后运行  {running_command()} build {display_path(path)}")


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, type=_path(), metavar="[表单文件]...")
def validate(files: tuple[Path, ...]) -> None:
    """检查表单，一次列出所有问题（不生成文件）。

    不写文件名时检查 inputs 文件夹里的全部 .yaml 表单。每个问题按
    “文件:行:列 字段:说明”列出，并说明怎么改。
    """
    from draft.form.read import read_form
    from draft.form.schema_file import refresh_schemas

    exit_code = EXIT_OK
    forms = _forms(files)
    refresh_schemas(forms)
    for form in forms:
        try:
            read = read_form(form)
        except DraftError as error:
            _report(error.problems)
            exit_code = max(exit_code, error.exit_code)
            continue
        _report(read.warnings)
        click.echo(f"{display_path(form)}：没有发现问题。")
    _exit(exit_code)


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, type=_path(), metavar="[表单文件]...")
@click.option(
    "-o", "--output", "output_dir", type=_path(), default=DEFAULT_OUTPUT,
    metavar="文件夹", help="生成的文件放在哪个文件夹（默认：output）。",
)
@click.option(
    "--format", "formats", type=_Formats(), default="docx", metavar="格式",
    help="生成哪几种文件，用逗号隔开：docx（Word 文件，默认）、html（网页）、pdf（要装 LibreOffice），"
    "例如 --format docx,html,pdf。同一份表单的几种文件放在一起：表单名.docx、表单名.html、表单名.pdf。",
)
@click.option(
    "--html-fragment", is_flag=True,
    help="网页只写正文部分（不含标题和样式），用于粘贴到网站内容管理系统的编辑器（源代码模式）。",
)
@click.option(
    "--template", "template_dir", type=_path(), metavar="文件夹",
    help="使用自己的模板文件夹（先用 draft template 文件夹名 复制一份内置模板再修改）。",
)
@click.option("--keep-punctuation", is_flag=True, help="保留表单原有的标点，不把中文里的半角标点改为全角。")
@click.option(
    "--force", is_flag=True,
    help="即使输出文件在生成后被修改过（如在 Word 中编辑过）也重新生成；原文件先备份为 .bak.docx（网页、PDF 同样）。",
)
@click.option(
    "--strict", is_flag=True,
    help="draft check 发现任何问题（错误或提示，程序自己会改正的半角标点除外）的表单不生成，退出码为 1。",
)
@click.option(
    "--ignore-review-errors", is_flag=True,
    help="draft check 发现错误（会印错的地方）的表单也照样生成（默认不生成）。加了 --strict 时不起作用。",
)
def build(
    files: tuple[Path, ...],
    output_dir: Path,
    formats: tuple[Format, ...],
    html_fragment: bool,
    template_dir: Path | None,
    keep_punctuation: bool,
    force: bool,
    strict: bool,
    ignore_review_errors: bool,
) -> None:
    """生成报告：每份表单生成 输出文件夹/表单名.docx（用 --format 还可以生成网页和 PDF）。

    不写文件名时生成 inputs 文件夹里的全部 .yaml 表单。有问题的表单不会生成，
    其余照常生成。生成后改过的输出文件（在 Word 中编辑过的 .docx、改过的网页、
    盖过电子印章的 PDF）不会被覆盖（除非加 --force）。
    生成前先审读（同 draft check）：有错误（会印错）的表单不生成，除非加 --ignore-review-errors；
    只有提示时照常生成并列出提示，加 --strict 时有提示的表单也不生成。
    """
    from draft.build import BatchTally, BuildOptions, build_forms
    from draft.build.tally import NOT_BUILT
    from draft.check import summary
    from draft.check.copies import copies
    from draft.form.schema_file import refresh_schemas

    options = BuildOptions(
        formats=formats, normalize=not keep_punctuation, force=force, strict=strict, fragment=html_fragment,
        template_dir=template_dir, ignore_review_errors=ignore_review_errors,
    )
    forms = _forms(files)
    refresh_schemas(forms)
    tally = BatchTally(strict=strict)
    # Each form is checked and built (in worker processes when there are many) by build_one,
    # as check_form and build_form would do it here; findings() and built() raise what they raised.
    done_forms = build_forms(forms, output_dir, options, progress=sys.stderr)
    identities = []
    for form, done in done_forms:
        identities.append((form, done.identity))
        try:
            findings = done.findings()
            held = options.holding_back(findings)
            if held:
                _report(findings, review=True)
                # Counted: what holds the report back, not the hints about what draft puts right itself.
                click.echo(f"{display_path(form)}：{summary(held)}{_held_because(options)}", err=True)
                tally.held()
                continue
            built = done.built()
        except DraftError as error:
            _report(error.problems)
            if done.built_ is not None:  # only its PDF failed: what it did write is told as ever
                _list_written(done.built_.files)
            elif isinstance(error, FormError):  # its problems are about the form: they do not say no report was written
                click.echo(f"{display_path(form)}：{NOT_BUILT}，请按上面的说明改正后再生成。", err=True)
            tally.failed(error.exit_code)
            continue
        _report(built.warnings)
        _report(findings, review=True)
        _list_written(built.files)
        tally.built(with_findings=bool(findings))
    _report(copies(identities))
    if tally.total > 1:  # a form named twice is built once
        click.echo(tally.summary(), err=tally.exit_code != EXIT_OK)
    _exit(tally.exit_code)


def _held_because(options: BuildOptions) -> str:
    """Why a form the review has findings on was not built, and how to build it all the same."""
    if options.strict:
        return "因为加了 --strict，没有生成。"
    return (
        "有错误的地方会印错，所以没有生成。请按上面的改法改正后再生成；"
        "确实要照现在的样子生成时，加 --ignore-review-errors。"
    )


def _list_written(files: Sequence[Written]) -> None:
    for written in files:
        if written.backup:
            click.echo(f"已备份原文件：{display_path(written.backup)}")
        click.echo(f"已生成：{display_path(written.path)}")


@cli.command(context_settings=CONTEXT)
@click.argument("target", type=_path(), metavar="文件夹")
@click.option("--kind", type=_Kind(), default="law-based-government", metavar="种类", help=_KIND_HELP)
def template(target: Path, kind: str) -> None:
    """复制一份内置模板到“文件夹”，供本单位修改措辞。

    模板里的 wording.j2 决定默认标题、各部分标题、结束语和落款的写法；
    改好后用  draft build --template 文件夹  生成。
    """
    from draft.render.wording import copy_builtin_template

    copy_builtin_template(target, kind)
    click.echo(f"已复制内置模板到：{display_path(target)}")
    click.echo(f"修改其中的 wording.j2 后，运行  {running_command()} build --template {display_path(target)}")


@cli.command(context_settings=CONTEXT)
@click.option("--kind", type=_Kind(), default="law-based-government", metavar="种类", help=_KIND_HELP)
@click.option(
    "-o", "--output", "output", type=_path(dir_okay=False), metavar="文件",
    help="写到哪个文件（默认：显示在屏幕上）。",
)
def schema(kind: str, output: Path | None) -> None:
    """写出某种报告表单的 JSON Schema（表单结构的说明），供编辑器在输入时检查表单。

    draft init 和 draft import 已经在表单旁边的 .draft 文件夹里写好了这个文件，
    并在表单第一行注明；draft build 和 draft validate 会让它保持最新。
    不写 -o 时显示在屏幕上。
    """
    from draft.form.json_schema import schema_text
    from draft.kinds import by_id

    text = schema_text(by_id(kind))
    if output is None:
        click.echo(text, nl=False)
        return
    from draft.files import safe_write

    safe_write.ensure_folder(output.parent, output)
    safe_write.replace(output, text.encode("utf-8"))
    click.echo(f"已写入：{display_path(output)}", err=True)


@cli.command("import", context_settings=CONTEXT)
@click.argument("report", type=_path(), metavar="报告文件")
@click.option(
    "-o", "--output", "output", type=_path(dir_okay=False), metavar="表单文件",
    help="表单写到哪里（默认 inputs/报告文件名.yaml）。",
)
@click.option("--force", is_flag=True, help="表单文件已存在时覆盖它（默认不覆盖）；原表单先备份为 .bak.yaml。")
@click.option(
    "--template", "template_dir", type=_path(), metavar="文件夹",
    help="本单位的模板文件夹：与其默认标题相同的标题不写进表单。",
)
def import_(report: Path, output: Path | None, force: bool, template_dir: Path | None) -> None:
    """把去年的报告（.docx、.html 网页、.txt 或 .md）转成今年的表单。

    识别标题、开头段落、各部分（一、二、三、……）、各级条目、“一是、二是”、结束语和落款，
    按原文的编号和写法设置排版选项，写成表单（默认 inputs/报告文件名.yaml），并列出所有需要核对的地方。
    把表单改写为本年度的内容后，用  draft build  生成。
    """
    from draft.files import safe_write
    from draft.form.schema_file import refresh_schemas
    from draft.imports import import_report
    from draft.render.wording import Wording

    target = output or DEFAULT_INPUTS / (report.stem + ".yaml")
    if target.suffix.lower() not in FORM_SUFFIXES:
        raise CannotProceed(Problem(file=display_path(target), message=f"表单文件名应以 .yaml 结尾，例如 inputs/{example_form_name()}。"))
    if report.exists() and target.exists() and target.resolve() == report.resolve():
        raise CannotProceed(Problem(file=display_path(target), message="表单不能写到报告文件本身。请用 -o 指定另一个文件名。"))
    result = import_report(report, wording=Wording(template_dir), form_path=target)
    existing = safe_write.occupant(target)
    if existing and not force:
        raise CannotProceed(
            Problem(
                file=display_path(target),
                message=f"表单{existing}已存在，为免覆盖您的内容没有写入。请用 -o 换一个文件名，或加 --force 覆盖它"
                "（原表单会先备份为 .bak.yaml）。",
            )
        )
    # As build --force does: the form being replaced may hold a whole year's writing.
    backup = safe_write.keep_backup(target) if existing else None
    safe_write.replace(target, result.form_text.encode("utf-8"), backup=backup)
    refresh_schemas([target])  # the schema the form's first line names, for the editor
    for line in result.summary:
        click.echo(line)
    if backup:
        click.echo(f"已备份原表单：{display_path(backup)}")
    click.echo(f"已写入表单：{display_path(target)}")
    if result.form_problems:
        # The source itself holds what a form may not (×× for a name, a date before the year ended).
        click.echo(f"表单里还有 {len(result.form_problems)} 处需要修改后才能生成（见下面的说明，draft validate 会再次列出）：", err=True)
        _report(result.form_problems)
        _exit(EXIT_BAD_INPUT)
    click.echo(f"下一步：核对并改写表单的内容，然后运行  {running_command()} build {display_path(target)}")


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, type=_path(), metavar="[表单文件]...")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
    help="text：每条意见一行（默认）；json：供其他程序读取。",
)
@click.option(
    "--previous", type=_path(dir_okay=False), metavar="表单文件",
    help="上一年度的表单：核对政府信息公开工作年度报告的“上年结转”与上年的“结转下年度继续办理”是否一致、存在的问题是否与上年雷同。",
)
def check(files: tuple[Path, ...], output_format: str, previous: Path | None) -> None:
    """审读表单：像有经验的文秘那样，找出会让报告出错或被问住的地方。

    \b
    查找：手写的编号、中文里的半角标点、不成对的引号书名号括号、
    与报告年度不符的年份、只写“继续”的安排、缺少的部分、空的或重复的条目、
    过长的段落、同一种数字时而汉字时而阿拉伯数字。
    不写文件名时检查 inputs 文件夹里的全部 .yaml 表单。每条按
    “文件:行:列 位置:[错误|提示] 说明（改法：……）”列出。有错误时退出码为 1，只有提示时为 0。
    """
    from draft.check import check_form, summary, to_json
    from draft.check.copies import copies, identity

    exit_code = EXIT_OK
    everything: list[Problem] = []  # findings, and the problems of forms that fail validation
    read = 0  # forms read at all: a count over none (a folder, a missing file) would say all is well
    identities = []
    for form in _forms(files):
        try:
            result = check_form(form, previous=previous)
        except DraftError as error:
            exit_code = max(exit_code, error.exit_code)
            if error.exit_code == EXIT_USAGE or output_format == "text":
                _report(error.problems)  # as draft validate does
            if error.exit_code != EXIT_USAGE:
                everything += error.problems
                read += 1
            continue
        read += 1
        identities.append((form, identity(result.report) if result.report else None))
        if output_format == "text":
            _report(result.warnings)
            for finding in result.findings:
                click.echo(finding.line_text(tag_errors=True))
        everything += [*result.warnings, *result.findings]
    same = copies(identities)  # a finding on the batch, listed and counted with the findings on each form
    if output_format == "text":
        for warning in same:
            click.echo(warning.line_text())
    everything += same
    if output_format == "json":
        click.echo(to_json(everything))
    elif read:
        click.echo(summary(everything))
    if any(p.severity is Severity.ERROR for p in everything):
        exit_code = max(exit_code, EXIT_BAD_INPUT)
    _exit(exit_code)


def main() -> None:
    """Run the command line (the ``draft`` command is :func:`draft.__main__.main`), named as it was run."""
    from draft.command_name import typed_command

    cli(prog_name=typed_command())
