<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Shouwang</source>
        <translation>守望</translation>
    </message>
    <message>
        <source>The ledger file could not be opened: %1</source>
        <translation>无法打开台账文件：%1</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出CSV</translation>
    </message>
    <message>
        <source>Export the ledger with ID numbers and phones masked (for reading), or in full (for the county's records; keep the file safe)?</source>
        <translation>导出时身份证号和电话是否隐藏部分数字？“隐藏”适合查阅；“完整”用于报送区县存档，请妥善保管文件。</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>隐藏部分数字</translation>
    </message>
    <message>
        <source>In full</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV文件 (*.csv)</translation>
    </message>
    <message>
        <source>The ledger was saved to %1.</source>
        <translation>台账已保存到 %1。</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入CSV</translation>
    </message>
    <message>
        <source>New elders: %1    Updated: %2    Unchanged: %3    Refused rows: %4</source>
        <translation>新增老年人：%1    更新：%2    无变化：%3    未导入的行：%4</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ChangeHistoryModel</name>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>(cleared)</source>
        <translation>（清空）</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Received by sync</source>
        <translation>同步收到</translation>
    </message>
    <message>
        <source>Not yet sent</source>
        <translation>待上传</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ElderDialog</name>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Household and supporters</source>
        <translation>家庭与赡养人</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>健康与照料</translation>
    </message>
    <message>
        <source>Economy and assistance</source>
        <translation>经济与救助</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Print / PDF</source>
        <translation>打印/PDF</translation>
    </message>
    <message>
        <source>New elder</source>
        <translation>新增老年人</translation>
    </message>
    <message>
        <source>Elder: %1</source>
        <translation>老年人档案：%1</translation>
    </message>
    <message>
        <source>Birth date, sex and age are filled in from the ID number.</source>
        <translation>出生日期、性别和年龄根据身份证号自动填写。</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>身份证号：%1</translation>
    </message>
    <message>
        <source>Birth date: %1    Sex: %2    Age: %3</source>
        <translation>出生日期：%1    性别：%2    年龄：%3</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>探访记录</translation>
    </message>
    <message>
        <source>Risk assessments</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <source>Care agreements</source>
        <translation>委托照顾协议</translation>
    </message>
    <message>
        <source>Pairings and liaisons</source>
        <translation>结对帮扶与联络人</translation>
    </message>
    <message>
        <source>Services received</source>
        <translation>接受服务</translation>
    </message>
    <message>
        <source>Incident reports</source>
        <translation>情况报告</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ElderTableModel</name>
    <message>
        <source>Aged 80+</source>
        <translation>高龄</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>失能</translation>
    </message>
    <message>
        <source>Dementia</source>
        <translation>失智</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>生活困难</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Living</source>
        <translation>居住情况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <source>Key target</source>
        <translation>重点帮扶对象</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近探访</translation>
    </message>
    <message>
        <source>Visit due</source>
        <translation>应探访日期</translation>
    </message>
    <message>
        <source>Village code</source>
        <translation>村代码</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::FieldEditor</name>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>（未填写）</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to Shouwang</source>
        <translation>欢迎使用守望</translation>
    </message>
    <message>
        <source>e.g. 张文书</source>
        <translation>例如：张文书</translation>
    </message>
    <message>
        <source>1. Which village does this computer keep?</source>
        <translation>一、本机负责哪个村的台账？</translation>
    </message>
    <message>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>2. How do you want to begin?</source>
        <translation>二、如何开始？</translation>
    </message>
    <message>
        <source>Start an empty ledger (enroll with the county later, under Sync)</source>
        <translation>建立空白台账（以后在“同步”页面向区县登记）</translation>
    </message>
    <message>
        <source>Enroll now with the code from the county:</source>
        <translation>现在用区县发放的登记码登记：</translation>
    </message>
    <message>
        <source>Open a demo village to learn with (made-up people)</source>
        <translation>打开演示村练习使用（虚构人员）</translation>
    </message>
    <message>
        <source>Server address, e.g. http://192.168.1.10:8443</source>
        <translation>服务器地址，例如 http://192.168.1.10:8443</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>This program keeps the village's ledger of left-behind elders on this computer. It works without a network and sends the changes to the county when it can.</source>
        <translation>本程序在这台电脑上保存本村农村留守老年人信息台账。没有网络也能使用，有网络时把修改同步到区县。</translation>
    </message>
    <message>
        <source>Please choose the village.</source>
        <translation>请选择村（社区）。</translation>
    </message>
    <message>
        <source>Please type your name: it is recorded with every change.</source>
        <translation>请填写您的姓名：每次修改都会记录操作人。</translation>
    </message>
    <message>
        <source>To enroll, type the server address and the code from the county.</source>
        <translation>登记需要填写服务器地址和区县发放的登记码。</translation>
    </message>
    <message>
        <source>Creating the demo village...</source>
        <translation>正在生成演示村……</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::HomeView</name>
    <message>
        <source>&lt;b&gt;Visits due today and overdue&lt;/b&gt; (double-click to record a visit)</source>
        <translation>&lt;b&gt;今日应探访及逾期未探访&lt;/b&gt;（双击记录探访）</translation>
    </message>
    <message>
        <source>&lt;b&gt;High-risk elders&lt;/b&gt;</source>
        <translation>&lt;b&gt;高风险老年人&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Open incident reports&lt;/b&gt;</source>
        <translation>&lt;b&gt;未办结的情况报告&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1    %2</source>
        <translation>%1    %2</translation>
    </message>
    <message>
        <source>Elders on the ledger: &lt;b&gt;%1&lt;/b&gt;    Key targets: &lt;b&gt;%2&lt;/b&gt; (aged 80+ %3, disabled %4, dementia %5, living alone %6, hardship %7)&lt;br/&gt;Visits overdue: &lt;b&gt;%8&lt;/b&gt;    Changes not yet synced: &lt;b&gt;%9&lt;/b&gt;    Last sync: &lt;b&gt;%10&lt;/b&gt;    Conflicts to review: &lt;b&gt;%11&lt;/b&gt;</source>
        <translation>在册老年人：&lt;b&gt;%1&lt;/b&gt;    重点帮扶对象：&lt;b&gt;%2&lt;/b&gt;（高龄 %3、失能 %4、失智 %5、独居 %6、生活困难 %7）&lt;br/&gt;逾期未探访：&lt;b&gt;%8&lt;/b&gt;    待同步修改：&lt;b&gt;%9&lt;/b&gt;    上次同步：&lt;b&gt;%10&lt;/b&gt;    待处理冲突：&lt;b&gt;%11&lt;/b&gt;</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Current campaign: %1 (%2 to %3) — %4</source>
        <translation>当前专项探访：%1（%2 至 %3）— %4</translation>
    </message>
    <message>
        <source>No visit campaign is running now.</source>
        <translation>目前没有进行中的专项探访。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::IncidentDialog</name>
    <message>
        <source>Incident report: %1</source>
        <translation>情况报告：%1</translation>
    </message>
    <message>
        <source>Handling by the township</source>
        <translation>乡镇受理办理情况</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::LedgerView</name>
    <message>
        <source>Elders</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>家庭户</translation>
    </message>
    <message>
        <source>Search by name, ID number or phone</source>
        <translation>按姓名、身份证号或电话查找</translation>
    </message>
    <message>
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Visit overdue</source>
        <translation>逾期未探访</translation>
    </message>
    <message>
        <source>Aged 80+</source>
        <translation>高龄</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>失能</translation>
    </message>
    <message>
        <source>Dementia</source>
        <translation>失智</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>生活困难</translation>
    </message>
    <message>
        <source>Key target</source>
        <translation>重点帮扶对象</translation>
    </message>
    <message>
        <source>Meets left-behind criteria</source>
        <translation>符合留守条件</translation>
    </message>
    <message>
        <source>New elder</source>
        <translation>新增老年人</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <source>Record a visit</source>
        <translation>记录探访</translation>
    </message>
    <message>
        <source>Print ledger / PDF</source>
        <translation>打印台账/PDF</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出CSV</translation>
    </message>
    <message numerus="yes">
        <source>%n elder(s)</source>
        <translation><numerusform>共 %n 人</numerusform></translation>
    </message>
    <message>
        <source>Please choose an elder in the list first.</source>
        <translation>请先在列表中选择一位老年人。</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入CSV</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::MainWindow</name>
    <message>
        <source>Shouwang — care ledger for rural left-behind elders — %1</source>
        <translation>守望 — 农村留守老年人关爱服务信息台账 — %1</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Volunteers, pairings, services</source>
        <translation>志愿者·结对·服务</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Operator: %1    Ledger file: %2</source>
        <translation>操作员：%1    台账文件：%2</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New elder...</source>
        <translation>新增老年人…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Operator name...</source>
        <translation>操作员姓名…</translation>
    </message>
    <message>
        <source>Language...</source>
        <translation>界面语言…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>About Shouwang</source>
        <translation>关于守望</translation>
    </message>
    <message>
        <source>Shouwang %1 — the information ledger of rural left-behind elders, for village committees. Works offline; syncs with the county when a network is available.</source>
        <translation>守望 %1 — 供村委会使用的农村留守老年人关爱服务信息台账。无网络可用；有网络时与区县同步。</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>操作员姓名</translation>
    </message>
    <message>
        <source>Your name (recorded with every change you make):</source>
        <translation>您的姓名（每次修改都会记录）：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Language of the program:</source>
        <translation>程序界面语言：</translation>
    </message>
    <message>
        <source>The new language is used from the next start of the program.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::Printing</name>
    <message>
        <source>Left-behind elder record</source>
        <translation>农村留守老年人档案</translation>
    </message>
    <message>
        <source>Printed on</source>
        <translation>打印日期</translation>
    </message>
    <message>
        <source>Ledger of rural left-behind elders</source>
        <translation>农村留守老年人信息台账</translation>
    </message>
    <message>
        <source>%1 elders</source>
        <translation>共 %1 人</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print on paper, or save as a PDF file?</source>
        <translation>打印到纸上，还是保存为PDF文件？</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF...</source>
        <translation>保存为PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>ledger</source>
        <translation>台账</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RecordDialog</name>
    <message>
        <source>New: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>编辑：%1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Published by the county: read-only in the village.</source>
        <translation>由区县发布：村里只能查看，不能修改。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RecordForm</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>What you typed has not been saved. Close and throw it away?</source>
        <translation>填写的内容还没有保存。确定关闭并放弃这些内容吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: please correct the %n field(s) marked in red.</source>
        <translation><numerusform>未保存：请修改标红的 %n 项内容。</numerusform></translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RecordListPanel</name>
    <message>
        <source>Add %1</source>
        <translation>新增%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this %1 record? It stays in the change history.</source>
        <translation>确定删除这条%1记录吗？修改记录中仍会保留。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RecordTableModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RiskDialog</name>
    <message>
        <source>Risk assessment: %1</source>
        <translation>风险评估：%1</translation>
    </message>
    <message>
        <source>Factors (%1) — ticked ones are already known from the ledger; please confirm each</source>
        <translation>评估因素（%1）— 已勾选的是台账中已有的情况，请逐项确认</translation>
    </message>
    <message>
        <source>%1 (%2 points)</source>
        <translation>%1（%2分）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Score: %1    Level: %2</source>
        <translation>得分：%1    等级：%2</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::SyncView</name>
    <message>
        <source>Server and enrollment</source>
        <translation>服务器与登记</translation>
    </message>
    <message>
        <source>The one-time code from the county</source>
        <translation>区县发放的一次性登记码</translation>
    </message>
    <message>
        <source>Enroll this computer</source>
        <translation>登记本机</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sync automatically every 15 minutes when the server can be reached</source>
        <translation>能连上服务器时每15分钟自动同步</translation>
    </message>
    <message>
        <source>Export changes to a file (USB stick)...</source>
        <translation>导出修改到文件（U盘）…</translation>
    </message>
    <message>
        <source>Import the county's answer file...</source>
        <translation>导入区县回传文件…</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value A</source>
        <translation>值A</translation>
    </message>
    <message>
        <source>Value B</source>
        <translation>值B</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conflicts&lt;/b&gt; (two people changed the same field at the same time; the county reviews them)</source>
        <translation>&lt;b&gt;冲突&lt;/b&gt;（两人同时修改了同一项内容，由区县核对处理）</translation>
    </message>
    <message>
        <source>Enrollment: &lt;b&gt;%1&lt;/b&gt;    Changes not yet sent: &lt;b&gt;%2&lt;/b&gt;    Last sync: &lt;b&gt;%3&lt;/b&gt;%4</source>
        <translation>登记状态：&lt;b&gt;%1&lt;/b&gt;    待上传修改：&lt;b&gt;%2&lt;/b&gt;    上次同步：&lt;b&gt;%3&lt;/b&gt;%4</translation>
    </message>
    <message>
        <source>enrolled (%1)</source>
        <translation>已登记（%1）</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>&lt;br/&gt;Last problem: %1</source>
        <translation>&lt;br/&gt;上次出现的问题：%1</translation>
    </message>
    <message>
        <source>Export changes</source>
        <translation>导出修改</translation>
    </message>
    <message>
        <source>Shouwang bundles (*.swb)</source>
        <translation>守望数据包 (*.swb)</translation>
    </message>
    <message>
        <source>Import answer</source>
        <translation>导入回传文件</translation>
    </message>
    <message>
        <source>Sync finished: %1 change(s) sent, %2 received.</source>
        <translation>同步完成：上传 %1 条修改，收到 %2 条。</translation>
    </message>
    <message>
        <source> %1 change(s) were refused by the county; see the record's history.</source>
        <translation>有 %1 条修改被区县拒绝，请在档案的修改记录中查看。</translation>
    </message>
    <message>
        <source> %1 conflict(s) found.</source>
        <translation>发现 %1 处冲突。</translation>
    </message>
    <message>
        <source>Sync did not finish: %1 Nothing was lost; the changes will be sent next time.</source>
        <translation>同步未完成：%1 数据不会丢失，修改将在下次同步时上传。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::SyncWorker</name>
    <message>
        <source>The local ledger could not be used: %1</source>
        <translation>无法使用本机台账：%1</translation>
    </message>
    <message>
        <source>Unexpected failure.</source>
        <translation>发生意外错误。</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <source>Receiving: %1 changes</source>
        <translation>正在接收：%1 条修改</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>正在上传修改</translation>
    </message>
    <message>
        <source>Enrolling</source>
        <translation>正在登记</translation>
    </message>
    <message>
        <source>Enrolled for %1.</source>
        <translation>登记成功：%1。</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) written to the file.</source>
        <translation><numerusform>已将 %n 条修改写入文件。</numerusform></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::VisitDialog</name>
    <message>
        <source>Visit: %1</source>
        <translation>探访：%1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; — visit every %n day(s) under the county schedule</source>
        <translation><numerusform>&lt;b&gt;%1&lt;/b&gt; — 按区县规定每 %n 天探访一次</numerusform></translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>