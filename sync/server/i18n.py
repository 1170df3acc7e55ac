"""The dashboard's words in English and Simplified Chinese, looked up by key; codes stay codes."""

from __future__ import annotations

from collections.abc import Callable

from sync.server.i18n_board import BOARD_EN, BOARD_ZH
from sync.server.i18n_office import OFFICE_EN, OFFICE_ZH
from sync.server.i18n_settings import SETTINGS_EN, SETTINGS_ZH

LANGUAGES = ("en", "zh_CN")

_EN: dict[str, str] = {
    "app": "FieldTech Office",
    "nav.verify": "Check a code",
    "verify.title": "Check a verification code",
    "verify.help": "Type the code printed under the QR code of a repair slip or receipt.",
    "verify.code": "Verification code",
    "verify.check": "Check",
    "verify.match": "Genuine: this code belongs to a signed document",
    "verify.document": "Document",
    "verify.revision": "Revision",
    "verify.signed_by": "Signed by",
    "verify.no_match": "No signed document has this code",
    "verify.no_match_help": (
        "The paper may have been altered, it may be an unsigned draft, "
        "or its laptop has not synced yet."
    ),
    "verify.not_a_code": (
        "That is not a verification code: it has 12 letters and digits 2-7, e.g. ABCD-EFGH-JKMN."
    ),
    "document.repair_slip": "Repair slip",
    "document.pickup_receipt": "Pickup receipt",
    "document.return_receipt": "Return receipt",
    "signer.customer": "customer",
    "signer.technician": "technician",
    "nav.intake": "Take a call",
    "nav.jobs": "Jobs",
    "nav.queue": "Supervisor queue",
    "nav.follow_ups": "Follow-ups",
    "nav.complaints": "Complaints",
    "nav.figures": "Figures",
    "queue.title": "Supervisor queue: open major cases",
    "queue.none": "No open major cases.",
    "nav.signout": "Sign out",
    "signin.title": "Sign in",
    "signin.username": "User name",
    "signin.password": "Password",
    "signin.submit": "Sign in",
    "signin.language": "中文",
    "intake.title": "Take a customer call",
    "intake.customer": "Customer",
    "intake.name": "Name",
    "intake.phone": "Phone",
    "intake.address": "Address",
    "intake.item": "Item",
    "intake.brand": "Brand",
    "intake.model": "Model",
    "intake.serial": "Serial number",
    "intake.purchase_date": "Purchase date",
    "intake.call": "The call",
    "intake.fault": "Fault description",
    "intake.channel": "Channel",
    "intake.category": "Category",
    "intake.sub_category": "Sub-category",
    "intake.urgency": "Urgency",
    "intake.preferred_time": "Preferred time",
    "intake.save": "Save and issue ticket number",
    "intake.errors": "Nothing was saved. Please correct the fields marked below.",
    "intake.on_file": "customer on file",
    "intake.matches": "Callers on file",
    "intake.use": "Use",
    "done.title": "Ticket number issued",
    "done.read": "Read this number to the customer:",
    "done.supervisor": "Major case: it is in the supervisor's queue.",
    "done.another": "Take another call",
    "done.open": "Open the job",
    "jobs.title": "Jobs",
    "jobs.search": "Search name, phone, model, serial or ticket",
    "jobs.filter": "Filter",
    "jobs.any": "Any",
    "jobs.ticket": "Ticket",
    "jobs.customer": "Customer",
    "jobs.item": "Item",
    "jobs.status": "Status",
    "jobs.urgency": "Urgency",
    "jobs.category": "Category",
    "jobs.technician": "Technician",
    "jobs.created": "Created",
    "jobs.none": "No jobs match.",
    "jobs.count": "Jobs found: {total}",
    "jobs.previous": "Previous",
    "jobs.next": "Next",
    "jobs.csv": "Export CSV",
    "jobs.page": "Page {page} of {pages}",
    "job.title": "Job {ticket}",
    "job.audit": "Audit trail",
    "job.appointment": "Appointment",
    "job.assign": "Assign",
    "job.day": "Day",
    "job.from": "From",
    "job.to": "To",
    "job.visits": "Visits",
    "job.diagnoses": "Diagnoses",
    "job.parts": "Parts swapped",
    "job.charges": "Charges",
    "job.payments": "Payments",
    "job.signatures": "Signatures",
    "job.attachments": "Attachments",
    "job.pickups": "Items taken to the workshop",
    "job.follow_ups": "Follow-ups",
    "job.conflicts": "Conflict log",
    "error.signin": "Wrong user name or password.",
    "error.limited": "Too many failed sign-ins. Wait a few minutes and try again.",
    "error.expired": "The form expired. Please try again.",
}

