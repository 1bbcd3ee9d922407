"""What the system says when a file cannot be read or written, in the words of the user's Chinese.

An OSError's own text is English (``No space left on device``, ``File exists``); users of
draft read Chinese only. The errno says what happened on every system (Windows maps its
own codes onto the same errno values).
"""

from __future__ import annotations

import errno

from draft.files.safe_read import NotAFile

_REASONS = {
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘空间已超过配额",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限，或者文件被锁定",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EEXIST: "同名的文件或文件夹已经存在",
    errno.ENOTDIR: "路径中有一段是文件，而不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ELOOP: "这是一个链接（快捷方式），或者链接层层相连",
    errno.EIO: "读写磁盘出错（磁盘或 U 盘可能已损坏或已拔出）",
    errno.EBUSY: "文件正被其他程序使用",
    errno.ETXTBSY: "文件正被其他程序使用",
    errno.EMFILE: "同时打开的文件太多",
    errno.ENFILE: "同时打开的文件太多",
    errno.EINVAL: "文件名里有系统不允许的字符，或者这不是普通文件",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.EFBIG: "文件太大",
    errno.ENODEV: "设备不存在",
    errno.ENXIO: "设备不存在",
}


def reason(error: OSError) -> str:
    """Why ``error`` happened, in a few Chinese words."""
    if isinstance(error, NotAFile):
        return "这不是普通文件，而是管道、设备之类的特殊文件"
    return _REASONS.get(error.errno or 0, f"系统错误，代码 {error.errno}")
