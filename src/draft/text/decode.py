"""Text files as offices save them: UTF-8 (with or without a byte-order mark), UTF-16 with one
(Notepad's "Unicode"), or GBK/GB18030 (Notepad's and WPS's default on older Chinese Windows).

Used for reports being imported and for wording templates; forms have their own reader
(:mod:`draft.form.load`), which must also say where in the file a bad byte is.
"""

from __future__ import annotations

import codecs

from draft.text.punctuation import is_ideograph

SAVE_AS_UTF8 = "请用记事本打开它，选择“另存为”，编码选“UTF-8”后保存。"


class NotText(ValueError):
    """The bytes are not text draft can read; the argument says why, in Chinese."""

    @property
    def message(self) -> str:
        return str(self.args[0])


def decode(data: bytes, *, keep_stray_bytes: bool = False) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding.

    UTF-8 with a few stray bytes (a line pasted from a GBK file) would read as GB18030
    all garbled: with ``keep_stray_bytes`` it is read with each bad byte as U+FFFD (and
    the encoding's name says so), else it is refused.
    """
    for bom, encoding, name in (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), name
            except UnicodeDecodeError:
                raise NotText(f"文件开头标明是 {name} 编码，但内容不是。{SAVE_AS_UTF8}") from None
    if b"\x00" in data:
        raise NotText("这不是文本文件（含有二进制内容）。")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd")
    if sum(1 for char in replaced if char > "\x7f") - bad > bad * 4:
        if keep_stray_bytes:
            return replaced, f"UTF-8（有 {bad} 处无法识别的字节，已显示为“\ufffd”，请找到并改正）"
        raise NotText(f"文件是 UTF-8 编码，但其中有 {bad} 处无法识别的字节（乱码）。请删掉乱码重新输入，然后{SAVE_AS_UTF8[1:]}")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise NotText(f"无法识别文件的文字编码。{SAVE_AS_UTF8}") from None
    # GB18030 maps nearly any bytes to some characters; only real Chinese text counts.
    if not any(map(is_ideograph, text)):
        raise NotText(f"无法识别文件的文字编码。{SAVE_AS_UTF8}")
    return text, "GB18030"
