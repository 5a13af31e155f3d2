// Atrium's OData 4 JSON as a well-known client library reads it: @odata/client (light-odata, MIT),
// not Olingo's own client, which shares code with the server. The library sends the requests and
// parses the answers (value, @odata.count, the error body); the assertions pin what OData 4.01 JSON
// format says those answers hold. Run by ODataClientIT against the deployed EAR.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OData } from '@odata/client';
import { Guid } from '@odata/client/lib/types.js';

const base = process.env.ATRIUM_URL ?? 'http://127.0.0.1:8180';
const FORMAT = 'application/json;odata.metadata=minimal;IEEE754Compatible=true';
const tag = Math.random().toString(36).slice(2, 10);
let headers;
let client;
let accountId;

/** Signs in through the established endpoint and keeps the cookies and the CSRF header. */
async function signIn() {
  const r = await fetch(`${base}/ServiceModel/AuthService.svc/Login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ UserName: process.env.ATRIUM_USER, UserPassword: process.env.ATRIUM_PASSWORD }),
  });
  assert.equal(r.status, 200);
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('BPMCSRF=')).slice('BPMCSRF='.length);
  return { Cookie: cookies.join('; '), BPMCSRF: csrf, Accept: FORMAT, 'Content-Type': FORMAT };
}

function odata(extra = {}) {
  return OData.New4({ serviceEndpoint: `${base}/0/odata/`, commonHeaders: { ...headers, ...extra } });
}

/** The raw answer of one request through the library (parsed JSON, or text for XML). */
function raw(path, method = 'GET', body, through = client) {
  return through.requestUri(`${base}/0/odata/${path}`, undefined, method, body);
}

before(async () => {
  headers = await signIn();
  client = odata();
  const account = await client.getEntitySet('Account').create({ Name: `OData client ${tag}` });
  accountId = account.Id;
});

after(async () => {
  if (accountId) {
    await client.getEntitySet('Opportunity').query(OData.newOptions().filter(OData.newFilter().property('AccountId').eq(new Guid(accountId))))
      .then((rows) => Promise.all(rows.map((r) => client.getEntitySet('Opportunity').delete(new Guid(r.Id)))));
    await client.getEntitySet('Account').delete(new Guid(accountId));
  }
});

test('$metadata is CSDL XML naming the entity sets', async () => {
  const xml = await raw('$metadata', 'GET', undefined, odata({ Accept: 'application/xml' }));
  assert.equal(typeof xml, 'string');
  assert.match(xml, /<edmx:Edmx Version="4.0"/);
  assert.match(xml, /<EntityType Name="Opportunity"/);
  assert.match(xml, /<EntitySet Name="Account" EntityType="[\w.]+\.Account"/);
});

test('create answers the entity with its context, tag, and IEEE754 numbers as strings', async () => {
  const created = await client.getEntitySet('Opportunity').create({ Title: `Deal ${tag}`, AccountId: accountId, Amount: '1234.56', Probability: 40 });
  assert.match(created['@odata.context'], /\$metadata#Opportunity(\/\$entity)?$/);
  assert.match(created['@odata.etag'], /^W\/"\d+"$/);
  assert.match(created.Id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  assert.equal(created.Amount, '1234.56', 'Edm.Decimal is a string with IEEE754Compatible=true');
  assert.equal(created.Probability, 40, 'Edm.Int32 stays a number');
  assert.equal(created.AccountId, accountId);
  assert.match(created.CreatedOn, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'Edm.DateTimeOffset in UTC');
});

test('queries: $filter $select $orderby $top $count and $expand of a lookup', async () => {
  const deals = client.getEntitySet('Opportunity');
  for (const [title, amount] of [[`B ${tag}`, '10'], [`A ${tag}`, '20'], [`C ${tag}`, '30']]) {
    await deals.create({ Title: title, AccountId: accountId, Amount: amount });
  }
  const mine = OData.newFilter().property('AccountId').eq(new Guid(accountId)).property('Amount').ge(15);
  const options = OData.newOptions().filter(mine).select(['Title', 'Amount']).orderby('Title', 'asc').top(2).count(true);
  const page = await raw(`Opportunity?${options.toString('v4')}`);
  assert.match(page['@odata.context'], /\$metadata#Opportunity\((Id,)?Title,Amount\)$/);
  assert.equal(page['@odata.count'], '3', 'Edm.Int64 count as a string with IEEE754Compatible=true');
  assert.deepEqual(page.value.map((v) => v.Title), [`A ${tag}`, `C ${tag}`]);
  assert.ok(page.value.every((v) => typeof v['@odata.etag'] === 'string'), 'each entity carries its tag');
  assert.deepEqual(Object.keys(page.value[0]).filter((k) => !k.startsWith('@') && k !== 'Id').sort(), ['Amount', 'Title']);
  assert.equal(Number(await deals.count(mine)), 3);

  const expanded = await deals.query(OData.newOptions().filter(mine).select('Title').expand('Account($select=Name)').orderby('Title', 'asc'));
  assert.equal(expanded.length, 3);
  assert.deepEqual(expanded.map((v) => v.Account.Name), Array(3).fill(`OData client ${tag}`));
});

test('PATCH with a current tag is 204; with a stale one the library meets 412 as an OData error', async () => {
  const deals = client.getEntitySet('Opportunity');
  const created = await deals.create({ Title: `Tagged ${tag}`, AccountId: accountId });
  const key = new Guid(created.Id);
  await odata({ 'If-Match': created['@odata.etag'] }).getEntitySet('Opportunity').update(key, { Probability: 60 });
  const read = await deals.retrieve(key);
  assert.equal(read.Probability, 60);
  assert.notEqual(read['@odata.etag'], created['@odata.etag']);

  const stale = odata({ 'If-Match': created['@odata.etag'] }).getEntitySet('Opportunity');
  await assert.rejects(stale.update(key, { Probability: 70 }), (e) => e.constructor.name === 'ODataServerError' && e.message.length > 0);
  const body = await odata({ 'If-Match': created['@odata.etag'] }).requestUri(`${base}/0/odata/Opportunity(${created.Id})`, undefined,
    'PATCH', { Probability: 70 });
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(body.error.code, 'PRECONDITION_FAILED');
  assert.equal(typeof body.error.message, 'string');
  assert.equal((await deals.retrieve(key)).Probability, 60, 'the refused change was not saved');

  await deals.delete(key);
  await assert.rejects(deals.retrieve(key), (e) => e.constructor.name === 'ODataServerError');
});

test('bad requests come back as {"error":{"code","message"}} that the library raises', async () => {
  const deals = client.getEntitySet('Opportunity');
  await assert.rejects(deals.query(OData.newOptions().filter(OData.newFilter().property('Nope').eq(1))),
    (e) => e.constructor.name === 'ODataServerError' && !/exception/i.test(e.message));
  const body = await raw('Opportunity?$filter=Nope%20eq%201');
  assert.equal(body.error.code, 'UNKNOWN_COLUMN');
  assert.equal(typeof body.error.message, 'string');
  const invalid = await raw('Opportunity', 'POST', { Probability: 'many' });
  assert.ok(['VALIDATION_FAILED', 'MALFORMED_REQUEST'].includes(invalid.error.code), JSON.stringify(invalid));
});
