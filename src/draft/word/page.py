"""The page of GB/T 9704 §5: A4, 天头 37 mm, 订口 28 mm, type area 156 × 225 mm (values in twips).

Shared by the reference package, which sets the page up, and by the frame, which places the
版记 from the page's edge; kept apart from both so that a build need not import python-docx.
"""

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1587, 1474
TYPE_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845: 156 mm
