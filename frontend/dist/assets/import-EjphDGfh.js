import{C as e,a as t,l as n,o as r,w as i}from"./preload-helper-ClNRQj4J.js";import{t as a}from"./graphql-B9MLIZxW.js";import{B as o}from"./index-AJerVlQO.js";var s=a(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      kind
      fileName
      sheet
      encoding
      state
      columns { index header field samples }
      fields { key label required }
      totalRows
      doneRows
      creates
      updates
      unchanged
      duplicates
      errors
      refusedRowsURL
      error
      createdBy { id name }
      createdAt
      finishedAt
    }
  }
`),c=a(`
  query ImportRows($id: ID!, $action: ImportRowAction, $offset: Int, $limit: Int) {
    importJob(id: $id) {
      id
      rows(action: $action, offset: $offset, limit: $limit) { row action key matchID matchName message cell }
    }
  }
`),l=a(`
  query ImportJobs($first: Int) {
    importJobs(first: $first) {
      id
      kind
      fileName
      state
      totalRows
      doneRows
      createdBy { id name }
      createdAt
    }
  }
`),u=a(`
  mutation StartImport($input: StartImportInput!) {
    startImport(input: $input) { id state }
  }
`),d=a(`
  mutation MapImport($id: ID!, $mapping: [ImportMappingInput!]!) {
    mapImport(id: $id, mapping: $mapping) { id state }
  }
`),f=a(`
  mutation CommitImport($id: ID!) {
    commitImport(id: $id) { id state doneRows totalRows }
  }
`),p=a(`
  mutation CancelImport($id: ID!) {
    cancelImport(id: $id) { id state }
  }
`),m=a(`
  query ImportFields {
    CUSTOMERS: importFields(kind: CUSTOMERS) { key label required }
    CONTACTS: importFields(kind: CONTACTS) { key label required }
    KEY_PERSONS: importFields(kind: KEY_PERSONS) { key label required }
    PRODUCTS: importFields(kind: PRODUCTS) { key label required }
    PRICES: importFields(kind: PRICES) { key label required }
    ORDERS: importFields(kind: ORDERS) { key label required }
    INTERACTIONS: importFields(kind: INTERACTIONS) { key label required }
  }
