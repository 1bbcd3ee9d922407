"""The folder draft is run in: every command reads and writes relative to it, so it must still exist.

A folder deleted (or moved, or renamed) while a terminal is still in it leaves the shell there:
every relative path, and even asking where one is (``os.getcwd``), fails with an English
``FileNotFoundError``. draft says so first, once, in Chinese, with what to do.
"""

from __future__ import annotations

import os

from draft.problems import CannotProceed

DELETED = (
    "当前文件夹已被删除（或者已被移走、改名），draft 无法在这里读写文件。"
    "请先用 cd 进入一个存在的文件夹（例如表单所在的文件夹），再运行 draft。"
)


def require_working_folder() -> None:
    """Stop with a Chinese message (exit code 2) if the folder draft is run in no longer exists."""
    try:
        os.getcwd()
    except FileNotFoundError:
        raise CannotProceed(DELETED) from None
