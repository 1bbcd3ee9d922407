"""draft's version: said in every file it writes, so it stands below every module that writes one."""

__version__ = "0.1.0"