`),h=i(`import`,{title:`Data`,jobTitle:`Import: {file}`,notAllowed:`Importing and exporting data is for admins and managers.`,startTitle:`Import from Excel or CSV`,startIntro:`Upload a .xlsx or .csv file. Nothing is written until you have seen the check and confirmed.`,kindLegend:`What does the file bring in?`,columns:`Columns (* required): {cols}`,required:`{label}*`,listSep:`, `,file:`File (.xlsx or .csv)`,fileHint:`CSV in UTF-8 (with or without BOM) or GB18030/GBK, as Chinese Excel writes it.`,sheet:`Sheet name (optional)`,sheetHint:`For workbooks: the first sheet with data is read when this is empty.`,upload:`Upload and check`,uploading:`Uploading and checking…`,fileType:`“{name}” is not a .xlsx or .csv file.`,fileEmpty:`Choose a file first (an empty file cannot be imported).`,fileTooLarge:`“{name}” is larger than {mb} MB.`,pickKind:`Choose what the file brings in.`,refusedUpload:`The file was refused: {message}`,code:`code {code}`,recent:`Recent imports`,noRecent:`No imports yet.`,rowsOf:`{done} of {total} rows`,by:`by {name}`,mappingTitle:`Columns`,mappingIntro:`Each column of the sheet goes to a field, or is ignored. The server guessed from the headers; correct what is wrong.`,samples:`e.g. {values}`,noSamples:`no values`,ignore:`— ignore this column —`,fieldFor:`Field for column “{header}”`,missing:`Required and not mapped: {fields}`,twice:`“{field}” is chosen for more than one column.`,checkAgain:`Check again`,checking:`Checking…`,mappingSent:`Mapping saved; the rows are checked again.`,dryRun:`What a commit would do`,result:`What was done`,filter:`Show rows`,all:`All ({n})`,chip:`{label} ({n})`,rowNo:`Row {n}`,action:`Result`,match:`Existing record`,message:`Reason`,noRows:`No rows to show.`,noRowsFilter:`No rows with this result.`,page:`Page {page} of {pages}`,prev:`Previous page`,next:`Next page`,rowsNav:`Pages of rows`,progressChecking:`Checking rows…`,progressCommitting:`Writing rows…`,progressLabel:`Import progress`,progressText:`{done} of {total} rows ({p} %)`,progressHint:`You can leave this page: the import goes on, and its progress is shown when you come back.`,commit:`Import {n} rows`,commitConfirm:`{n} rows will be written ({creates} new, {updates} updated). {skipped} rows are skipped. Go on?`,commitNothing:`Nothing to write: every row is unchanged or refused.`,mappingBlocked:`Nothing can be written yet: {error}. Choose that column’s field under “Columns” above and check again.`,yesCommit:`Yes, write them`,cancelImport:`Cancel this import`,cancelConfirm:`Give up this import? Nothing has been written; the uploaded file is discarded.`,yesCancel:`Yes, give it up`,notYet:`Not yet`,keepImport:`Keep this import`,committing:`Starting…`,cancelled:`This import was cancelled; nothing was written.`,doneTitle:`Import finished`,doneSummary:`{creates} created, {updates} updated, {unchanged} unchanged, {refused} refused.`,failedTitle:`The import stopped`,failedText:`{done} of {total} rows were written and are kept. Resume to write the rest.`,resume:`Resume`,refusedRows:`Refused rows`,downloadRefused:`Download refused rows`,downloadHint:`The file has a reason column: fix the rows and import it again.`,downloaded:`Saved as {name}.`,fileInfo:`{kind} · {file}`,sheetInfo:`sheet {sheet}`,encodingInfo:`encoding {encoding}`,started:`started {when}`,finished:`finished {when}`,back:`Back to Data`,newImport:`Import another file`,notFound:`This import does not exist or is not yours.`,exportTitle:`Export`,exportIntro:`Download everything you may see, with headers in the app’s language.`,exportAs:`Download {kind} as {format}`,exporting:`Preparing {kind}…`,exportMissing:`The server has no export of {kind} yet.`,exportFailed:`The export of {kind} failed: {message}`,exportDone:`Saved {name}.`},{title:`数据`,jobTitle:`导入：{file}`,notAllowed:`导入和导出数据仅限管理员和经理使用。`,startTitle:`从 Excel 或 CSV 导入`,startIntro:`上传 .xlsx 或 .csv 文件。在你查看检查结果并确认之前，不会写入任何数据。`,kindLegend:`文件导入的是什么？`,columns:`列（* 为必填）：{cols}`,required:`{label}*`,listSep:`、`,file:`文件（.xlsx 或 .csv）`,fileHint:`CSV 可为 UTF-8（带或不带 BOM）或 GB18030/GBK（中文版 Excel 的默认编码）。`,sheet:`工作表名称（可选）`,sheetHint:`仅用于工作簿：留空时读取第一个有数据的工作表。`,upload:`上传并检查`,uploading:`正在上传并检查…`,fileType:`“{name}”不是 .xlsx 或 .csv 文件。`,fileEmpty:`请先选择文件（空文件无法导入）。`,fileTooLarge:`“{name}”超过 {mb} MB。`,pickKind:`请选择文件导入的内容。`,refusedUpload:`文件被拒绝：{message}`,code:`错误代码 {code}`,recent:`最近的导入`,noRecent:`还没有导入记录。`,rowsOf:`{done} / {total} 行`,by:`操作人：{name}`,mappingTitle:`列`,mappingIntro:`表格的每一列对应一个字段，或被忽略。系统已根据表头自动匹配，请更正错误的匹配。`,samples:`示例：{values}`,noSamples:`无数据`,ignore:`— 忽略此列 —`,fieldFor:`“{header}”列对应的字段`,missing:`必填但未匹配：{fields}`,twice:`“{field}”被多个列选中。`,checkAgain:`重新检查`,checking:`检查中…`,mappingSent:`匹配已保存，正在重新检查各行。`,dryRun:`提交后将执行的操作`,result:`已执行的操作`,filter:`显示行`,all:`全部（{n}）`,chip:`{label}（{n}）`,rowNo:`第 {n} 行`,action:`结果`,match:`已有记录`,message:`原因`,noRows:`没有可显示的行。`,noRowsFilter:`没有此结果的行。`,page:`第 {page} 页，共 {pages} 页`,prev:`上一页`,next:`下一页`,rowsNav:`行的分页`,progressChecking:`正在检查各行…`,progressCommitting:`正在写入各行…`,progressLabel:`导入进度`,progressText:`{done} / {total} 行（{p}%）`,progressHint:`你可以离开此页面：导入会继续进行，回来时会显示进度。`,commit:`导入 {n} 行`,commitConfirm:`将写入 {n} 行（新建 {creates} 行，更新 {updates} 行），跳过 {skipped} 行。确定继续？`,commitNothing:`没有需要写入的行：所有行均未变化或被拒绝。`,mappingBlocked:`暂时无法写入：{error}。请在上方“列”中为该列选择字段，然后重新检查。`,yesCommit:`确定写入`,cancelImport:`取消此次导入`,cancelConfirm:`放弃此次导入？尚未写入任何数据，上传的文件将被丢弃。`,yesCancel:`确定放弃`,notYet:`暂不写入`,keepImport:`保留此导入`,committing:`正在开始…`,cancelled:`此次导入已取消，未写入任何数据。`,doneTitle:`导入完成`,doneSummary:`新建 {creates} 行，更新 {updates} 行，未变化 {unchanged} 行，拒绝 {refused} 行。`,failedTitle:`导入已中断`,failedText:`已写入 {done} / {total} 行并保留。继续导入可写入其余各行。`,resume:`继续导入`,refusedRows:`被拒绝的行`,downloadRefused:`下载被拒绝的行`,downloadHint:`文件中带有原因列：修正后可再次导入。`,downloaded:`已保存为 {name}。`,fileInfo:`{kind} · {file}`,sheetInfo:`工作表 {sheet}`,encodingInfo:`编码 {encoding}`,started:`开始于 {when}`,finished:`完成于 {when}`,back:`返回数据页`,newImport:`导入其他文件`,notFound:`此导入不存在，或不属于你。`,exportTitle:`导出`,exportIntro:`下载你有权查看的全部数据，表头使用应用当前的语言。`,exportAs:`将{kind}下载为 {format}`,exporting:`正在准备{kind}…`,exportMissing:`服务器暂不支持导出{kind}。`,exportFailed:`{kind}导出失败：{message}`,exportDone:`已保存 {name}。`}),g={CUSTOMERS:{label:{en:`Customers`,zh:`客户`},about:{en:`Accounts, matched by credit code or name; a new account starts as a prospect.`,zh:`客户档案，按信用代码或名称匹配；新客户记为潜在客户。`}},CONTACTS:{label:{en:`Contacts`,zh:`联系人`},about:{en:`People at a customer, matched to the account by its name or credit code.`,zh:`客户方的联系人，按客户名称或信用代码关联到客户。`}},KEY_PERSONS:{label:{en:`Key persons`,zh:`关键人`},about:{en:`A contact’s role in decisions on one account.`,zh:`联系人在某客户决策中的角色评估。`}},PRODUCTS:{label:{en:`Products`,zh:`产品`},about:{en:`Our products, matched by product code.`,zh:`我方产品，按产品编号匹配。`}},PRICES:{label:{en:`Price history`,zh:`价格历史`},about:{en:`Past prices of a product, kept with their dates.`,zh:`产品的历史价格，保留原日期。`}},ORDERS:{label:{en:`Orders`,zh:`订单`},about:{en:`Past orders with lines and batches. Without a status an order comes in closed; one with an open status stays open and shows on Today when late.`,zh:`历史订单（含明细和批号）。没有状态的订单导入后为已关闭；状态为进行中的订单保持进行中，逾期时会出现在今日待办。`}},INTERACTIONS:{label:{en:`Interactions`,zh:`交流记录`},about:{en:`Past calls and visits: evidence for the stage, no tasks or Today items.`,zh:`历史电话和拜访：作为阶段依据，不产生任务或今日待办。`}}},_={CHECKING:{en:`Checking`,zh:`检查中`},CHECKED:{en:`Checked`,zh:`已检查`},COMMITTING:{en:`Writing`,zh:`写入中`},DONE:{en:`Done`,zh:`已完成`},FAILED:{en:`Stopped`,zh:`已中断`},CANCELLED:{en:`Cancelled`,zh:`已取消`}},v={CREATE:{en:`New`,zh:`新建`},UPDATE:{en:`Update`,zh:`更新`},UNCHANGED:{en:`Unchanged`,zh:`未变化`},DUPLICATE:{en:`Duplicate`,zh:`疑似重复`},ERROR:{en:`Error`,zh:`错误`}},y={customers:g.CUSTOMERS.label,contacts:g.CONTACTS.label,products:g.PRODUCTS.label,prices:g.PRICES.label,orders:g.ORDERS.label,interactions:g.INTERACTIONS.label,"key-persons":g.KEY_PERSONS.label},b=(t,n)=>t?t[e.get()]:n,x=e=>b(g[e]?.label,e),S=e=>b(g[e]?.about,``),C=e=>b(_[e],e),w=e=>b(v[e],e),T=e=>b(y[e],e),E=e=>e===`DONE`?`good`:e===`FAILED`?`bad`:e===`CHECKED`?`warn`:e===`CANCELLED`?void 0:`info`,D=e=>e===`CREATE`?`good`:e===`UPDATE`?`info`:e===`DUPLICATE`?`warn`:e===`ERROR`?`bad`:void 0;function O({error:e,prefix:i}){let a=n(e)?o(`onlineOnly`):e?.message??String(e);return t(`div`,{class:`error`,role:`alert`,children:[t(`p`,{children:i?i(a):a}),e instanceof r&&t(`p`,{class:`muted small`,children:h(`code`,{code:e.code})})]})}export{u as _,S as a,E as c,f as d,m as f,d as g,c as h,T as i,h as l,l as m,w as n,x as o,s as p,D as r,C as s,O as t,p as u};