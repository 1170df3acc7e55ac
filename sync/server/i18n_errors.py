"""Why the office refused some input, in the reader's language; English is the text itself.

Refusals reach a page as English text, alone or as "field: reason": the office's own reasons
(looked up by their exact words), and pydantic's messages, which pydantic words from fixed
templates (looked up by pattern, so "at most 200 characters" and "at most 40" share one line).
A field code before the colon is named by its label, so no English code shows on a Chinese page.
"""

from __future__ import annotations

import re

from sync.server.i18n import chinese

REASONS_ZH: dict[str, str] = {
    "choose a rating from 1 to 5": "请选择 1 到 5 的评分",
    "this call has been recorded already for this job": "此工单的这次回访已记录",
    "a 30-day major-case call is only for major cases": "30 天回访只适用于重大案件",
    "this job has no visit yet, so no call back is due": "此工单尚无上门记录，无需回访",
    "no job has this id": "没有此工单",
    "no job has this ticket number": "没有此工单号",
    "no customer on file has this phone number": "没有登记此电话的客户",
    "several customers have this phone; give the ticket": "多位客户使用此电话，请填写工单号",
    "give the ticket number or the customer's phone": "请填写工单号或客户电话",
    "say which customer complains: a job or a customer": "请说明是哪位客户投诉：填写工单或客户",
    "no customer has this id": "没有此客户",
    "this job belongs to another customer": "此工单属于另一位客户",
    "the deadline must be in the future": "处理期限必须晚于现在",
    "the promised reply time must be in the future": "承诺答复时间必须晚于现在",
    "say what was done": "请说明处理情况",
    "only a supervisor marks a poor rating handled": "只有主管可以标记低分回访为已处理",
    "the end date must be on or after the start date": "结束日期不能早于开始日期",
    "choose a period of at most one year": "期间最长一年",
    "type a date as YYYY-MM-DD": "日期格式为 YYYY-MM-DD",
    "write the day as YYYY-MM-DD": "日期格式为 YYYY-MM-DD",
    "the date must fall between the years 2000 and 2099": "日期须在 2000 至 2099 年之间",
    "choose open, replied or closed": "请选择待处理、已答复或已结案",
    "the text contains a NUL character; remove it": "文字中含有空字符（NUL），请删除",
    "no customer has this id; leave it out to add one": "没有此客户；新客户请不要选择已有客户",
    "enter the customer's name": "请填写客户姓名",
    "this customer has no item with this id": "此客户没有这件产品",
    "leave the field out instead of sending null": "请留空，不要填写 null",
    "the window must end after it starts": "预约结束时间必须晚于开始时间",
    "no technician has this id": "请选择技术员",
    "the first response is recorded already": "首次响应已记录",
    "the appointment must fall between the years 2000 and 2099": "预约时间须在 2000 至 2099 年之间",
    "the form is damaged; reload the page": "表单已损坏，请重新加载页面",
    "the form expired; reload the page": "表单已过期，请重新加载页面",
    "is in the future; give the time it happened": "晚于现在；请填写实际发生的时间",
    "the pickup receipt number is too long to derive from": "取件收据号太长，无法生成归还收据号",
    "keep the note under 200 characters": "备注请少于 200 个字符",
}

