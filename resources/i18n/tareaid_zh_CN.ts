<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>TAREaid licence</source>
        <translation>TAREaid 许可证</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>第三方声明</translation>
    </message>
    <message>
        <source>Font: {name}</source>
        <translation>字体：{name}</translation>
    </message>
    <message>
        <source>About TAREaid</source>
        <translation>关于 TAREaid</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>许可证文本</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>许可证(&amp;L)</translation>
    </message>
    <message>
        <source>Evidence pack {version}, reviewed on {date}.</source>
        <translation>证据包 {version}，审核日期 {date}。</translation>
    </message>
    <message>
        <source>TAREaid works offline: it opens no network connection.</source>
        <translation>TAREaid 离线运行：不建立任何网络连接。</translation>
    </message>
    <message>
        <source>Copyright © 2026 TAREaid authors. All rights reserved. TAREaid is built on open-source components under their own licences: see the Licences tab.</source>
        <translation>版权所有 © 2026 TAREaid 作者。保留所有权利。TAREaid 使用了遵循各自许可证的开源组件，详见“许可证”选项卡。</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Case reference</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
</context>
<context>
    <name>AgendaWindow</name>
    <message>
        <source>No decision yet</source>
        <translation>尚无决定</translation>
    </message>
    <message>
        <source>{outcome} · finalised</source>
        <translation>{outcome} · 已定稿</translation>
    </message>
    <message>
        <source>{outcome} · draft</source>
        <translation>{outcome} · 草稿</translation>
    </message>
    <message>
        <source>TAREaid — tumour board</source>
        <translation>TAREaid — 多学科会诊</translation>
    </message>
    <message>
        <source>Tumour board</source>
        <translation>多学科会诊</translation>
    </message>
    <message>
        <source>Board &amp;date:</source>
        <translation>会诊日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Board date</source>
        <translation>会诊日期</translation>
    </message>
    <message>
        <source>Other date…</source>
        <translation>其他日期…</translation>
    </message>
    <message>
        <source>Choose another board date</source>
        <translation>选择其他会诊日期</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Add case…</source>
        <translation>添加病例(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove from agenda</source>
        <translation>移出议程(&amp;R)</translation>
    </message>
    <message>
        <source>Projector &amp;screen:</source>
        <translation>投影屏幕(&amp;S)：</translation>
    </message>
    <message>
        <source>Projector screen</source>
        <translation>投影屏幕</translation>
    </message>
    <message>
        <source>Start &amp;projection</source>
        <translation>开始投屏(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export PDFs…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Export agenda su&amp;mmary…</source>
        <translation>导出议程摘要(&amp;M)…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{action}  ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message numerus="yes">
        <source>{date}  ·  %n case(s)</source>
        <translation>
            <numerusform>{date}  ·  %n 个病例</numerusform>
        </translation>
    </message>
    <message>
        <source>TAREaid — tumour board {date}</source>
        <translation>TAREaid — 多学科会诊 {date}</translation>
    </message>
    <message>
        <source>No case has a board date yet: choose another date.</source>
        <translation>尚无病例设定会诊日期：请选择其他日期。</translation>
    </message>
    <message>
        <source>(case not found)</source>
        <translation>（未找到病例）</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) on the agenda; {decided} with a decision.</source>
        <translation>
            <numerusform>议程中有 %n 个病例，其中 {decided} 个已有决定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Case changed elsewhere</source>
        <translation>病例已在别处更改</translation>
    </message>
    <message>
        <source>Not taken off the agenda</source>
        <translation>未移出议程</translation>
    </message>
    <message>
        <source>Move {reference} to another board</source>
        <translation>将 {reference} 移至其他会诊</translation>
    </message>
    <message>
        <source>{reference} moved to the board of {date}.</source>
        <translation>{reference} 已移至 {date} 的会诊。</translation>
    </message>
    <message>
        <source>Screen {number}</source>
        <translation>屏幕 {number}</translation>
    </message>
    <message>
        <source>{screen} (this computer&apos;s window)</source>
        <translation>{screen}（本机窗口所在屏幕）</translation>
    </message>
    <message>
        <source>Save the combined PDF</source>
        <translation>保存合并的 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the PDFs (one per case)</source>
        <translation>PDF 保存文件夹（每个病例一个文件）</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>替换文件？</translation>
    </message>
    <message numerus="yes">
        <source>%n of the files already exist in {folder} ({names}). Replace them?</source>
        <translation>
            <numerusform>{folder} 中已存在其中 %n 个文件 ({names})。是否替换？</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Export not started</source>
        <translation>未开始导出</translation>
    </message>
    <message>
        <source>Writing the PDFs…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written to {folder}</source>
        <translation>
            <numerusform>已将 %n 个 PDF 写入 {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>Export stopped by an unexpected error.</source>
        <translation>导出因意外错误而停止。</translation>
    </message>
    <message>
        <source>Exporting the PDFs</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Export stopped: {message}</source>
        <translation>导出已停止：{message}</translation>
    </message>
    <message>
        <source>Export stopped</source>
        <translation>导出已停止</translation>
    </message>
    <message>
        <source>The PDFs could not all be written: {message}</source>
        <translation>未能写入全部 PDF：{message}</translation>
    </message>
    <message>
        <source>Save the agenda summary</source>
        <translation>保存议程摘要</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv);;Plain text (*.txt)</source>
        <translation>Markdown (*.md);;CSV (*.csv);;纯文本 (*.txt)</translation>
    </message>
    <message>
        <source>Summary not written</source>
        <translation>未写入摘要</translation>
    </message>
    <message>
        <source>{path} could not be written: {problem}</source>
        <translation>无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <source>Agenda summary written to {path}</source>
        <translation>议程摘要已写入 {path}</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>BilirubinField</name>
    <message>
        <source>The unit is chosen in View › Bilirubin unit</source>
        <translation>单位在“视图 › 胆红素单位”中选择</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>Fields marked {mark} identify the patient: they are never shown on the projection screen or in de-identified reports.</source>
        <translation>标有 {mark} 的字段可识别患者身份：绝不会显示在投屏画面或去标识化报告中。</translation>
    </message>
    <message>
        <source>Values from the work-up, as reported; TAREaid does not compute them.</source>
        <translation>按报告填写的治疗前评估数值；TAREaid 不计算这些数值。</translation>
    </message>
    <message>
        <source>Case editor</source>
        <translation>病例编辑器</translation>
    </message>
    <message>
        <source>Board decision</source>
        <translation>会诊决定</translation>
    </message>
    <message>
        <source>Decided on {date}</source>
        <translation>决定日期 {date}</translation>
    </message>
    <message>
        <source>Finalised: changes need an amend reason, kept in the history.</source>
        <translation>已定稿：修改需填写修订理由，理由记录在历史记录中。</translation>
    </message>
    <message>
        <source>Rationale: {text}</source>
        <translation>理由：{text}</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Reference</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <source>Board date</source>
        <translation>会诊日期</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Favours: factors that favour adding TARE</source>
        <translation>支持：支持加用 TARE 的因素</translation>
    </message>
    <message>
        <source>Neutral: factors that are neutral</source>
        <translation>中性：中性的因素</translation>
    </message>
    <message>
        <source>Against: factors against adding TARE</source>
        <translation>不支持：不支持加用 TARE 的因素</translation>
    </message>
    <message>
        <source>Patient name (identifying)</source>
        <translation>患者姓名（可识别身份）</translation>
    </message>
    <message>
        <source>Medical record number (identifying)</source>
        <translation>病历号（可识别身份）</translation>
    </message>
    <message>
        <source>{tier} (number of factors)</source>
        <translation>{tier}（因素数）</translation>
    </message>
    <message>
        <source>Archived case: restore it to edit</source>
        <translation>已归档病例：恢复后方可编辑</translation>
    </message>
    <message>
        <source>{count} {tier}</source>
        <translation>{tier}：{count}</translation>
    </message>
    <message>
        <source>Board date not recorded</source>
        <translation>未记录会诊日期</translation>
    </message>
    <message>
        <source>{reference} (archived)</source>
        <translation>{reference}（已归档）</translation>
    </message>
</context>
<context>
    <name>CaseListPane</name>
    <message>
        <source>Search cases</source>
        <translation>搜索病例</translation>
    </message>
    <message>
        <source>Shows the cases whose reference contains the text; also name and MRN when identifiers are shown.</source>
        <translation>显示病例编号包含该文字的病例；显示身份信息时也搜索姓名和病历号。</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>新建病例…</translation>
    </message>
    <message>
        <source>Create a case (Ctrl+N)</source>
        <translation>新建病例 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Show &amp;identifiers</source>
        <translation>显示身份信息(&amp;I)</translation>
    </message>
    <message>
        <source>Show identifiers</source>
        <translation>显示身份信息</translation>
    </message>
    <message>
        <source>Show patient names and MRNs in the list and search them</source>
        <translation>在列表中显示患者姓名和病历号，并可按其搜索</translation>
    </message>
    <message>
        <source>Sho&amp;w archived</source>
        <translation>显示已归档(&amp;W)</translation>
    </message>
    <message>
        <source>Show archived cases</source>
        <translation>显示已归档病例</translation>
    </message>
    <message>
        <source>Number of cases</source>
        <translation>病例数</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>病例</translation>
    </message>
    <message>
        <source>Search by reference, name or MRN (Ctrl+F)</source>
        <translation>按病例编号、姓名或病历号搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search by reference (Ctrl+F)</source>
        <translation>按病例编号搜索 (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <source>{count} case(s)</source>
        <translation>
            <numerusform>{count} 个病例</numerusform>
        </translation>
    </message>
    <message>
        <source>No case matches the search.</source>
        <translation>没有符合搜索条件的病例。</translation>
    </message>
    <message>
        <source>No cases yet. Create one with New case (Ctrl+N), or use File › Import.</source>
        <translation>尚无病例。请用“新建病例” (Ctrl+N) 创建，或使用“文件 › 导入”。</translation>
    </message>
</context>
<context>
    <name>CasePane</name>
    <message>
        <source>Someone else changed this case. Your latest edits are not saved.</source>
        <translation>其他人已更改此病例。您最近的编辑尚未保存。</translation>
    </message>
    <message>
        <source>This case has a finalised board decision: changes need a reason for the amendment.</source>
        <translation>此病例的会诊决定已定稿：修改需要填写修订理由。</translation>
    </message>
    <message>
        <source>This case is archived and read-only. Restore it to edit it.</source>
        <translation>此病例已归档，为只读。请恢复后再编辑。</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>保存状态</translation>
    </message>
    <message>
        <source>Case views</source>
        <translation>病例视图</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>The decision is not saved</source>
        <translation>决定尚未保存</translation>
    </message>
    <message>
        <source>The board&apos;s decision you are editing is not saved yet.</source>
        <translation>您正在编辑的会诊决定尚未保存。</translation>
    </message>
    <message>
        <source>Save the decision</source>
        <translation>保存决定</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Stay here</source>
        <translation>留在此处</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>未打开病例</translation>
    </message>
    <message>
        <source>Pick a case from the list, or press Ctrl+N to create one.</source>
        <translation>请从列表中选择病例，或按 Ctrl+N 新建病例。</translation>
    </message>
    <message>
        <source>Re&amp;store</source>
        <translation>恢复(&amp;S)</translation>
    </message>
    <message>
        <source>Case {reference}</source>
        <translation>病例 {reference}</translation>
    </message>
    <message>
        <source>Board date {date}</source>
        <translation>会诊日期 {date}</translation>
    </message>
    <message>
        <source>Board date not recorded</source>
        <translation>未记录会诊日期</translation>
    </message>
    <message>
        <source>Board date: invalid stored value</source>
        <translation>会诊日期：存储值无效</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>decision finalised</source>
        <translation>决定已定稿</translation>
    </message>
    <message>
        <source>invalid stored value in {fields} (run Check database)</source>
        <translation>{fields} 的存储值无效（请运行“检查数据库”）</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新载入(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keep mine as a copy</source>
        <translation>将我的版本另存为副本(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Give a reason…</source>
        <translation>填写理由(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Discard my changes</source>
        <translation>放弃我的更改(&amp;D)</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>未保存：{message}</translation>
    </message>
    <message>
        <source>Try a&amp;gain</source>
        <translation>重试(&amp;G)</translation>
    </message>
    <message>
        <source>Open another databa&amp;se…</source>
        <translation>打开其他数据库(&amp;S)…</translation>
    </message>
    <message>
        <source>Could not reload the case</source>
        <translation>无法重新载入病例</translation>
    </message>
    <message>
        <source>Keep my version as a copy</source>
        <translation>将我的版本另存为副本</translation>
    </message>
    <message>
        <source>Reference for the copy holding your version:</source>
        <translation>保存您的版本的副本编号：</translation>
    </message>
    <message>
        <source>Could not keep your version</source>
        <translation>无法保存您的版本</translation>
    </message>
    <message>
        <source>Amend a finalised case</source>
        <translation>修订已定稿的病例</translation>
    </message>
    <message>
        <source>The board&apos;s decision on {reference} is finalised.
Why is it being changed? The reason is kept in the audit trail.</source>
        <translation>{reference} 的会诊决定已定稿。
为什么要修改？理由将保存在审计记录中。</translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <source>no board date</source>
        <translation>无会诊日期</translation>
    </message>
    <message>
        <source>Add a case to the agenda</source>
        <translation>将病例加入议程</translation>
    </message>
    <message>
        <source>&amp;Find a case by reference or headline:</source>
        <translation>按病例编号或摘要查找病例(&amp;F)：</translation>
    </message>
    <message>
        <source>Find a case</source>
        <translation>查找病例</translation>
    </message>
    <message>
        <source>Cases not on the agenda</source>
        <translation>不在议程中的病例</translation>
    </message>
    <message>
        <source>No other cases to add.</source>
        <translation>没有其他可添加的病例。</translation>
    </message>
    <message>
        <source>A case from another board date keeps its own date; it is discussed at this board.</source>
        <translation>来自其他会诊日期的病例保留其原日期，并在本次会诊中讨论。</translation>
    </message>
    <message>
        <source>Add to agenda</source>
        <translation>加入议程</translation>
    </message>
</context>
<context>
    <name>CaseSession</name>
    <message>
        <source>Rename case to {reference}</source>
        <translation>将病例重命名为 {reference}</translation>
    </message>
    <message>
        <source>{reference} was changed by someone else since you opened it (you loaded version {loaded}; it is now version {stored}); your changes are not saved. Reload the case, or keep yours as a copy</source>
        <translation>您打开 {reference} 后，他人已修改了它（您载入的是第 {loaded} 版；现在是第 {stored} 版）；您的更改尚未保存。请重新载入病例，或将您的版本另存为副本</translation>
    </message>
    <message>
        <source>Change {field}</source>
        <translation>更改{field}</translation>
    </message>
    <message>
        <source>Remove override</source>
        <translation>撤销人工调整</translation>
    </message>
    <message>
        <source>Override to {tier}</source>
        <translation>人工调整为{tier}</translation>
    </message>
    <message>
        <source>Not changed: a finalised case needs a reason for the amendment</source>
        <translation>未更改：已定稿的病例需要填写修订理由</translation>
    </message>
    <message>
        <source>Not changed: the amend reason {problem}</source>
        <translation>未更改：修订理由无效 ({problem})</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <source>Not renamed: the case has changes that are not saved</source>
        <translation>未重命名：病例有尚未保存的更改</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: the decision is finalised</source>
        <translation>未保存：决定已定稿</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not saved yet: trying again in {seconds} s</source>
        <translation>尚未保存：{seconds} 秒后重试</translation>
    </message>
    <message>
        <source>Not saved: changed elsewhere</source>
        <translation>未保存：已在别处更改</translation>
    </message>
    <message>
        <source>{problem}: {first} and {second} contradict each other. Not saved.</source>
        <translation>{problem}：“{first}”与“{second}”相互矛盾。未保存。</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>Unassessed: the data this factor needs are missing. Enter them below; the framework does not guess.</source>
        <translation>未评估：缺少此因素所需的数据。请在下方填写；框架不做推测。</translation>
    </message>
    <message>
        <source>Outside the framework: the data are known, but the framework does not classify them. The clinician decides, with an override and its reason.</source>
        <translation>超出框架：数据已知，但框架未对其分级。由临床医生通过人工调整并说明理由来决定。</translation>
    </message>
    <message>
        <source>A reason is required to override the tier. Say why your judgement differs.</source>
        <translation>人工调整分级必须填写理由。请说明您的判断为何不同。</translation>
    </message>
    <message>
        <source>Choose a tier…</source>
        <translation>选择分级…</translation>
    </message>
    <message>
        <source>About the framework: {provenance}</source>
        <translation>关于框架：{provenance}</translation>
    </message>
    <message>
        <source>Checklist steps</source>
        <translation>清单步骤</translation>
    </message>
    <message>
        <source>{title}
(not a factor)</source>
        <translation>{title}
（非因素）</translation>
    </message>
    <message>
        <source>{title}: not a factor, changes neither counts nor headline</source>
        <translation>{title}：不是因素，不改变计数和摘要</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>‹ &amp;Back</source>
        <translation>‹ 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Previous step (Alt+B, Ctrl+Page Up)</source>
        <translation>上一步 (Alt+B, Ctrl+Page Up)</translation>
    </message>
    <message>
        <source>Checklist progress</source>
        <translation>清单进度</translation>
    </message>
    <message>
        <source>Checklist progress bar</source>
        <translation>清单进度条</translation>
    </message>
    <message>
        <source>&amp;Next ›</source>
        <translation>下一步(&amp;N) ›</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step (Alt+N, Ctrl+Page Down)</source>
        <translation>下一步 (Alt+N, Ctrl+Page Down)</translation>
    </message>
    <message>
        <source>Step {number} of {count}</source>
        <translation>第 {number} 步，共 {count} 步</translation>
    </message>
    <message>
        <source>Step {number}, {factor}: {tier}</source>
        <translation>第 {number} 步，{factor}：{tier}</translation>
    </message>
</context>
<context>
    <name>ChecklistGrid</name>
    <message>
        <source>Factor</source>
        <translation>因素</translation>
    </message>
    <message>
        <source>This case · claim status</source>
        <translation>本病例 · 主张的证据状态</translation>
    </message>
    <message>
        <source>Selection framework checklist</source>
        <translation>患者选择框架清单</translation>
    </message>
    <message>
        <source>Selected factor in full</source>
        <translation>所选因素详情</translation>
    </message>
    <message>
        <source>{factor}: {finding} (selected)</source>
        <translation>{factor}：{finding}（已选中）</translation>
    </message>
    <message>
        <source>{factor}: {finding}</source>
        <translation>{factor}：{finding}</translation>
    </message>
    <message>
        <source>{shape} THIS CASE</source>
        <translation>{shape} 本病例</translation>
    </message>
    <message>
        <source> — this case</source>
        <translation> — 本病例</translation>
    </message>
    <message>
        <source>{shape} FRAMEWORK</source>
        <translation>{shape} 框架分级</translation>
    </message>
    <message>
        <source> — the framework&apos;s tier</source>
        <translation> — 框架分级</translation>
    </message>
    <message>
        <source>{factor}, {tier}: {words}{mark}</source>
        <translation>{factor}，{tier}：{words}{mark}</translation>
    </message>
    <message>
        <source> · set by hand</source>
        <translation> · 人工设定</translation>
    </message>
    <message>
        <source>Framework: {tier}</source>
        <translation>框架：{tier}</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>{factor}: {tier}, set by hand (the framework gives {framework})</source>
        <translation>{factor}：{tier}，人工设定（框架给出{framework}）</translation>
    </message>
    <message>
        <source>{factor}: {tier}</source>
        <translation>{factor}：{tier}</translation>
    </message>
    <message>
        <source>, set by hand  ·  framework: </source>
        <translation>，人工设定  ·  框架：</translation>
    </message>
    <message>
        <source>  ·  Reason: </source>
        <translation>  ·  理由：</translation>
    </message>
    <message>
        <source>Claim {status}:</source>
        <translation>主张 {status}：</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <source>Liver only</source>
        <translation>仅肝转移</translation>
    </message>
    <message>
        <source>Liver dominant</source>
        <translation>肝转移为主</translation>
    </message>
    <message>
        <source>Liver and limited lung</source>
        <translation>肝转移伴有限肺转移</translation>
    </message>
    <message>
        <source>Extensive extrahepatic</source>
        <translation>广泛肝外转移</translation>
    </message>
    <message>
        <source>Conversion to resection</source>
        <translation>转化为可切除</translation>
    </message>
    <message>
        <source>Disease control</source>
        <translation>疾病控制</translation>
    </message>
    <message>
        <source>Palliative</source>
        <translation>姑息治疗</translation>
    </message>
    <message>
        <source>Wild-type</source>
        <translation>野生型</translation>
    </message>
    <message>
        <source>Mutant</source>
        <translation>突变型</translation>
    </message>
    <message>
        <source>V600E</source>
        <translation>V600E 突变</translation>
    </message>
    <message>
        <source>MSI-high</source>
        <translation>MSI-H（高度微卫星不稳定）</translation>
    </message>
    <message>
        <source>MSS</source>
        <translation>MSS（微卫星稳定）</translation>
    </message>
    <message>
        <source>SIR-Spheres (resin)</source>
        <translation>SIR-Spheres（树脂微球）</translation>
    </message>
    <message>
        <source>TheraSphere (glass)</source>
        <translation>TheraSphere（玻璃微球）</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Rectum</source>
        <translation>直肠</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Bevacizumab</source>
        <translation>Bevacizumab</translation>
    </message>
    <message>
        <source>Cetuximab</source>
        <translation>Cetuximab</translation>
    </message>
    <message>
        <source>Panitumumab</source>
        <translation>Panitumumab</translation>
    </message>
    <message>
        <source>Adenocarcinoma</source>
        <translation>腺癌</translation>
    </message>
    <message>
        <source>Oxaliplatin-based</source>
        <translation>含 oxaliplatin 方案</translation>
    </message>
    <message>
        <source>Irinotecan-based</source>
        <translation>含 irinotecan 方案</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>TAREaid databases (*.db *.sqlite *.sqlite3 *.tareaid);;All files (*)</source>
        <translation>TAREaid 数据库 (*.db *.sqlite *.sqlite3 *.tareaid);;所有文件 (*)</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>{database} on {host}</source>
        <translation>{host} 上的 {database}</translation>
    </message>
    <message>
        <source>default database</source>
        <translation>默认数据库</translation>
    </message>
    <message>
        <source>{path} is already open in another TAREaid window (process {pid} on {host}). Close it there first, or open another database.</source>
        <translation>{path} 已在另一个 TAREaid 窗口中打开（{host} 上的进程 {pid}）。请先在那里关闭，或打开其他数据库。</translation>
    </message>
    <message>
        <source>{path} is already open in another TAREaid window. Close it there first, or open another database.</source>
        <translation>{path} 已在另一个 TAREaid 窗口中打开。请先在那里关闭，或打开其他数据库。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>无法使用该数据库</translation>
    </message>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开该数据库</translation>
    </message>
    <message>
        <source>{problem}

What would you like to do?</source>
        <translation>{problem}

您想怎么做？</translation>
    </message>
    <message>
        <source>Open a TAREaid database</source>
        <translation>打开 TAREaid 数据库</translation>
    </message>
    <message>
        <source>Create a new TAREaid database</source>
        <translation>新建 TAREaid 数据库</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <source>Create it</source>
        <translation>创建该数据库</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>A database on a server is not backed up automatically: its administrator restores it with the server&apos;s own tools. You can still restore a backup file to a new file.</source>
        <translation>服务器上的数据库不会自动备份：由其管理员使用服务器自身的工具恢复。您仍可将备份文件恢复为一个新文件。</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Save the restored database as</source>
        <translation>将恢复的数据库另存为</translation>
    </message>
    <message>
        <source>Choose another name</source>
        <translation>请选择其他名称</translation>
    </message>
    <message>
        <source>The restored copy must not replace {path}: that database is kept as it is.</source>
        <translation>恢复的副本不得替换 {path}：该数据库保持原样。</translation>
    </message>
    <message>
        <source>The restored copy must be a new file, not the backup itself.</source>
        <translation>恢复的副本必须是一个新文件，而不是备份本身。</translation>
    </message>
    <message>
        <source>The restored copy has problems</source>
        <translation>恢复的副本存在问题</translation>
    </message>
    <message>
        <source>The backup was copied to {target}, but the check found problems, so it is not opened. Choose another backup.

{problems}</source>
        <translation>备份已复制到 {target}，但检查发现问题，因此未打开。请选择其他备份。

{problems}</translation>
    </message>
    <message>
        <source>It was made by an earlier TAREaid: opening it brings it up to date, after a copy of its own.</source>
        <translation>它由较早版本的 TAREaid 创建：打开时会先为其保留一份副本，再将其升级到最新。</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The backup was copied to {target} and checked: it is healthy. Cases in it: {cases}.{older}

Open it now? The database you restored it for is left as it is.</source>
        <translation>备份已复制到 {target} 并通过检查：状态正常。其中病例数：{cases}。{older}

现在打开吗？您为之恢复的原数据库保持原样。</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>The backup could not be restored</source>
        <translation>无法恢复该备份</translation>
    </message>
</context>
<context>
    <name>DecisionOutcome</name>
    <message>
        <source>Discuss TARE with the patient</source>
        <translation>与患者讨论 TARE</translation>
    </message>
    <message>
        <source>TARE not recommended by the board</source>
        <translation>会诊不建议 TARE</translation>
    </message>
    <message>
        <source>Further work-up needed</source>
        <translation>需要进一步检查评估</translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation>暂缓决定</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Finalising locks the case: any later change to its tiers or its decision needs an amend reason, which the audit trail keeps.</source>
        <translation>定稿后病例将被锁定：之后对分级或决定的任何修改都需要填写修订理由，理由保存在审计记录中。</translation>
    </message>
    <message>
        <source>Board decision — {reference}</source>
        <translation>会诊决定 — {reference}</translation>
    </message>
    <message>
        <source>Board decision for {reference}</source>
        <translation>{reference} 的会诊决定</translation>
    </message>
    <message>
        <source>Decision of the tumour board on {reference}</source>
        <translation>多学科会诊对 {reference} 的决定</translation>
    </message>
    <message>
        <source>Amending a finalised decision: the amend reason you gave is recorded with the change.</source>
        <translation>正在修订已定稿的决定：您填写的修订理由将与此更改一同记录。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Choose the outcome</source>
        <translation>选择结论</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>结论(&amp;O)</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Why the board decided this</source>
        <translation>会诊作出此决定的理由</translation>
    </message>
    <message>
        <source>&amp;Rationale</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Space ticks or unticks the selected person</source>
        <translation>按空格键勾选或取消勾选所选人员</translation>
    </message>
    <message>
        <source>A&amp;ttendees</source>
        <translation>参会人员(&amp;T)</translation>
    </message>
    <message>
        <source>Add attendee</source>
        <translation>添加参会人员</translation>
    </message>
    <message>
        <source>Name, Specialty — Enter adds and ticks</source>
        <translation>姓名, 专科 — 按 Enter 添加并勾选</translation>
    </message>
    <message>
        <source>Add &amp;attendee</source>
        <translation>添加参会人员(&amp;A)</translation>
    </message>
    <message>
        <source>Dissenting opinion</source>
        <translation>不同意见</translation>
    </message>
    <message>
        <source>Any dissenting opinion, and whose</source>
        <translation>如有不同意见，请注明内容及提出者</translation>
    </message>
    <message>
        <source>&amp;Dissent</source>
        <translation>不同意见(&amp;D)</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Dat&amp;e</source>
        <translation>日期(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Finalise this decision (locks the case)</source>
        <translation>将此决定定稿（锁定病例）(&amp;F)</translation>
    </message>
    <message>
        <source>Finalise this decision</source>
        <translation>将此决定定稿</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Ctrl+Enter 保存 · Esc 取消</translation>
    </message>
    <message>
        <source>&amp;Save decision</source>
        <translation>保存决定(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>✓ Will be finalised when saved. {explanation}</source>
        <translation>✓ 保存时将定稿。{explanation}</translation>
    </message>
    <message>
        <source>Choose the outcome first.</source>
        <translation>请先选择结论。</translation>
    </message>
</context>
<context>
    <name>DecisionView</name>
    <message>
        <source>The board has not recorded a decision on this case yet.</source>
        <translation>会诊尚未记录对此病例的决定。</translation>
    </message>
    <message>
        <source>Recorded, not finalised: it can still be changed.</source>
        <translation>已记录，未定稿：仍可修改。</translation>
    </message>
    <message>
        <source>Finalised: the case is locked. A change needs a reason for the amendment, which the history keeps.</source>
        <translation>已定稿：病例已锁定。修改需要填写修订理由，理由保存在历史记录中。</translation>
    </message>
    <message>
        <source>Finalising locks the case: any later change to its data, tiers or decision needs an amend reason, which the audit trail keeps.</source>
        <translation>定稿后病例将被锁定：之后对其数据、分级或决定的任何修改都需要填写修订理由，理由保存在审计记录中。</translation>
    </message>
    <message>
        <source>The case is archived: restore it to change the decision.</source>
        <translation>病例已归档：请恢复后再修改决定。</translation>
    </message>
    <message>
        <source>The decision was changed elsewhere while you were editing it. Discard your changes to see it, then make them again.</source>
        <translation>您编辑期间，该决定已在别处被修改。请放弃您的更改以查看最新决定，然后重新修改。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Dissenting opinion</source>
        <translation>不同意见</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Board decision</source>
        <translation>会诊决定</translation>
    </message>
    <message>
        <source>Decision state</source>
        <translation>决定状态</translation>
    </message>
    <message>
        <source>Choose the outcome</source>
        <translation>选择结论</translation>
    </message>
    <message>
        <source>Why the board decided this</source>
        <translation>会诊作出此决定的理由</translation>
    </message>
    <message>
        <source>One person a line, e.g. A. Example (Interventional radiology)</source>
        <translation>每行一人，例如：张医生（介入放射科）</translation>
    </message>
    <message>
        <source>Any dissenting opinion, and whose</source>
        <translation>如有不同意见，请注明内容及提出者</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Ou&amp;tcome:</source>
        <translation>结论(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Rationale:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Atte&amp;ndees:</source>
        <translation>参会人员(&amp;N)：</translation>
    </message>
    <message>
        <source>Dissenting o&amp;pinion:</source>
        <translation>不同意见(&amp;P)：</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>日期(&amp;A)：</translation>
    </message>
    <message>
        <source>Decision problem</source>
        <translation>决定的问题</translation>
    </message>
    <message>
        <source>Save decision (Ctrl+Enter)</source>
        <translation>保存决定 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save decision</source>
        <translation>保存决定</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Discard changes to the decision</source>
        <translation>放弃对决定的更改</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>定稿…</translation>
    </message>
    <message>
        <source>Finalise the decision</source>
        <translation>将决定定稿</translation>
    </message>
    <message>
        <source>Save the case&apos;s other changes first (see the message above).</source>
        <translation>请先保存病例的其他更改（见上方消息）。</translation>
    </message>
    <message>
        <source>Save or discard your changes to the decision first.</source>
        <translation>请先保存或放弃您对决定的更改。</translation>
    </message>
    <message>
        <source>Finalise the board&apos;s decision</source>
        <translation>将会诊决定定稿</translation>
    </message>
    <message>
        <source>Finalise the decision on {reference}?

{explanation}</source>
        <translation>将 {reference} 的决定定稿？

{explanation}</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>定稿</translation>
    </message>
    <message>
        <source>choose the outcome first</source>
        <translation>请先选择结论</translation>
    </message>
    <message>
        <source>Amend a finalised decision</source>
        <translation>修订已定稿的决定</translation>
    </message>
    <message>
        <source>The board&apos;s decision on {reference} is finalised.
Why is it being changed? The reason is kept in the audit trail.</source>
        <translation>{reference} 的会诊决定已定稿。
为什么要修改？理由将保存在审计记录中。</translation>
    </message>
    <message>
        <source>Not saved: a finalised decision changes only with a reason.</source>
        <translation>未保存：已定稿的决定只有填写理由后才能修改。</translation>
    </message>
    <message>
        <source>Not saved: the amend reason {problem}.</source>
        <translation>未保存：修订理由无效 ({problem})。</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>未保存：{message}</translation>
    </message>
    <message>
        <source>{outcome}, {date}. {state}</source>
        <translation>{outcome}，{date}。{state}</translation>
    </message>
    <message>
        <source>{outcome}. {state}</source>
        <translation>{outcome}。{state}</translation>
    </message>
    <message>
        <source>{part}: {problem}.</source>
        <translation>{part}：{problem}。</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>These diagnostics are on the clipboard: paste them into your support request. They hold the versions, the system, where the database is and the end of the log, and no patient data.</source>
        <translation>诊断信息已复制到剪贴板：请粘贴到您的技术支持请求中。其中包括版本、系统、数据库位置和日志末尾，不含任何患者数据。诊断信息保持英文，便于技术支持阅读。</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断信息</translation>
    </message>
    <message>
        <source>&amp;Copy again</source>
        <translation>再次复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the diagnostics again</source>
        <translation>再次复制诊断信息</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>{problem}

Password for {where}:</source>
        <translation>{problem}

{where} 的密码：</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Choose another file name</source>
        <translation>请选择其他文件名</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>The evidence content is in English.</source>
        <translation>临床证据内容为英文（尚无经审核的译文）。</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Endpoint</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>TARE vs no TARE  ·  effect  ·  how to read it</source>
        <translation>TARE 对比无 TARE  ·  效应  ·  解读方式</translation>
    </message>
    <message>
        <source>Key trial evidence</source>
        <translation>关键试验证据</translation>
    </message>
    <message>
        <source>What the evidence says about this tier</source>
        <translation>证据对此分级的说法</translation>
    </message>
    <message>
        <source>Where the framework comes from</source>
        <translation>框架的来源</translation>
    </message>
    <message>
        <source>{tier} (set by hand)</source>
        <translation>{tier}（人工设定）</translation>
    </message>
    <message>
        <source>. No tier of the framework is shown for this factor, so there is no claim of the framework to weigh against the evidence.</source>
        <translation>。此因素未显示框架分级，因此没有可与证据对照的框架主张。</translation>
    </message>
    <message>
        <source>  Sources: </source>
        <translation>  来源：</translation>
    </message>
    <message>
        <source>{factor}: what the evidence says about the framework&apos;s claim</source>
        <translation>{factor}：证据对框架主张的说法</translation>
    </message>
    <message>
        <source>About the framework:</source>
        <translation>关于框架：</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>→ Overall: {figure}</source>
        <translation>→ 总体：{figure}</translation>
    </message>
    <message>
        <source>Subgroup: {figure}</source>
        <translation>亚组：{figure}</translation>
    </message>
    <message>
        <source>Evidence pack {version}, reviewed on {date}.</source>
        <translation>证据包 {version}，审核日期 {date}。</translation>
    </message>
    <message>
        <source>About the evidence</source>
        <translation>关于证据</translation>
    </message>
    <message>
        <source>Correction to the source of the framework</source>
        <translation>对框架来源的更正</translation>
    </message>
    <message>
        <source>Trials, endpoint by endpoint</source>
        <translation>各项试验（按终点列出）</translation>
    </message>
    <message>
        <source>Primary endpoints are marked ★ and shaded; a subgroup is shown beside the overall result it belongs to, and liver progression beside progression outside the liver.</source>
        <translation>主要终点以 ★ 标记并加底色；亚组结果显示在其所属的总体结果旁，肝内进展与肝外进展并列显示。</translation>
    </message>
    <message>
        <source>{count} patients: {arms}.</source>
        <translation>{count} 例患者：{arms}。</translation>
    </message>
    <message>
        <source>Endpoint and population</source>
        <translation>终点与人群</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效应</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Source: {citation}</source>
        <translation>来源：{citation}</translation>
    </message>
    <message>
        <source>Other work-up to check</source>
        <translation>其他需核查的检查评估</translation>
    </message>
    <message>
        <source>What TAREaid does not cover</source>
        <translation>TAREaid 未涵盖的内容</translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation>免责声明</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>What changed in this version ({version}, {date})</source>
        <translation>本版本的变更（{version}，{date}）</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>The selection framework and what the evidence says about each claim</source>
        <translation>患者选择框架及证据对其各项主张的说法</translation>
    </message>
    <message>
        <source>Factor and tier</source>
        <translation>因素与分级</translation>
    </message>
    <message>
        <source>The framework says</source>
        <translation>框架的表述</translation>
    </message>
    <message>
        <source>Evidence status</source>
        <translation>证据状态</translation>
    </message>
    <message>
        <source>What the evidence says</source>
        <translation>证据的说法</translation>
    </message>
    <message>
        <source>Sources: {sources}</source>
        <translation>来源：{sources}</translation>
    </message>
    <message>
        <source>Co-primary endpoint</source>
        <translation>共同主要终点</translation>
    </message>
    <message>
        <source>Primary endpoint</source>
        <translation>主要终点</translation>
    </message>
    <message>
        <source>Subgroup (its overall result just above)</source>
        <translation>亚组（其总体结果见上一行）</translation>
    </message>
    <message>
        <source>Overall result shown beside the subgroup</source>
        <translation>与亚组并列显示的总体结果</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Trial results endpoint by endpoint, the framework&apos;s claims, guidance, what changed, references and notes about the evidence. {note}</source>
        <translation>按终点列出的试验结果、框架的主张、指南、变更内容、参考文献及证据说明。{note}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the board&apos;s PDFs</source>
        <translation>导出会诊 PDF</translation>
    </message>
    <message numerus="yes">
        <source>Export the %n case(s) of this board as:</source>
        <translation>
            <numerusform>将本次会诊的 %n 个病例导出为：</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;One PDF per case, named by case reference</source>
        <translation>每个病例一个 PDF，以病例编号命名(&amp;O)</translation>
    </message>
    <message>
        <source>One PDF per case</source>
        <translation>每个病例一个 PDF</translation>
    </message>
    <message>
        <source>One &amp;combined PDF for the whole board</source>
        <translation>整场会诊合并为一个 PDF(&amp;C)</translation>
    </message>
    <message>
        <source>One combined PDF</source>
        <translation>合并为一个 PDF</translation>
    </message>
    <message>
        <source>&amp;De-identified: no patient name, MRN or date of birth</source>
        <translation>去标识化：不含患者姓名、病历号和出生日期(&amp;D)</translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation>去标识化</translation>
    </message>
    <message>
        <source>Include free &amp;text (identifiers found are blanked; check it yourself)</source>
        <translation>包含自由文本（检出的身份信息会被涂去；请自行核对）(&amp;T)</translation>
    </message>
    <message>
        <source>Include free text</source>
        <translation>包含自由文本</translation>
    </message>
    <message>
        <source>Choose where…</source>
        <translation>选择保存位置…</translation>
    </message>
</context>
<context>
    <name>FactorStep</name>
    <message>
        <source>Step {number} of {count}: {factor}</source>
        <translation>第 {number} 步，共 {count} 步：{factor}</translation>
    </message>
    <message>
        <source>Question: {question}</source>
        <translation>问题：{question}</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>所见</translation>
    </message>
    <message>
        <source>Reason for the derived tier</source>
        <translation>推导分级的理由</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>人工调整的理由</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>所见：</translation>
    </message>
    <message>
        <source>Derived tier:</source>
        <translation>推导分级：</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <source>Tier used:</source>
        <translation>采用分级：</translation>
    </message>
    <message>
        <source>Override reason:</source>
        <translation>人工调整理由：</translation>
    </message>
    <message>
        <source>Case data for this factor</source>
        <translation>此因素的病例数据</translation>
    </message>
    <message>
        <source>Override the tier</source>
        <translation>人工调整分级</translation>
    </message>
    <message>
        <source>If your judgement differs from the framework, choose the tier and say why. The reason is kept with the case and printed in the report.</source>
        <translation>如果您的判断与框架不同，请选择分级并说明理由。理由将随病例保存并打印在报告中。</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>分级(&amp;T)：</translation>
    </message>
    <message>
        <source>Override tier for {factor}</source>
        <translation>{factor}的人工调整分级</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Why the tier differs (required)</source>
        <translation>分级不同的理由（必填）</translation>
    </message>
    <message>
        <source>Reason for overriding {factor}</source>
        <translation>人工调整{factor}的理由</translation>
    </message>
    <message>
        <source>&amp;Apply override</source>
        <translation>应用人工调整(&amp;A)</translation>
    </message>
    <message>
        <source>Apply override for {factor}</source>
        <translation>对{factor}应用人工调整</translation>
    </message>
    <message>
        <source>Re&amp;move override</source>
        <translation>撤销人工调整(&amp;M)</translation>
    </message>
    <message>
        <source>Remove override for {factor}</source>
        <translation>撤销{factor}的人工调整</translation>
    </message>
    <message>
        <source>Override problem</source>
        <translation>人工调整的问题</translation>
    </message>
    <message>
        <source>Evidence behind this factor</source>
        <translation>此因素背后的证据</translation>
    </message>
    <message>
        <source>The trials give no figure for this factor on its own; the tier follows the framework&apos;s wording. The Evidence tab shows every trial.</source>
        <translation>试验未单独给出此因素的数据；分级依据框架的表述。“证据”选项卡列出了所有试验。</translation>
    </message>
    <message>
        <source>Open the evidence view at {trial}</source>
        <translation>在证据视图中打开 {trial}</translation>
    </message>
    <message>
        <source>Open the evidence view at this factor&apos;s claims</source>
        <translation>在证据视图中打开此因素的主张</translation>
    </message>
    <message>
        <source> (override)</source>
        <translation>（人工调整）</translation>
    </message>
    <message>
        <source>Update override</source>
        <translation>更新人工调整</translation>
    </message>
    <message>
        <source> (override applies)</source>
        <translation>（已应用人工调整）</translation>
    </message>
    <message>
        <source>Choose the tier you judge right for this factor.</source>
        <translation>请选择您认为适合此因素的分级。</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside TAREaid: this is a bug, not a problem with your data or your database. Your saved cases are safe; the last edit may not have been saved. TAREaid goes on working. Please report this with the details below (Copy details).</source>
        <translation>TAREaid 内部出错：这是程序缺陷，并非您的数据或数据库的问题。已保存的病例是安全的；最后一次编辑可能未保存。TAREaid 将继续运行。请附上下方的详细信息（“复制详细信息”）报告此问题。</translation>
    </message>
    <message>
        <source>{what}: {explanation}</source>
        <translation>{what}：{explanation}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Case reference</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>MRN</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Tumour board date</source>
        <translation>会诊日期</translation>
    </message>
    <message>
        <source>Primary tumour side</source>
        <translation>原发肿瘤部位</translation>
    </message>
    <message>
        <source>Histology</source>
        <translation>组织学类型</translation>
    </message>
    <message>
        <source>Metastatic pattern</source>
        <translation>转移模式</translation>
    </message>
    <message>
        <source>Treatment goal</source>
        <translation>治疗目标</translation>
    </message>
    <message>
        <source>Prior systemic lines</source>
        <translation>既往系统治疗线数</translation>
    </message>
    <message>
        <source>RAS status</source>
        <translation>RAS 状态</translation>
    </message>
    <message>
        <source>BRAF status</source>
        <translation>BRAF 状态</translation>
    </message>
    <message>
        <source>MSI status</source>
        <translation>MSI 状态</translation>
    </message>
    <message>
        <source>Number of liver lesions</source>
        <translation>肝脏病灶数</translation>
    </message>
    <message>
        <source>Bilobar</source>
        <translation>双叶分布</translation>
    </message>
    <message>
        <source>Suitable for ablation</source>
        <translation>适合消融</translation>
    </message>
    <message>
        <source>Resectable</source>
        <translation>可切除</translation>
    </message>
    <message>
        <source>Largest lesion</source>
        <translation>最大病灶</translation>
    </message>
    <message>
        <source>ECOG performance status</source>
        <translation>ECOG 体能状态</translation>
    </message>
    <message>
        <source>Life expectancy at least 3 months</source>
        <translation>预期生存期至少 3 个月</translation>
    </message>
    <message>
        <source>Lung metastases</source>
        <translation>肺转移灶数</translation>
    </message>
    <message>
        <source>Largest lung metastasis</source>
        <translation>最大肺转移灶</translation>
    </message>
    <message>
        <source>Nodal regions involved</source>
        <translation>受累淋巴结区域数</translation>
    </message>
    <message>
        <source>Largest metastatic node</source>
        <translation>最大转移淋巴结</translation>
    </message>
    <message>
        <source>Bone metastases</source>
        <translation>骨转移</translation>
    </message>
    <message>
        <source>Peritoneal metastases</source>
        <translation>腹膜转移</translation>
    </message>
    <message>
        <source>Other extrahepatic site</source>
        <translation>其他肝外转移部位</translation>
    </message>
    <message>
        <source>Serum albumin</source>
        <translation>血清白蛋白</translation>
    </message>
    <message>
        <source>Ascites</source>
        <translation>腹水</translation>
    </message>
    <message>
        <source>Cirrhosis</source>
        <translation>肝硬化</translation>
    </message>
    <message>
        <source>Portal hypertension</source>
        <translation>门静脉高压</translation>
    </message>
    <message>
        <source>Main portal vein involvement</source>
        <translation>门静脉主干受累</translation>
    </message>
    <message>
        <source>Prior adjuvant chemotherapy</source>
        <translation>既往辅助化疗</translation>
    </message>
    <message>
        <source>Adjuvant chemotherapy ended</source>
        <translation>辅助化疗结束日期</translation>
    </message>
    <message>
        <source>First-line regimen given</source>
        <translation>已用一线方案</translation>
    </message>
    <message>
        <source>Peripheral neuropathy grade</source>
        <translation>周围神经病变分级</translation>
    </message>
    <message>
        <source>Prior radiotherapy to the upper abdomen or liver</source>
        <translation>既往上腹部或肝脏放疗</translation>
    </message>
    <message>
        <source>Other active malignancy</source>
        <translation>其他活动性恶性肿瘤</translation>
    </message>
    <message>
        <source>Planned chemotherapy</source>
        <translation>计划化疗方案</translation>
    </message>
    <message>
        <source>Planned biologic</source>
        <translation>计划生物制剂</translation>
    </message>
    <message>
        <source>Checkpoint inhibitor</source>
        <translation>免疫检查点抑制剂</translation>
    </message>
    <message>
        <source>Prior KRAS G12C inhibitor</source>
        <translation>既往使用 KRAS G12C 抑制剂</translation>
    </message>
    <message>
        <source>Microsphere</source>
        <translation>微球</translation>
    </message>
    <message>
        <source>Lung shunt fraction</source>
        <translation>肺分流分数</translation>
    </message>
    <message>
        <source>Estimated lung dose</source>
        <translation>估算肺剂量</translation>
    </message>
    <message>
        <source>Serum bilirubin</source>
        <translation>血清胆红素</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>FieldGroup</name>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Primary and metastatic disease</source>
        <translation>原发灶与转移灶</translation>
    </message>
    <message>
        <source>Extrahepatic disease</source>
        <translation>肝外病灶</translation>
    </message>
    <message>
        <source>Molecular profile</source>
        <translation>分子特征</translation>
    </message>
    <message>
        <source>Liver lesions</source>
        <translation>肝脏病灶</translation>
    </message>
    <message>
        <source>Liver function and contraindications</source>
        <translation>肝功能与禁忌证</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>治疗计划</translation>
    </message>
    <message>
        <source>Work-up</source>
        <translation>治疗前评估</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <source>Pseudonymous reference shown everywhere, 1–64 characters, unique</source>
        <translation>化名编号，在各处显示，1–64 个字符，不可重复</translation>
    </message>
    <message>
        <source>0 = first-line setting</source>
        <translation>0 = 一线治疗</translation>
    </message>
    <message>
        <source>The clinician expects the patient to live at least 3 months</source>
        <translation>临床医生预计患者生存期至少 3 个月</translation>
    </message>
    <message>
        <source>Number of lung metastases; 0 = none</source>
        <translation>肺转移灶数量；0 = 无</translation>
    </message>
    <message>
        <source>Only with at least one lung metastasis</source>
        <translation>仅在至少有一个肺转移灶时填写</translation>
    </message>
    <message>
        <source>Anatomical regions with nodal metastases; 0 = none</source>
        <translation>有淋巴结转移的解剖区域数；0 = 无</translation>
    </message>
    <message>
        <source>Only with at least one nodal region</source>
        <translation>仅在至少有一个淋巴结区域受累时填写</translation>
    </message>
    <message>
        <source>Any extrahepatic site other than lung, nodes, bone and peritoneum</source>
        <translation>肺、淋巴结、骨和腹膜以外的任何肝外部位</translation>
    </message>
    <message>
        <source>Adjuvant chemotherapy after resection of the primary tumour</source>
        <translation>原发肿瘤切除后的辅助化疗</translation>
    </message>
    <message>
        <source>Date of the last adjuvant dose; a date means adjuvant chemotherapy was given</source>
        <translation>最后一次辅助化疗的日期；填写日期即表示已接受辅助化疗</translation>
    </message>
    <message>
        <source>What was given in first line, when there was at least one prior line</source>
        <translation>至少接受过一线治疗时，一线使用的方案</translation>
    </message>
    <message>
        <source>NCI CTCAE grade, 0–4</source>
        <translation>NCI CTCAE 分级，0–4</translation>
    </message>
    <message>
        <source>On or planned for pembrolizumab or another checkpoint inhibitor</source>
        <translation>正在使用或计划使用 pembrolizumab 或其他免疫检查点抑制剂</translation>
    </message>
    <message>
        <source>From the Tc-99m MAA work-up</source>
        <translation>来自 Tc-99m MAA 检查评估</translation>
    </message>
    <message>
        <source>Estimated lung absorbed dose from the dosimetry work-up</source>
        <translation>剂量测定评估得出的估算肺吸收剂量</translation>
    </message>
    <message>
        <source>Stored in mg/dL (1 mg/dL = 17.1 µmol/L)</source>
        <translation>以 mg/dL 存储 (1 mg/dL = 17.1 µmol/L)</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Identifying</source>
        <translation>可识别身份</translation>
    </message>
    <message>
        <source>•••• (hidden)</source>
        <translation>••••（已隐藏）</translation>
    </message>
    <message>
        <source>Identifying information: never shown on the projection screen or in de-identified reports.</source>
        <translation>可识别身份的信息：绝不会显示在投屏画面或去标识化报告中。</translation>
    </message>
    <message>
        <source>Allowed: {range}</source>
        <translation>允许范围：{range}</translation>
    </message>
    <message>
        <source>Date as YYYY-MM-DD</source>
        <translation>日期格式为 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Leave empty when not recorded</source>
        <translation>未记录时请留空</translation>
    </message>
    <message>
        <source>. </source>
        <comment>between two phrases of a field&apos;s description</comment>
        <translation>。</translation>
    </message>
    <message>
        <source>{phrases}.</source>
        <comment>the end of a field&apos;s description</comment>
        <translation>{phrases}。</translation>
    </message>
    <message>
        <source>{field} unit</source>
        <translation>{field}的单位</translation>
    </message>
    <message>
        <source>{field} is identifying</source>
        <translation>{field}可识别身份</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>{field}的问题</translation>
    </message>
    <message>
        <source>{field} hidden</source>
        <translation>{field}已隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show {field}</source>
        <translation>显示{field}</translation>
    </message>
    <message>
        <source>Show the {field} of this case (only this field; View › Show identifiers shows them all)</source>
        <translation>显示此病例的{field}（仅此字段；“视图 › 显示身份信息”可全部显示）</translation>
    </message>
    <message>
        <source>{message}. {description}</source>
        <translation>{message}。{description}</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
</context>
<context>
    <name>FlagsStrip</name>
    <message>
        <source>{alert}; recorded {value}</source>
        <translation>{alert}；记录值 {value}</translation>
    </message>
    <message>
        <source>{severity}:</source>
        <translation>{severity}：</translation>
    </message>
    <message>
        <source>No work-up alerts</source>
        <translation>无治疗前评估警示</translation>
    </message>
    <message>
        <source>{shape} Evidence gap:</source>
        <translation>{shape} 证据空白：</translation>
    </message>
    <message>
        <source>{shape} Evidence gaps:</source>
        <translation>{shape} 证据空白：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No evidence gap flagged; not recorded: {fields}</source>
        <translation>未标记证据空白；未记录：{fields}</translation>
    </message>
    <message>
        <source>No evidence gaps flagged</source>
        <translation>未标记证据空白</translation>
    </message>
    <message>
        <source>Work-up alerts</source>
        <translation>治疗前评估警示</translation>
    </message>
    <message>
        <source>Evidence gaps</source>
        <translation>证据空白</translation>
    </message>
</context>
<context>
    <name>HeadlineText</name>
    <message numerus="yes">
        <source>Contraindication(s) to resolve first: {names}</source>
        <translation>
            <numerusform>需先解决的禁忌证：{names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>caution(s): {names}</source>
        <translation>
            <numerusform>注意：{names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of 6 factors favour(s) adding TARE, {neutral} neutral, {against} against</source>
        <translation>
            <numerusform>6 项因素中 %n 项支持加用 TARE，{neutral} 项中性，{against} 项不支持</numerusform>
        </translation>
    </message>
    <message>
        <source>, {count} unassessed</source>
        <translation>，{count} 项未评估</translation>
    </message>
    <message>
        <source>, {count} outside the framework</source>
        <translation>，{count} 项超出框架</translation>
    </message>
    <message numerus="yes">
        <source>%n evidence gap(s)</source>
        <translation>
            <numerusform>%n 项证据空白</numerusform>
        </translation>
    </message>
    <message>
        <source>not checked: {fields} not recorded</source>
        <translation>未检查：{fields} 未记录</translation>
    </message>
    <message>
        <source>{parts}.</source>
        <translation>{parts}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} 和 {last}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>The help pages are in English for now.</source>
        <translation>帮助页面目前仅有英文版。</translation>
    </message>
</context>
<context>
    <name>HelpBrowser</name>
    <message>
        <source>Help page</source>
        <translation>帮助页面</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Getting started</source>
        <translation>入门</translation>
    </message>
    <message>
        <source>The checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Editing a case</source>
        <translation>编辑病例</translation>
    </message>
    <message>
        <source>The evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Trial populations</source>
        <translation>试验人群</translation>
    </message>
    <message>
        <source>History and audit trail</source>
        <translation>历史记录与审计记录</translation>
    </message>
    <message>
        <source>Tumour-board mode</source>
        <translation>多学科会诊模式</translation>
    </message>
    <message>
        <source>PDF summaries and exports</source>
        <translation>PDF 摘要与导出</translation>
    </message>
    <message>
        <source>Databases and backups</source>
        <translation>数据库与备份</translation>
    </message>
    <message>
        <source>Logs and diagnostics</source>
        <translation>日志与诊断信息</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>TAREaid help</source>
        <translation>TAREaid 帮助</translation>
    </message>
    <message>
        <source>Help contents</source>
        <translation>帮助目录</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>{page} — TAREaid help</source>
        <translation>{page} — TAREaid 帮助</translation>
    </message>
    <message>
        <source>TAREaid opens no web pages. The address, to copy into a browser yourself: {address}</source>
        <translation>TAREaid 不会打开网页。如需访问，请自行将以下地址复制到浏览器：{address}</translation>
    </message>
    <message>
        <source>This help has no page {page}.</source>
        <translation>帮助中没有页面 {page}。</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Every stored change to this case, newest first. The trail cannot be edited.</source>
        <translation>此病例的每一次已存储更改，最新的在前。审计记录不可编辑。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>已重命名</translation>
    </message>
    <message>
        <source>Override set</source>
        <translation>已设人工调整</translation>
    </message>
    <message>
        <source>Override changed</source>
        <translation>人工调整已更改</translation>
    </message>
    <message>
        <source>Override removed</source>
        <translation>人工调整已撤销</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>决定已记录</translation>
    </message>
    <message>
        <source>Decision changed</source>
        <translation>决定已更改</translation>
    </message>
    <message>
        <source>Decision finalised</source>
        <translation>决定已定稿</translation>
    </message>
    <message>
        <source>Decision amended</source>
        <translation>决定已修订</translation>
    </message>
    <message>
        <source>Decision removed</source>
        <translation>决定已删除</translation>
    </message>
    <message>
        <source>Amendment of a finalised case</source>
        <translation>修订已定稿的病例</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Case with {count} recorded values</source>
        <translation>含 {count} 项已记录数值的病例</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{tier}: {reason}</source>
        <translation>{tier}：{reason}</translation>
    </message>
    <message>
        <source>{outcome} (finalised)</source>
        <translation>{outcome}（已定稿）</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>{factor} (tier)</source>
        <translation>{factor}（分级）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Show the selected identifier</source>
        <translation>显示所选的身份信息</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>病例历史记录</translation>
    </message>
    <message>
        <source>The history could not be read: {message}</source>
        <translation>无法读取历史记录：{message}</translation>
    </message>
    <message>
        <source>Show the {field}</source>
        <translation>显示{field}</translation>
    </message>
    <message>
        <source>Show the {field} in the history</source>
        <translation>在历史记录中显示{field}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Case files (*.json);;All files (*)</source>
        <translation>病例文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Leave this case?</source>
        <translation>离开此病例？</translation>
    </message>
    <message>
        <source>Leave without saving</source>
        <translation>不保存并离开</translation>
    </message>
    <message>
        <source>The case could not be opened</source>
        <translation>无法打开病例</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>The database could not be checked yet: {message}</source>
        <translation>暂时无法检查数据库：{message}</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Your latest edits to {reference} are not saved: someone else changed the case. Leave it and lose them?</source>
        <translation>您对 {reference} 的最近编辑尚未保存：其他人已更改该病例。确定离开并丢弃这些编辑吗？</translation>
    </message>
    <message>
        <source>Your latest edits to {reference} are not saved: the database refused the save. Leave it and lose them?</source>
        <translation>您对 {reference} 的最近编辑尚未保存：数据库拒绝了保存。确定离开并丢弃这些编辑吗？</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建病例(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Duplicate case…</source>
        <translation>复制病例(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Archive case</source>
        <translation>归档病例(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Restore archived case</source>
        <translation>恢复已归档病例(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import cases…</source>
        <translation>导入病例(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export cases as JSON…</source>
        <translation>将病例导出为 JSON(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>Re&amp;store from backup…</source>
        <translation>从备份恢复(&amp;S)…</translation>
    </message>
    <message>
        <source>Chec&amp;k database</source>
        <translation>检查数据库(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Create ne&amp;w database…</source>
        <translation>新建数据库(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Go to case &amp;list</source>
        <translation>转到病例列表(&amp;L)</translation>
    </message>
    <message>
        <source>Show &amp;identifiers (name, MRN)</source>
        <translation>显示身份信息（姓名、病历号）(&amp;I)</translation>
    </message>
    <message>
        <source>Show &amp;archived cases</source>
        <translation>显示已归档病例(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Checklist</source>
        <translation>清单(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>编辑器(&amp;E)</translation>
    </message>
    <message>
        <source>E&amp;vidence</source>
        <translation>证据(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>Board &amp;decision</source>
        <translation>会诊决定(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Next checklist step</source>
        <translation>清单下一步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous checklist step</source>
        <translation>清单上一步(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Run tumour board…</source>
        <translation>开始多学科会诊(&amp;R)…</translation>
    </message>
    <message>
        <source>TAREaid &amp;help</source>
        <translation>TAREaid 帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>复制诊断信息(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>许可证(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About TAREaid</source>
        <translation>关于 TAREaid(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Recen&amp;t databases</source>
        <translation>最近的数据库(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Bilirubin unit</source>
        <translation>胆红素单位(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>病例(&amp;C)</translation>
    </message>
    <message>
        <source>B&amp;oard</source>
        <translation>会诊(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>数据库：{location}</translation>
    </message>
    <message>
        <source>Quit without saving?</source>
        <translation>不保存并退出？</translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation>不保存并退出</translation>
    </message>
    <message>
        <source>Select a case to duplicate.</source>
        <translation>请选择要复制的病例。</translation>
    </message>
    <message>
        <source>Created {reference}.</source>
        <translation>已创建 {reference}。</translation>
    </message>
    <message>
        <source>Created {reference} from {source}.</source>
        <translation>已从 {source} 创建 {reference}。</translation>
    </message>
    <message>
        <source>{reference} was not archived</source>
        <translation>{reference} 未归档</translation>
    </message>
    <message>
        <source>Archived {reference}. Nothing is deleted: Undo brings it back (later: View › Show archived cases, then Restore).</source>
        <translation>已归档 {reference}。没有删除任何内容：点击“撤销”即可还原（之后也可通过“视图 › 显示已归档病例”，再点“恢复”）。</translation>
    </message>
    <message>
        <source>Undo archiving {reference}</source>
        <translation>撤销归档 {reference}</translation>
    </message>
    <message>
        <source>{reference} was not restored</source>
        <translation>{reference} 未恢复</translation>
    </message>
    <message>
        <source>Restored {reference}.</source>
        <translation>已恢复 {reference}。</translation>
    </message>
    <message>
        <source>The demo cases were not added</source>
        <translation>未添加演示病例</translation>
    </message>
    <message numerus="yes">
        <source>Added %n fictional demo case(s): pick one in the list.</source>
        <translation>
            <numerusform>已添加 %n 个虚构的演示病例：请在列表中选择一个。</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo cases are in this database already.</source>
        <translation>此数据库中已有演示病例。</translation>
    </message>
    <message>
        <source>Your version is kept as {reference}.</source>
        <translation>您的版本已保存为 {reference}。</translation>
    </message>
    <message>
        <source>The search could not be done: {message}</source>
        <translation>无法完成搜索：{message}</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>未保存：{message}</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>导入病例</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n case(s) from {path}.</source>
        <translation>
            <numerusform>已从 {path} 导入 %n 个病例。</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing cases</source>
        <translation>正在导入病例</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <source>Export all cases as JSON</source>
        <translation>将所有病例导出为 JSON</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n case(s) to {path}.</source>
        <translation>
            <numerusform>已将 %n 个病例导出到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting cases</source>
        <translation>正在导出病例</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>未导出任何内容</translation>
    </message>
    <message>
        <source>Open a case to export its PDF.</source>
        <translation>请先打开病例，再导出其 PDF。</translation>
    </message>
    <message>
        <source>No PDF was made</source>
        <translation>未生成 PDF</translation>
    </message>
    <message>
        <source>The PDF was not made because the case is not saved (see the message above the case). Save it, or reload it, and export again.</source>
        <translation>病例尚未保存，因此未生成 PDF（见病例上方的提示）。请保存或重新加载病例后再导出。</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF written to {path}.</source>
        <translation>PDF 已写入 {path}。</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Open {file}</source>
        <translation>打开 {file}</translation>
    </message>
    <message>
        <source>Writing the PDF</source>
        <translation>正在写入 PDF</translation>
    </message>
    <message>
        <source>The PDF was not written</source>
        <translation>未写入 PDF</translation>
    </message>
    <message>
        <source>The PDF could not be opened</source>
        <translation>无法打开 PDF</translation>
    </message>
    <message>
        <source>No program to show PDF files was found on this computer. The PDF is at {path}.</source>
        <translation>本机未找到可显示 PDF 文件的程序。PDF 位于 {path}。</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backup written to {path}.</source>
        <translation>备份已写入 {path}。</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation>未创建备份</translation>
    </message>
    <message>
        <source>Reading the backups</source>
        <translation>正在读取备份</translation>
    </message>
    <message>
        <source>Nothing was restored</source>
        <translation>未恢复任何内容</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>数据库检查</translation>
    </message>
    <message numerus="yes">
        <source>The database is healthy: %n case(s), schema version {version}.</source>
        <translation>
            <numerusform>数据库状态良好：%n 个病例，架构版本 {version}。</numerusform>
        </translation>
    </message>
    <message>
        <source>The database has problems. Make a backup and keep the file for investigation.

{problems}</source>
        <translation>数据库存在问题。请先备份，并保留该文件以供调查。

{problems}</translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation>正在检查数据库</translation>
    </message>
    <message>
        <source>The check failed</source>
        <translation>检查失败</translation>
    </message>
    <message>
        <source>{message}

{what}.</source>
        <translation>{message}

{what}。</translation>
    </message>
    <message>
        <source>Open a TAREaid database</source>
        <translation>打开 TAREaid 数据库</translation>
    </message>
    <message>
        <source>Create a new TAREaid database</source>
        <translation>新建 TAREaid 数据库</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>没有最近的数据库</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>TAREaid will use this language the next time it is started.</source>
        <translation>TAREaid 将在下次启动时使用此语言。</translation>
    </message>
</context>
<context>
    <name>NewCaseBar</name>
    <message>
        <source>Case reference, e.g. CRLM-042</source>
        <translation>病例编号，例如 CRLM-042</translation>
    </message>
    <message>
        <source>New case reference</source>
        <translation>新病例编号</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>New case problem</source>
        <translation>新病例的问题</translation>
    </message>
    <message>
        <source>Use a pseudonymous reference, not the patient&apos;s name.</source>
        <translation>请使用化名编号，不要使用患者姓名。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Create case</source>
        <translation>创建病例</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel new case</source>
        <translation>取消新建病例</translation>
    </message>
    <message>
        <source>Duplicate {reference}</source>
        <translation>复制 {reference}</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建病例</translation>
    </message>
    <message>
        <source>Type a reference for the case (1–64 characters).</source>
        <translation>请输入病例编号（1–64 个字符）。</translation>
    </message>
    <message>
        <source>A reference must not start or end with spaces.</source>
        <translation>编号的开头和结尾不能有空格。</translation>
    </message>
</context>
<context>
    <name>PdfOptionsDialog</name>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>&amp;De-identify (leave out name, MRN and date of birth)</source>
        <translation>去标识化（不含姓名、病历号和出生日期）(&amp;D)</translation>
    </message>
    <message>
        <source>De-identify the report</source>
        <translation>对报告去标识化</translation>
    </message>
    <message>
        <source>Include &amp;free text (identifiers found are blanked; check it yourself)</source>
        <translation>包含自由文本（检出的身份信息会被涂去；请自行核对）(&amp;F)</translation>
    </message>
    <message>
        <source>Include free text</source>
        <translation>包含自由文本</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>纸张大小(&amp;P)：</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美国信纸）</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>纸张大小</translation>
    </message>
</context>
<context>
    <name>PopulationsStep</name>
    <message>
        <source>Trial populations</source>
        <translation>试验人群</translation>
    </message>
    <message>
        <source>Does this patient resemble the patients each trial enrolled? Each criterion is met, not met, or unknown when a field it needs is not recorded. This is about how far the evidence applies, never eligibility for a trial or a treatment; it is not a seventh factor and changes neither the counts nor the headline.</source>
        <translation>此患者与各试验入组的患者是否相似？每条标准为符合、不符合，或在所需字段未记录时为未知。这关乎证据的适用程度，绝不代表是否有资格参加试验或接受治疗；它不是第七个因素，也不改变计数和摘要。</translation>
    </message>
</context>
<context>
    <name>ProjectionHeader</name>
    <message>
        <source>Case reference</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Evidence for this setting</source>
        <translation>此治疗阶段的证据</translation>
    </message>
</context>
<context>
    <name>ProjectionWindow</name>
    <message>
        <source>← → case  ·  ↑ ↓ factor  ·  1 / 2 / 3 set tier  ·  0 clear override  ·  E evidence  ·  T trials  ·  D decision  ·  I identifiers  ·  Esc leave</source>
        <translation>← → 病例  ·  ↑ ↓ 因素  ·  1 / 2 / 3 设定分级  ·  0 清除人工调整  ·  E 证据  ·  T 试验  ·  D 决定  ·  I 身份信息  ·  Esc 退出</translation>
    </message>
    <message>
        <source>E or Esc back to the checklist  ·  ↑ ↓ factor  ·  T trials  ·  ← → case  ·  D decision  ·  I identifiers</source>
        <translation>E 或 Esc 返回清单  ·  ↑ ↓ 因素  ·  T 试验  ·  ← → 病例  ·  D 决定  ·  I 身份信息</translation>
    </message>
    <message>
        <source>T or Esc back to the checklist  ·  E evidence  ·  ← → case  ·  D decision  ·  I identifiers</source>
        <translation>T 或 Esc 返回清单  ·  E 证据  ·  ← → 病例  ·  D 决定  ·  I 身份信息</translation>
    </message>
    <message>
        <source>MRN {mrn}</source>
        <translation>病历号 {mrn}</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>出生于 {date}</translation>
    </message>
    <message>
        <source>TAREaid — tumour board {date}</source>
        <translation>TAREaid — 多学科会诊 {date}</translation>
    </message>
    <message>
        <source>Tumour board projection</source>
        <translation>多学科会诊投屏</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>最近操作</translation>
    </message>
    <message>
        <source>Board {date}  ·  Case {number} of {count}</source>
        <translation>会诊 {date}  ·  第 {number} 例，共 {count} 例</translation>
    </message>
    <message>
        <source>Board {date}  ·  No cases</source>
        <translation>会诊 {date}  ·  无病例</translation>
    </message>
    <message>
        <source>No cases</source>
        <translation>无病例</translation>
    </message>
    <message>
        <source>No cases on the agenda of the board of {date}.
Add cases in the agenda window, then start the projection again.</source>
        <translation>{date} 的会诊议程中没有病例。
请在议程窗口中添加病例，然后重新开始投屏。</translation>
    </message>
    <message>
        <source>No decision recorded</source>
        <translation>尚未记录决定</translation>
    </message>
    <message>
        <source>Decision: {outcome}  ·  ■ Finalised (locked)</source>
        <translation>决定：{outcome}  ·  ■ 已定稿（已锁定）</translation>
    </message>
    <message>
        <source>Decision: {outcome}  ·  □ Draft</source>
        <translation>决定：{outcome}  ·  □ 草稿</translation>
    </message>
    <message>
        <source>Identifiers hidden</source>
        <translation>身份信息已隐藏</translation>
    </message>
    <message>
        <source>Show identifiers</source>
        <translation>显示身份信息</translation>
    </message>
    <message>
        <source>Show the patient&apos;s name, MRN and date of birth for {reference} on the projected screen? They are hidden again when you move to another case.</source>
        <translation>在投屏画面上显示 {reference} 的患者姓名、病历号和出生日期？切换到其他病例时将再次隐藏。</translation>
    </message>
    <message>
        <source>&amp;Show identifiers</source>
        <translation>显示身份信息(&amp;S)</translation>
    </message>
    <message>
        <source>No identifiers are recorded for this case</source>
        <translation>此病例未记录身份信息</translation>
    </message>
    <message>
        <source>This is the last case of the agenda</source>
        <translation>这是议程中的最后一个病例</translation>
    </message>
    <message>
        <source>This is the first case of the agenda</source>
        <translation>这是议程中的第一个病例</translation>
    </message>
    <message>
        <source>{reference} is finalised: nothing changed</source>
        <translation>{reference} 已定稿：未做任何更改</translation>
    </message>
    <message>
        <source>{factor}: {tier}</source>
        <translation>{factor}：{tier}</translation>
    </message>
    <message>
        <source>Set “{factor}” to {tier} for {reference}. The framework gives {framework}. Why? (Kept with the case and in the audit trail.)</source>
        <translation>将 {reference} 的“{factor}”设为{tier}。框架给出的是{framework}。理由是什么？（将随病例保存并记入审计记录。）</translation>
    </message>
    <message>
        <source>Tier unchanged</source>
        <translation>分级未更改</translation>
    </message>
    <message>
        <source>{factor}: {tier} saved</source>
        <translation>{factor}：{tier}已保存</translation>
    </message>
    <message>
        <source>{factor} has no tier set by hand</source>
        <translation>{factor}没有人工设定的分级</translation>
    </message>
    <message>
        <source>Clear the tier set by hand</source>
        <translation>清除人工设定的分级</translation>
    </message>
    <message>
        <source>Return “{factor}” to the framework&apos;s tier ({tier}) for {reference}?</source>
        <translation>将 {reference} 的“{factor}”恢复为框架分级（{tier}）？</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>{factor}: back to {tier}</source>
        <translation>{factor}：已恢复为{tier}</translation>
    </message>
    <message>
        <source>Decision not saved</source>
        <translation>决定未保存</translation>
    </message>
    <message>
        <source>Decision on {reference} finalised</source>
        <translation>{reference} 的决定已定稿</translation>
    </message>
    <message>
        <source>Decision on {reference} saved as a draft</source>
        <translation>{reference} 的决定已保存为草稿</translation>
    </message>
    <message>
        <source>Case is finalised: nothing changed</source>
        <translation>病例已定稿：未做任何更改</translation>
    </message>
    <message>
        <source>Case changed elsewhere</source>
        <translation>病例已在别处更改</translation>
    </message>
    <message>
        <source>{message}
The case is shown again as it is now stored; make the change again if it is still needed.</source>
        <translation>{message}
病例已按当前存储的内容重新显示；如仍需要，请重新修改。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Amend finalised case {reference}</source>
        <translation>修订已定稿的病例 {reference}</translation>
    </message>
    <message>
        <source>The board&apos;s decision on {reference} is finalised, so the case is locked. To change it, give the reason for the amendment (it is kept in the audit trail).</source>
        <translation>{reference} 的会诊决定已定稿，病例已锁定。如需修改，请填写修订理由（理由将保存在审计记录中）。</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Choose another file name</source>
        <translation>请选择其他文件名</translation>
    </message>
    <message>
        <source>Board date</source>
        <translation>会诊日期</translation>
    </message>
    <message>
        <source>Board &amp;date</source>
        <translation>会诊日期(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Type the reason, then press Enter</source>
        <translation>输入理由，然后按 Enter</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Taken</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>病例数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a schema upgrade</source>
        <translation>架构升级前</translation>
    </message>
    <message>
        <source>Before a migration</source>
        <translation>迁移前</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Automatic backups of &lt;b&gt;{database}&lt;/b&gt;, newest first. Restoring copies the backup to a new file, checks it and offers to open it: the database in use is never replaced.</source>
        <translation>&lt;b&gt;{database}&lt;/b&gt; 的自动备份，最新的在前。恢复会将备份复制为新文件、进行检查并提供打开选项：正在使用的数据库绝不会被替换。</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>There are no automatic backups of this database yet. Choose a file to restore a copy made with Back up database… or tareaid backup.</source>
        <translation>此数据库尚无自动备份。请选择一个文件，以恢复用“备份数据库…”或 tareaid backup 制作的副本。</translation>
    </message>
    <message>
        <source>&amp;Restore a copy…</source>
        <translation>恢复副本(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore a copy of the selected backup</source>
        <translation>恢复所选备份的副本</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose another backup file</source>
        <translation>选择其他备份文件</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Contraindication, to resolve first</source>
        <translation>禁忌证，须先解决</translation>
    </message>
    <message>
        <source>Contraindications, to resolve first</source>
        <translation>禁忌证，须先解决</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Cautions</source>
        <translation>注意</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>New case</source>
        <translation>新建病例</translation>
    </message>
    <message>
        <source>Duplicate case</source>
        <translation>复制病例</translation>
    </message>
    <message>
        <source>Archive case (in the list)</source>
        <translation>归档病例（在列表中）</translation>
    </message>
    <message>
        <source>Restore archived case</source>
        <translation>恢复已归档病例</translation>
    </message>
    <message>
        <source>Import cases</source>
        <translation>导入病例</translation>
    </message>
    <message>
        <source>Export cases as JSON</source>
        <translation>将病例导出为 JSON</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Find (search the list)</source>
        <translation>查找（搜索列表）</translation>
    </message>
    <message>
        <source>Go to the case list</source>
        <translation>转到病例列表</translation>
    </message>
    <message>
        <source>Show identifiers</source>
        <translation>显示身份信息</translation>
    </message>
    <message>
        <source>Show archived cases</source>
        <translation>显示已归档病例</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Board decision</source>
        <translation>会诊决定</translation>
    </message>
    <message>
        <source>Next checklist step</source>
        <translation>清单下一步</translation>
    </message>
    <message>
        <source>Previous checklist step</source>
        <translation>清单上一步</translation>
    </message>
    <message>
        <source>Run tumour board</source>
        <translation>开始多学科会诊</translation>
    </message>
    <message>
        <source>Help for where you are</source>
        <translation>当前位置的帮助</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>No case is open</source>
        <translation>未打开病例</translation>
    </message>
    <message>
        <source>Pick a case from the list, or create one: the checklist then walks you through the six factors of the framework, one question at a time.</source>
        <translation>请从列表中选择病例或新建病例：清单会逐一提问，带您完成框架的六个因素。</translation>
    </message>
    <message>
        <source>Create a case (Ctrl+N)</source>
        <translation>新建病例 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Read the evidence (Ctrl+3)</source>
        <translation>阅读证据 (Ctrl+3)</translation>
    </message>
    <message>
        <source>Add the demo cases</source>
        <translation>添加演示病例</translation>
    </message>
    <message>
        <source>Twelve clearly fictional cases to try TAREaid with</source>
        <translation>十二个明确虚构的病例，供您试用 TAREaid</translation>
    </message>
    <message>
        <source>New here? The demo cases are twelve clearly fictional patients: walk one through the checklist, or run a tumour board with them.</source>
        <translation>初次使用？演示病例是十二位明确虚构的患者：可用其中一例走一遍清单，或用它们进行一次多学科会诊。</translation>
    </message>
    <message>
        <source>Next boards</source>
        <translation>即将进行的会诊</translation>
    </message>
    <message>
        <source>Changed last</source>
        <translation>最近更改</translation>
    </message>
    <message>
        <source>Cases changed last</source>
        <translation>最近更改的病例</translation>
    </message>
    <message>
        <source>Enter or a double-click opens the case</source>
        <translation>按 Enter 或双击打开病例</translation>
    </message>
    <message>
        <source>The cases could not be read just now: {message}</source>
        <translation>暂时无法读取病例：{message}</translation>
    </message>
    <message>
        <source>{reference} · board {date} · changed {when}</source>
        <translation>{reference} · 会诊 {date} · 更改于 {when}</translation>
    </message>
    <message>
        <source>{reference} · no board date · changed {when}</source>
        <translation>{reference} · 无会诊日期 · 更改于 {when}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>{date} ({day}) · %n case(s)</source>
        <translation>
            <numerusform>{date}（{day}）· %n 个病例</numerusform>
        </translation>
    </message>
    <message>
        <source>No board is planned: no case has a date from today.</source>
        <translation>没有已计划的会诊：没有病例的会诊日期在今天或之后。</translation>
    </message>
    <message>
        <source>The board could not be read just now: {message}</source>
        <translation>暂时无法读取会诊：{message}</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>今天 {time}</translation>
    </message>
</context>
<context>
    <name>StatusOffer</name>
    <message>
        <source>Act on the status message</source>
        <translation>对状态消息执行操作</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <source>{shape} No work-up alert is raised by the values entered.</source>
        <translation>{shape} 已填写的数值未触发治疗前评估警示。</translation>
    </message>
    <message>
        <source>Checklist summary</source>
        <translation>清单总结</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Factors</source>
        <translation>因素</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Review step {number}: {factor}</source>
        <translation>查看第 {number} 步：{factor}</translation>
    </message>
    <message>
        <source>Work-up alerts</source>
        <translation>治疗前评估警示</translation>
    </message>
    <message>
        <source>Evidence gaps</source>
        <translation>证据空白</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Headline: {headline}</source>
        <translation>摘要：{headline}</translation>
    </message>
    <message>
        <source>Evidence context: {context}</source>
        <translation>证据背景：{context}</translation>
    </message>
    <message>
        <source>Override: {reason}</source>
        <translation>人工调整：{reason}</translation>
    </message>
    <message>
        <source>No claim: {tier}</source>
        <translation>无主张：{tier}</translation>
    </message>
    <message>
        <source>Evidence status: none, the factor is {tier}</source>
        <translation>证据状态：无，此因素为{tier}</translation>
    </message>
    <message>
        <source>{severity}: {alert}</source>
        <translation>{severity}：{alert}</translation>
    </message>
    <message>
        <source>No work-up alert</source>
        <translation>无治疗前评估警示</translation>
    </message>
    <message>
        <source>No evidence gap is raised by the treatment plan entered.</source>
        <translation>已填写的治疗计划未引出证据空白。</translation>
    </message>
    <message>
        <source>No evidence gap is raised by the treatment plan entered. Not recorded: {fields}, so this check is incomplete.</source>
        <translation>已填写的治疗计划未引出证据空白。未记录：{fields}，因此此项检查不完整。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <source>Favours TARE</source>
        <translation>支持 TARE</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Against TARE</source>
        <translation>不支持 TARE</translation>
    </message>
    <message>
        <source>Unassessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Outside framework</source>
        <translation>超出框架</translation>
    </message>
</context>
<context>
    <name>TierWord</name>
    <message>
        <source>favours</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>against</source>
        <translation>不支持</translation>
    </message>
</context>
<context>
    <name>TrialColumn</name>
    <message>
        <source>Not checkable</source>
        <translation>无法核查</translation>
    </message>
    <message>
        <source>{text} (Sources: {sources})</source>
        <translation>{text}（来源：{sources}）</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Sources of the {trial} criteria</source>
        <translation>{trial} 标准的来源</translation>
    </message>
    <message>
        <source>Results: {trial}, in the evidence view</source>
        <translation>结果：{trial}，见证据视图</translation>
    </message>
    <message>
        <source>Open the evidence view at {trial}</source>
        <translation>在证据视图中打开 {trial}</translation>
    </message>
    <message>
        <source>Results: the trials, in the evidence view</source>
        <translation>结果：各项试验，见证据视图</translation>
    </message>
    <message>
        <source>Open the evidence view at the trials</source>
        <translation>在证据视图中打开各项试验</translation>
    </message>
    <message>
        <source>{trial}: {summary}</source>
        <translation>{trial}：{summary}</translation>
    </message>
</context>
<context>
    <name>TrialsPanel</name>
    <message>
        <source>Does this patient resemble the patients each trial enrolled? About how far the evidence applies, not eligibility.</source>
        <translation>此患者与各试验入组的患者是否相似？关乎证据的适用程度，而非入组资格。</translation>
    </message>
    <message>
        <source>Trial populations</source>
        <translation>试验人群</translation>
    </message>
    <message>
        <source>Trial populations:</source>
        <translation>试验人群：</translation>
    </message>
    <message>
        <source>{shape} Not checkable:</source>
        <translation>{shape} 无法核查：</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <source>Error details</source>
        <translation>错误详细信息</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the error details</source>
        <translation>复制错误详细信息</translation>
    </message>
    <message>
        <source>&amp;Copied</source>
        <translation>已复制(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <source>years</source>
        <translation>岁</translation>
    </message>
</context>
<context>
    <name>_BooleanField</name>
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
    <name>_ClaimBox</name>
    <message>
        <source>What the evidence says about this case&apos;s tier</source>
        <translation>证据对本病例分级的说法</translation>
    </message>
    <message>
        <source>What the evidence says</source>
        <translation>证据的说法</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Open the evidence view</source>
        <translation>打开证据视图</translation>
    </message>
    <message>
        <source>Evidence status: {status}. {meaning}</source>
        <translation>证据状态：{status}。{meaning}</translation>
    </message>
    <message>
        <source>The framework&apos;s {tier} tier: “{criterion}”; its claim: “{claim}”</source>
        <translation>框架的“{tier}”分级：“{criterion}”；其主张：“{claim}”</translation>
    </message>
    <message>
        <source>The framework&apos;s {tier} tier: “{criterion}”</source>
        <translation>框架的“{tier}”分级：“{criterion}”</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Open the evidence view at {trial}</source>
        <translation>在证据视图中打开 {trial}</translation>
    </message>
</context>
<context>
    <name>_CriterionRow</name>
    <message>
        <source>Sources
{citations}</source>
        <translation>来源
{citations}</translation>
    </message>
    <message>
        <source>Fill in:</source>
        <translation>填写：</translation>
    </message>
    <message>
        <source>Fill in {field} in the editor</source>
        <translation>在编辑器中填写{field}</translation>
    </message>
    <message>
        <source>Go to {field} in the editor</source>
        <translation>转到编辑器中的{field}</translation>
    </message>
    <message>
        <source>Sources: {sources}</source>
        <translation>来源：{sources}</translation>
    </message>
</context>
<context>
    <name>_DateField</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Set {field} to today</source>
        <translation>将{field}设为今天</translation>
    </message>
    <message>
        <source>Set {field} to today&apos;s date</source>
        <translation>将{field}设为今天的日期</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>_IntegerField</name>
    <message>
        <source>{not_recorded} ({range})</source>
        <translation>{not_recorded} ({range})</translation>
    </message>
    <message>
        <source>{field} must be a whole number</source>
        <translation>{field}必须为整数</translation>
    </message>
    <message>
        <source>{field} must be {range}</source>
        <translation>{field}必须在 {range} 范围内</translation>
    </message>
</context>
<context>
    <name>_NotesField</name>
    <message>
        <source>Notes are {length} characters long; at most {limit} fit</source>
        <translation>备注长 {length} 个字符；最多只能容纳 {limit} 个</translation>
    </message>
</context>
<context>
    <name>_NumberField</name>
    <message>
        <source>{field} must be a number</source>
        <translation>{field}必须为数字</translation>
    </message>
</context>
<context>
    <name>_TaskWatcher</name>
    <message>
        <source>{task} ({done} of {total})</source>
        <translation>{task} ({done}/{total})</translation>
    </message>
</context>
<context>
    <name>_TextField</name>
    <message>
        <source>e.g. CRLM-042</source>
        <translation>例如 CRLM-042</translation>
    </message>
    <message>
        <source>A case reference is required (1–64 characters)</source>
        <translation>必须填写病例编号（1–64 个字符）</translation>
    </message>
    <message>
        <source>A case reference must not start or end with spaces</source>
        <translation>病例编号的开头和结尾不能有空格</translation>
    </message>
</context>
<context>
    <name>_TierOption</name>
    <message>
        <source>◀ This case</source>
        <translation>◀ 本病例</translation>
    </message>
    <message>
        <source>This case&apos;s tier</source>
        <translation>本病例的分级</translation>
    </message>
    <message>
        <source>Evidence: {status}</source>
        <translation>证据：{status}</translation>
    </message>
    <message>
        <source>Evidence status of this tier: {status}. {meaning}</source>
        <translation>此分级的证据状态：{status}。{meaning}</translation>
    </message>
    <message>
        <source>{tier}: {description} (this case); {evidence}</source>
        <translation>{tier}：{description}（本病例）；{evidence}</translation>
    </message>
    <message>
        <source>{tier}: {description} (not this case); {evidence}</source>
        <translation>{tier}：{description}（非本病例）；{evidence}</translation>
    </message>
</context>
</TS>
