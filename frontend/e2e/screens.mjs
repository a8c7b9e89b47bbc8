// Issue 13: "The phone's answers stay small: every screen's query ≤ 30 kB for a rep with
// 2,000 accounts." Opens every screen a rep uses, in Chromium at phone size, signed in as
// rep1 on a big book (about 2,000 accounts of their own, 4,000 readable), and records the
// answer of every POST /graphql while the screen loads. Fails when one answer is larger
// than 30,000 bytes, when a screen does not load (an error box, or its content never
// shows), or when a screen fires none of the queries it is known to load with.
//
//   go run ./server/bench -accounts 6000 -book-only          (the book: /tmp/tandem-bench/sqlite-6000)
//   TANDEM_BIN=/tmp/tandem TANDEM_BOOK=/tmp/tandem-bench/sqlite-6000 node frontend/e2e/screens.mjs
//
// Environment:
//   TANDEM_BIN      the server binary; started on a copy of TANDEM_BOOK (the book is untouched).
//   TANDEM_BOOK     the data dir holding the book (required with TANDEM_BIN).
//   TANDEM_URL      use this running server (holding such a book) instead of starting one.
//   SCREENS_REPORT  also write the table as markdown to this path.
//   CHROMIUM        the browser (default /usr/bin/chromium).
//
// A screen is reached as a rep reaches it: a tap on its link from the screen before when
// that link is there (the table says "tap"), else by its address ("URL"). Its answers are
// the responses of every GraphQL request started from the tap until its content shows and
// the network is quiet. Sizes are the uncompressed JSON bodies.
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gql, launchBrowser, login, phoneContext, REP, SCREENSHOTS, shot, signInUI, startServer, until } from './lib.mjs';

/** The largest answer a screen may get (bytes of uncompressed JSON). */
const LIMIT = 30_000;
const MANAGER = 'manager@demo.tandem';
/** What a rep types in the account search, tried in turn: the first that fills a page (25
 * accounts) is typed — a place name of the book's account names first, then the names of
 * the products (a search also finds the accounts that sampled a product). */
const SEARCHES = ['上海'];
const PAGE = 25;
/** How long the network must stay quiet (no GraphQL request in flight) for a screen to be settled. */
const QUIET_MS = 600;
const TIMEOUT = 30_000;

// ---------------------------------------------------------------- the worst-case records

/** All nodes of a connection, `first` at a time. `field` is the connection's name in `query`. */
async function all(server, tok, query, field, variables = {}) {
  const out = [];
  let after = null;
  do {
    const d = (await gql(server, query, { ...variables, after }, tok))[field];
    out.push(...d.edges.map((e) => e.node));
    after = d.pageInfo.hasNextPage ? d.pageInfo.endCursor : null;
  } while (after);
  return out;
}

const count = (n, ...keys) => keys.reduce((s, k) => s + (n[k]?.totalCount ?? n[k]?.length ?? 0), 0);
const busiest = (list, score) => [...list].sort((a, b) => score(b) - score(a))[0];

/** Picks, as rep1 reads them, the busiest account among the first 100 by name, and the
 * busiest sample, order and problem of those 100 accounts; the busiest quotation and
 * project; a change notice to acknowledge; and the spot with the most accounts around. */
