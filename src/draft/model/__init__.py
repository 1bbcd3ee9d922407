"""The report model every reader produces and every writer and the check read (:mod:`draft.model.report`)."""

#: Where in a form a value is (``("measures", "items", 0, "title")``): the address every module of the model
#: (the report, its tables and figures) uses, so it is stated below them all.
FormPath = tuple[str | int, ...]
