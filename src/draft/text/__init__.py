"""Characters and paragraphs, shared by every reader and the check: decoding bytes, splitting paragraphs, punctuation."""
