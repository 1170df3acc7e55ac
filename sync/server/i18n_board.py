"""The words of the assignment board and the repair register, in English and Simplified Chinese."""

from __future__ import annotations

BOARD_EN: dict[str, str] = {
    "nav.board": "Assignment board",
    "nav.register": "Repair register",
    "board.title": "Assignment board",
    "board.earlier": "← Earlier",
    "board.today": "Today",
    "board.later": "Later →",
    "board.rules": (
        "Targets: first response within 15 working minutes ({hours}, working days), "
        "faults diagnosed within 24 hours, arrival at most 30 minutes after the window. "
        "Times in {timezone}."
    ),
    "board.unassigned": "Waiting for a technician",
    "board.none_waiting": "No job is waiting for a technician.",
    "board.by_technician": "Technicians by day",
    "board.no_technicians": "No technicians yet: add a user with the technician role.",
    "board.fault": "Item and fault",
    "board.clocks": "Response clocks",
    "board.assign_window": "Assign with an appointment window",
    "board.pick_technician": "Technician…",
    "board.reassign": "Reassign",
    "board.called_back": "Customer called back",
    "clock.first_response": "First response",
    "clock.triage": "Triage",
    "clock.arrival": "Arrival",
    "clock.due": "Due",
    "clock.met": "on time",
    "clock.left": "{minutes} min left",
    "clock.late": "{minutes} min late",
    "clock.overdue": "{minutes} min overdue",
    "weekday.0": "Mon",
    "weekday.1": "Tue",
    "weekday.2": "Wed",
    "weekday.3": "Thu",
    "weekday.4": "Fri",
    "weekday.5": "Sat",
    "weekday.6": "Sun",
}

BOARD_ZH: dict[str, str] = {
    "nav.board": "派工看板",
    "nav.register": "返修登记",
    "board.title": "派工看板",
    "board.earlier": "← 之前",
    "board.today": "今天",
    "board.later": "之后 →",
    "board.rules": (
        "目标：工作时间（{hours}，工作日）内 15 分钟首次响应；故障 24 小时内完成诊断；"
        "到达不晚于预约时段结束后 30 分钟。时间为 {timezone}。"
    ),
    "board.unassigned": "待派工",
    "board.none_waiting": "没有待派工的工单。",
    "board.by_technician": "技术员日程",
    "board.no_technicians": "还没有技术员：请添加角色为技术员的用户。",
    "board.fault": "产品与故障",
    "board.clocks": "响应计时",
    "board.assign_window": "派工并预约时段",
    "board.pick_technician": "选择技术员…",
    "board.reassign": "改派",
    "board.called_back": "已回电客户",
    "clock.first_response": "首次响应",
    "clock.triage": "诊断",
    "clock.arrival": "到达",
    "clock.due": "截止",
    "clock.met": "准时",
    "clock.left": "剩余 {minutes} 分钟",
    "clock.late": "超时 {minutes} 分钟",
    "clock.overdue": "已逾期 {minutes} 分钟",
    "weekday.0": "周一",
    "weekday.1": "周二",
    "weekday.2": "周三",
    "weekday.3": "周四",
    "weekday.4": "周五",
    "weekday.5": "周六",
    "weekday.6": "周日",
}
