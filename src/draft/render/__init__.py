"""Rendering: the report model → the document's blocks, worded by the unit's templates."""
