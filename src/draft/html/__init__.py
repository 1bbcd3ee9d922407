"""The web page of a report (:mod:`draft.html.writer`), written from the same blocks as the .docx,
and the fingerprint that tells a page a user edited (:mod:`draft.html.fingerprint`)."""
