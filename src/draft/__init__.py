"""draft: 法治政府建设年度报告 from a YAML form to a GB/T 9704 Word document."""

__version__ = "0.1.0"
