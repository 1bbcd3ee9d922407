"""Characters and paragraphs, shared by every reader and the check: decoding, what reads as Chinese, paragraphs,
punctuation, numbering markers, numerals, dates, names and display width — each fact in one place."""
