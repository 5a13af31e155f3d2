// Typed code as an integrator writes it against Atrium's OData service, through the client that
// odata2ts generates from the service's own $metadata: models, query objects and one service class.
// typed-client.test.mjs generates that client into target/typed-client/generated, compiles it with
// this file under `tsc --strict` (tsconfig.json) and runs the result against the deployed EAR.
//
// The type checks below are part of the test. odata2ts is told which properties the server
// manages from the Core.Computed annotations of $metadata, so these lines compile only while the
// annotations say what the server sets: without them the editable models would require CreatedOn
// and ModifiedOn, and every typed create would fail to compile.
import assert from 'node:assert/strict';
import { FetchClient } from '@odata2ts/http-client-fetch';
import { AtriumService } from './generated/AtriumService';
import type { EditableAccount, EditableContact, EditableOpportunity } from './generated/AtriumModel';

const tag = Math.random().toString(36).slice(2, 10);

/** What a create needs: the names a user gives, nothing the server sets. */
export const smallest: EditableAccount = { Name: `Typed ${tag}` };
// @ts-expect-error CreatedOn is Core.Computed: the server sets it, a create may not
export const withCreatedOn: EditableAccount = { Name: 'typed', CreatedOn: '2026-01-01T00:00:00Z' };
// @ts-expect-error ModifiedById is Core.Computed as well
export const withModifiedBy: EditableContact = { Name: 'typed', ModifiedById: '7f3b869f-34f3-4f20-ab4d-7480a5fdf647' };

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

/** Signs in through the reference's endpoint; the cookies and the BPMCSRF header go with every call. */
async function signIn(base: string): Promise<Record<string, string>> {
  const r = await fetch(`${base}/ServiceModel/AuthService.svc/Login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ UserName: env('ATRIUM_USER'), UserPassword: env('ATRIUM_PASSWORD') }),
  });
  assert.equal(r.status, 200, 'sign-in');
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('BPMCSRF='));
  assert.ok(csrf, 'a BPMCSRF cookie');
  return { Cookie: cookies.join('; '), BPMCSRF: csrf.slice('BPMCSRF='.length) };
}

async function main(): Promise<void> {
  const base = env('ATRIUM_URL');
  const service = new AtriumService(new FetchClient({ headers: await signIn(base) }), `${base}/0/odata`);
  const accounts = service.Account();

  const account: EditableAccount = { ...smallest, City: 'Lisbon' };
  const created = await accounts.create(account);
  assert.equal(created.status, 201);
  const id: string = created.data.Id;
  assert.match(created.data.CreatedOn, /^\d{4}-\d\d-\d\dT/, 'the server set CreatedOn');
  const cleanUp: Array<() => Promise<unknown>> = [() => service.Account(id).delete()];
  try {
    const contacts: EditableContact[] = ['Beta', 'Alpha'].map((n) => ({ Name: `${n} ${tag}`, AccountId: id }));
    for (const contact of contacts) {
      const c = await service.Contact().create(contact);
      cleanUp.unshift(() => service.Contact(c.data.Id).delete());
    }
    const deal: EditableOpportunity = { Title: `Deal ${tag}`, AccountId: id, Amount: 10.75 };
    const o = await service.Opportunity().create(deal);
    cleanUp.unshift(() => service.Opportunity(o.data.Id).delete());

    // the query builder: $select, $filter, $count and $expand with its own options, typed
    const found = await accounts.query((b, q) => b.select('Id', 'Name', 'City').filter(q.Name.eq(account.Name))
      .count().expanding('ContactCollectionByAccount', (e, c) => e.select('Name').orderBy(c.Name.asc()).top(1)));
    assert.equal(found.data['@odata.count'], 1);
    const [row] = found.data.value;
    assert.equal(row.City, 'Lisbon');
    assert.deepEqual(row.ContactCollectionByAccount?.map((c) => c.Name), [`Alpha ${tag}`], '$top=1 in Name order');

    // a decimal literal in a filter on money
    const deals = await service.Opportunity().query((b, q) => b.select('Title', 'Amount')
      .filter(q.AccountId.eq(id), q.Amount.gt(10.5)));
    assert.deepEqual(deals.data.value.map((d) => [d.Title, d.Amount]), [[`Deal ${tag}`, 10.75]]);

    // a change, read back by key
    const patched = await service.Account(id).patch({ City: 'Porto' });
    assert.equal(patched.status, 204);
    const read = await service.Account(id).query((b) => b.select('City', 'ModifiedOn'));
    assert.equal(read.data.City, 'Porto');
    assert.ok(read.data.ModifiedOn >= created.data.ModifiedOn, 'the server moved ModifiedOn');
  } finally {
    for (const step of cleanUp) {
      await step();
    }
  }
  await assert.rejects(service.Account(id).query(), (e: unknown) => {
    assert.equal((e as { status?: number }).status, 404, String(e));
    return true;
  }, 'the account is gone');
  console.log(`typed client: created, queried, changed and deleted Account ${id}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