async function pickRecords(server) {
  const tok = (await login(server, REP)).accessToken;
  const { customers } = await gql(
    server,
    `{ customers(first: 100, where: { archived: false }, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node {
        id name interactions(first: 1) { totalCount } contacts(first: 1) { totalCount } samples(first: 1) { totalCount }
        orders(first: 1) { totalCount } issues(first: 1) { totalCount } keyPersons(first: 1) { totalCount } } } } }`,
    {},
    tok,
  );
  const first100 = customers.edges.map((e) => e.node);
  const account = busiest(first100, (c) => c.interactions.totalCount * 1000 + count(c, 'contacts', 'samples', 'orders', 'issues', 'keyPersons'));
  const ids = first100.map((c) => c.id);
  const page = (conn, fields) =>
    `query($ids: [ID!], $after: Cursor) { ${conn}(first: 100, after: $after, where: { customerIDIn: $ids }) { pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`;
  const samples = await all(server, tok, page('samples', 'id customer { id } product { name } trials(first: 1) { totalCount } events(first: 1) { totalCount }'), 'samples', { ids });
  const orders = await all(server, tok, page('orders', 'id number customer { id } lines(first: 1) { totalCount } events(first: 1) { totalCount } shipments(first: 1) { totalCount }'), 'orders', { ids });
  const issues = await all(server, tok, page('issues', 'id title customer { id } attachments(first: 1) { totalCount } events(first: 1) { totalCount }'), 'issues', { ids });
  const { quotations, projects, changeNoticeAcks, located, products } = await gql(
    server,
    `{ quotations(first: 100) { edges { node { id number status customer { id } lines { id } } } }
       products(first: 20) { edges { node { name } } }
       projects(first: 100) { edges { node { id title customer { id } members { user { id } } milestones { id } } } }
       changeNoticeAcks(first: 1) { edges { node { id } } }
       located: customers(first: 100, where: { latitudeNotNil: true }) { edges { node { latitude longitude } } } }`,
    {},
    tok,
  );
  const nodes = (c) => c.edges.map((e) => e.node);
  const drafts = nodes(quotations).filter((q) => q.status === 'DRAFT');
  return {
    search: await searchTerm(server, tok, [...SEARCHES, ...nodes(products).map((p) => p.name.split(' ')[0])]),
    account,
    sample: busiest(samples, (s) => count(s, 'trials', 'events')),
    order: busiest(orders, (o) => o.lines.totalCount * 1000 + count(o, 'events', 'shipments')),
    problem: busiest(issues, (i) => count(i, 'attachments', 'events')),
    quotation: busiest(nodes(quotations), (q) => q.lines?.length ?? 0),
    draft: busiest(drafts, (q) => q.lines?.length ?? 0), // the one a rep can edit
    project: busiest(nodes(projects), (p) => count(p, 'members', 'milestones')),
    ack: nodes(changeNoticeAcks)[0],
    place: densest(nodes(located)),
    readable: customers.totalCount,
  };
}

/** The first of `words` whose account search fills a page, else the one finding the most: { text, found }. */
async function searchTerm(server, tok, words) {
  const q = `query($s: String!) { customers(first: 1, where: { archived: false, and: [{ search: $s }] }) { totalCount } }`;
  let best = { text: words[0], found: -1 };
  for (const text of words) {
    const found = (await gql(server, q, { s: text }, tok)).customers.totalCount;
    if (found > best.found) best = { text, found };
    if (found >= PAGE) break;
  }
  return best;
}

