"""The PDF of a report: its .docx laid out by LibreOffice (:mod:`draft.pdf.soffice`), and the
language put right (:mod:`draft.pdf.language`)."""
