"""The PDF of a report: its .docx laid out by LibreOffice (:mod:`draft.pdf.soffice`), and two faults
of LibreOffice's corrected (:mod:`draft.pdf.corrections`)."""
