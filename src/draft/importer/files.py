"""Open a user's report file safely: size, type by content, zip bombs, encodings.

Nothing here trusts the file name. A .docx is a zip: before python-docx sees it we
check the file size, that it really is a zip holding a Word document, and the
declared sizes and compression ratios of its members (``zipfile`` never inflates a
member past its declared size, so the declared sizes bound the work). Every refusal
is a :class:`~draft.problems.FormError` (exit 1) with a Chinese message saying what
to do; a missing file is a :class:`~draft.problems.CannotProceed` (exit 2).
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from draft.files.os_errors import reason
from draft.files.report_names import HTML_SUFFIXES, TEXT_SUFFIXES, WORD_SUFFIXES
from draft.files.safe_read import NotAFile, open_regular
from draft.problems import CannotProceed, FormError, Problem, display_path
from draft.text.decode import BadUtf8, NotText, decode

#: Refuse files larger than this: a year's report is well under 1 MB of text.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: The members of a .docx together may inflate to at most this much.
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
#: A member larger than RATIO_FLOOR may inflate at most this many times its stored size.
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 2000
#: Largest XML part (the text, the styles…) read from a .docx: parsed whole, it takes ten times its size
#: in memory. The text of a year's report is well under 1 MB of XML.
MAX_XML_PART_BYTES = 20 * 1024 * 1024

_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OTHER_FORMATS = (
    (b"%PDF", "PDF 文件"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"{\\rtf", "RTF 文件"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
)

_SAVE_AS = "请用 Word 或 WPS 打开它，选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的文件。"


@dataclass
class RawFile:
    """A file that passed the checks: its bytes and what it holds (``docx``, ``txt`` or ``md``)."""

    path: Path
    data: bytes
    kind: str
    notes: list[str]


def refuse(path: Path, message: str) -> FormError:
    return FormError(Problem(file=display_path(path), message=message))


def open_report(path: Path) -> RawFile:
    """Read ``path`` and decide how to parse it, refusing anything unsafe or unsupported."""
    def cannot(message: str) -> CannotProceed:
        return CannotProceed(Problem(file=display_path(path), message=message))

    try:
        with open_regular(path) as file:  # a FIFO or a device is refused, not waited on
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise refuse(
                    path,
                    f"文件太大（{size / 1024 / 1024:.1f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB）。"
                    "年度报告的正文通常不到 1 MB：请删除文中的图片后另存一份再导入，或把正文复制到 .txt 文件中导入。",
                )
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise cannot("文件不存在。请检查文件名和所在文件夹是否写对。") from None
    except IsADirectoryError:
        raise cannot("这是一个文件夹，不是文件。请写出要导入的报告文件名。") from None
    except NotAFile:
        raise cannot("这不是普通文件（而是管道、设备之类的特殊文件），无法导入。请写出报告文件名。") from None
    except OSError as error:
        raise cannot(f"无法读取文件（{reason(error)}）。请检查文件是否有读取权限。") from None
    if len(data) > MAX_FILE_BYTES:  # grew while we looked
        raise refuse(path, f"文件太大（上限 {MAX_FILE_BYTES // 1024 // 1024} MB）。请删除文中的图片后另存一份再导入。")
    suffix = path.suffix.lower()
    notes: list[str] = []
    if data.startswith(_OLE):
        raise refuse(
            path,
            "这是加密（设置了打开密码）的 Word 文件，或旧版的 .doc/.wps 格式，draft 无法读取。"
            "如有密码，请在 Word 中选择“文件 → 信息 → 保护文档 → 用密码进行加密”，清空密码后保存；"
            "如是旧格式，" + _SAVE_AS,
        )
    for magic, name in _OTHER_FORMATS:
        if data.startswith(magic):
            raise refuse(
                path, f"这个文件的内容是{name}，不是 Word 文档或文本。请导入报告的 .docx 文件，或把报告正文复制到 .txt 文件中再导入。"
            )
    if data.startswith((_ZIP, _EMPTY_ZIP)):
        check_docx_zip(path, data)
        if suffix not in WORD_SUFFIXES:
            notes.append(f"文件扩展名是“{path.suffix}”，但内容是 Word 文档，已按 .docx 读取。")
        return RawFile(path, data, "docx", notes)
    if suffix in WORD_SUFFIXES:
        raise refuse(path, "文件已损坏，或不是真正的 Word 文档（扩展名是 .docx，内容却不是）。" + _SAVE_AS)
    if suffix == ".doc" or suffix == ".wps":
        raise refuse(path, f"draft 不能读取旧版的 {suffix} 格式。" + _SAVE_AS)
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise refuse(
            path,
            f"不支持“{path.suffix or '无扩展名'}”文件。draft 可以导入 .docx、.html、.txt 和 .md 文件："
            "Word 文件请另存为 .docx；网页上的报告请在浏览器里“另存为”网页（.html）后导入。",
        )
    kind = "md" if suffix in {".md", ".markdown"} else "html" if suffix in HTML_SUFFIXES else "txt"
    return RawFile(path, data, kind, notes)


def check_docx_zip(path: Path, data: bytes) -> None:
    """Refuse a zip that is corrupt, encrypted, not a Word document, or inflates too far (a zip bomb)."""
    corrupt = "文件已损坏，无法打开（不是完整的 Word 文档）。请在 Word 或 WPS 中打开原文件，另存为新的 .docx 后再导入。"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise refuse(path, corrupt) from None
    if len(members) > MAX_MEMBERS:
        raise refuse(path, f"文件里的部件太多（{len(members)} 个），不像正常的 Word 文档，为安全起见没有读取。")
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise refuse(path, "文件的内容被加密了。请在 Word 中取消密码（文件 → 信息 → 保护文档），另存为 .docx 后再导入。")
        total += member.file_size
        stored = max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and member.file_size / stored > MAX_RATIO:
            raise refuse(path, _bomb(member.file_size))
        if member.filename.endswith((".xml", ".rels")) and member.file_size > MAX_XML_PART_BYTES:
            raise refuse(path, _bomb(member.file_size))
    if total > MAX_UNCOMPRESSED_BYTES:
        raise refuse(path, _bomb(total))
    names = {member.filename for member in members}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise refuse(
            path,
            "这是一个压缩包，但不是 Word 文档（可能是 .xlsx、.pptx 或 .zip 改了扩展名）。"
            "请导入报告的 Word 文件（.docx）。",
        )


def _bomb(size: int) -> str:
    return (
        f"文件解压后会达到 {size / 1024 / 1024:.0f} MB，远超正常的 Word 文档，可能是恶意构造的文件，为安全起见没有读取。"
        "如果这确实是您的报告，请删除其中的图片等内容，另存为新的 .docx 后再导入。"
    )


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a .txt/.md file and the name of its encoding (UTF-8 with or without BOM, UTF-16, GB18030)."""
    try:
        return decode(data)
    except BadUtf8 as error:
        if error.marked:
            raise refuse(path, error.message) from None
        # Kept, not refused: the user can find each U+FFFD in the form and retype what it lost.
        return error.text, f"UTF-8（有 {error.count} 处无法识别的字节，已显示为“\ufffd”，请找到并改正）"
    except NotText as error:
        raise refuse(path, error.message) from None
