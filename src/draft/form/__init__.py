"""Reading a form: bytes → YAML with positions → validated fields → the report model (:mod:`draft.form.read`)."""
