<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdvicePanel</name>
    <message>
        <location filename="../../ui/job/advice.py" line="61"/>
        <source>Advice to the customer</source>
        <translation>给客户的建议</translation>
    </message>
    <message>
        <location filename="../../ui/job/advice.py" line="62"/>
        <source>What you explained about the repair and use</source>
        <translation>您向客户说明的维修情况和使用建议</translation>
    </message>
    <message>
        <location filename="../../ui/job/advice.py" line="63"/>
        <source>Add note</source>
        <translation>添加记录</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="106"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="109"/>
        <source>When you and the office changed the same thing, or the office refused a change, it is listed here. Nothing is lost: the value that was not kept is shown too.</source>
        <translation>当您和办公室修改了同一内容，或办公室拒绝了某项更改时，会列在这里。数据不会丢失：未被保留的值也会显示。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="115"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="116"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="117"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="118"/>
        <source>Kept value</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="119"/>
        <source>Value not kept</source>
        <translation>未保留的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="120"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflicts.py" line="123"/>
        <source>No conflicts. Everything you sent reached the office.</source>
        <translation>没有冲突。您发送的所有内容都已送达办公室。</translation>
    </message>
</context>
<context>
    <name>ConflictWords</name>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="13"/>
        <source>Job</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="14"/>
        <source>Visit</source>
        <translation>上门记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="15"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="16"/>
        <source>Advice note</source>
        <translation>建议记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="17"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="18"/>
        <source>Customer&apos;s item</source>
        <translation>客户产品</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="19"/>
        <source>Part used</source>
        <translation>已用配件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="20"/>
        <source>Van stock</source>
        <translation>车载库存</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="21"/>
        <source>Charge</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="22"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="23"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="24"/>
        <source>Photo or document</source>
        <translation>照片或文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="25"/>
        <source>Pickup receipt</source>
        <translation>取件单</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="26"/>
        <source>Return receipt</source>
        <translation>归还单</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="27"/>
        <source>Workshop movement</source>
        <translation>维修站流转</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="31"/>
        <source>You and the office changed the same field</source>
        <translation>您和办公室修改了同一字段</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="34"/>
        <source>The customer had already signed: a change needs a new signature</source>
        <translation>客户已签名：修改需要重新签名</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="37"/>
        <source>The job is not assigned to you</source>
        <translation>该工单未分配给您</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="38"/>
        <source>It belongs to another technician</source>
        <translation>它属于另一位技术员</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="39"/>
        <source>The job is not at the office</source>
        <translation>办公室没有该工单</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="40"/>
        <source>The office had deleted the record</source>
        <translation>办公室已删除该记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="41"/>
        <source>The office does not have the record</source>
        <translation>办公室没有该记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="42"/>
        <source>Only the office may change this</source>
        <translation>只有办公室可以修改此项</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="43"/>
        <source>The office does not know this field</source>
        <translation>办公室无法识别此字段</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="44"/>
        <source>The office could not read the value</source>
        <translation>办公室无法读取该值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="45"/>
        <source>The office&apos;s records do not allow it</source>
        <translation>办公室的记录不允许此更改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="49"/>
        <source>The office&apos;s value was kept</source>
        <translation>保留了办公室的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="50"/>
        <source>Your value was kept</source>
        <translation>保留了您的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_words.py" line="70"/>
        <source>The office refused the change (%1)</source>
        <translation>办公室拒绝了此更改（%1）</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../ui/job/customer.py" line="85"/>
        <source>Customer and item</source>
        <translation>客户与产品</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="87"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="88"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="89"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="90"/>
        <source>Item</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="91"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="92"/>
        <source>Bought on</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="93"/>
        <source>Reported fault</source>
        <translation>报修故障</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="94"/>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="98"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="99"/>
        <source>Copy the phone number</source>
        <translation>复制电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="100"/>
        <source>Open the address on a map</source>
        <translation>在地图上打开地址</translation>
    </message>
    <message>
        <location filename="../../ui/job/customer.py" line="108"/>
        <source>Warranty unknown: the item has no product category</source>
        <translation>保修未知：该产品没有产品类别</translation>
    </message>
