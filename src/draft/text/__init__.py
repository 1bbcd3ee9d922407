"""Characters and paragraphs, shared by every reader and the check: decoding, what reads as Chinese, paragraphs, punctuation."""
