"""The text of a form's bytes, told in the form's own words.

:func:`draft.text.decode.decode` knows the encodings; this module turns what it reports into the
problems of a form: a UTF-8 form with bad bytes is pointed at the line and column of the first
one, and a GBK form is read with a warning that says how to save it as UTF-8.
"""

from __future__ import annotations

from draft.form.forbidden_characters import FORBIDDEN
from draft.form.load_problems import LoadProblems
from draft.form.loaded import Mark
from draft.form.source_text import SourceText
from draft.text.decode import GB18030, BadUtf8, NotText, decode

SAVE_AS_UTF8 = "用记事本打开表单，点“另存为”，编码选“UTF-8”后保存"
NOT_TEXT = (
    "这个文件不是文本格式的表单（可能是 Word、Excel、图片等文件，或者文件已损坏），无法读取。"
    f"请{SAVE_AS_UTF8}，文件名以 .yaml 结尾。"
)


def decode_form(raw: bytes, problems: LoadProblems) -> str:
    """The text of the form, without its byte-order mark; stops at bytes that are no form's text."""
    try:
        text, encoding = decode(raw)
    except BadUtf8 as error:
        problems.stop(
            "文件是 UTF-8 编码，但这里有无法识别的字节（可能是从其他编码的文件里复制来的文字，显示为乱码）。"
            f"请删掉这里的乱码重新输入，然后{SAVE_AS_UTF8}。",
            Mark(*SourceText(error.text).position(error.first)),
        )
    except NotText:
        problems.stop(NOT_TEXT)
    # The decoder lets a NUL through where a byte-order mark declares the encoding; no form holds one.
    if "\x00" in text:
        problems.stop(NOT_TEXT)
    if encoding == GB18030:
        # Control characters here mean a binary file that happens to read as a few ideographs; in a
        # UTF-8 form they are pointed at one by one instead, as slips of copy-paste.
        if FORBIDDEN.search(text):
            problems.stop(NOT_TEXT)
        problems.warn(
            "这个文件是 GBK（GB18030）编码，已按 GB18030 读取。为避免乱码，以后请保存为 UTF-8 编码："
            "记事本“另存为”→编码选“UTF-8”；WPS 保存时编码也选“UTF-8”。"
        )
    return text
