"""The words of the assignment board and the repair register, in English and Simplified Chinese."""

from __future__ import annotations

BOARD_EN: dict[str, str] = {
    "nav.board": "Assignment board",
    "nav.register": "Repair register",
}

BOARD_ZH: dict[str, str] = {
    "nav.board": "派工看板",
    "nav.register": "返修登记",
}