# pydantic's own messages, by the templates pydantic words them from, and the office's reasons
# that name values; groups fill `{0}`, `{1}`, a code (or list of codes) named by its label.
_PATTERNS_ZH: tuple[tuple[str, str], ...] = (
    (r"Field required", "必填"),
    (r"String should have at least 1 character", "必填"),
    (r"String should have at least (\d+) characters", "至少 {0} 个字符"),
    (r"String should have at most (\d+) characters?", "最多 {0} 个字符"),
    (r"String should match pattern '\^\[0-9\+\(\)\\-\. \]\*\$'", "只能填写数字、空格和 + ( ) - ."),
    (r"String should match pattern .*", "含有不允许的字符"),
    (r"Input should be a valid string", "请填写文字"),
    (r"Input should be greater than or equal to (\S+)", "不能小于 {0}"),
    (r"Input should be less than or equal to (\S+)", "不能大于 {0}"),
    (r"Input should be greater than (\S+)", "必须大于 {0}"),
    (r"Input should be less than (\S+)", "必须小于 {0}"),
    (r"Input should be '.*", "请从列表中选择"),
    (r"Input should be a valid date\b.*", "日期格式为 YYYY-MM-DD"),
    (r"Input should be a valid (datetime|time)\b.*", "请填写有效的日期和时间"),
    (r"Datetimes? provided to dates? should have zero time.*", "日期格式为 YYYY-MM-DD"),
    (r"Input should have timezone info", "请填写有效的日期和时间"),
    (r"Input should be a valid UUID.*", "表单已损坏，请重新加载页面"),
    (r"UUID input should be .*", "表单已损坏，请重新加载页面"),
    (r"Input should be a valid integer.*", "请填写整数"),
    (r"Input should be a finite number", "请填写数字"),
    (r"Input should be a valid (number|decimal).*", "请填写数字"),
    (r"Decimal input should have no more than (\d+) decimal places?", "最多 {0} 位小数"),
    (r"Decimal input should have no more than (\d+) digits? in total", "最多 {0} 位数字"),
    (
        r"Decimal input should have no more than (\d+) digits? before the decimal point",
        "整数部分最多 {0} 位",
    ),
    (r"Input should be a valid boolean.*", "请选择是或否"),
    (r"Extra inputs are not permitted", "不接受此字段"),
    (r"Input should be a valid (dictionary|list|array).*", "表单已损坏，请重新加载页面"),
    (r"the purchase date must lie between (\S+) and today", "购买日期须在 {0} 至今天之间"),
    (r"for (\w+) choose one of: (.*)", "{0}类别请选择：{1}"),
    (r"the complaint is (\w+) already", "投诉已是此状态"),
    (r"return receipt (\S+) exists already", "归还收据 {0} 已存在"),
    (
        r"is before the item's last movement \((\S+)\); check the time",
        "早于该产品上次登记的时间（{0}），请检查时间",
    ),
    (
        r"changed by (.+) at (\S+); nothing was saved: this is the job as it is now",
        "{0} 已于 {1} 修改了此工单，未保存：下面是工单的当前内容",
    ),
    (
        r"changed by (.+) at (\S+); nothing was saved: the board shows the job as it is now",
        "{0} 已于 {1} 修改了此工单，未保存：看板显示的是工单的当前内容",
    ),
    (
        r"a job cannot go from (\w+) to (\w+); allowed next: (.*)",
        "工单不能从“{0}”改为“{1}”；可改为：{2}",
    ),
)
PATTERNS_ZH = tuple((re.compile(pattern), text) for pattern, text in _PATTERNS_ZH)
_CODE_PREFIXES = ("status.", "category.", "sub.", "complaint_status.")

# Field codes as the forms label them.
FIELDS_ZH: dict[str, str] = {
    "customer_name": "姓名",
    "name": "姓名",
    "phone": "电话",
    "address": "地址",
    "email": "电子邮件",
    "brand": "品牌",
    "model": "型号",
    "serial": "序列号",
    "purchase_date": "购买日期",
    "fault_description": "故障描述",
    "channel": "渠道",
    "category": "类别",
    "sub_category": "子类别",
    "urgency": "紧急程度",
    "preferred_time": "期望上门时间",
    "customer": "客户",
    "customer.id": "客户",
    "customer.name": "姓名",
    "customer_id": "客户",
    "item": "产品",
    "item.id": "产品",
    "job_id": "工单",
    "ticket_number": "工单号",
    "technician_id": "技术员",
    "expected_updated_at": "工单版本",
    "appointment_start": "预约开始时间",
    "appointment_end": "预约结束时间",
    "day": "日期",
    "start": "开始日期",
    "end": "结束日期",
    "due_by": "截至日期",
    "kind": "回访类型",
    "rating": "评分",
    "notes": "备注",
    "note": "处理情况",
    "status": "状态",
    "concern": "投诉内容",
    "description": "客户反映",
    "deadline": "处理期限",
    "promised_reply_at": "承诺答复时间",
    "pickup_id": "取件收据",
    "at": "时间",
    "work_done": "维修内容",
    "first_response_at": "首次响应",
    "form": "表单",
}


def _labels(group: str) -> str:
    """Codes (`closed`, `no_power, noise`) by their Chinese labels; other text as it is."""
    codes = group.split(", ")
    named = [
        next(filter(None, (chinese(p + code) for p in _CODE_PREFIXES)), None) for code in codes
    ]
    if None in named:
        return group
    return "、".join(str(label) for label in named)


def _reason_zh(reason: str) -> str | None:
    reason = reason.removeprefix("Value error, ")
    if reason in REASONS_ZH:
        return REASONS_ZH[reason]
    for pattern, text in PATTERNS_ZH:
        found = pattern.fullmatch(reason)
        if found:
            return text.format(*(_labels(group) for group in found.groups()))
    return None


# pydantic messages that say what is wrong but not how to fix it, reworded for English readers.
PHONE_PATTERN = "String should match pattern '^[0-9+()\\-. ]*$'"
REWORDED_EN = {PHONE_PATTERN: "use only digits, spaces and + ( ) - ."}


def say(language: str, text: str) -> str:
    """A refusal in the reader's language; in "field: reason" the field is named by its label."""
    if language != "zh_CN" or not text:
        field, colon, reason = text.rpartition(": ")
        return f"{field}{colon}{REWORDED_EN[reason]}" if reason in REWORDED_EN else text
    whole = _reason_zh(text)
    if whole is not None:
        return whole
    field, _, reason = text.partition(": ")
    translated = _reason_zh(reason) if reason else None
    if translated is None:
        return text
    return f"{FIELDS_ZH.get(field, field)}：{translated}"