</context>
<context>
    <name>DiagnosisForm</name>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="111"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="166"/>
        <source>Restored what was typed before the app closed.</source>
        <translation>已恢复应用关闭前输入的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="169"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="171"/>
        <source>S&amp;ymptoms</source>
        <translation>故障现象(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="172"/>
        <source>&amp;Cause</source>
        <translation>原因(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="173"/>
        <source>Fault c&amp;ode</source>
        <translation>故障代码(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="174"/>
        <source>C&amp;hecks done</source>
        <translation>已做检查(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="178"/>
        <source>What the customer and you saw</source>
        <translation>客户和您看到的情况</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="179"/>
        <source>What caused it</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="180"/>
        <source>For example E21</source>
        <translation>例如 E21</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="181"/>
        <source>What you checked</source>
        <translation>您检查了什么</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="182"/>
        <source>Saved as you type</source>
        <translation>输入即保存</translation>
    </message>
    <message>
        <location filename="../../ui/job/diagnosis.py" line="220"/>
        <source>All changes saved</source>
        <translation>所有更改已保存</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <location filename="../../ui/documents/dialog.py" line="121"/>
        <source>Preparing the document…</source>
        <translation>正在生成单据…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="155"/>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>已发送 %1 页到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="161"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="164"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="181"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="185"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="205"/>
        <source>The document could not be shown.</source>
        <translation>无法显示该单据。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="209"/>
        <source>Verification code %1</source>
        <translation>校验码 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="225"/>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="226"/>
        <source>&amp;Document</source>
        <translation>单据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="227"/>
        <source>&amp;Paper</source>
        <translation>纸张(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="229"/>
        <source>Repair slip</source>
        <translation>维修单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="230"/>
        <source>Pickup receipt</source>
        <translation>取件单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="231"/>
        <source>Return receipt</source>
        <translation>归还单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="236"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="237"/>
        <source>US Letter</source>
        <translation>美式 Letter</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="238"/>
        <source>80 mm roll</source>
        <translation>80 毫米卷纸</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="242"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="243"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="244"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>JobListView</name>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="180"/>
        <source>Search by ticket, name, phone, serial or model  (Ctrl+F)</source>
        <translation>按工单号、姓名、电话、序列号或型号搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="182"/>
        <source>Search jobs</source>
        <translation>搜索工单</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="183"/>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="186"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="188"/>
        <source>No appointments today.</source>
        <translation>今天没有预约。</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="190"/>
        <source>No job matches this search.</source>
        <translation>没有符合搜索条件的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="205"/>
        <source>Appointments today: %1</source>
        <translation>今日预约：%1</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="207"/>
        <source>Jobs: %1</source>
        <translation>工单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="209"/>
        <source>First %1 matches: type more to narrow</source>
        <translation>前 %1 条结果：请输入更多内容以缩小范围</translation>
    </message>
</context>
<context>
    <name>JobScreen</name>
    <message>
        <location filename="../../ui/job/screen.py" line="155"/>
        <source>← Jobs</source>
        <translation>← 工单</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="156"/>
        <source>Back to the job lists (Esc)</source>
        <translation>返回工单列表（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="157"/>
        <source>Arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="158"/>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="159"/>
        <source>Start new revision</source>
        <translation>开始新版本</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="160"/>
        <source>Customer sign-off</source>
        <translation>客户签字确认</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="161"/>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="162"/>
        <source>Preview, print or save this job&apos;s documents</source>
        <translation>预览、打印或保存本工单的单据</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="165"/>
        <source>The customer signed this job. It is read-only; to change it, start a new revision, which needs a new signature.</source>
        <translation>客户已签署此工单，现为只读；如需修改，请开始新版本，新版本需要客户重新签名。</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="184"/>
        <source>Job %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="191"/>
        <source>Arrived %1</source>
        <translation>到达 %1</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="193"/>
        <source>Left %1</source>
        <translation>离开 %1</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <location filename="../../ui/jobs/model.py" line="43"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="44"/>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="45"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="46"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="47"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="48"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="49"/>
        <source>Item</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="50"/>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="51"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="52"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/model.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Assigned</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>On the way</source>
        <translation>在途中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>On site</source>
        <translation>在现场</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Awaiting signature</source>
        <translation>待签名</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>Signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>In workshop</source>
        <translation>在维修站</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>Labour</source>
        <translation>人工费</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Call-out</source>
        <translation>上门费</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>In warranty until %1: free repair</source>
        <translation>保修期至 %1：免费维修</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>Warranty ended on %1: paid repair</source>
        <translation>保修已于 %1 到期：收费维修</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>No purchase date: paid repair until the customer shows proof of purchase</source>
        <translation>无购买日期：客户出示购买凭证前按收费维修处理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>This product has no warranty: paid repair</source>
        <translation>该产品无保修：收费维修</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Symptoms</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Fault code</source>
        <translation>故障代码</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>Checks done</source>
        <translation>已做检查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Part number</source>
        <translation>配件编号</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>Receipt number</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="32"/>
        <source>Product fault</source>
        <translation>产品故障</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="33"/>
        <source>Usage question</source>
        <translation>使用咨询</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="34"/>
        <source>Return or exchange</source>
        <translation>退换货</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="35"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>FieldTech</source>
        <translation>FieldTech 上门服务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>All jobs</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>New job</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>Open a job at the customer&apos;s door (Ctrl+N)</source>
        <translation>在客户门口新建工单（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Search all jobs (Ctrl+F)</source>
        <translation>搜索全部工单（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
</context>
<context>
    <name>MoneyPanel</name>
    <message>
        <location filename="../../ui/job/money.py" line="87"/>
        <source>Charges and payment</source>
        <translation>费用与收款</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="92"/>
        <source>Charge kind</source>
        <translation>费用类型</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="93"/>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="94"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="95"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="96"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="97"/>
        <source>Receipt number</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="98"/>
        <source>Add charge</source>
        <translation>添加费用</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="99"/>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="119"/>
        <source>Total %1 · paid %2 · to pay %3</source>
        <translation>合计 %1 · 已付 %2 · 待付 %3</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="124"/>
        <source>No charges yet.</source>
        <translation>暂无费用。</translation>
    </message>
    <message>
        <location filename="../../ui/job/money.py" line="161"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>NewJobDialog</name>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="90"/>
        <source>New job</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="92"/>
        <source>Customer &amp;name</source>
        <translation>客户姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="93"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="94"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="95"/>
        <source>Ca&amp;tegory</source>
        <translation>类别(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="96"/>
        <source>&amp;Model</source>
        <translation>型号(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="97"/>
        <source>&amp;Serial</source>
        <translation>序列号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="98"/>
        <source>&amp;Fault</source>
        <translation>故障(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/new_job_dialog.py" line="104"/>
        <source>Open job</source>
        <translation>新建工单</translation>
    </message>
</context>
<context>
    <name>PartsPanel</name>
    <message>
        <location filename="../../ui/job/parts.py" line="79"/>
        <source>No parts used yet.</source>
        <translation>尚未使用配件。</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="126"/>
        <source>Parts from the van</source>
        <translation>车载库存配件</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="128"/>
        <source>Part &amp;number</source>
        <translation>配件编号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="129"/>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="130"/>
        <source>Serial &amp;removed</source>
        <translation>拆下序列号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="131"/>
        <source>Serial &amp;fitted</source>
        <translation>装上序列号(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="132"/>
        <source>Price (only if not in the van)</source>
        <translation>价格（仅限车内没有的配件）</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="136"/>
        <source>Type or scan</source>
        <translation>输入或扫码</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="137"/>
        <source>Add part</source>
        <translation>添加配件</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="152"/>
        <source>Not in the van&apos;s list: enter its price</source>
        <translation>不在车载库存清单中：请输入价格</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="156"/>
        <source>%1 · %2 in the van · %3 each</source>
        <translation>%1 · 车内 %2 件 · 单价 %3</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="168"/>
        <source>Van stock of %1 is now %2: the repair is recorded; tell the office.</source>
        <translation>%1 的车载库存现为 %2：维修已记录，请告知办公室。</translation>
    </message>
    <message>
        <location filename="../../ui/job/parts.py" line="174"/>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="41"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="42"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../ui/signin/screen.py" line="131"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="147"/>
        <source>The office revoked this laptop and asked for its data to be erased. The jobs and the key were deleted from this computer. Sign in again when the office allows it.</source>
        <translation>办公室已撤销本机并要求清除其数据。工单和密钥已从本机删除。待办公室允许后，请重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="162"/>
        <source>Enter the office address your office gave you.</source>
        <translation>请输入公司提供的办公室地址。</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="165"/>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="168"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="175"/>
        <source>Sending your changes…</source>
        <translation>正在上传您的更改…</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="175"/>
        <source>Fetching jobs…</source>
        <translation>正在获取工单…</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="188"/>
        <source>Signed in. The first sync did not finish: %1 It will be retried.</source>
        <translation>已登录。首次同步未完成：%1 稍后将自动重试。</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="195"/>
        <source>Signed in as %1.</source>
        <translation>已以 %1 的身份登录。</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="217"/>
        <source>Sign in to your office</source>
        <translation>登录您的办公室</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="220"/>
        <source>Sign in once with the account your office gave you. After that the app works offline and syncs whenever the network allows.</source>
        <translation>请使用公司为您开设的账号登录一次。之后应用可离线使用，并在有网络时自动同步。</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="224"/>
        <source>&amp;Office address</source>
        <translation>办公室地址(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="225"/>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="226"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="227"/>
        <source>e.g. https://office.example.com</source>
        <translation>例如 https://office.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/signin/screen.py" line="228"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="115"/>
        <source>Preparing the repair slip…</source>
        <translation>正在生成维修单…</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="129"/>
        <source>Type the customer&apos;s name as it should be printed.</source>
        <translation>请输入要打印在单据上的客户姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="133"/>
        <source>Ask the customer to sign in the box.</source>
        <translation>请客户在框内签名。</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="156"/>
        <source>The slip could not be shown.</source>
        <translation>无法显示维修单。</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="160"/>
        <source>The slip could not be prepared: %1</source>
        <translation>无法生成维修单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="182"/>
        <location filename="../../ui/signoff/dialog.py" line="183"/>
        <source>Customer sign-off</source>
        <translation>客户签字确认</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="186"/>
        <source>Let the customer read the repair slip on the left. Their signature confirms exactly what it says; after signing, the job can no longer be changed.</source>
        <translation>请客户阅读左侧的维修单。签名即确认单据上的全部内容；签名后工单将无法再修改。</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="190"/>
        <source>Customer&apos;s &amp;printed name</source>
        <translation>客户姓名（正楷）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="191"/>
        <source>Name as the customer writes it</source>
        <translation>客户书写的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="192"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="193"/>
        <source>Sign here with a finger, pen or mouse</source>
        <translation>请用手指、手写笔或鼠标在此签名</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="195"/>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="196"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="197"/>
        <source>Sign and finish</source>
        <translation>签名并完成</translation>
    </message>
    <message>
        <location filename="../../ui/signoff/dialog.py" line="198"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SyncStatusArea</name>
    <message>
        <location filename="../../ui/sync/status_area.py" line="68"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="70"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="72"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="74"/>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="76"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="81"/>
        <source>Changes waiting: %1</source>
        <translation>待同步更改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="96"/>
        <source>Conflicts to review: %1</source>
        <translation>待查看冲突：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="102"/>
        <location filename="../../ui/sync/status_area.py" line="108"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="103"/>
        <location filename="../../ui/sync/status_area.py" line="109"/>
        <source>Send and fetch changes now (F5)</source>
        <translation>立即发送和获取更改（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="115"/>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="122"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="125"/>
        <source>Sending changes</source>
        <translation>正在发送更改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/status_area.py" line="125"/>
        <source>Fetching</source>
        <translation>正在获取</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <location filename="../../ui/sync_words.py" line="12"/>
        <source>Signed in.</source>
        <translation>已登录。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_words.py" line="13"/>
        <source>This laptop has no network. Connect to the internet and try again.</source>
        <translation>本机没有网络。请连接网络后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_words.py" line="16"/>
        <source>The office cannot be reached. Check the office address and the network, then try again.</source>
        <translation>无法连接办公室。请检查办公室地址和网络后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_words.py" line="20"/>
        <source>The username or password is wrong. Check them and try again.</source>
        <translation>用户名或密码错误。请检查后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_words.py" line="23"/>
        <source>The office has revoked this laptop&apos;s access. Ask the office to allow it again.</source>
        <translation>办公室已撤销本机的访问权限。请联系办公室重新授权。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_words.py" line="27"/>
        <source>The office has revoked this laptop and asked for its data to be erased.</source>
        <translation>办公室已撤销本机，并要求清除本机数据。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_words.py" line="31"/>
        <source>This laptop&apos;s clock is wrong. Set the date and time, then try again.</source>
        <translation>本机时钟不正确。请设置日期和时间后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_words.py" line="34"/>
        <source>The office had a problem answering. Try again in a few minutes.</source>
        <translation>办公室服务暂时出错。请几分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/sync_words.py" line="37"/>
        <source>This app is too old for the office. Install the latest version.</source>
        <translation>此应用版本过旧，办公室不再支持。请安装最新版本。</translation>
    </message>
</context>
</TS>
