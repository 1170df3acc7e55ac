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
    <name>CameraDialog</name>
    <message>
        <location filename="../../ui/photos/camera.py" line="64"/>
        <source>Photo taken. Take another or close.</source>
        <translation>已拍照。可以再拍一张，或关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/camera.py" line="70"/>
        <source>The camera did not answer. Close this window and add a photo file instead.</source>
        <translation>摄像头没有响应。请关闭此窗口，改为添加照片文件。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/camera.py" line="74"/>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../ui/photos/camera.py" line="75"/>
        <source>Take photo (Space)</source>
        <translation>拍照（空格键）</translation>
    </message>
    <message>
        <location filename="../../ui/photos/camera.py" line="76"/>
        <source>Close</source>
        <translation>关闭</translation>
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
        <location filename="../../ui/documents/dialog.py" line="123"/>
        <source>Preparing the document…</source>
        <translation>正在生成单据…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="157"/>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>已发送 %1 页到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="163"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="166"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="183"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="187"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="209"/>
        <source>The document could not be shown.</source>
        <translation>无法显示该单据。</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="213"/>
        <source>Verification code %1</source>
        <translation>校验码 %1</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="229"/>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="230"/>
        <source>&amp;Document</source>
        <translation>单据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="231"/>
        <source>&amp;Paper</source>
        <translation>纸张(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="233"/>
        <source>Repair slip</source>
        <translation>维修单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="234"/>
        <source>Pickup receipt</source>
        <translation>取件单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="235"/>
        <source>Return receipt</source>
        <translation>归还单</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="240"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="241"/>
        <source>US Letter</source>
        <translation>美式 Letter</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="242"/>
        <source>80 mm roll</source>
        <translation>80 毫米卷纸</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="246"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="247"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/dialog.py" line="248"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message numerus="yes">
        <location filename="../../ui/endofday/dialog.py" line="184"/>
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n 笔</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="241"/>
        <location filename="../../ui/endofday/dialog.py" line="242"/>
        <source>End of day</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="243"/>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="244"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="245"/>
        <source>Cash to hand in</source>
        <translation>应上交现金</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="248"/>
        <source>All payments</source>
        <translation>全部收款</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="256"/>
        <source>Payments (%1)</source>
        <translation>收款 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="257"/>
        <source>Parts used (%1)</source>
        <translation>已用配件 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="258"/>
        <source>Jobs left open (%1)</source>
        <translation>未完成工单 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="264"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="265"/>
        <location filename="../../ui/endofday/dialog.py" line="276"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="266"/>
        <location filename="../../ui/endofday/dialog.py" line="276"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="267"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="268"/>
        <source>Receipt no.</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="269"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="273"/>
        <source>Part number</source>
        <translation>配件编号</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="273"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="273"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="273"/>
        <source>Jobs</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="276"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="276"/>
        <source>Appointment</source>
        <translation>预约时间</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="282"/>
        <source>%1 more open jobs are in the job list.</source>
        <translation>另有 %1 个未完成工单，请在工单列表中查看。</translation>
    </message>
    <message>
        <location filename="../../ui/endofday/dialog.py" line="284"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>JobListView</name>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="204"/>
        <source>Search by ticket, name, phone, serial or model  (Ctrl+F)</source>
        <translation>按工单号、姓名、电话、序列号或型号搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="206"/>
        <source>Search jobs</source>
        <translation>搜索工单</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="207"/>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="210"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="212"/>
        <source>No appointments today.</source>
        <translation>今天没有预约。</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="214"/>
        <source>No job matches this search.</source>
        <translation>没有符合搜索条件的工单。</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="227"/>
        <source>Appointments today: %1</source>
        <translation>今日预约：%1</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="229"/>
        <source>Jobs: %1</source>
        <translation>工单：%1</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/list_view.py" line="231"/>
        <source>First %1 matches: type more to narrow</source>
        <translation>前 %1 条结果：请输入更多内容以缩小范围</translation>
    </message>
</context>
<context>
    <name>JobPhotosPanel</name>
    <message>
        <location filename="../../ui/photos/panel.py" line="125"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>JobScreen</name>
    <message>
        <source>← Jobs</source>
        <translation type="vanished">← 工单</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="212"/>
        <source>Jobs</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="213"/>
        <source>Back to the job lists (Esc)</source>
        <translation>返回工单列表（Esc）</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="214"/>
        <source>Arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="215"/>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="216"/>
        <source>Start new revision</source>
        <translation>开始新版本</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="217"/>
        <source>Customer sign-off</source>
        <translation>客户签字确认</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="218"/>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="219"/>
        <source>Preview, print or save this job&apos;s documents</source>
        <translation>预览、打印或保存本工单的单据</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="221"/>
        <source>Continue taking item back</source>
        <translation>继续取件</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="223"/>
        <source>Take item back</source>
        <translation>取回维修</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="226"/>
        <source>Take the item to the workshop against a signed pickup receipt</source>
        <translation>凭双方签字的取件单把产品带回维修站</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="229"/>
        <source>Continue returning item</source>
        <translation>继续归还</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="231"/>
        <source>Return item</source>
        <translation>归还产品</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="234"/>
        <source>Give the item back to the customer against a signed return receipt</source>
        <translation>凭客户签字的归还单把产品交还客户</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="238"/>
        <source>The customer signed this job. It is read-only; to change it, start a new revision, which needs a new signature.</source>
        <translation>客户已签署此工单，现为只读；如需修改，请开始新版本，新版本需要客户重新签名。</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="262"/>
        <source>Job %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="269"/>
        <source>Arrived %1</source>
        <translation>到达 %1</translation>
    </message>
    <message>
        <location filename="../../ui/job/screen.py" line="271"/>
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
        <location filename="../../ui/labels.py" line="75"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Condition</source>
        <translation>外观状况</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>Accessories</source>
        <translation>随附配件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80"/>
        <source>Technician name</source>
        <translation>技师姓名</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Customer signature</source>
        <translation>客户签名</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Technician signature</source>
        <translation>技师签名</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Work done</source>
        <translation>维修内容</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>Condition on return</source>
        <translation>归还时状况</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Charges</source>
        <translation>费用</translation>
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
        <location filename="../../ui/main_window.py" line="268"/>
        <source>A sync is running. Move the data folder when it has finished.</source>
        <translation>正在同步。请在同步完成后再移动数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="403"/>
        <location filename="../../ui/main_window.py" line="404"/>
        <source>FieldTech</source>
        <translation>FieldTech 上门服务</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405"/>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="406"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="407"/>
        <source>All jobs</source>
        <translation>全部工单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>New job</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409"/>
        <source>Open a job at the customer&apos;s door (Ctrl+N)</source>
        <translation>在客户门口新建工单（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="410"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="411"/>
        <source>Search all jobs (Ctrl+F)</source>
        <translation>搜索全部工单（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="414"/>
        <source>End of day</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416"/>
        <source>Cash to hand in, parts used and jobs left open (Ctrl+E)</source>
        <translation>应上交现金、已用配件和未完成工单（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="418"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="419"/>
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
    <name>PastRepairsPanel</name>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="27"/>
        <source>Fixed</source>
        <translation>已修复</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="28"/>
        <source>Not fixed</source>
        <translation>未修复</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="29"/>
        <source>Taken to workshop</source>
        <translation>已带回维修站</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="32"/>
        <source>Same model and fault code</source>
        <translation>同型号同故障码</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="33"/>
        <source>Same fault code</source>
        <translation>同故障码</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="34"/>
        <source>Same model</source>
        <translation>同型号</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="159"/>
        <source>Unknown model</source>
        <translation>型号不详</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="163"/>
        <source>no fault code</source>
        <translation>无故障码</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="172"/>
        <source>Symptoms: %1</source>
        <translation>症状：%1</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="174"/>
        <source>Cause: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="176"/>
        <source>Work done: %1</source>
        <translation>维修内容：%1</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="182"/>
        <source>Parts: %1</source>
        <translation>配件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="188"/>
        <source>Enter a fault code to see how it was fixed before.</source>
        <translation>输入故障码，查看以前是怎么修好的。</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="190"/>
        <source>No past repairs of this model or fault code yet.</source>
        <translation>还没有该型号或该故障码的维修记录。</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="192"/>
        <source>Repairs by all technicians, best match first.</source>
        <translation>全体技师的维修记录，最相符的在前。</translation>
    </message>
    <message>
        <location filename="../../ui/job/past_repairs.py" line="195"/>
        <source>What fixed it last time</source>
        <translation>以前是怎么修好的</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../ui/photos/strip.py" line="159"/>
        <source>%1 (its picture arrives with the next sync)</source>
        <translation>%1（图片将在下次同步时到达）</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="179"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="184"/>
        <source>Photos (%1)</source>
        <translation>照片 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="184"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="211"/>
        <source>%1 is empty. Take or choose the photo again.</source>
        <translation>%1 是空文件。请重新拍摄或选择照片。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="212"/>
        <source>%1 is too large (over 25 MB). Choose a smaller photo.</source>
        <translation>%1 太大（超过 25 MB）。请选择较小的照片。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="214"/>
        <source>%1 is not a picture this app can keep. Use JPEG, PNG, WebP, GIF or BMP.</source>
        <translation>%1 不是本应用能保存的图片。请使用 JPEG、PNG、WebP、GIF 或 BMP。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="216"/>
        <source>%1 is damaged or cut short. Copy it again or take a new photo.</source>
        <translation>%1 已损坏或不完整。请重新复制，或重新拍一张。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="217"/>
        <source>%1 could not be read. Check the file is still there.</source>
        <translation>无法读取 %1。请确认文件仍然存在。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="265"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="266"/>
        <source>Choose picture files, or drop them here</source>
        <translation>选择图片文件，或拖放到这里</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="267"/>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="268"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="269"/>
        <source>Remove the selected photo (Delete)</source>
        <translation>删除选中的照片（Delete 键）</translation>
    </message>
    <message>
        <location filename="../../ui/photos/strip.py" line="270"/>
        <source>No photos yet. Drop picture files here or add them.</source>
        <translation>还没有照片。把图片文件拖放到这里，或点击添加。</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../ui/photos/viewer.py" line="170"/>
        <source>Opening the photo…</source>
        <translation>正在打开照片…</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="204"/>
        <source>This photo&apos;s picture is not on this laptop yet; it arrives with the next sync.</source>
        <translation>这张照片的图像还不在本机上，下次同步时送达。</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="215"/>
        <source>%1 — photo %2 of %3</source>
        <translation>%1 — 第 %2 张，共 %3 张</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="225"/>
        <source>Previous</source>
        <translation>上一张</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="226"/>
        <source>Previous photo (Left arrow, or swipe right)</source>
        <translation>上一张照片（左方向键，或向右滑动）</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="227"/>
        <source>Next</source>
        <translation>下一张</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="228"/>
        <source>Next photo (Right arrow, or swipe left)</source>
        <translation>下一张照片（右方向键，或向左滑动）</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="229"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/photos/viewer.py" line="230"/>
        <source>Back to the job (Esc)</source>
        <translation>回到工单（Esc）</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="129"/>
        <source>Say what was done in the workshop.</source>
        <translation>请填写在维修站做了哪些维修。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="133"/>
        <source>Type the customer&apos;s name as it should be printed.</source>
        <translation>请输入要打印在单据上的客户姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="136"/>
        <source>Ask the customer to sign in the box.</source>
        <translation>请客户在框内签名。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="173"/>
        <source>Restored what was typed before.</source>
        <translation>已恢复之前输入的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="199"/>
        <source>Return item</source>
        <translation>归还产品</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="200"/>
        <source>Return the item to the customer</source>
        <translation>把产品交还客户</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="204"/>
        <source>Pickup receipt</source>
        <translation>取件单</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="205"/>
        <source>Item</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="206"/>
        <source>Taken</source>
        <translation>取件时间</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="207"/>
        <source>Promised by</source>
        <translation>承诺归还日期</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="208"/>
        <source>Condition when taken</source>
        <translation>取件时状况</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="209"/>
        <source>Accessories</source>
        <translation>随附配件</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="209"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="220"/>
        <source>&amp;Work done</source>
        <translation>维修内容(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="220"/>
        <source>C&amp;ondition now</source>
        <translation>当前状况(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="220"/>
        <source>C&amp;harges</source>
        <translation>费用(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="223"/>
        <source>What was repaired or replaced in the workshop</source>
        <translation>在维修站修理或更换了什么</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="224"/>
        <source>Leave empty when it is as when taken</source>
        <translation>与取件时相同则留空</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="225"/>
        <source>0.00 when free</source>
        <translation>免费填 0.00</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="227"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="228"/>
        <source>Customer&apos;s &amp;printed name</source>
        <translation>客户姓名（正楷）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="229"/>
        <source>Customer signs here</source>
        <translation>客户在此签名</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="230"/>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="231"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="233"/>
        <source>Sign and print</source>
        <translation>签字并打印</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/return_dialog.py" line="234"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="171"/>
        <source>Sign out of FieldTech on this computer? Your jobs stay here, encrypted; sign in again to carry on.</source>
        <translation>在这台电脑上退出 FieldTech？您的工单仍加密保存在这里，重新登录即可继续。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/settings_dialog.py" line="176"/>
        <source>%n change(s) have not reached the office yet; they are sent after you sign in again.</source>
        <translation>
            <numerusform>还有 %n 项修改没有送到办公室；重新登录后会发送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="183"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="193"/>
        <source>Move the data folder into…</source>
        <translation>将数据文件夹移动到…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="210"/>
        <source>%1 is inside the current data folder. Choose a folder elsewhere.</source>
        <translation>%1 位于当前数据文件夹之内。请选择其他位置的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="211"/>
        <source>%1 already holds files. Choose another folder, or empty it.</source>
        <translation>%1 中已有文件。请选择其他文件夹，或先将其清空。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="213"/>
        <source>%1 cannot be written to (%2). Choose a folder you can write to.</source>
        <translation>无法写入 %1（%2）。请选择您有写入权限的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="216"/>
        <source>%1 has %2 free and your data needs %3. Free some space or choose another drive.</source>
        <translation>%1 的可用空间为 %2，而您的数据需要 %3。请释放一些空间，或选择其他磁盘。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="219"/>
        <source>Copying to %1 failed (%2). Nothing was moved: your data is where it was.</source>
        <translation>复制到 %1 失败（%2）。没有移动任何内容：您的数据仍在原处。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="246"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="246"/>
        <source>US Letter</source>
        <translation>美国 Letter</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="246"/>
        <source>80 mm roll</source>
        <translation>80 毫米卷纸</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="249"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="250"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="251"/>
        <source>S&amp;ync every</source>
        <translation>同步间隔(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="252"/>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="254"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="255"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="256"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="260"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="262"/>
        <source>The app also syncs on F5, after your changes and when the network returns</source>
        <translation>按 F5、修改之后以及网络恢复时也会同步</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="264"/>
        <source>Paper for each printer</source>
        <translation>各打印机的纸张</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="275"/>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="279"/>
        <source>No printers are set up on this computer. When you print, the paper you choose is remembered for that printer.</source>
        <translation>这台电脑上还没有设置打印机。打印时选择的纸张会按打印机记住。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="283"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="284"/>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="285"/>
        <source>&amp;Move…</source>
        <translation>移动(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="287"/>
        <source>Move your jobs, backups and settings to another folder or drive</source>
        <translation>将您的工单、备份和设置移动到其他文件夹或磁盘</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="291"/>
        <source>Your jobs are kept here, encrypted, with daily backups. Move… copies them to another folder, checks the copy, and FieldTech reopens from there.</source>
        <translation>您的工单以加密方式保存在这里，并每日备份。“移动…”会把它们复制到其他文件夹，检查副本无误后，FieldTech 从新位置重新打开。</translation>
    </message>
    <message>
        <source>Your jobs are kept here, encrypted, with daily backups. To keep them elsewhere, start FieldTech with --data-dir or set FIELDTECH_DATA_DIR.</source>
        <translation type="vanished">您的工单加密保存在这里，每天备份。要保存到别处，请用 --data-dir 启动 FieldTech，或设置 FIELDTECH_DATA_DIR。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="295"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="297"/>
        <source>Signed in as %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="299"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="301"/>
        <source>Sign &amp;out…</source>
        <translation>退出登录(&amp;O)…</translation>
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
<context>
    <name>TakeBackWizard</name>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="276"/>
        <source>Restored what was typed before.</source>
        <translation>已恢复之前输入的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="324"/>
        <source>Describe the item&apos;s visible condition (scratches, dents, missing parts).</source>
        <translation>请描述产品的外观状况（划痕、凹陷、缺件）。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="331"/>
        <source>Say why the item goes to the workshop.</source>
        <translation>请说明为什么要带回维修站。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="336"/>
        <source>the customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="337"/>
        <source>the technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="341"/>
        <source>Type the printed name of %1.</source>
        <translation>请输入%1的姓名（正楷）。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="343"/>
        <source>A signature of %1 is needed in the box.</source>
        <translation>需要%1在框内签名。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="359"/>
        <source>Condition</source>
        <translation>外观状况</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="360"/>
        <source>Accessories</source>
        <translation>随附配件</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="360"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="361"/>
        <location filename="../../ui/workshop/wizard.py" line="406"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="362"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="363"/>
        <source>Back by</source>
        <translation>归还日期</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="372"/>
        <source>Both sign to confirm the item, its condition and what was taken. The receipt then opens to print.</source>
        <translation>双方签字，确认产品、其状况以及带走的物品。随后会打开取件单以便打印。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="379"/>
        <source>Take item back</source>
        <translation>取回维修</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="380"/>
        <source>Sign and print</source>
        <translation>签字并打印</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="385"/>
        <source>Condition and accessories</source>
        <translation>外观状况与配件</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="387"/>
        <source>Step %1 of %2. What the item looks like and what comes with it.</source>
        <translation>第 %1 步，共 %2 步。产品的外观，以及随产品带走的物品。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="408"/>
        <source>Step %1 of %2. Optional, but they settle questions later.</source>
        <translation>第 %1 步，共 %2 步。可选，但日后有争议时很有用。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="417"/>
        <source>Step %1 of %2. Why it cannot be fixed on site.</source>
        <translation>第 %1 步，共 %2 步。为什么无法现场修好。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="431"/>
        <source>Step %1 of %2. The customer and you sign the pickup receipt.</source>
        <translation>第 %1 步，共 %2 步。客户和您在取件单上签字。</translation>
    </message>
    <message>
        <source>What the item looks like and what comes with it.</source>
        <translation type="vanished">产品的外观，以及随产品带走的物品。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="393"/>
        <source>No item on record</source>
        <translation>未登记产品</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="395"/>
        <source>Job %1 · %2 · %3</source>
        <translation>工单 %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="400"/>
        <source>Visible &amp;condition</source>
        <translation>外观状况(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="402"/>
        <source>For example: scratch on the lid, door seal torn</source>
        <translation>例如：盖子有划痕，门封条破损</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="404"/>
        <source>&amp;Accessories taken, one per line</source>
        <translation>带走的配件，每行一项(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="405"/>
        <source>Power cord
Remote control</source>
        <translation>电源线
遥控器</translation>
    </message>
    <message>
        <source>Optional, but they settle questions later.</source>
        <translation type="vanished">可选，但日后有争议时很有用。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="413"/>
        <source>Photograph the item from each side and any damage. Drop picture files here.</source>
        <translation>从各个角度拍摄产品及任何损伤。可把图片文件拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="415"/>
        <source>Reason and return date</source>
        <translation>原因与归还日期</translation>
    </message>
    <message>
        <source>Why it cannot be fixed on site.</source>
        <translation type="vanished">为什么无法现场修好。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="421"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="422"/>
        <source>For example: the main board must be replaced</source>
        <translation>例如：需要更换主板</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="425"/>
        <source>Promised back to the customer by %1 (%2 working days).</source>
        <translation>承诺于 %1 前交还客户（%2 个工作日）。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="429"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>The customer and you sign the pickup receipt.</source>
        <translation type="vanished">客户和您在取件单上签字。</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="435"/>
        <source>Undo stroke</source>
        <translation>撤销一笔</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="435"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="437"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="438"/>
        <source>Customer&apos;s &amp;printed name</source>
        <translation>客户姓名（正楷）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="439"/>
        <source>Customer signs here</source>
        <translation>客户在此签名</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="444"/>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="445"/>
        <source>&amp;Technician&apos;s printed name</source>
        <translation>技师姓名（正楷）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop/wizard.py" line="446"/>
        <source>Technician signs here</source>
        <translation>技师在此签名</translation>
    </message>
</context>
</TS>