/** The located account with the most others within 50 km (Nearby's radius). */
function densest(places) {
  const km = (a, b) => {
    const r = (d) => (d * Math.PI) / 180;
    const h = Math.sin(r(b.latitude - a.latitude) / 2) ** 2 + Math.cos(r(a.latitude)) * Math.cos(r(b.latitude)) * Math.sin(r(b.longitude - a.longitude) / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  };
  const p = busiest(places, (a) => places.filter((b) => km(a, b) <= 50).length);
  return p && { latitude: p.latitude, longitude: p.longitude, accuracy: 20 };
}

// ---------------------------------------------------------------- recording the answers

/** The operation's name: the request's operationName, else the first word after query/mutation. */
function operationOf(text) {
  try {
    const j = JSON.parse(text);
    return { op: j.operationName || /\b(?:query|mutation|subscription)\s+(\w+)/.exec(j.query ?? '')?.[1] || 'anonymous', variables: j.variables ?? {} };
  } catch {
    return { op: /\b(?:query|mutation)\s+(\w+)/.exec(text ?? '')?.[1] || 'multipart', variables: {} }; // an upload
  }
}

/**
 * Watches a page's POST /graphql. start() begins a screen: every request started from then
 * on is one of its entries { op, variables, bytes, errors }; stop() ends it and returns them.
 * quiet(ms): no request has been in flight for ms (an entry's bytes are read before it
 * counts as finished).
 */
function graphqlRecorder(page) {
  const entries = new WeakMap();
  let current = null;
  let inFlight = 0;
  let changed = Date.now();
  const isGraphQL = (req) => req.method() === 'POST' && new URL(req.url()).pathname === '/graphql';
  page.on('request', (req) => {
    if (!isGraphQL(req)) return;
    inFlight++;
    changed = Date.now();
    const e = { ...operationOf(req.postData()), bytes: null, errors: [] };
    entries.set(req, e);
    current?.push(e);
  });
  const finish = async (req, failed) => {
    const e = entries.get(req);
    if (!e) return;
    try {
      if (failed) e.failed = req.failure()?.errorText ?? 'failed';
      else {
        const body = await (await req.response()).body();
        e.bytes = body.length;
        e.errors = (JSON.parse(body.toString('utf8')).errors ?? []).map((x) => x.extensions?.code ?? x.message);
      }
    } catch (err) {
      e.failed = err.message;
    } finally {
      inFlight--;
      changed = Date.now();
    }
  };
  page.on('requestfinished', (req) => void finish(req, false));
  page.on('requestfailed', (req) => void finish(req, true));
  return {
    start: () => ((current = []), (changed = Date.now())),
    stop: () => [current, (current = null)][0],
    entries: () => current ?? [],
    touch: () => (changed = Date.now()),
    quiet: (ms) => inFlight === 0 && Date.now() - changed >= ms,
  };
}

/** Waits until the screen is settled: nothing says "Loading…" and no GraphQL request has
 * been in flight for QUIET_MS. */
async function settle(page, rec) {
  await until(async () => rec.quiet(QUIET_MS) && (await page.locator('.loading').count()) === 0, {
    timeout: TIMEOUT,
    interval: 100,
    message: 'the screen to settle (no "Loading…", no GraphQL request in flight)',
  });
}

const ERROR_BOX = '.error[role=alert]';

/** Fails when the screen shows an error box. */
async function noErrorBox(page) {
  const box = page.locator(ERROR_BOX);
  if (await box.count()) throw new Error(`the screen shows an error: ${(await box.first().innerText()).replace(/\s+/g, ' ').trim()}`);
}

// ---------------------------------------------------------------- the screens, as data
//
// A screen: name; path (its address; the link tapped to it is a[href=path], or `link`);
// from (the page that link is on, opened first when the current page lacks it); act (what
// the rep does instead of a tap, e.g. type; `how` names it in the table); before (untimed
// preparation); ready (its real content: a locator, or a function that waits for it); ops
// (the queries it loads with: each must be among its requests; [] for none).

const h1 = (page, text) => page.locator('h1').filter({ hasText: text });
/** Waits until an answer of `op` (whose variables contain `text`, if given) has come back. */
const answered = (rec, op, text) => () =>
  until(() => rec.entries().some((e) => e.op === op && e.bytes !== null && (!text || JSON.stringify(e.variables).includes(text))), {
    timeout: TIMEOUT,
    message: `the ${op} answer`,
  });

function repScreens(r) {
  const A = `/customers/${r.account.id}`;
  const name = r.account.name;
  const onAccount = (tail, label, ops, extra = {}) => ({
    name: `Account · ${label}`,
    path: A + tail,
    from: A,
    ready: (page) => h1(page, name),
    ops,
    ...extra,
  });
  return [
    {
      name: 'Today (sign-in)',
      act: (page) => signInUI(page, REP),
      ready: (page) => page.getByText(/^Hello, /),
      ops: ['Login', 'Today'],
    },
    {
      name: 'Today · show more',
      act: (page) => showMoreOfBiggestKind(page),
      ready: (page, rec) => answered(rec, 'TodayKind'),
      ops: ['TodayKind'],
    },
    { name: 'Accounts', path: '/accounts', from: '/', ready: (page) => page.locator('main a.row[href^="/customers/"]'), ops: ['Accounts'] },
    {
      name: `Accounts · search "${r.search.text}"`,
      act: (page) => page.getByRole('searchbox', { name: 'Search accounts' }).fill(r.search.text),
      how: 'type',
      ready: (page, rec) => answered(rec, 'Accounts', r.search.text),
      ops: ['Accounts'],
    },
    { name: 'Nearby', path: '/accounts/nearby', from: '/accounts', ready: (page) => page.locator('li.nearby-row'), ops: ['Nearby'] },
    {
      name: 'Account',
      path: A,
      before: (page) => findAccount(page, name, A),
      ready: (page) => page.locator('#talks-h'),
      ops: ['Account', 'AccountContacts', 'AccountField', 'AccountQuotations', 'AccountCredit', 'AccountProjects'],
    },
    onAccount('/timeline', 'timeline', ['AccountTimeline']),
    onAccount('/samples', 'samples', ['SampleList']),
    onAccount('/orders', 'orders', ['OrderList']),
    onAccount('/problems', 'problems', ['ProblemList']),
    onAccount('/documents', 'documents', ['AccountDocuments']),
    onAccount('/profile', 'profile', ['AccountProfile']),
    onAccount('/report', 'report', ['CustomerReport'], { ready: (page) => page.locator('section.rp-summary') }),
    onAccount('/visit', 'visit', ['VisitPrep']),
    onAccount('/plan', 'plan a visit', ['VisitPrep']),
    onAccount('/contacts/new', 'new contact', ['ContactNewAccount']),
    onAccount('/contacts/:id/edit', 'edit contact', ['ContactNewAccount', 'ContactToEdit'], { link: `a[href^="${A}/contacts/"][href$="/edit"]` }),
    onAccount('/keypersons/new', 'new key person', ['KeyPersonAccount']),
    onAccount('/keypersons/:id', 'edit key person', ['KeyPersonAccount', 'KeyPersonToEdit'], { link: `a[href^="${A}/keypersons/"]:not([href*="/new"])` }),
    onAccount('/needs/new', 'new need', ['NeedAccount']),
    onAccount('/competitors/new', 'new competitor', ['CompetitorAccount']),
    onAccount('/competitors/:id', 'edit competitor', ['CompetitorAccount', 'CompetitorToEdit'], { link: `a[href^="${A}/competitors/"]:not([href$="/new"])` }),
    onAccount('/pitches/new', 'new pitch', ['PitchAccount']),
    onAccount('/pitches/:id', 'edit pitch', ['PitchAccount', 'PitchToEdit'], { link: `a[href^="${A}/pitches/"]:not([href$="/new"])` }),
    onAccount('/samples/new', 'new sample', ['SampleList']),
    onAccount('/orders/new', 'new order', ['OrderNewAccount']),
    onAccount('/problems/new', 'new problem', ['ProblemNewData'], { ready: (page) => page.locator('main').getByText(name) }),
    onAccount('/quotations/new', 'new quotation', ['QuotationFormAccount']),
    onAccount('/projects/new', 'new project', ['ProjectFormData']),
    onAccount('/credit', 'credit terms', ['AccountCredit']),
    {
      name: 'Sample',
      path: `/samples/${r.sample.id}`,
      from: `/customers/${r.sample.customer.id}/samples`,
      ready: (page) => h1(page, r.sample.product.name),
      ops: ['SampleDetail'],
    },
    {
      name: 'Order',
      path: `/orders/${r.order.id}`,
      from: `/customers/${r.order.customer.id}/orders`,
      ready: (page) => h1(page, r.order.number),
      ops: ['OrderDetail'],
    },
    {
      name: 'Problem',
      path: `/problems/${r.problem.id}`,
      from: `/customers/${r.problem.customer.id}/problems`,
      ready: (page) => h1(page, r.problem.title),
      ops: ['ProblemDetail'],
    },
    ...(r.quotation
      ? [
          { name: 'Quotation', path: `/quotations/${r.quotation.id}`, from: `/customers/${r.quotation.customer.id}`, ready: (page) => h1(page, r.quotation.number), ops: ['QuotationDetail'] },
          {
            name: 'Quotation · print',
            path: `/quotations/${r.quotation.id}/print`,
            from: `/quotations/${r.quotation.id}`,
            ready: (page) => page.locator('main.qt-print').filter({ hasText: r.quotation.number }),
            ops: ['QuotationDetail'],
          },
        ]
      : []),
    ...(r.draft
      ? [{ name: 'Quotation · edit (draft)', path: `/quotations/${r.draft.id}/edit`, from: `/quotations/${r.draft.id}`, ready: (page) => page.locator('main form'), ops: ['QuotationToEdit'] }]
      : []),
    ...(r.project
      ? [
          { name: 'Project', path: `/projects/${r.project.id}`, from: `/customers/${r.project.customer.id}`, ready: (page) => h1(page, r.project.title), ops: ['ProjectDetail'] },
          { name: 'Project · edit', path: `/projects/${r.project.id}/edit`, from: `/projects/${r.project.id}`, ready: (page) => page.locator('main form'), ops: ['ProjectToEdit'] },
        ]
      : []),
    ...(r.ack ? [{ name: 'Change notice (from a reminder)', path: `/acks/${r.ack.id}`, ready: (page) => page.locator('main .card h2'), ops: ['Ack'] }] : []),
    { name: 'New account', path: '/accounts/new', from: '/accounts', ready: (page) => h1(page, 'New account'), ops: [] },
    { name: 'Settings', path: '/settings', from: '/', ready: (page) => h1(page, 'Settings'), ops: ['ReminderSettings'] },
  ];
}

function managerScreens(m) {
  return [
    { name: 'Today (manager sign-in)', act: (page) => signInUI(page, MANAGER), ready: (page) => page.getByText(/^Hello, /), ops: ['Login', 'Today'] },
    { name: 'Team', path: '/team', from: '/', ready: (page) => page.locator('li[data-user]'), ops: ['Team'] },
    {
      name: `Team · ${m.member.name}'s Today`,
      path: `/team/${m.member.id}`,
      from: '/team',
      link: `li[data-user="${m.member.id}"] a[href^="/team/"]`,
      ready: (page) => page.locator('li.today-row'),
      ops: ['TheirToday'],
    },
  ];
}

/** The manager's team member with the most on their Today. */
async function pickMember(server) {
  const { team } = await gql(server, '{ team { user { id name } total } }', {}, (await login(server, MANAGER)).accessToken);
  return { member: busiest(team, (t) => t.total).user };
}

// ---------------------------------------------------------------- what a rep does

/** Taps "show more" of the kind with the most items on Today. */
async function showMoreOfBiggestKind(page) {
  const kinds = await page.locator('[data-more]').evaluateAll((els) =>
    els.filter((el) => el.querySelector('button')).map((el) => ({ kind: el.dataset.more, n: parseInt(el.querySelector('.count')?.textContent ?? '0', 10) })),
  );
  if (!kinds.length) throw new Error('Today offers no "show more"');
  const { kind } = kinds.sort((a, b) => b.n - a.n)[0];
  await page.locator(`[data-more="${kind}"] button`).first().click();
}

/** On the account list, types the account's name and waits for its row (untimed). */
async function findAccount(page, name, href) {
  if (new URL(page.url()).pathname !== '/accounts') await page.goto('/accounts');
  await page.getByRole('searchbox', { name: 'Search accounts' }).fill(name);
  await page.locator(`main a.row[href="${href}"]`).first().waitFor({ timeout: TIMEOUT });
}

/** Opens `path` the way a rep would: a tap on its link when the current page (or, opened
 * first, `from`) has one; else its address. Untimed: opening `from`. Returns "tap" or "URL". */
async function prepare(page, rec, s) {
  if (s.act) return 'act';
  const link = () => page.locator(s.link ?? `a[href="${s.path}"]`).first();
  if (!(await link().count()) && s.from) {
    rec.touch();
    await page.goto(s.from);
    await page.locator('main, .report-page').first().waitFor({ timeout: TIMEOUT });
    await settle(page, rec);
  }
  if (await link().count()) return 'tap';
  if (s.link) throw new Error(`no ${s.link} on ${s.from ?? page.url()} to tap`); // an edit form: its record's link
  return 'URL';
}

async function open(page, s, via) {
  if (via === 'act') return s.act(page);
  if (via === 'tap') return page.locator(s.link ?? `a[href="${s.path}"]`).first().click();
  return page.goto(s.path);
}

/** Opens one screen and records its answers: a row of the table. */
async function measure(page, rec, s, pageErrors) {
  const row = { name: s.name, via: '', entries: [], problems: [] };
  try {
    if (s.before) {
      rec.touch();
      await s.before(page);
      await settle(page, rec);
    }
    const how = await prepare(page, rec, s);
    row.via = how === 'act' ? (s.how ?? 'tap') : how;
    pageErrors.length = 0;
    rec.start();
    try {
      await open(page, s, how);
      const ready = await s.ready(page, rec);
      if (typeof ready === 'function') await ready();
      else await ready.or(page.locator(ERROR_BOX)).first().waitFor({ timeout: TIMEOUT }); // an error box fails at once
      await settle(page, rec);
    } finally {
      row.entries = rec.stop();
    }
    await noErrorBox(page);
  } catch (e) {
    row.problems.push(`did not load: ${e.message.split('\n')[0]}`);
  }
  row.problems.push(...pageErrors.map((m) => `uncaught in page: ${m}`));
  judge(row, s);
  const failShot = `FAIL-screens-${s.name}`;
  if (row.problems.length) await shot(page, failShot).catch(() => {});
  else rmSync(join(SCREENSHOTS, `${failShot.replace(/[^\w.-]+/g, '-')}.png`), { force: true });
  return row;
}

/** What fails a screen: an answer over LIMIT, a failed request, a query it loads with missing. */
function judge(row, s) {
  for (const e of row.entries) {
    if (e.bytes > LIMIT) row.problems.push(`${e.op} answered ${e.bytes} bytes, over the ${LIMIT}-byte limit`);
    if (e.failed) row.problems.push(`${e.op} failed: ${e.failed}`);
    if (e.errors.length) row.problems.push(`${e.op} answered with errors: ${e.errors.join(', ')}`);
  }
  const seen = new Set(row.entries.map((e) => e.op));
  const missing = s.ops.filter((op) => !seen.has(op));
  if (missing.length && !seen.size) row.problems.push(`fired no GraphQL request at all (expected ${s.ops.join(', ')})`);
  else if (missing.length) row.problems.push(`fired no ${missing.join(', ')} (fired: ${[...seen].join(', ')})`);
}

// ---------------------------------------------------------------- the table

function summarize(row) {
  const sized = row.entries.filter((e) => e.bytes !== null);
  const top = sized.reduce((a, e) => (!a || e.bytes > a.bytes ? e : a), null);
  return {
    screen: row.name,
    via: row.via,
    requests: row.entries.length,
    largest: top ? top.bytes : 0,
    op: top ? top.op : '—',
    total: sized.reduce((n, e) => n + e.bytes, 0),
    ok: !row.problems.length,
  };
}

const COLUMNS = [
  ['screen', 'Screen'],
  ['via', 'Via'],
  ['requests', 'Requests'],
  ['largest', 'Largest answer (bytes)'],
  ['op', 'Operation'],
  ['total', 'Total bytes'],
  ['result', 'Result'],
];
const cells = (s) => ({ ...s, result: s.ok ? 'ok' : 'FAIL' });

/** Columns on a terminal: a CJK character takes two. */
const wide = (v) => [...String(v)].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (v, w, right) => (right ? ' '.repeat(w - wide(v)) + v : v + ' '.repeat(w - wide(v)));

function textTable(sums) {
  const rows = sums.map(cells);
  const width = COLUMNS.map(([k, h]) => Math.max(h.length, ...rows.map((r) => wide(r[k]))));
  const line = (vals) => vals.map((v, i) => pad(String(v), width[i], typeof v === 'number')).join('  ');
  return [line(COLUMNS.map(([, h]) => h)), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(COLUMNS.map(([k]) => r[k])))].join('\n');
}

