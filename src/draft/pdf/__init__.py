"""The PDF of a report: its .docx laid out by LibreOffice (:mod:`draft.pdf.soffice`), the
language put right (:mod:`draft.pdf.language`), and the fingerprint that tells a PDF a user
stamped or edited (:mod:`draft.pdf.fingerprint`)."""