_ZH: dict[str, str] = {
    "app": "FieldTech 办公室",
    "nav.verify": "核验码",
    "verify.title": "核验验证码",
    "verify.help": "输入维修单或收据二维码下方印的验证码。",
    "verify.code": "验证码",
    "verify.check": "核验",
    "verify.match": "真实：此验证码属于一份已签名的单据",
    "verify.document": "单据",
    "verify.revision": "版本",
    "verify.signed_by": "签名人",
    "verify.no_match": "没有已签名的单据使用此验证码",
    "verify.no_match_help": "单据可能被篡改，可能是未签名的草稿，或者其笔记本电脑尚未同步。",
    "verify.not_a_code": "这不是验证码：验证码由 12 个字母和数字 2-7 组成，例如 ABCD-EFGH-JKMN。",
    "document.repair_slip": "维修单",
    "document.pickup_receipt": "取件收据",
    "document.return_receipt": "归还收据",
    "signer.customer": "客户",
    "signer.technician": "技术员",
    "nav.intake": "受理来电",
    "nav.jobs": "工单",
    "nav.queue": "主管队列",
    "nav.follow_ups": "回访",
    "nav.complaints": "投诉",
    "nav.figures": "服务指标",
    "queue.title": "主管队列：未结重大案件",
    "queue.none": "没有未结的重大案件。",
    "nav.signout": "退出",
    "signin.title": "登录",
    "signin.username": "用户名",
    "signin.password": "密码",
    "signin.submit": "登录",
    "signin.language": "English",
    "intake.title": "受理客户来电",
    "intake.customer": "客户",
    "intake.name": "姓名",
    "intake.phone": "电话",
    "intake.address": "地址",
    "intake.item": "产品",
    "intake.brand": "品牌",
    "intake.model": "型号",
    "intake.serial": "序列号",
    "intake.purchase_date": "购买日期",
    "intake.call": "来电内容",
    "intake.fault": "故障描述",
    "intake.channel": "渠道",
    "intake.category": "类别",
    "intake.sub_category": "子类别",
    "intake.urgency": "紧急程度",
    "intake.preferred_time": "期望上门时间",
    "intake.save": "保存并生成工单号",
    "intake.errors": "未保存。请修改下面标出的字段。",
    "intake.on_file": "已有客户",
    "intake.matches": "已有客户",
    "intake.use": "选用",
    "done.title": "工单号已生成",
    "done.read": "请把这个号码告诉客户：",
    "done.supervisor": "重大案件：已进入主管队列。",
    "done.another": "受理下一个来电",
    "done.open": "打开工单",
    "jobs.title": "工单",
    "jobs.search": "搜索姓名、电话、型号、序列号或工单号",
    "jobs.filter": "筛选",
    "jobs.any": "全部",
    "jobs.ticket": "工单号",
    "jobs.customer": "客户",
    "jobs.item": "产品",
    "jobs.status": "状态",
    "jobs.urgency": "紧急程度",
    "jobs.category": "类别",
    "jobs.technician": "技术员",
    "jobs.created": "创建时间",
    "jobs.none": "没有符合条件的工单。",
    "jobs.count": "共 {total} 个工单",
    "jobs.previous": "上一页",
    "jobs.next": "下一页",
    "jobs.csv": "导出 CSV",
    "jobs.page": "第 {page} 页，共 {pages} 页",
    "job.title": "工单 {ticket}",
    "job.audit": "审计记录",
    "job.appointment": "预约时间",
    "job.assign": "派工",
    "job.day": "日期",
    "job.from": "从",
    "job.to": "至",
    "job.visits": "上门记录",
    "job.diagnoses": "诊断",
    "job.parts": "更换配件",
    "job.charges": "收费项目",
    "job.payments": "收款",
    "job.signatures": "签字",
    "job.attachments": "附件",
    "job.pickups": "带回维修的产品",
    "job.follow_ups": "回访",
    "job.conflicts": "冲突记录",
    "error.signin": "用户名或密码错误。",
    "error.limited": "登录失败次数过多，请几分钟后再试。",
    "error.expired": "表单已过期，请重试。",
    "status.new": "新建",
    "status.assigned": "已派工",
    "status.confirmed": "已确认",
    "status.en_route": "在途",
    "status.on_site": "现场",
    "status.awaiting_signature": "待签字",
    "status.signed": "已签字",
    "status.item_in_workshop": "返修中",
    "status.closed": "已关闭",
    "status.cancelled": "已取消",
    "urgency.normal": "一般",
    "urgency.urgent": "紧急",
    "urgency.major": "重大",
    "channel.phone": "电话",
    "channel.email": "电子邮件",
    "channel.online": "在线",
    "channel.on_site": "现场",
    "category.product_fault": "产品故障",
    "category.usage_question": "使用咨询",
    "category.return_exchange": "退换货",
    "category.complaint": "投诉",
    "sub.no_power": "不通电",
    "sub.noise": "噪音",
    "sub.leak": "漏水",
    "sub.not_heating": "不加热",
    "sub.not_cooling": "不制冷",
    "sub.error_code": "故障代码",
    "sub.other": "其他",
    "sub.installation": "安装",
    "sub.operation": "操作",
    "sub.maintenance": "保养",
    "sub.return": "退货",
    "sub.exchange": "换货",
    "sub.product_quality": "产品质量",
    "sub.packaging": "包装",
    "sub.staff": "服务人员",
}

_EN.update(BOARD_EN)
_ZH.update(BOARD_ZH)
_EN.update(OFFICE_EN)
_ZH.update(OFFICE_ZH)

_EN.update(SETTINGS_EN)
_ZH.update(SETTINGS_ZH)

_CODE_PREFIXES = ("status.", "urgency.", "channel.", "category.", "sub.")


def _english_code(key: str) -> str:
    """English labels of codes are the codes made readable: `en_route` -> `En route`."""
    code = key.split(".", 1)[1]
    return code.replace("_", " ").capitalize()


def translator(language: str) -> Callable[..., str]:
    table = _ZH if language == "zh_CN" else _EN

    def t(key: str, **params: object) -> str:
        text = table.get(key)
        if text is None:
            text = _EN.get(key) or (_english_code(key) if key.startswith(_CODE_PREFIXES) else key)
        return text.format(**params) if params else text

    return t


def chinese(key: str) -> str | None:
    """The Chinese words for `key`, or None when the table has none."""
    return _ZH.get(key)


def pick_language(accept_language: str, asked: str | None = None) -> str:
    if asked in LANGUAGES:
        return asked
    return "zh_CN" if accept_language.lower().startswith("zh") else "en"
