"""The report model every reader produces and every writer and the check read (:mod:`draft.model.report`)."""
