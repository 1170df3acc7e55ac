"""The dashboard's words in English and Simplified Chinese, looked up by key; codes stay codes."""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("en", "zh_CN")

_EN: dict[str, str] = {
    "app": "FieldTech Office",
    "nav.intake": "Take a call",
    "nav.jobs": "Jobs",
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
    "error.signin": "Wrong user name or password.",
    "error.limited": "Too many failed sign-ins. Wait a few minutes and try again.",
    "error.expired": "The form expired. Please try again.",
}

_ZH: dict[str, str] = {
    "app": "FieldTech 办公室",
    "nav.intake": "受理来电",
    "nav.jobs": "工单",
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


def pick_language(accept_language: str, asked: str | None = None) -> str:
    if asked in LANGUAGES:
        return asked
    return "zh_CN" if accept_language.lower().startswith("zh") else "en"
