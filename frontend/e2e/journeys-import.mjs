// Journeys of the Data area (import and export): /import and /import/:id.
//
//   cd frontend && npm run build && cd .. && go build -o /tmp/tandem-import ./server
//   TANDEM_BIN=/tmp/tandem-import node frontend/e2e/journeys.mjs import
//
// `import-start` runs against what exists without the importer's server side: the
// Settings link, the start form (axe, touch targets, the app's own file checks), the
// export buttons (all seven kinds; orders downloaded as a workbook with Chinese headers).
// `import-commit` is the whole import against the real importer (startImport …
// commitImport, refusedRowsURL).
import { inflateRawSync } from 'node:zlib';
import { ADMIN, assert, checkScreen, gql, heading, journey, login, REP, signInFast, until } from './lib.mjs';

// The XML text of a workbook's parts (an .xlsx is a zip): enough to read its cells'
// strings. Read through the zip's central directory (Go writes sizes only there).
function xlsxText(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert(end >= 0, 'the download is not a zip (not an .xlsx)');
  let at = buf.readUInt32LE(end + 16);
  let out = '';
  for (let i = buf.readUInt16LE(end + 10); i > 0; i--) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const [n, x, c] = [buf.readUInt16LE(at + 28), buf.readUInt16LE(at + 30), buf.readUInt16LE(at + 32)];
    const name = buf.toString('utf8', at + 46, at + 46 + n);
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    if (name.endsWith('.xml')) out += `\n<!-- ${name} -->` + (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + n + x + c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The Data area opens from Settings for an admin (not for a rep); the start form refuses a
// file that is not .xlsx/.csv before sending it; the customers export downloads in English.
journey('import-start', async ({ server, phone }) => {
  const rep = await login(server, REP);
  assert(rep.access?.imports === false, `a rep may import: ${JSON.stringify(rep.access)}`);
  const admin = await login(server, ADMIN);
  assert(admin.access?.imports === true, `the admin may not import: ${JSON.stringify(admin.access)}`);

  // A rep sees no link, and the screen itself turns them away.
  {
    const { page } = await phone({ locale: 'en-US' });
    await signInFast(page, server, { email: REP, path: '/settings' });
    await heading(page, 'Settings').waitFor();
    assert((await page.getByRole('link', { name: 'Data: import and export' }).count()) === 0, 'a rep sees the Data link');
    await page.goto('/import');
    await page.getByText('Importing and exporting data is for admins and managers.').waitFor();
  }

  const { page } = await phone({ locale: 'en-US' });
  await signInFast(page, server, { email: ADMIN, path: '/settings' });
  await page.getByRole('link', { name: 'Data: import and export' }).click();
  await page.waitForURL(/\/import$/);
  await heading(page, 'Data').waitFor();
  await page.getByRole('radio', { name: /^Customers/ }).waitFor();
  // Each kind lists the importer's own columns (importFields), the required ones marked.
  await page.getByText('Columns (* required): Product code*, Product name*, Category, Unit, Description, Stock on hand, Stock on order, Safety stock, Lead time (days)', { exact: true }).waitFor();
  await checkScreen(page, 'import-start-en');

  // No kind chosen, then a wrong file type: refused in the app, nothing sent.
  let sent = 0;
  page.on('request', (r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('StartImport') && sent++);
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await page.getByRole('alert').filter({ hasText: 'Choose what the file brings in.' }).waitFor();
  await page.getByRole('radio', { name: /^Customers/ }).check();
  await page.getByLabel('File (.xlsx or .csv)').setInputFiles({ name: 'book.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('x') });
  await page.getByRole('alert').filter({ hasText: '“book.xls” is not a .xlsx or .csv file.' }).waitFor();
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await page.getByRole('alert').filter({ hasText: 'is not a .xlsx or .csv file' }).waitFor();
  assert(sent === 0, `the app sent startImport ${sent} times for a refused file`);
  await checkScreen(page, 'import-start-refused-en');

  // Export: customers as CSV in the app's language, with the import's own headers.
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.getByRole('button', { name: 'Download Customers as csv' }).click(),
  ]);
  assert(/\.csv$/.test(dl.suggestedFilename()), `the export saved ${dl.suggestedFilename()}`);
  const exported = (await (await dl.createReadStream()).toArray()).join('');
  assert(/^\uFEFF?Customer name/.test(exported), `the export's header is not English: ${exported.slice(0, 80)}`);
  assert(exported.includes('宁波华塑新材料有限公司'), 'the export lacks the demo accounts');
  // Every kind that imports exports, as .xlsx and .csv.
  assert((await page.getByRole('button', { name: /^Download .* as (csv|xlsx)$/ }).count()) === 14, 'the app does not offer the seven exports');
  await checkScreen(page, 'import-export-en');

  // The same screen in Chinese: no English sentence left.
  await page.evaluate(() => localStorage.setItem('tandem.lang', 'zh'));
  await page.reload();
  await heading(page, '数据').waitFor();
  await page.getByRole('radio', { name: /^客户/ }).waitFor();
  await page.getByText('列（* 为必填）：产品编号*、产品名称*、类别、单位、描述、现有库存、在途库存、安全库存、补货周期（天）', { exact: true }).waitFor();
  assert((await page.getByText(/^列.*(阶段|联系周期|采购角色)/).count()) === 0, 'the Data screen lists a column the importer does not read');
  await page.getByRole('button', { name: '将客户下载为 xlsx' }).waitFor();
  await checkScreen(page, 'import-start-zh');

  // Orders as a workbook in Chinese: the order importer's headers, one row per line.
  const [book] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: '将订单下载为 xlsx' }).click(),
  ]);
  assert(book.suggestedFilename() === 'orders.xlsx', `the orders export saved ${book.suggestedFilename()}`);
  const xml = xlsxText(Buffer.concat(await (await book.createReadStream()).toArray()));
  for (const h of ['订单号', '客户名称', '下单日期', '产品', '数量', '批号', '生产日期'])
    assert(xml.includes(`>${h}<`), `the orders workbook lacks the header ${h}`);
  assert(!/>(Order no|Customer name|Batch)</.test(xml), 'the zh orders workbook has English headers');
  assert(/<row r="2"/.test(xml), 'the orders workbook has no order line (the demo has orders)');
  await page.getByRole('status').filter({ hasText: '已保存 orders.xlsx。' }).waitFor();
});

