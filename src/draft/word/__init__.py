"""The .docx writer: blocks → a GB/T 9704 Word document (:mod:`draft.word.writer`), its styles, package and properties."""
