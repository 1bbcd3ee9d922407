"""Text files as offices save them: UTF-8 (with or without a byte-order mark), UTF-16 with one
(Notepad's "Unicode"), or GBK/GB18030 (Notepad's and WPS's default on older Chinese Windows).

The one decoder of draft: forms, reports being imported and wording templates are all read
here, so that a file is read the same way whatever it is for. A file that cannot be read raises
:class:`NotText` with a message for templates and imports; UTF-8 with bad bytes in it raises
:class:`BadUtf8`, which also says where the first bad byte is, so that the form loader can point
at its line and column, and which holds the text read with each bad byte as U+FFFD.
"""

from __future__ import annotations

import codecs

from draft.text.chinese import is_ideograph

#: How to save a file as UTF-8, the one advice every message about an encoding gives (after "请" or "然后").
SAVE_AS_UTF8 = "用记事本打开它，选择“另存为”，编码选“UTF-8”后保存"

UTF8 = "UTF-8"
UTF16 = "UTF-16"
GB18030 = "GB18030"


class NotText(ValueError):
    """The bytes are not text draft can read; the argument says why, in Chinese."""

    @property
    def message(self) -> str:
        return str(self.args[0])


class BadUtf8(NotText):
    """UTF-8 text with bytes in it that are not UTF-8 (say, a line pasted from a GBK file).

    ``text`` is the file read with each bad byte as U+FFFD, ``first`` the index in ``text`` of the
    first bad byte, ``count`` how many U+FFFD ``text`` holds. ``marked`` is true when a byte-order
    mark says the file is UTF-8, false when its content merely looks like UTF-8.
    """

    def __init__(self, text: str, first: int, *, marked: bool) -> None:
        self.text = text
        self.first = first
        self.count = text.count("\ufffd")
        self.marked = marked
        if marked:
            super().__init__(f"文件开头标明是 {UTF8} 编码，但内容不是。请{SAVE_AS_UTF8}。")
        else:
            super().__init__(
                f"文件是 {UTF8} 编码，但其中有 {self.count} 处无法识别的字节（乱码）。请删掉乱码重新输入，然后{SAVE_AS_UTF8}。"
            )


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding: :data:`UTF8`, :data:`UTF16` or :data:`GB18030`.

    The byte-order mark is not part of the text. A NUL character is only refused where no mark
    declares the encoding: it is what tells a binary file from text.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8) :], marked=True), UTF8
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), UTF16  # reads the mark to pick the byte order, and drops it
        except UnicodeDecodeError:
            raise NotText(f"文件开头标明是 {UTF16} 编码，但内容不是。请{SAVE_AS_UTF8}。") from None
    if b"\x00" in data:
        raise NotText("这不是文本文件（含有二进制内容）。")
    try:
        return _utf8(data, marked=False), UTF8
    except BadUtf8 as error:
        if _mostly_utf8(error.text, error.count):
            raise
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise NotText(f"无法识别文件的文字编码。请{SAVE_AS_UTF8}。") from None
    # GB18030 maps nearly any bytes to some characters; only real Chinese text counts.
    if not any(map(is_ideograph, text)):
        raise NotText(f"无法识别文件的文字编码。请{SAVE_AS_UTF8}。")
    return text, GB18030


def _utf8(data: bytes, *, marked: bool) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first = len(data[: error.start].decode("utf-8"))
        raise BadUtf8(data.decode("utf-8", "replace"), first, marked=marked) from None


def _mostly_utf8(text: str, bad: int) -> bool:
    """True for UTF-8 text with a few bad bytes, read with each as U+FFFD.

    Decoding such a file as GB18030 would turn all its Chinese into nonsense, so it is better to
    point at the bad bytes. Real GBK text decoded as UTF-8 gives several bad bytes for each
    character that happens to be valid UTF-8.
    """
    non_ascii = sum(1 for char in text if char > "\x7f")
    return non_ascii - bad > bad