function markdownTable(sums, header) {
  const esc = (v) => String(v).replace(/\|/g, '\\|');
  return [
    header,
    '',
    `| ${COLUMNS.map(([, h]) => h).join(' | ')} |`,
    `| ${COLUMNS.map(([k]) => (['requests', 'largest', 'total'].includes(k) ? '---:' : '---')).join(' | ')} |`,
    ...sums.map(cells).map((r) => `| ${COLUMNS.map(([k]) => esc(r[k])).join(' | ')} |`),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- main

/** One signed-in phone going through `screens`; returns their rows. */
async function pass(browser, server, screens, contextOptions = {}) {
  const context = await phoneContext(browser, server, { locale: 'en-US', ...contextOptions });
  try {
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const rec = graphqlRecorder(page);
    const rows = [];
    for (const s of screens) {
      const row = await measure(page, rec, s, pageErrors);
      rows.push(row);
      const sum = summarize(row);
      const each = row.entries.map((e) => `${e.op} ${e.bytes ?? e.failed}`).join(', ');
      console.log(`${row.problems.length ? 'FAIL' : 'ok  '} ${s.name} [${row.via}]: ${sum.requests} request(s), total ${sum.total} B${each ? ` (${each})` : ''}`);
      for (const p of row.problems) console.log(`       ${p}`);
    }
    return rows;
  } finally {
    await context.close().catch(() => {});
  }
}

async function main() {
  const started = Date.now();
  const external = process.env.TANDEM_URL;
  if (!external && !process.env.TANDEM_BIN) throw new Error('set TANDEM_BIN (and TANDEM_BOOK), or TANDEM_URL');
  if (!external && !process.env.TANDEM_BOOK) throw new Error('set TANDEM_BOOK to the data dir holding the book (go run ./server/bench -accounts 6000 -book-only)');
  const server = external ? await startServer({ bin: '' }) : await startServer({ dataDir: process.env.TANDEM_BOOK, demo: false });
  let browser;
  try {
    const r = await pickRecords(server);
    console.log(`screens: server ${server.url}; rep1 reads ${r.readable} accounts; search "${r.search.text}" finds ${r.search.found}; account "${r.account.name}" (${r.account.interactions.totalCount} interactions), ` +
      `order ${r.order.number} (${r.order.lines.totalCount} lines), sample ${r.sample.id}, problem "${r.problem.title}"`);
    browser = await launchBrowser();
    const rows = [
      ...(await pass(browser, server, repScreens(r), r.place ? { geolocation: r.place, permissions: ['geolocation'] } : {})),
      ...(await pass(browser, server, managerScreens(await pickMember(server)))),
    ];
    const sums = rows.map(summarize);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\n${textTable(sums)}\n`);
    if (process.env.SCREENS_REPORT) {
      const header = [
        `# GraphQL answers per screen (limit ${LIMIT} bytes)`,
        '',
        `rep1@demo.tandem reading ${r.readable} accounts (manager@demo.tandem for the team screens), ${new Date().toISOString()}, ${secs}s. ` +
          `Account "${r.account.name}" (${r.account.interactions.totalCount} interactions); order ${r.order.number} (${r.order.lines.totalCount} lines); ` +
          `search "${r.search.text}" (${r.search.found} accounts). Sizes: uncompressed JSON bodies.`,
      ].join('\n');
      writeFileSync(resolve(process.env.SCREENS_REPORT), markdownTable(sums, header));
      console.log(`screens: report written to ${resolve(process.env.SCREENS_REPORT)}`);
    }
    const failed = rows.filter((row) => row.problems.length);
    for (const row of failed) console.log(`FAIL ${row.name}:\n  ${row.problems.join('\n  ')}`);
    console.log(`screens: ${rows.length - failed.length} of ${rows.length} screens loaded with every answer ≤ ${LIMIT} bytes, ${failed.length} failed (${secs}s)`);
    return failed.length ? 1 : 0;
  } finally {
    await browser?.close().catch(() => {});
    await server.stop().catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('screens:', e.stack || e.message);
    process.exit(1);
  },
);