// ---------------------------------------------------------------------------------------
// The whole import as an admin: three customers (one a duplicate of a demo account by its
// short name, one with a bad date), the dry run's counts, commit, progress to DONE, the
// report, the refused rows downloaded; the same file again changes nothing.
// The headers are English ones the importer's guessing knows (domain/importer columns.go);
// the third row names an owner who is not a user, an error on its cell C4.
const csv = (shortName, stamp) =>
  [
    'Customer name,Industry,Owner',
    `E2E Import Resins ${stamp} Co. Ltd.,plastics,`,
    `${shortName},plastics,`,
    `E2E Bad Owner ${stamp} Co. Ltd.,coatings,nobody-${stamp}@nowhere.test`,
    '',
  ].join('\n');

async function counts(page) {
  const out = {};
  for (const [k, label] of [
    ['create', 'New'],
    ['update', 'Update'],
    ['unchanged', 'Unchanged'],
    ['duplicate', 'Duplicate'],
    ['error', 'Error'],
  ]) {
    const text = await page.getByRole('button', { name: new RegExp(`^${label} \\(\\d+\\)$`) }).textContent();
    out[k] = Number(/\((\d+)\)/.exec(text)[1]);
  }
  return out;
}

async function upload(page, body) {
  await page.goto('/import');
  await page.getByRole('radio', { name: /^Customers/ }).check();
  await page.getByLabel('File (.xlsx or .csv)').setInputFiles({ name: 'customers-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(body, 'utf8') });
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await page.waitForURL(/\/import\/[^/]+$/, { timeout: 30_000 });
  await page.getByRole('heading', { name: 'What a commit would do' }).waitFor({ timeout: 60_000 });
}

journey(
  'import-commit',
  async ({ server, phone }) => {
    const tok = (await login(server, ADMIN)).accessToken;
    // 华塑 is how people write 宁波华塑新材料有限公司 (a demo account): the app's SHORT_NAME rule.
    const d = await gql(server, `{ customers(first: 100) { edges { node { id name } } } }`, {}, tok);
    const demo = d.customers.edges.map((e) => e.node).find((c) => c.name.startsWith('宁波华塑'));
    assert(demo, 'no demo account 宁波华塑…');
    const stamp = Date.now().toString(36);
    const body = csv('华塑', stamp);

    const { page } = await phone({ locale: 'en-US', acceptDownloads: true });
    await signInFast(page, server, { email: ADMIN, path: '/import' });
    await upload(page, body);
    const dry = await counts(page);
    assert(dry.create === 1 && dry.duplicate === 1 && dry.error === 1, `dry run counts ${JSON.stringify(dry)}`);
    await page.getByRole('link', { name: demo.name }).waitFor(); // the duplicate links to the account
    await page.getByRole('button', { name: /^Error \(1\)$/ }).click();
    await page.locator('.import-row-reason').filter({ hasText: 'C4 Owner: no such user' }).waitFor(); // the unknown owner's cell and column are named
    assert((await page.getByText(/name:|credit:/).count()) === 0, 'an internal match key is shown');
    await checkScreen(page, 'import-dryrun-en');

    await page.getByRole('button', { name: 'Import 1 rows' }).click();
    await page.getByText(/^1 rows will be written/).waitFor();
    await page.getByRole('button', { name: 'Yes, write them' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    await page.getByText('1 created, 0 updated, 0 unchanged, 2 refused.').waitFor();
    await checkScreen(page, 'import-done-en');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download refused rows' }).click()]);
    const refusedText = (await (await dl.createReadStream()).toArray()).join('');
    assert(refusedText.includes(`Bad Owner ${stamp}`) && refusedText.includes('华塑'), 'the refused rows file lacks the refused rows');
    assert(!refusedText.includes(`Import Resins ${stamp}`), 'the refused rows file has the written row');

    // The same file again: nothing new.
    await upload(page, body);
    await until(async () => {
      const c = await counts(page);
      return c.create === 0 && c.update === 0 && c.unchanged === 1 && c.duplicate + c.error === 2;
    }, { message: 'the re-import to be all unchanged or refused' });
    await page.getByText('Nothing to write: every row is unchanged or refused.').waitFor();
  },
);

// ---------------------------------------------------------------------------------------
// The job screens against a stand-in importer in the page (the contract's shapes, served
// by page.route), so the mapping, dry run, progress, commit, report and download are
// exercised before the real importer lands: the flag for an unmapped required field,
// "Check again" sending the mapping, the progress bar moving while polled, the confirmed
// commit, the report and the refused rows saved with the session's token.
function fakeImporter({ bulk = 0 } = {}) {
  const now = new Date().toISOString();
  const job = {
    id: 'imp-e2e',
    kind: 'CUSTOMERS',
    fileName: 'customers-e2e.csv',
    sheet: null,
    encoding: 'UTF-8',
    state: 'CHECKING',
    columns: [
      { index: 0, header: 'Customer name', field: 'name', samples: ['E2E Resins Co. Ltd.', '华塑', 'E2E Bad Date Co. Ltd.'] },
      { index: 1, header: 'Rep', field: null, samples: ['rep1@demo.tandem'] },
      { index: 2, header: 'First contact', field: 'firstContact', samples: ['2019-03-01', '2018-01-01', '31/31/2020'] },
    ],
    fields: [
      { key: 'name', label: 'Customer name', required: true },
      { key: 'owner', label: 'Owner rep', required: true },
      { key: 'firstContact', label: 'First contact', required: false },
    ],
    totalRows: 3,
    doneRows: 0,
    creates: 0,
    updates: 0,
    unchanged: 0,
    duplicates: 0,
    errors: 0,
    refusedRowsURL: null,
    error: null,
    createdBy: { id: 'u1', name: 'Demo Admin' },
    createdAt: now,
    finishedAt: null,
  };
  const rows = [
    { row: 2, action: 'CREATE', key: 'E2E Resins Co. Ltd.', matchID: null, matchName: null, message: null, cell: null },
    { row: 3, action: 'DUPLICATE', key: '华塑', matchID: 'cus-demo', matchName: '宁波华塑新材料有限公司', message: 'Looks like 宁波华塑新材料有限公司', cell: 'A3' },
    { row: 4, action: 'ERROR', key: 'E2E Bad Date Co. Ltd.', matchID: null, matchName: null, message: 'Not a date: 31/31/2020', cell: 'C4' },
  ];
  // bulk: that many more new rows, the job already checked (for the pages of rows).
  for (let i = 0; i < bulk; i++) rows.push({ row: 5 + i, action: 'CREATE', key: `Bulk ${i + 1} Co. Ltd.`, matchID: null, matchName: null, message: null, cell: null });
  rows.sort((a, b) => a.row - b.row);
  if (bulk) Object.assign(job, { state: 'CHECKED', doneRows: 3 + bulk, totalRows: 3 + bulk, creates: 1 + bulk, duplicates: 1, errors: 1 });
  const seen = { mapping: null, commits: 0, refusedAuth: null, hold: false, offsets: [] };
  // Each poll moves the work on by one row.
  const step = () => {
    if (job.state !== 'CHECKING' && job.state !== 'COMMITTING') return;
    job.doneRows++;
    if (job.doneRows < job.totalRows) return;
    if (job.state === 'CHECKING') Object.assign(job, { state: 'CHECKED', creates: 1, duplicates: 1, errors: 1 });
    else Object.assign(job, { state: 'DONE', error: null, refusedRowsURL: '/imports/imp-e2e/refused.csv', finishedAt: new Date().toISOString() });
  };
  // The first commit stops part-way (the database went away); a resume goes on from there.
  const commitStep = () => {
    if (seen.hold) return; // the test holds the work still
    if (job.state === 'COMMITTING' && seen.commits === 1 && job.doneRows === 1) {
      Object.assign(job, { state: 'FAILED', error: 'The database connection was lost.' });
      return;
    }
    step();
  };
  const answer = (op, vars) => {
    switch (op) {
      case 'StartImport':
        return { startImport: { id: job.id, state: job.state } };
      case 'ImportJob':
        commitStep();
        return { importJob: vars.id === job.id ? { ...job } : null };
      case 'ImportJobs':
        return { importJobs: [{ ...job }] };
      case 'ImportRows': {
        seen.offsets.push(vars.offset ?? 0);
        const list = rows.filter((r) => !vars.action || r.action === vars.action).slice(vars.offset ?? 0, (vars.offset ?? 0) + (vars.limit ?? 100));
        return { importJob: { id: job.id, rows: job.state === 'CHECKING' ? [] : list } };
      }
      case 'MapImport':
        seen.mapping = vars.mapping;
        for (const m of vars.mapping) job.columns.find((c) => c.index === m.column).field = m.field;
        Object.assign(job, { state: 'CHECKING', doneRows: 0 });
        return { mapImport: { id: job.id, state: job.state } };
      case 'CommitImport':
        seen.commits++;
        Object.assign(job, { state: 'COMMITTING', doneRows: job.state === 'FAILED' ? job.doneRows : 0 });
        return { commitImport: { id: job.id, state: job.state, doneRows: 0, totalRows: job.totalRows } };
    }
    return null;
  };
  async function install(page) {
    await page.route('**/graphql', async (route) => {
      const req = route.request();
      const raw = req.postDataBuffer()?.toString('utf8') ?? '';
      const op = /(?:query|mutation)\s+(\w+)/.exec(raw)?.[1];
      let vars = {};
      if (req.headers()['content-type']?.includes('application/json')) vars = JSON.parse(raw).variables ?? {};
      const data = op && /Import/.test(op) ? answer(op, vars) : null;
      if (!data) return route.continue();
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data }) });
    });
    await page.route('**/imports/imp-e2e/refused.csv', async (route) => {
      seen.refusedAuth = route.request().headers()['authorization'] ?? null;
      await route.fulfill({
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename="customers-e2e-refused.csv"` },
        body: 'Customer name,Rep,First contact,Reason\n华塑,,2018-01-01,Looks like 宁波华塑新材料有限公司\n',
      });
    });
  }
  return { job, seen, install };
}

journey('import-screens', async ({ server, phone }) => {
  const fake = fakeImporter();
  // No service worker: page.route does not see the GETs a worker makes (the refused rows).
  const { page } = await phone({ locale: 'en-US', acceptDownloads: true, serviceWorkers: 'block' });
  await fake.install(page);
  await signInFast(page, server, { email: ADMIN, path: '/import' });
  await page.getByRole('radio', { name: /^Customers/ }).check();
  await page.getByLabel('File (.xlsx or .csv)').setInputFiles({ name: 'customers-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from('Customer name\nx\n') });
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await page.waitForURL(/\/import\/imp-e2e$/);

  // Checking: a progress bar that moves, then the dry run.
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await bar.waitFor();
  await until(async () => Number(await bar.getAttribute('aria-valuenow').catch(() => '100')) > 0, { message: 'the progress bar to move' });
  await page.getByRole('heading', { name: 'What a commit would do' }).waitFor({ timeout: 20_000 });
  for (const chip of ['All (3)', 'New (1)', 'Duplicate (1)', 'Error (1)', 'Unchanged (0)']) await page.getByRole('button', { name: chip }).waitFor();
  await page.getByRole('link', { name: '宁波华塑新材料有限公司' }).waitFor();

  // The required "Owner rep" is flagged until a column goes to it; Check again sends it.
  await page.getByRole('status').filter({ hasText: 'Required and not mapped: Owner rep' }).waitFor();
  await checkScreen(page, 'import-checked-en');
  await page.getByRole('combobox', { name: 'Field for column “Rep”' }).selectOption('owner');
  await until(async () => (await page.getByText('Required and not mapped').count()) === 0, { message: 'the flag to go' });
  await page.getByRole('button', { name: 'Check again' }).click();
  await until(async () => fake.seen.mapping !== null, { message: 'mapImport to be sent' });
  await until(async () => fake.job.state === 'CHECKED', { message: 'the check to end' });
  await page.getByRole('heading', { name: 'What a commit would do' }).waitFor({ timeout: 20_000 });
  const sentMapping = JSON.stringify(fake.seen.mapping);
  assert(sentMapping === JSON.stringify([{ column: 0, field: 'name' }, { column: 1, field: 'owner' }, { column: 2, field: 'firstContact' }]), `mapImport got ${sentMapping}`);

  // Filter to the errors: the bad date's cell.
  await page.getByRole('button', { name: 'Error (1)' }).click();
  await page.locator('.import-row-reason').filter({ hasText: 'C4 Not a date' }).waitFor();
  // C4 is on the unfiltered page too: wait for the filtered rows, not just the cell.
  await until(async () => (await page.locator('.import-row[data-action="CREATE"]').count()) === 0, {
    message: 'the Error filter to hide the created row',
  });

  // Commit asks first; "not yet" writes nothing.
  await page.getByRole('button', { name: 'Import 1 rows' }).click();
  await page.getByText('1 rows will be written (1 new, 0 updated). 2 rows are skipped. Go on?').waitFor();
  await page.getByRole('button', { name: 'Not yet' }).click();
  assert(fake.seen.commits === 0, 'the commit was sent without confirmation');
  await page.getByRole('button', { name: 'Import 1 rows' }).click();
  fake.seen.hold = true;
  await page.getByRole('button', { name: 'Yes, write them' }).click();
  await page.getByText('Writing rows…').waitFor();

  // Leave while it writes and come back: the progress is shown again and goes on.
  await page.getByRole('link', { name: 'Back' }).click();
  await page.getByRole('link', { name: /customers-e2e\.csv.*Writing/ }).click();
  await bar.waitFor();
  fake.seen.hold = false;
  await until(async () => Number((await bar.getAttribute('aria-valuenow').catch(() => null)) ?? 100) > 0, { message: 'the progress to go on' });

  // It stops part-way: the error, what was kept, and Resume.
  await page.getByRole('heading', { name: 'The import stopped' }).waitFor({ timeout: 20_000 });
  await page.getByRole('alert').filter({ hasText: 'The database connection was lost.' }).waitFor();
  await page.getByText('1 of 3 rows were written and are kept. Resume to write the rest.').waitFor();
  await checkScreen(page, 'import-failed-en');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 20_000 });
  assert(fake.seen.commits === 2, `commitImport sent ${fake.seen.commits} times, want 2 (commit, resume)`);
  await page.getByText('1 created, 0 updated, 0 unchanged, 2 refused.').waitFor();
  await checkScreen(page, 'import-done-en');

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download refused rows' }).click()]);
  assert(dl.suggestedFilename() === 'customers-e2e-refused.csv', `saved as ${dl.suggestedFilename()}`);
  assert(/^Bearer .+/.test(fake.seen.refusedAuth ?? ''), 'the refused rows were fetched without the bearer token');
  await page.getByRole('status').filter({ hasText: 'Saved as customers-e2e-refused.csv.' }).waitFor();

  // The list shows it done.
  await page.getByRole('link', { name: 'Import another file' }).click();
  await page.getByRole('link', { name: /customers-e2e\.csv.*Done/ }).waitFor();

  // The report in Chinese.
  await page.evaluate(() => localStorage.setItem('tandem.lang', 'zh'));
  await page.goto('/import/imp-e2e');
  await page.getByRole('heading', { name: '导入完成' }).waitFor();
  await page.getByText('新建 1 行，更新 0 行，未变化 0 行，拒绝 2 行。').waitFor();
  await page.getByRole('button', { name: '错误（1）' }).waitFor();
  await checkScreen(page, 'import-done-zh');
});

// ---------------------------------------------------------------------------------------
// 153 rows: 100 a page, Next asks for offset 100, a filter starts again on page 1.
journey('import-pages', async ({ server, phone }) => {
  const fake = fakeImporter({ bulk: 150 });
  const { page } = await phone({ locale: 'en-US', serviceWorkers: 'block' });
  await fake.install(page);
  await signInFast(page, server, { email: ADMIN, path: '/import/imp-e2e' });
  await page.getByRole('button', { name: 'All (153)' }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Pages of rows' });
  await nav.getByText('Page 1 of 2').waitFor();
  await page.getByText('Row 101', { exact: true }).waitFor(); // the 100th
  assert((await page.locator('.import-rows > li').count()) === 100, 'page 1 does not show 100 rows');
  await nav.getByRole('button', { name: 'Next page' }).click();
  await nav.getByText('Page 2 of 2').waitFor();
  await page.getByText('Row 102', { exact: true }).waitFor();
  assert((await page.locator('.import-rows > li').count()) === 53, 'page 2 does not show the other 53 rows');
  assert(fake.seen.offsets.includes(100), `offsets asked: ${fake.seen.offsets}`);
  assert(await nav.getByRole('button', { name: 'Next page' }).isDisabled(), 'Next is enabled on the last page');
  await checkScreen(page, 'import-page2-en');
  await page.getByRole('button', { name: 'Error (1)' }).click();
  await page.locator('.import-row-reason').filter({ hasText: 'C4 Not a date' }).waitFor();
  assert((await nav.count()) === 0, 'one page of errors still shows page buttons');
  assert(fake.seen.offsets.at(-1) === 0, `the filter asked for offset ${fake.seen.offsets.at(-1)}, not 0`);
});

// ---------------------------------------------------------------------------------------
// In Chinese: a product sheet whose code column nothing maps (货号) is not "nothing to
// write" but says which required column is missing and to fix the mapping; a sheet
// headed 产品编码 maps by itself and can be imported.
journey('import-unmapped-zh', async ({ server, phone }) => {
  const { page } = await phone({ locale: 'zh-CN' });
  await signInFast(page, server, { email: ADMIN, path: '/import' });
  await page.evaluate(() => localStorage.setItem('tandem.lang', 'zh'));
  const stamp = Date.now().toString(36);
  const send = async (body) => {
    await page.goto('/import');
    await page.getByRole('radio', { name: /^产品/ }).check();
    await page.getByLabel('文件（.xlsx 或 .csv）').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(body, 'utf8') });
    await page.getByRole('button', { name: '上传并检查' }).click();
    await page.waitForURL(/\/import\/[^/]+$/, { timeout: 30_000 });
    await page.getByRole('heading', { name: '提交后将执行的操作' }).waitFor({ timeout: 60_000 });
  };
  await send(`货号,名称\nE2E-${stamp},E2E 产品\n`);
  await page.getByRole('status').filter({ hasText: '暂时无法写入：缺少必填列“产品编号”。请在上方“列”中为该列选择字段' }).waitFor();
  assert((await page.getByText('没有需要写入的行').count()) === 0, 'an unmapped column is told as "nothing to write"');
  await checkScreen(page, 'import-unmapped-zh');
  await send(`产品编码,名称,单位\nE2E-${stamp},E2E 产品,kg\n`);
  await page.getByRole('button', { name: '导入 1 行' }).waitFor();
  assert((await page.getByText('必填但未匹配').count()) === 0, '产品编码 is not recognised as the product code');
});
