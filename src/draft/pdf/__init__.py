"""The PDF of a report: its .docx laid out by LibreOffice (:mod:`draft.pdf.soffice`), the
two faults of LibreOffice's corrected (:mod:`draft.pdf.corrections`), and the fingerprint that tells a PDF a user
stamped or edited (:mod:`draft.pdf.fingerprint`)."""
