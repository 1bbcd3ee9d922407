"""The web page of a report (:mod:`draft.html.writer`), written from the same blocks as the .docx."""
