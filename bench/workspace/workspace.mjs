// The browser workspace's figures against a running server with the benchmark's data (100,000
// contacts): first meaningful paint of the Contacts list (a page of 50, sorted by name) in a fresh
// browser context (cold cache) and after a reload (warm), the requests a form makes, and the
// bundles' gzipped sizes. Baselines measured in the same run: the list's own OData request sent
// from node, and the no-op API request. Prints a Markdown table. Loopback only.
// Env: ATRIUM_URL, ATRIUM_USER, ATRIUM_PASSWORD, RUNS (5), ASSETS (the built bundles' folder).
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const base = process.env.ATRIUM_URL ?? 'http://127.0.0.1:8780';
const runs = Math.min(Math.max(Number(process.env.RUNS ?? 5), 1), 50);
const host = new URL(base).hostname;
if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) throw new Error('loopback only: ' + base);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => x.toFixed(0);

async function session() {
  const r = await fetch(`${base}/ServiceModel/AuthService.svc/Login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ UserName: process.env.ATRIUM_USER ?? 'Supervisor', UserPassword: process.env.ATRIUM_PASSWORD }),
  });
  if (r.status !== 200) throw new Error('sign-in: HTTP ' + r.status);
  return r.headers.getSetCookie().map((c) => { const [pair] = c.split(';'); const at = pair.indexOf('='); return { name: pair.slice(0, at), value: pair.slice(at + 1) }; });
}

async function timed(url, cookies, n) {
  const csrf = cookies.find((c) => c.name === 'BPMCSRF').value;
  const header = { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), BPMCSRF: csrf,
    Accept: 'application/json;odata.metadata=minimal;IEEE754Compatible=true' };
  const times = [];
  for (let i = 0; i < n + 2; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers: header });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
    if (i >= 2) times.push(performance.now() - t); // two warm-up requests
  }
  return median(times);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const cookies = await session();
  const listQuery = '$select=Id,Name,GivenName,Surname,JobTitle,AccountId,OwnerId&$expand=Account($select=Id,Name),Owner($select=Id,Name)'
    + '&$orderby=Name asc,Id asc&$top=50&$skip=0&$count=true';
  const odataPage = await timed(`${base}/0/odata/Contact?${listQuery}`, cookies, 10);
  const noop = await timed(`${base}/0/rest/ping`, cookies, 10);

  const cold = [];
  const phases = [];
  const warm = [];
  let form;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies(cookies.map((c) => ({ ...c, url: base })));
    const page = await context.newPage();
    let t = performance.now();
    await page.goto(`${base}/0/#/Contact`);
    await page.getByRole('grid', { name: 'Contacts' }).getByRole('link').first().waitFor({ timeout: 30_000 });
    cold.push(performance.now() - t);
    phases.push(await page.evaluate(() => {
      // when each step of the cold load started and ended, from the page's own timeline (ms since navigation)
      const span = (re) => {
        const e = performance.getEntriesByType('resource').find((r) => re.test(r.name));
        return e ? [e.startTime, e.responseEnd] : [NaN, NaN];
      };
      return {
        html: [0, performance.getEntriesByType('navigation')[0].responseEnd],
        opening: span(/\/assets\/opening-[^/]*\.js$/),
        shell: span(/\/assets\/workspace-[^/]*\.js$/),
        workspace: span(/\/0\/rest\/workspace(\?[^/]*)?$/),
        sections: span(/\/assets\/sections-[^/]*\.js$/),
        metadata: span(/\/0\/rest\/workspace\/objects\//),
        settings: span(/\/0\/rest\/profile\?/),
        page: span(/\/0\/odata\/Contact\?/),
        painted: [NaN, performance.now()],
      };
    }));
    t = performance.now();
    await page.reload();
    await page.getByRole('grid', { name: 'Contacts' }).getByRole('link').first().waitFor({ timeout: 30_000 });
    warm.push(performance.now() - t);
    if (i === runs - 1) {
      // A form: the requests it makes once the object's metadata is known (from the list).
      const requests = [];
      page.on('request', (r) => { if (/\/0\/(odata|rest)\//.test(r.url())) requests.push({ url: r.url(), at: performance.now() }); });
      t = performance.now();
      await page.getByRole('grid', { name: 'Contacts' }).getByRole('link').first().click();
      await page.locator('#field-Name').waitFor();
      await page.waitForLoadState('networkidle');
      const shown = performance.now() - t;
      const starts = requests.map((r) => r.at - t);
      form = { shown, count: requests.length, spread: Math.max(...starts) - Math.min(...starts), urls: requests.map((r) => new URL(r.url).pathname) };
    }
    await context.close();
  }

  const assets = process.env.ASSETS;
  const bundles = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => ({ f, gz: gzipSync(readFileSync(join(assets, f))).length / 1024 }));
  // the shell: the workspace's bundle and its stylesheet, and the opening script that runs before it
  const shell = bundles.filter((b) => b.f.startsWith('workspace-') || b.f.startsWith('opening-')).reduce((s, b) => s + b.gz, 0);
  const sections = bundles.filter((b) => b.f.startsWith('sections-')).reduce((s, b) => s + b.gz, 0);

  const lines = [
    `# Browser workspace (${runs} runs, Contacts: a page of 50 of 100,000, sorted by name)`,
    '',
    '| figure | value | baseline (same run) | ratio |',
    '|---|---:|---:|---:|',
    `| list, first paint, cold cache (median) | ${ms(median(cold))} ms | OData page request ${ms(odataPage)} ms | ${(median(cold) / odataPage).toFixed(1)} |`,
    `| list, first paint, cold cache (worst) | ${ms(Math.max(...cold))} ms | target 1000 ms | ${(Math.max(...cold) / 1000).toFixed(2)} |`,
    `| list, after reload (median) | ${ms(median(warm))} ms | OData page request ${ms(odataPage)} ms | ${(median(warm) / odataPage).toFixed(1)} |`,
    `| no-op API request | ${ms(noop)} ms | | |`,
    `| form shown from the list | ${ms(form.shown)} ms | OData page request ${ms(odataPage)} ms | ${(form.shown / odataPage).toFixed(1)} |`,
    `| form's API requests (started within) | ${form.count} (${ms(form.spread)} ms) | | |`,
    `| shell bundle, gzipped | ${shell.toFixed(1)} kB | budget 300 kB | ${(shell / 300).toFixed(2)} |`,
    `| lists and forms bundle, gzipped | ${sections.toFixed(1)} kB | | |`,
    '',
    'Cold load, median ms since navigation when each step started and ended: ' + Object.keys(phases[0])
      .map((k) => `${k} ${[0, 1].map((i) => ms(median(phases.map((p) => p[k][i])))).join('–')}`).join(', '),
    '',
    `Form requests: ${form.urls.join(', ')}`,
  ];
  console.log(lines.join('\n'));
} finally {
  await browser.close();
}
