<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../main.cpp" line="116"/>
        <location filename="../main.cpp" line="131"/>
        <source>Shouwang</source>
        <translation>守望</translation>
    </message>
    <message>
        <location filename="../main.cpp" line="117"/>
        <source>The ledger file could not be opened: %1</source>
        <translation>无法打开台账文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="38"/>
        <source>Export the ledger with ID numbers and phones masked (for reading), or in full (for the county&apos;s records; keep the file safe)?</source>
        <translation>导出时身份证号和电话是否隐藏部分数字？“隐藏”适合查阅；“完整”用于报送区县存档，请妥善保管文件。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="41"/>
        <source>Masked</source>
        <translation>隐藏部分数字</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="42"/>
        <source>In full</source>
        <translation>完整导出</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="43"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="62"/>
        <source>Exporting the ledger...</source>
        <translation>正在导出台账……</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="69"/>
        <source>The ledger was saved to %1.</source>
        <translation>台账已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="151"/>
        <source>Importing the ledger...</source>
        <translation>正在导入台账……</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="100"/>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="120"/>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="125"/>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="161"/>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="165"/>
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="30"/>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="37"/>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="52"/>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="68"/>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="71"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="78"/>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="89"/>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="94"/>
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="79"/>
        <source>ledger-template</source>
        <translation>台账导入模板</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="86"/>
        <source>Saving the template...</source>
        <translation>正在保存模板……</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="90"/>
        <source>The template was saved to %1. Fill it in Excel (one row per supporter; visits on the 探访记录 sheet), then import it.</source>
        <translation>模板已保存到 %1。请在Excel中填写（每位赡养人一行；探访记录填在“探访记录”工作表），然后导入。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="101"/>
        <source>Excel or CSV files (*.xlsx *.csv *.txt *.xls);;Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel或CSV文件 (*.xlsx *.csv *.txt *.xls);;Excel工作簿 (*.xlsx);;CSV文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="113"/>
        <source>Reading the file...</source>
        <translation>正在读取文件……</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="133"/>
        <source>Saving the refused rows...</source>
        <translation>正在保存被拒绝的行……</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/csv_exchange.cpp" line="162"/>
        <source>Nothing was imported: %1</source>
        <translation>没有导入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::AreaPicker</name>
    <message>
        <location filename="../../ui/forms/area_picker.cpp" line="22"/>
        <source>Whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../ui/forms/area_picker.cpp" line="54"/>
        <source>Whole county</source>
        <translation>全区县</translation>
    </message>
    <message>
        <location filename="../../ui/forms/area_picker.cpp" line="72"/>
        <source>Whole township</source>
        <translation>全乡镇</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ChangeHistoryModel</name>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="66"/>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="66"/>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="75"/>
        <source>(cleared)</source>
        <translation>（清空）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="93"/>
        <source>County server (before this computer&apos;s first sync)</source>
        <translation>区县服务器（本机首次同步以前）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="94"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="94"/>
        <source>Received by sync</source>
        <translation>同步收到</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="97"/>
        <source>Not yet sent</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="98"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="99"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="112"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="113"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="114"/>
        <source>Where</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="115"/>
        <source>Sync state</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_model.cpp" line="116"/>
        <source>What changed</source>
        <translation>修改内容</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ChangeHistoryView</name>
    <message>
        <location filename="../../ui/forms/change_history_view.cpp" line="27"/>
        <source>Earlier changes from the county server</source>
        <translation>查看区县服务器保存的更早修改</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_view.cpp" line="51"/>
        <source>This computer began syncing from the county&apos;s copy of the ledger; changes made before that are kept at the county server.</source>
        <translation>本机是从区县台账的副本开始同步的，此前的修改记录保存在区县服务器上。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_view.cpp" line="60"/>
        <source>Asking the county server...</source>
        <translation>正在向区县服务器查询……</translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_view.cpp" line="71"/>
        <source>The county&apos;s history could not be fetched: %1</source>
        <translation>未能获取区县保存的修改记录：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/forms/change_history_view.cpp" line="78"/>
        <source>%n change(s) from the county server are shown.</source>
        <translation>
            <numerusform>已显示区县服务器保存的 %n 条修改。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/forms/change_history_view.cpp" line="80"/>
        <source> Older ones are not shown.</source>
        <translation>更早的修改未显示。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ConflictTable</name>
    <message>
        <location filename="../../ui/sync/conflict_table.cpp" line="17"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_table.cpp" line="17"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_table.cpp" line="17"/>
        <source>Value A</source>
        <translation>值甲</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_table.cpp" line="17"/>
        <source>Value B</source>
        <translation>值乙</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_table.cpp" line="17"/>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ConflictView</name>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="52"/>
        <source>Value A (earlier)</source>
        <translation>值甲（较早）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="53"/>
        <source>Value B (later, shown now)</source>
        <translation>值乙（较晚，目前显示）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="54"/>
        <source>Or type the right value</source>
        <translation>或另填正确的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="56"/>
        <source>Use the typed value</source>
        <translation>采用填写的值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="68"/>
        <source>&lt;b&gt;Conflicts&lt;/b&gt;: two people changed the same field at the same time. Choose the right value; your choice is sent to every computer with the next sync.</source>
        <translation>&lt;b&gt;冲突&lt;/b&gt;：两个人同时修改了同一项内容。请选择正确的值；您的选择在下次同步时发到每台电脑。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="92"/>
        <source>Use this value</source>
        <translation>采用此值</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="131"/>
        <source>Choose a conflict in the list.</source>
        <translation>请在列表中选择一条冲突。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="131"/>
        <source>No conflicts to review.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="138"/>
        <source>&lt;b&gt;%1&lt;/b&gt; of %2</source>
        <translation>%2 的&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="143"/>
        <source>&lt;p style=&apos;font-size:14pt&apos;&gt;%1&lt;/p&gt;&lt;p&gt;written by %2 at %3&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:14pt&apos;&gt;%1&lt;/p&gt;&lt;p&gt;修改人：%2，时间：%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/sync/conflict_view.cpp" line="144"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ElderDialog</name>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="69"/>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="85"/>
        <source>Household and supporters</source>
        <translation>家庭与赡养人</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="86"/>
        <source>Health and care</source>
        <translation>健康与照料</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="87"/>
        <source>Economy and assistance</source>
        <translation>经济与救助</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="96"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="97"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="98"/>
        <source>Print / PDF</source>
        <translation>打印/PDF</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="108"/>
        <source>New elder</source>
        <translation>新增老年人</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="109"/>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="225"/>
        <source>Elder: %1</source>
        <translation>老年人档案：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="153"/>
        <source>Birth date, sex and age are filled in from the ID number.</source>
        <translation>出生日期、性别和年龄根据身份证号自动填写。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="158"/>
        <source>ID number: %1</source>
        <translation>身份证号：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="164"/>
        <source>Birth date: %1    Sex: %2    Age: %3</source>
        <translation>出生日期：%1    性别：%2    年龄：%3</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="227"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="111"/>
        <source>Visits</source>
        <translation>探访记录</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="121"/>
        <source>Risk assessments</source>
        <translation>风险评估</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="127"/>
        <source>Care agreements</source>
        <translation>委托照顾协议</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="128"/>
        <source>Pairings and liaisons</source>
        <translation>结对帮扶与联络人</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="132"/>
        <source>Services received</source>
        <translation>接受服务</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="142"/>
        <source>Incident reports</source>
        <translation>情况报告</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="148"/>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="73"/>
        <source>New household...</source>
        <translation>新建家庭户…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="182"/>
        <source>%1 (new household, saved with the elder)</source>
        <translation>%1（新建家庭户，与老人一起保存）</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="195"/>
        <source>“%1” is not a household of this village yet: click New household... to create it, or choose one from the list.</source>
        <translation>“%1”还不是本村已有的家庭户：请点“新建家庭户…”建立，或从列表中选择。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="198"/>
        <source>Not saved: the household “%1” does not exist yet.</source>
        <translation>未保存：家庭户“%1”尚未建立。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="227"/>
        <source>Saved, with the new household.</source>
        <translation>已保存，新建的家庭户也一并保存。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_dialog.cpp" line="169"/>
        <source>    Aged 65 or over and not in 65+ health management: consider a referral to the health department (tab Referrals to departments).</source>
        <translation>    已满65岁但未纳入65岁以上老年人健康管理：建议向卫生健康部门转介（“部门转介”页签）。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="94"/>
        <source>Print urging notice (督促通知书)...</source>
        <translation>打印督促通知书…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="99"/>
        <source>Print urging notice</source>
        <translation>打印督促通知书</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="100"/>
        <source>Choose a notice in the list first.</source>
        <translation>请先在列表中选择一条督促记录。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_tabs.cpp" line="147"/>
        <source>Referrals to departments</source>
        <translation>部门转介</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ElderTableModel</name>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="121"/>
        <source>Aged 80+</source>
        <translation>高龄</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="123"/>
        <source>Disabled</source>
        <translation>失能</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="125"/>
        <source>Dementia</source>
        <translation>失智</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="127"/>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="129"/>
        <source>Hardship</source>
        <translation>生活困难</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="143"/>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="174"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="175"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="176"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="177"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="178"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="179"/>
        <source>Living</source>
        <translation>居住情况</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="180"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="181"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="182"/>
        <source>Key target</source>
        <translation>重点帮扶对象</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="183"/>
        <source>Last visit</source>
        <translation>最近探访</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="184"/>
        <source>Visit due</source>
        <translation>应探访日期</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/elder_table_model.cpp" line="185"/>
        <source>Village code</source>
        <translation>村代码</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::Enrollment</name>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="26"/>
        <source>Fill in the server address and the enrollment code the county gave you, then click Enroll this computer.</source>
        <translation>请填写区县提供的服务器地址和登记码，再点“登记本机”。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="30"/>
        <source>Fill in the server address the county gave you (for example http://192.168.1.10:8443), then click Enroll this computer.</source>
        <translation>请填写区县提供的服务器地址（例如 http://192.168.1.10:8443），再点“登记本机”。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="36"/>
        <source>The server address “%1” is not valid: write it as the county gave it, such as http://192.168.1.10:8443.</source>
        <translation>服务器地址“%1”无效：请按区县提供的地址填写，例如 http://192.168.1.10:8443。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="41"/>
        <source>Fill in the enrollment code the county gave you, then click Enroll this computer.</source>
        <translation>请填写区县提供的登记码，再点“登记本机”。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="57"/>
        <source>Enrollment failed: the server %1 did not answer. Check that the address and port are the ones the county gave and that this computer is on the network, then click Enroll this computer again.</source>
        <translation>登记未成功：服务器 %1 没有应答，请核对地址和端口是否与区县提供的一致、本机是否已联网，然后再点“登记本机”。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="63"/>
        <source>Enrollment failed: the enrollment code is wrong or has already been used. Ask the county for a new code and enroll again.</source>
        <translation>登记未成功：登记码不对或已经用过，请向区县索取新的登记码后重新登记。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="67"/>
        <source>Enrollment failed: too many attempts from this computer. Wait a few minutes, then click Enroll this computer again.</source>
        <translation>登记未成功：本机尝试次数过多，请等几分钟后再点“登记本机”。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="71"/>
        <source>Enrollment failed: the server&apos;s certificate could not be verified. Ask the county administrator to check the server address and certificate.</source>
        <translation>登记未成功：无法验证服务器的证书，请区县管理员核对服务器地址和证书。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="76"/>
        <source>Enrollment failed: %1 is not the county&apos;s Shouwang server. Check the address and port with the county.</source>
        <translation>登记未成功：%1 不是区县的守望服务器，请向区县核对地址和端口。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="81"/>
        <source>Enrollment failed: this program is too old for the county&apos;s server. Install the version the county provides, then enroll again.</source>
        <translation>登记未成功：本软件版本过旧，与区县服务器不匹配，请安装区县提供的版本后重新登记。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="89"/>
        <source>Enrollment failed. Check the address and code with the county and try again.</source>
        <translation>登记未成功，请向区县核对地址和登记码后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/session/enrollment_check.cpp" line="91"/>
        <source>Enrollment failed: %1</source>
        <translation>登记未成功：%1</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::EnrollmentCodeDialog</name>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="31"/>
        <source>Make the code</source>
        <translation>生成登记码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="34"/>
        <source>Enrollment code for a new computer</source>
        <translation>为新电脑生成登记码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="41"/>
        <source>Village or community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="42"/>
        <source>Township or street</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="43"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="45"/>
        <source>The whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="54"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="60"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="61"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="62"/>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="63"/>
        <source>The code works once. Read it to the new computer&apos;s user, who types it on the sync page with the server&apos;s address.</source>
        <translation>登记码只能使用一次。请告知新电脑的使用人，在“同步”页填入服务器地址和登记码完成登记。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="80"/>
        <source>Choose a unit from the list.</source>
        <translation>请从列表中选择单位。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="84"/>
        <source>Asking the server...</source>
        <translation>正在向服务器申请……</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="95"/>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="103"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enrollment_code_dialog.cpp" line="119"/>
        <source>%1
for %2, valid until %3</source>
        <translation>%1
用于 %2，%3 前有效</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::FieldEditor</name>
    <message>
        <location filename="../../ui/forms/date_editor.cpp" line="28"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../ui/forms/date_editor.cpp" line="32"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/forms/date_editor.cpp" line="34"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/forms/field_editor_factory.cpp" line="86"/>
        <source>(not filled in)</source>
        <translation>（未填写）</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::FirstRunDialog</name>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="32"/>
        <source>Welcome to Shouwang</source>
        <translation>欢迎使用守望</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="40"/>
        <source>e.g. 张文书</source>
        <translation>例如：张文书</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="44"/>
        <source>1. Which village does this computer keep?</source>
        <translation>一、本机负责哪个村的台账？</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="46"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="47"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="48"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="49"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="51"/>
        <source>2. How do you want to begin?</source>
        <translation>二、如何开始？</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="53"/>
        <source>Start an empty ledger (enroll with the county later, under Sync)</source>
        <translation>建立空白台账（以后在“同步”页面向区县登记）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="54"/>
        <source>Enroll now with the code from the county:</source>
        <translation>现在用区县发放的登记码登记：</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="55"/>
        <source>Open a demo village to learn with (made-up people)</source>
        <translation>打开演示村练习使用（虚构人员）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="57"/>
        <source>Server address, e.g. http://192.168.1.10:8443</source>
        <translation>服务器地址，例如 http://192.168.1.10:8443</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="67"/>
        <source>Enrollment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="69"/>
        <source>Demo of the chosen village</source>
        <translation>所选村的演示</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="70"/>
        <source>Demo of its township (township staff&apos;s view)</source>
        <translation>所在乡镇的演示（乡镇工作人员使用的界面）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="71"/>
        <source>Demo of its county (county office&apos;s view)</source>
        <translation>所在区县的演示（区县民政局使用的界面）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="78"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="79"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="83"/>
        <source>This program keeps the village&apos;s ledger of left-behind elders on this computer. It works without a network and sends the changes to the county when it can.</source>
        <translation>本程序在这台电脑上保存本村农村留守老年人信息台账。没有网络也能使用，有网络时把修改同步到区县。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="164"/>
        <source>Please choose the village.</source>
        <translation>请选择村（社区）。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="166"/>
        <source>Please type your name: it is recorded with every change.</source>
        <translation>请填写您的姓名：每次修改都会记录操作人。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="168"/>
        <source>To enroll, type the server address and the code from the county.</source>
        <translation>登记需要填写服务器地址和区县发放的登记码。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/first_run_dialog.cpp" line="192"/>
        <source>Creating the demo...</source>
        <translation>正在生成演示数据……</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::FormDialog</name>
    <message>
        <location filename="../../ui/forms/form_dialog.cpp" line="59"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_dialog.cpp" line="60"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_dialog.cpp" line="62"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::GuardedApplication</name>
    <message>
        <location filename="../../ui/session/guarded_application.cpp" line="40"/>
        <source>Shouwang</source>
        <translation>守望</translation>
    </message>
    <message>
        <location filename="../../ui/session/guarded_application.cpp" line="51"/>
        <source>The ledger file is locked by another program (%1). Close the other program (or the second window of Shouwang), then try again. Nothing already saved is lost.</source>
        <translation>台账文件被其他程序占用（%1）。请关闭占用它的程序（或另一个守望窗口）后再试。已保存的数据不会丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/session/guarded_application.cpp" line="57"/>
        <source>The ledger file could not be read (%1). It may have been moved, deleted or damaged, or the USB drive holding it removed. Put it back where it was, then try again; if it keeps failing, restart Shouwang. Nothing already saved is lost.</source>
        <translation>无法读取台账文件（%1）。文件可能被移动、删除或损坏，或存放它的U盘已拔出。请把文件放回原处后再试；如果仍然失败，请重新启动守望。已保存的数据不会丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/session/guarded_application.cpp" line="63"/>
        <source>Unexpected failure (%1). The program keeps running; please try again.</source>
        <translation>意外错误（%1）。程序仍在运行，请再试一次。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::HomeView</name>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="74"/>
        <source>&lt;b&gt;Visits due today and overdue&lt;/b&gt; (double-click to record a visit)</source>
        <translation>&lt;b&gt;今日应探访及逾期未探访&lt;/b&gt;（双击记录探访）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="76"/>
        <source>&lt;b&gt;High-risk elders&lt;/b&gt;</source>
        <translation>&lt;b&gt;高风险老年人&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="78"/>
        <source>&lt;b&gt;Open incident reports&lt;/b&gt;</source>
        <translation>&lt;b&gt;未办结的情况报告&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="135"/>
        <source>%1    %2</source>
        <translation>%1    %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="258"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="284"/>
        <source>Current campaign: %1 (%2 to %3) — %4</source>
        <translation>当前专项探访：%1（%2 至 %3）— %4</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="289"/>
        <source>No visit campaign is running now.</source>
        <translation>目前没有进行中的专项探访。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="239"/>
        <source>Elders on the ledger: &lt;b&gt;%1&lt;/b&gt;    Key targets: &lt;b&gt;%2&lt;/b&gt; (aged 80+ %3, disabled %4, dementia %5, living alone %6, hardship %7)&lt;br/&gt;Visits overdue: &lt;b&gt;%8&lt;/b&gt;    Changes not yet synced: &lt;b&gt;%9&lt;/b&gt;    Conflicts to review: &lt;b&gt;%10&lt;/b&gt;</source>
        <translation>在册老年人：&lt;b&gt;%1&lt;/b&gt;    重点帮扶对象：&lt;b&gt;%2&lt;/b&gt;（高龄 %3，失能 %4，失智 %5，独居 %6，生活困难 %7）&lt;br/&gt;逾期未探访：&lt;b&gt;%8&lt;/b&gt;    待上传修改：&lt;b&gt;%9&lt;/b&gt;    待处理冲突：&lt;b&gt;%10&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="257"/>
        <source>Last successful sync: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>最近一次成功同步：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="261"/>
        <source>The latest sync failed: %1 What was written here stays on this computer until a sync succeeds.</source>
        <translation>最近一次同步失败：%1 在同步成功之前，本机录入的内容只保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="229"/>
        <source>The ledger is empty. Next step: enter the first elder with File → New elder... (a new household can be created in the same form).</source>
        <translation>台账还是空的。下一步：点“文件 → 新增老年人…”录入第一位老人（家庭户可在同一表单中新建）。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="232"/>
        <source> To send the ledger to the county, enroll this computer on the Sync page with the code the county gives you.</source>
        <translation>要把台账报送区县，请在“同步”页用区县发放的登记码登记本机。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="66"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="66"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="66"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="80"/>
        <source>&lt;b&gt;Supporters to urge&lt;/b&gt; (key targets; double-click to open the elder and record a notice)</source>
        <translation>&lt;b&gt;需督促的赡养人&lt;/b&gt;（重点帮扶对象；双击打开档案并记录督促）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/home_view.cpp" line="150"/>
        <source>Counting...</source>
        <translation>正在统计……</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::HouseholdDialog</name>
    <message>
        <location filename="../../ui/ledger/household_dialog.cpp" line="23"/>
        <source>New household</source>
        <translation>新增家庭户</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/household_dialog.cpp" line="23"/>
        <source>Household: %1</source>
        <translation>家庭户：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/household_dialog.cpp" line="45"/>
        <source>&lt;b&gt;Elders of this household&lt;/b&gt; (double-click to open the record)</source>
        <translation>&lt;b&gt;本户的老年人&lt;/b&gt;（双击打开档案）</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="36"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="39"/>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="88"/>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="39"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="52"/>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="56"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="69"/>
        <source>Nothing has been written yet. Check the rows below, then choose Import: every row goes in at once, or none does.</source>
        <translation>现在还没有写入任何内容。请核对下面各行，再点“导入”：所有行一次全部写入，不会只导入一部分。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="77"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="77"/>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="79"/>
        <source>To add: %1</source>
        <translation>将新增：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="80"/>
        <source>To update: %1</source>
        <translation>将更新：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="87"/>
        <source>%1: “%2” → “%3”</source>
        <translation>%1：“%2” → “%3”</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="90"/>
        <source>Unchanged: %1</source>
        <translation>无变化：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="92"/>
        <source>Visit records to add: %1</source>
        <translation>将新增探访记录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="93"/>
        <source>Skipped (titles, totals, signatures): %1</source>
        <translation>跳过（标题、合计、签名等）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="95"/>
        <source>Refused (not imported): %1</source>
        <translation>拒绝（不导入）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="96"/>
        <source>To check: %1</source>
        <translation>需核对：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="105"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="108"/>
        <source>Save refused rows...</source>
        <translation>保存被拒绝的行…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="110"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="125"/>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="131"/>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="136"/>
        <source>Save refused rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="125"/>
        <source>refused-rows.csv</source>
        <translation>被拒绝的行.csv</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="126"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/import_preview_dialog.cpp" line="132"/>
        <source>The refused rows and their reasons were saved to %1. Correct them in Excel, delete the reason column if you like, and import the file again.</source>
        <translation>被拒绝的行及原因已保存到 %1。请在Excel中改正后重新导入（“拒绝原因”列可删可留，导入时忽略）。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::IncidentDelivery</name>
    <message>
        <location filename="../../ui/session/incident_delivery.cpp" line="16"/>
        <source>Waiting to upload</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../ui/session/incident_delivery.cpp" line="17"/>
        <source>Delivered to the township</source>
        <translation>已送达乡镇</translation>
    </message>
    <message>
        <location filename="../../ui/session/incident_delivery.cpp" line="23"/>
        <source>Refused by the county, not delivered (see the change history)</source>
        <translation>被区县退回，未送达乡镇（见修改记录）</translation>
    </message>
    <message>
        <location filename="../../ui/session/incident_delivery.cpp" line="30"/>
        <source>%1 (not yet uploaded)</source>
        <translation>%1（待上传）</translation>
    </message>
    <message>
        <location filename="../../ui/session/incident_delivery.cpp" line="67"/>
        <source>In an emergency, phone the township now.</source>
        <translation>紧急情况请立即打电话报告乡镇。</translation>
    </message>
    <message>
        <location filename="../../ui/session/incident_delivery.cpp" line="68"/>
        <source>In an emergency, phone the township now: %1.</source>
        <translation>紧急情况请立即打电话报告乡镇：%1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/session/incident_delivery.cpp" line="88"/>
        <source>%n incident report(s) have not reached the township yet (waiting to upload). </source>
        <translation>
            <numerusform>有 %n 份情况报告尚未送达乡镇（待上传）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shouwang::ui::IncidentDialog</name>
    <message>
        <location filename="../../ui/workflows/incident_dialog.cpp" line="26"/>
        <source>Incident report: %1</source>
        <translation>情况报告：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_dialog.cpp" line="45"/>
        <source>Handling by the township</source>
        <translation>乡镇受理办理情况</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_dialog.cpp" line="69"/>
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_dialog.cpp" line="108"/>
        <source>Not saved yet. Once reported, it reaches the township at the next successful sync. %1</source>
        <translation>尚未保存。上报后，要在下一次同步成功时才送达乡镇。%1</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_dialog.cpp" line="112"/>
        <source>&lt;b&gt;State: %1.&lt;/b&gt; The report is on this computer only; it reaches the township at the next successful sync. %2</source>
        <translation>&lt;b&gt;当前状态：%1。&lt;/b&gt;本报告还只在本机，下一次同步成功时才送达乡镇。%2</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_dialog.cpp" line="117"/>
        <source>&lt;b&gt;State: %1.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;当前状态：%1。&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_dialog.cpp" line="121"/>
        <source>&lt;b&gt;State: %1.&lt;/b&gt;</source>
        <translation>&lt;b&gt;当前状态：%1。&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::IncidentQueueView</name>
    <message>
        <location filename="../../ui/workflows/incident_queue_view.cpp" line="16"/>
        <source>Open reports (not yet closed)</source>
        <translation>未办结的报告</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_queue_view.cpp" line="16"/>
        <source>All reports</source>
        <translation>全部报告</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_queue_view.cpp" line="16"/>
        <source>&lt;b&gt;Incident reports of the villages&lt;/b&gt;</source>
        <translation>&lt;b&gt;各村的情况报告&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::IncidentStepPanel</name>
    <message>
        <location filename="../../ui/workflows/incident_step_panel.cpp" line="19"/>
        <source>Acknowledge (受理)</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_step_panel.cpp" line="21"/>
        <source>Start assistance (救助)</source>
        <translation>开始救助</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_step_panel.cpp" line="22"/>
        <source>Close (办结)</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_step_panel.cpp" line="27"/>
        <source>Assistance given</source>
        <translation>救助措施</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_step_panel.cpp" line="27"/>
        <source>Outcome</source>
        <translation>办结情况</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/incident_step_panel.cpp" line="27"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::LedgerTask</name>
    <message>
        <location filename="../../ui/session/ledger_task.cpp" line="40"/>
        <source>The work could not be finished: %1</source>
        <translation>未能完成：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/ledger_task.cpp" line="42"/>
        <source>Unexpected failure.</source>
        <translation>意外错误。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::LedgerView</name>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="40"/>
        <source>Elders</source>
        <translation>老年人</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="51"/>
        <source>Households</source>
        <translation>家庭户</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="69"/>
        <source>Search by name, ID number or phone</source>
        <translation>按姓名、身份证号或电话查找</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="72"/>
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="75"/>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="77"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="81"/>
        <source>Visit overdue</source>
        <translation>逾期未探访</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="96"/>
        <source>Aged 80+</source>
        <translation>高龄</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="96"/>
        <source>Disabled</source>
        <translation>失能</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="97"/>
        <source>Dementia</source>
        <translation>失智</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="97"/>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="98"/>
        <source>Hardship</source>
        <translation>生活困难</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="98"/>
        <source>Key target</source>
        <translation>重点帮扶对象</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="99"/>
        <source>Meets left-behind criteria</source>
        <translation>符合留守条件</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="135"/>
        <source>New elder</source>
        <translation>新增老年人</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="136"/>
        <source>Open record</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="137"/>
        <location filename="../../ui/ledger/ledger_view.cpp" line="217"/>
        <source>Record a visit</source>
        <translation>记录探访</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="138"/>
        <source>Print ledger / PDF</source>
        <translation>打印台账/PDF</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="141"/>
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/ledger/ledger_view.cpp" line="199"/>
        <source>%n elder(s)</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="217"/>
        <source>Please choose an elder in the list first.</source>
        <translation>请先在列表中选择一位老年人。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="87"/>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="88"/>
        <source>In 65+ health management</source>
        <translation>已纳入65岁以上健康管理</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="89"/>
        <source>65+ not in health management</source>
        <translation>65岁以上未纳入健康管理</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="90"/>
        <source>Registered poor household (建档立卡)</source>
        <translation>建档立卡户</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="91"/>
        <source>Minimum-allowance household (低保)</source>
        <translation>低保户</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="92"/>
        <source>Extreme-poverty support (特困)</source>
        <translation>特困供养</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="139"/>
        <source>Export Excel/CSV</source>
        <translation>导出Excel/CSV</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/ledger_view.cpp" line="140"/>
        <source>Import Excel/CSV</source>
        <translation>导入Excel/CSV</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::MainWindow</name>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="67"/>
        <source>Shouwang — care ledger for rural left-behind elders — %1</source>
        <translation>守望 — 农村留守老年人关爱服务信息台账 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="136"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="145"/>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="152"/>
        <source>Volunteers, pairings, services</source>
        <translation>志愿者·结对·服务</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="156"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="120"/>
        <source>Operator: %1    Ledger file: %2</source>
        <translation>操作员：%1    台账文件：%2</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="140"/>
        <source>Incident reports</source>
        <translation>情况报告办理</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="143"/>
        <source>Villages</source>
        <translation>各村情况</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="148"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="151"/>
        <source>Supervision</source>
        <translation>督查统计</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="154"/>
        <source>Conflicts</source>
        <translation>冲突处理</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="178"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="180"/>
        <source>New elder...</source>
        <translation>新增老年人…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="183"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="184"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="185"/>
        <source>Operator name...</source>
        <translation>操作员姓名…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="186"/>
        <source>Language...</source>
        <translation>界面语言…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="187"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="189"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="190"/>
        <source>About Shouwang</source>
        <translation>关于守望</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="191"/>
        <source>Shouwang %1 — the information ledger of rural left-behind elders, for village committees. Works offline; syncs with the county when a network is available.</source>
        <translation>守望 %1 — 供村委会使用的农村留守老年人关爱服务信息台账。无网络可用；有网络时与区县同步。</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="212"/>
        <source>Operator name</source>
        <translation>操作员姓名</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="213"/>
        <source>Your name (recorded with every change you make):</source>
        <translation>您的姓名（每次修改都会记录）：</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="255"/>
        <location filename="../../ui/window/main_window.cpp" line="260"/>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="255"/>
        <source>Language of the program:</source>
        <translation>程序界面语言：</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="260"/>
        <source>The new language is used from the next start of the program.</source>
        <translation>新的界面语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="121"/>
        <source>(not set: Settings → Operator name)</source>
        <translation>（未填写：设置 → 操作员姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="188"/>
        <location filename="../../ui/window/main_window.cpp" line="231"/>
        <location filename="../../ui/window/main_window.cpp" line="238"/>
        <source>User manual</source>
        <translation>使用手册</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="232"/>
        <source>The user manual was not installed with the program. Ask the county for user-manual.md (in the doc folder of the installer).</source>
        <translation>本机未安装使用手册。请向区县索取 user-manual.md（安装包 doc 文件夹中）。</translation>
    </message>
    <message>
        <location filename="../../ui/window/main_window.cpp" line="142"/>
        <source>Referrals</source>
        <translation>部门转介</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::NewHouseholdDialog</name>
    <message>
        <location filename="../../ui/ledger/new_household_dialog.cpp" line="21"/>
        <source>New household</source>
        <translation>新建家庭户</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/new_household_dialog.cpp" line="26"/>
        <source>The household is saved together with the elder when you click Save in the elder&apos;s form.</source>
        <translation>在老人表单中点“保存”时，家庭户与老人一起保存。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/new_household_dialog.cpp" line="30"/>
        <source>Create household</source>
        <translation>新建家庭户</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/new_household_dialog.cpp" line="48"/>
        <source>Fill in the fields marked in red.</source>
        <translation>请填写标红的项目。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::Printing</name>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="50"/>
        <source>Left-behind elder record</source>
        <translation>农村留守老年人档案</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="58"/>
        <location filename="../../ui/ledger/printing.cpp" line="86"/>
        <source>Printed on</source>
        <translation>打印日期</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="69"/>
        <source>Ledger of rural left-behind elders</source>
        <translation>农村留守老年人信息台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="70"/>
        <source>%1 elders</source>
        <translation>共 %1 人</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="120"/>
        <location filename="../../ui/ledger/printing.cpp" line="146"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="120"/>
        <source>Print on paper, or save as a PDF file?</source>
        <translation>打印到纸上，还是保存为PDF文件？</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="122"/>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="123"/>
        <source>Save as PDF...</source>
        <translation>保存为PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="124"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="129"/>
        <source>Save as PDF</source>
        <translation>保存为PDF</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="129"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="137"/>
        <source>Preparing the pages...</source>
        <translation>正在准备打印内容……</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="137"/>
        <source>Writing the PDF...</source>
        <translation>正在写出 PDF……</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="141"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/printing.cpp" line="162"/>
        <source>ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../ui/ledger/duty_notice_print.cpp" line="36"/>
        <source>urging notice</source>
        <translation>督促通知书</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::PublishView</name>
    <message>
        <location filename="../../ui/publishing/publish_view.cpp" line="41"/>
        <source>Risk standard and visit schedule</source>
        <translation>风险等级标准和探访周期</translation>
    </message>
    <message>
        <location filename="../../ui/publishing/publish_view.cpp" line="44"/>
        <source>What is published here reaches every village of the county at its next sync, where it is read-only.</source>
        <translation>这里发布的内容在下次同步时发到全区县每个村，村里只能查看。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RecordDialog</name>
    <message>
        <location filename="../../ui/forms/record_dialog.cpp" line="23"/>
        <source>New: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_dialog.cpp" line="23"/>
        <source>Edit: %1</source>
        <translation>编辑：%1</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_dialog.cpp" line="35"/>
        <source>Published by the county: read-only in the village.</source>
        <translation>由区县发布：村里只能查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_dialog.cpp" line="36"/>
        <source>Kept by the village: read-only on this computer.</source>
        <translation>由村里登记：本机只能查看。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RecordForm</name>
    <message>
        <location filename="../../ui/forms/form_dialog.cpp" line="31"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_dialog.cpp" line="32"/>
        <source>What you typed has not been saved. Close and throw it away?</source>
        <translation>填写的内容还没有保存。确定关闭并放弃这些内容吗？</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_dialog.cpp" line="35"/>
        <source>Discard</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_dialog.cpp" line="37"/>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/forms/form_saving.cpp" line="57"/>
        <source>Not saved: please correct the %n field(s) marked in red.</source>
        <translation>
            <numerusform>未保存：请修改标红的 %n 项内容。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_saving.cpp" line="44"/>
        <source>Saved. This record was also changed by a sync while it was open: the other changes are kept, shown here.</source>
        <translation>已保存。这条记录在您编辑期间已由同步更新：其他人修改的内容已保留，现已显示在此。</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_form.cpp" line="148"/>
        <source>“%1” is not in the list: choose one of the list, or clear the box.</source>
        <translation>“%1”不在列表中：请从列表中选择，或清空此项。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RecordListPanel</name>
    <message>
        <location filename="../../ui/forms/record_list_panel.cpp" line="32"/>
        <source>Add %1</source>
        <translation>新增%1</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_list_panel.cpp" line="33"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_list_panel.cpp" line="34"/>
        <location filename="../../ui/forms/record_list_panel.cpp" line="117"/>
        <location filename="../../ui/forms/record_list_panel.cpp" line="124"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_list_panel.cpp" line="118"/>
        <source>Delete this %1 record? It stays in the change history.</source>
        <translation>确定删除这条%1记录吗？修改记录中仍会保留。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RecordSearchBox</name>
    <message>
        <location filename="../../ui/forms/record_picker.cpp" line="46"/>
        <source>Type a name, the last digits of an ID number or a head of household</source>
        <translation>输入姓名、身份证号后几位或户主姓名查找</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_picker.cpp" line="47"/>
        <source>Type part of a name or number (↓ lists them)</source>
        <translation>输入名称或号码的一部分查找（按↓列出）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_picker.cpp" line="92"/>
        <source>More records match: type more of the name or number…</source>
        <translation>还有更多记录符合，请再多输入几个字或数字…</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_picker.cpp" line="94"/>
        <source>Nothing to choose from yet</source>
        <translation>还没有可选的记录</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_picker.cpp" line="95"/>
        <source>No record matches “%1”</source>
        <translation>没有符合“%1”的记录</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_picker.cpp" line="123"/>
        <source>household of %1</source>
        <translation>户主%1</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_picker.cpp" line="126"/>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_picker.cpp" line="128"/>
        <source>(moved out of this area)</source>
        <translation>（已迁出本辖区）</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_picker.cpp" line="138"/>
        <source>(not on this device yet) %1</source>
        <translation>（本机尚无此记录）%1</translation>
    </message>
    <message>
        <location filename="../../ui/forms/ref_editor.cpp" line="83"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RecordTableModel</name>
    <message>
        <location filename="../../ui/forms/record_table_model.cpp" line="133"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_table_model.cpp" line="149"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/forms/record_table_model.cpp" line="149"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ReferralQueueView</name>
    <message>
        <location filename="../../ui/workflows/referral_queue_view.cpp" line="49"/>
        <source>&lt;b&gt;Referrals to departments&lt;/b&gt;</source>
        <translation>&lt;b&gt;部门转介&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/referral_queue_view.cpp" line="49"/>
        <source>Open referrals (not yet ended)</source>
        <translation>未结案的转介</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/referral_queue_view.cpp" line="49"/>
        <source>All referrals</source>
        <translation>全部转介</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ReferralStepPanel</name>
    <message>
        <location filename="../../ui/workflows/referral_queue_view.cpp" line="25"/>
        <source>Township review (乡镇审核)</source>
        <translation>乡镇审核</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/referral_queue_view.cpp" line="27"/>
        <source>Refer to the department (转介)</source>
        <translation>转介到部门</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/referral_queue_view.cpp" line="29"/>
        <source>Department accepted (受理)</source>
        <translation>部门受理</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/referral_queue_view.cpp" line="31"/>
        <source>Closed (办结)</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/referral_queue_view.cpp" line="32"/>
        <source>Ended unresolved (未解决)</source>
        <translation>未解决（结案）</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/referral_queue_view.cpp" line="37"/>
        <source>to %1: %2</source>
        <translation>转%1：%2</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ReportExport</name>
    <message>
        <location filename="../../ui/supervision/report_export.cpp" line="26"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/report_export.cpp" line="45"/>
        <source>Supervision report: %1</source>
        <translation>留守老年人关爱服务督查报告：%1</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/report_export.cpp" line="47"/>
        <source>Period %1 to %2, figures as at %3</source>
        <translation>统计期间 %1 至 %2，统计时点 %3</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/report_export.cpp" line="59"/>
        <source>Writing the Excel workbook...</source>
        <translation>正在写出 Excel 工作簿……</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/report_export.cpp" line="71"/>
        <source>Writing the CSV file...</source>
        <translation>正在写出 CSV 文件……</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/report_export.cpp" line="80"/>
        <location filename="../../ui/supervision/report_export.cpp" line="96"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/report_export.cpp" line="89"/>
        <source>Writing the PDF report...</source>
        <translation>正在写出 PDF 报告……</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RiskDialog</name>
    <message>
        <location filename="../../ui/care/risk_dialog.cpp" line="33"/>
        <source>Risk assessment: %1</source>
        <translation>风险评估：%1</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_dialog.cpp" line="84"/>
        <source>Factors (%1) — ticked ones are already known from the ledger; please confirm each</source>
        <translation>评估因素（%1）— 已勾选的是台账中已有的情况，请逐项确认</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_dialog.cpp" line="87"/>
        <source>%1 (%2 points)</source>
        <translation>%1（%2分）</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_dialog.cpp" line="137"/>
        <source>Score: %1    Level: %2</source>
        <translation>得分：%1    等级：%2</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_dialog.cpp" line="160"/>
        <source>The level is high risk, but no intervention plan is filled in. Save without a plan?</source>
        <translation>评估为高风险，但没有填写干预措施。不填干预措施就保存吗？</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_dialog.cpp" line="162"/>
        <source>Fill in the plan</source>
        <translation>返回填写干预措施</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_dialog.cpp" line="163"/>
        <source>Save without a plan</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::RiskStandardEditor</name>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="81"/>
        <source>A volunteer may redeem … hours beyond the balance</source>
        <translation>志愿者兑换时可透支（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="44"/>
        <source>Publish the standard</source>
        <translation>发布标准</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="56"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="56"/>
        <source>Weight (0-100)</source>
        <translation>分值（0–100）</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="56"/>
        <source>Factor</source>
        <translation>评估因素</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="59"/>
        <source>Add factor</source>
        <translation>增加因素</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="60"/>
        <source>Remove factor</source>
        <translation>删除因素</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="69"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="70"/>
        <source>Effective from</source>
        <translation>施行日期</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="71"/>
        <source>Medium risk from score</source>
        <translation>中风险分值线</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="72"/>
        <source>High risk from score</source>
        <translation>高风险分值线</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="73"/>
        <source>Visit every … days: high risk</source>
        <translation>探访周期（天）：高风险</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="74"/>
        <source>Visit every … days: key targets and medium risk</source>
        <translation>探访周期（天）：重点帮扶对象和中风险</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="75"/>
        <source>Visit every … days: others</source>
        <translation>探访周期（天）：其他</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="76"/>
        <source>Assess again after … days</source>
        <translation>再次评估周期（天）</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="89"/>
        <source>&lt;b&gt;Risk factors and weights&lt;/b&gt; (a score is the sum of the factors present)</source>
        <translation>&lt;b&gt;评估因素及分值&lt;/b&gt;（得分为具备的各因素分值之和）</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="216"/>
        <source>Applying the new standard to the ledger...</source>
        <translation>正在按新标准更新台账……</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="78"/>
        <source>Acknowledge an incident report within … hours</source>
        <translation>情况报告受理时限（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="79"/>
        <source>Close an incident report within … days</source>
        <translation>情况报告办结时限（天）</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="80"/>
        <source>A village not heard from for more than … days stands out</source>
        <translation>村超过几天未同步即提示（天）</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="82"/>
        <source>Close a referral to a department within … days</source>
        <translation>部门转介办结时限（天）</translation>
    </message>
    <message>
        <location filename="../../ui/care/risk_standard_editor.cpp" line="83"/>
        <source>Urge the supporters of a key target at least every … days</source>
        <translation>督促重点帮扶对象赡养人的周期（天）</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::SameIdNotices</name>
    <message>
        <location filename="../../ui/sync/same_id_notices.cpp" line="27"/>
        <source>Checked, dismiss this notice</source>
        <translation>已核对，不再提醒</translation>
    </message>
    <message>
        <location filename="../../ui/sync/same_id_notices.cpp" line="32"/>
        <source>Elder</source>
        <translation>老人</translation>
    </message>
    <message>
        <location filename="../../ui/sync/same_id_notices.cpp" line="32"/>
        <source>What the county says</source>
        <translation>区县的提醒</translation>
    </message>
    <message>
        <location filename="../../ui/sync/same_id_notices.cpp" line="32"/>
        <source>Told</source>
        <translation>收到时间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/same_id_notices.cpp" line="61"/>
        <source>&lt;b&gt;ID numbers registered in another village&lt;/b&gt; (%n elder(s); the county still took them: check whether the person moved or was registered twice)</source>
        <translation>
            <numerusform>&lt;b&gt;身份证号已在别的村登记&lt;/b&gt;（%n 位老人；区县已照常接收，请核对是已迁出、重复登记还是身份证号录错）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>shouwang::ui::ServerAddress</name>
    <message>
        <location filename="../../ui/session/labels.cpp" line="58"/>
        <source>This address is plain http:// to another computer: anyone on the network in between can read the records and change what this computer receives. Ask the county for its https:// address and CA certificate.</source>
        <translation>这是发往其他电脑的未加密 http:// 地址：途经网络上的任何人都能读取台账记录，并篡改本机收到的数据。请向区县索取 https:// 地址和 CA 证书。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::SupervisionCharts</name>
    <message>
        <location filename="../../ui/charts/supervision_charts.cpp" line="67"/>
        <source>Elders visited on schedule (%)</source>
        <translation>按期探访率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/charts/supervision_charts.cpp" line="68"/>
        <source>Visited on schedule</source>
        <translation>按期探访率</translation>
    </message>
    <message>
        <location filename="../../ui/charts/supervision_charts.cpp" line="69"/>
        <source>Risk assessment current</source>
        <translation>风险评估覆盖率</translation>
    </message>
    <message>
        <location filename="../../ui/charts/supervision_charts.cpp" line="96"/>
        <source>Active elders by risk level</source>
        <translation>在册老年人风险等级构成</translation>
    </message>
    <message>
        <location filename="../../ui/charts/supervision_charts.cpp" line="98"/>
        <source>High</source>
        <translation>高风险</translation>
    </message>
    <message>
        <location filename="../../ui/charts/supervision_charts.cpp" line="99"/>
        <source>Medium</source>
        <translation>中风险</translation>
    </message>
    <message>
        <location filename="../../ui/charts/supervision_charts.cpp" line="100"/>
        <source>Low</source>
        <translation>低风险</translation>
    </message>
    <message>
        <location filename="../../ui/charts/supervision_charts.cpp" line="101"/>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::SupervisionView</name>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="95"/>
        <source>Association activities (老年协会活动)</source>
        <translation>老年协会活动</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="95"/>
        <source>Volunteer hours (志愿服务时长)</source>
        <translation>志愿服务时长</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="92"/>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="93"/>
        <source>Base figures (底数)</source>
        <translation>底数</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="93"/>
        <source>Visits (探访)</source>
        <translation>探访</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="93"/>
        <source>Risk (风险)</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="94"/>
        <source>Incident reports (情况报告)</source>
        <translation>情况报告</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="94"/>
        <source>Services (服务)</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="94"/>
        <source>Data (数据)</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="124"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="127"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="129"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="131"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="136"/>
        <source>Export Excel...</source>
        <translation>导出 Excel……</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="136"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="137"/>
        <source>Export CSV...</source>
        <translation>导出 CSV……</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="137"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="138"/>
        <source>PDF report...</source>
        <translation>PDF 报告……</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="138"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="201"/>
        <source>Computing the figures...</source>
        <translation>正在计算……</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="224"/>
        <source>&lt;b&gt;%1&lt;/b&gt;    period %2 to %3    figures as at %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;    统计期间 %2 至 %3    统计时点 %4</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="252"/>
        <source>supervision-%1-%2</source>
        <translation>督查统计-%1-%2</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="253"/>
        <location filename="../../ui/supervision/supervision_view.cpp" line="258"/>
        <location filename="../../ui/supervision/supervision_view.cpp" line="260"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="258"/>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="265"/>
        <location filename="../../ui/supervision/supervision_view.cpp" line="270"/>
        <location filename="../../ui/supervision/supervision_view.cpp" line="275"/>
        <source>Compute the figures first.</source>
        <translation>请先计算。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="96"/>
        <source>Referrals (部门转介)</source>
        <translation>部门转介</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="96"/>
        <source>Urging families (督促赡养)</source>
        <translation>督促赡养</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="97"/>
        <source>Health and poverty (健康与困难)</source>
        <translation>健康与困难</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/supervision_view.cpp" line="97"/>
        <source>Facilities (服务设施)</source>
        <translation>服务设施</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::SyncView</name>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="55"/>
        <source>Server and enrollment</source>
        <translation>服务器与登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="60"/>
        <source>The one-time code from the county</source>
        <translation>区县发放的一次性登记码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="61"/>
        <source>Enroll this computer</source>
        <translation>登记本机</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="69"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="80"/>
        <source>Enrollment code</source>
        <translation>登记码</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="83"/>
        <source>Make an enrollment code for another computer...</source>
        <translation>为其他电脑生成登记码……</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="113"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="115"/>
        <source>Sync automatically every 15 minutes when the server can be reached</source>
        <translation>能连上服务器时每15分钟自动同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="134"/>
        <source>Export changes to a file (USB stick)...</source>
        <translation>导出修改到文件（U盘）…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="135"/>
        <source>Import the county&apos;s answer file...</source>
        <translation>导入区县回传文件…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="157"/>
        <source>&lt;b&gt;Conflicts&lt;/b&gt; (two people changed the same field at the same time; the county reviews them)</source>
        <translation>&lt;b&gt;冲突&lt;/b&gt;（两人同时修改了同一项内容，由区县核对处理）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="177"/>
        <source>Enrollment: &lt;b&gt;%1&lt;/b&gt;    Changes not yet sent: &lt;b&gt;%2&lt;/b&gt;    Last sync: &lt;b&gt;%3&lt;/b&gt;%4</source>
        <translation>登记状态：&lt;b&gt;%1&lt;/b&gt;    待上传修改：&lt;b&gt;%2&lt;/b&gt;    上次同步：&lt;b&gt;%3&lt;/b&gt;%4</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="178"/>
        <source>enrolled (%1)</source>
        <translation>已登记（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="179"/>
        <source>not enrolled</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="181"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="183"/>
        <source>&lt;br/&gt;Last problem: %1</source>
        <translation>&lt;br/&gt;上次出现的问题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="281"/>
        <source>Export changes</source>
        <translation>导出修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="291"/>
        <source>Import answer</source>
        <translation>导入回传文件</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="347"/>
        <source>Sync finished: %1 change(s) sent, %2 received.</source>
        <translation>同步完成：上传 %1 条修改，收到 %2 条。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="350"/>
        <source> %1 change(s) were refused by the county; see the record&apos;s history.</source>
        <translation>有 %1 条修改被区县拒绝，请在档案的修改记录中查看。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="352"/>
        <source> %1 conflict(s) found.</source>
        <translation>发现 %1 处冲突。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="354"/>
        <source> The county found %1 ID number(s) already registered in another village; see the list below.</source>
        <translation> 区县发现 %1 位老人的身份证号已在别的村登记，见下方列表。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="360"/>
        <source>Sync did not finish: %1 Nothing was lost; the changes will be sent next time.</source>
        <translation>同步未完成：%1 数据不会丢失，修改将在下次同步时上传。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="268"/>
        <source>Shouwang bundles (*.shwb);;All files (*)</source>
        <translation>守望数据包 (*.shwb);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="120"/>
        <source>Available once this computer is enrolled.</source>
        <translation>本机登记后才能使用。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="322"/>
        <source>This computer is enrolled for %1. Click Sync now to send the ledger to the county.</source>
        <translation>本机已登记为 %1 的电脑。点“立即同步”即可把台账报送区县。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="236"/>
        <source>No server address: this computer was registered from a file. Exchange changes by USB stick, or enter the county server&apos;s address to sync over the network.</source>
        <translation>没有服务器地址：本机是用登记文件登记的。请用 U 盘交换数据；若已能上网，填写区县服务器地址后即可联网同步。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="63"/>
        <source>Register from a file (USB stick)...</source>
        <translation>从文件登记（U 盘）…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="98"/>
        <source>Register from a file</source>
        <translation>从文件登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_view.cpp" line="99"/>
        <source>Shouwang registration files (*.shwr)</source>
        <translation>守望登记文件 (*.shwr)</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::SyncWorker</name>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="65"/>
        <location filename="../../ui/sync/sync_worker.cpp" line="152"/>
        <source>The local ledger could not be used: %1</source>
        <translation>无法使用本机台账：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="68"/>
        <source>Unexpected failure.</source>
        <translation>发生意外错误。</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="75"/>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="79"/>
        <source>Receiving the ledger: %1 records</source>
        <translation>正在接收台账：%1 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="81"/>
        <source>Receiving: %1 changes</source>
        <translation>正在接收：%1 条修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="83"/>
        <source>Sending changes</source>
        <translation>正在上传修改</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="91"/>
        <source>Enrolling</source>
        <translation>正在登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="120"/>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/sync_worker.cpp" line="126"/>
        <source>%n change(s) written to the file.</source>
        <translation>
            <numerusform>已将 %n 条修改写入文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="134"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="146"/>
        <source>The unit is not valid: %1</source>
        <translation>单位无效：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="104"/>
        <source>Registering from the file</source>
        <translation>正在从文件登记</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_worker.cpp" line="110"/>
        <source>Registered for %1 from the county&apos;s file. Changes now travel by USB stick: export them, and import the county&apos;s answer.</source>
        <translation>已用区县的登记文件登记：%1。今后用 U 盘交换数据：导出本机修改，再导入区县的回执。</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::VillageCoverageView</name>
    <message>
        <location filename="../../ui/supervision/village_coverage_view.cpp" line="52"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/village_coverage_view.cpp" line="60"/>
        <source>&lt;b&gt;Visits village by village&lt;/b&gt; (the last 30 days; overdue as of today)</source>
        <translation>&lt;b&gt;各村探访情况&lt;/b&gt;（近30天；逾期按今天计算）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/village_coverage_view.cpp" line="77"/>
        <source>Computing...</source>
        <translation>正在计算……</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::VillageListsView</name>
    <message>
        <location filename="../../ui/supervision/village_lists_view.cpp" line="63"/>
        <source>Volunteer hours</source>
        <translation>志愿服务时长</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::VisitDialog</name>
    <message>
        <location filename="../../ui/care/visit_dialog.cpp" line="29"/>
        <source>Visit: %1</source>
        <translation>探访：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/care/visit_dialog.cpp" line="32"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — visit every %n day(s) under the county schedule</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; — 按区县规定每 %n 天探访一次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/care/visit_dialog.cpp" line="41"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::VolunteerHoursView</name>
    <message>
        <location filename="../../ui/supervision/volunteer_hours_view.cpp" line="50"/>
        <source>Balances are worked out from the entries below and cannot be typed. An entry confirmed by the village committee cannot be changed or deleted: if it is wrong, tick &quot;Voided&quot; and say why. A redemption beyond the balance is refused unless the county allows an overdraft; one that two computers made at once is marked &quot;over the balance, to be checked&quot; until the committee approves or voids it.</source>
        <translation>结余由下方的记入和兑换记录自动计算，不能直接填写。经村委会确认的记录不能修改或删除：如有错误，请勾选“作废”并填写说明。兑换超过结余时不予登记（区县规定允许透支的除外）；两台电脑同时兑换造成的超额，标为“超额待核”，由村委会核准或作废。</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/volunteer_hours_view.cpp" line="92"/>
        <source>Volunteer hours</source>
        <translation>志愿服务时长</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/volunteer_hours_view.cpp" line="93"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/volunteer_hours_view.cpp" line="93"/>
        <source>Hours credited</source>
        <translation>记入（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/volunteer_hours_view.cpp" line="93"/>
        <source>Hours redeemed</source>
        <translation>兑换（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/volunteer_hours_view.cpp" line="93"/>
        <source>Balance (hours)</source>
        <translation>结余（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/volunteer_hours_view.cpp" line="94"/>
        <source>Redemptions over the balance, to be checked</source>
        <translation>超额待核（条）</translation>
    </message>
    <message>
        <location filename="../../ui/supervision/volunteer_hours_view.cpp" line="94"/>
        <source>Hours to be checked</source>
        <translation>超额待核（小时）</translation>
    </message>
</context>
<context>
    <name>shouwang::ui::WorkflowStepPanel</name>
    <message>
        <location filename="../../ui/workflows/workflow_step_panel.cpp" line="31"/>
        <source>Record this step</source>
        <translation>记录办理</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/workflow_step_panel.cpp" line="51"/>
        <source>Step</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/workflow_step_panel.cpp" line="52"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/workflow_step_panel.cpp" line="52"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/workflow_step_panel.cpp" line="53"/>
        <source>Handled by</source>
        <translation>办理人</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/workflow_step_panel.cpp" line="75"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/workflow_step_panel.cpp" line="139"/>
        <source>Choose a record in the list to handle it.</source>
        <translation>请在列表中选择一条记录进行办理。</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/workflow_step_panel.cpp" line="145"/>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/workflows/workflow_step_panel.cpp" line="148"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) — %3, now &lt;b&gt;%4&lt;/b&gt;&lt;br/&gt;%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）— %3，目前&lt;b&gt;%4&lt;/b&gt;&lt;br/&gt;%5</translation>
    </message>
</context>
</TS>
