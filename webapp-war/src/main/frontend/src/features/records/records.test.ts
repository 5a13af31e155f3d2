import { describe, expect, it } from 'vitest';
import { buildListQuery, quickFilter } from './query';
import { odataString } from './odata';
import { cellText, defaultListColumns } from './columns';
import { boardCardsQuery, boardValuesQuery, cardColumns, sanitizeMode } from './board';
import type { ColumnView, ObjectView } from './types';

function col(Name: string, Type: string, extra: Partial<ColumnView> = {}): ColumnView {
  return { Name, Caption: Name, Type, Required: false, MaxLength: 0, Property: Name, Navigation: null, Reference: null,
    ReferenceDisplayColumn: null, System: false, ReadOnly: !!extra.System, ...extra };
}

const contact: ObjectView = {
  Name: 'Contact', Caption: 'Contact', SectionCaption: 'Contacts', PrimaryDisplayColumn: 'Name',
  Rights: { Read: true, Create: true, Edit: true, Delete: true }, Related: [], Board: null,
  Columns: [
    col('Id', 'Guid', { System: true }), col('CreatedOn', 'DateTime', { System: true }),
    col('Email', 'Email'), col('Name', 'Text', { Required: true }), col('Notes', 'MaxText'),
    col('Account', 'Lookup', { Property: 'AccountId', Navigation: 'Account', Reference: 'Account', ReferenceDisplayColumn: 'Name' }),
    col('Age', 'Integer'), col('Salary', 'Money'), col('Born', 'Date'), col('Active', 'Boolean'),
    col('Score', 'Decimal'), col('Extra', 'Text'),
  ],
};

const decode = (q: string) => Object.fromEntries(q.split('&').map((p) => p.split('=')).map(([k, v]) => [k, decodeURIComponent(v)]));

describe('metadata to list', () => {
  it('shows the primary display column first, then own columns but long texts, at most six', () => {
    expect(defaultListColumns(contact)).toEqual(['Name', 'Email', 'Account', 'Age', 'Salary', 'Born']);
  });

  it('reads lookups by their display value and formats by type in the locale', () => {
    const f = { yes: 'Yes', no: 'No', locale: 'en-US' };
    const row = { Id: '1', AccountId: 'a', Account: { Id: 'a', Name: 'Northwind' }, Age: 1234, Salary: '1234.5', Born: '2000-02-29',
      Active: false, Score: '0.125', Name: '<img src=x onerror=alert(1)>' };
    const c = (n: string) => contact.Columns.find((x) => x.Name === n)!;
    expect(cellText(c('Account'), row, f)).toBe('Northwind');
    expect(cellText(c('Age'), row, f)).toBe('1,234');
    expect(cellText(c('Salary'), row, f)).toBe('1,234.50');
    expect(cellText(c('Salary'), row, { ...f, locale: 'de-DE' })).toBe('1.234,50');
    expect(cellText(c('Born'), row, f)).toBe('Feb 29, 2000');
    expect(cellText(c('Active'), row, f)).toBe('No');
    expect(cellText(c('Score'), row, f)).toBe('0.125');
    expect(cellText(c('Email'), row, f)).toBe('');
    expect(cellText(c('Account'), { Id: '2', Account: null }, f)).toBe('');
    expect(cellText(c('Name'), row, f)).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('list to OData', () => {
  it('asks for one page with the shown columns, lookups expanded, a stable order and the count', () => {
    const q = decode(buildListQuery(contact, { columns: ['Name', 'Account', 'Age'], sort: { column: 'Account', direction: 'desc' }, page: 2, pageSize: 50 }));
    expect(q).toEqual({
      $select: 'Id,Name,AccountId,Age',
      $expand: 'Account($select=Id,Name)',
      $orderby: 'Account/Name desc,Id asc',
      $top: '50',
      $skip: '100',
      $count: 'true',
    });
  });

  it('filters quickly on the display column in any case, quoting the text', () => {
    expect(quickFilter(contact, "  O'Brien ")).toBe("contains(tolower(Name),'o''brien')");
    expect(quickFilter(contact, '   ')).toBeUndefined();
    const q = decode(buildListQuery(contact, { columns: ['Name'], quick: 'a&b', page: 0, pageSize: 10 }));
    expect(q.$filter).toBe("contains(tolower(Name),'a&b')");
    expect(q.$orderby).toBe('Id asc');
  });

  it('quotes OData strings', () => {
    expect(odataString("it's")).toBe("'it''s'");
  });
});

describe('export', async () => {
  const { csvCell, toCsv } = await import('./csv');
  it('quotes what needs quoting and disarms formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes the shown columns as the list shows them', () => {
    const f = { yes: 'Yes', no: 'No', locale: 'en-US' };
    const cols = ['Name', 'Account', 'Active'].map((n) => contact.Columns.find((c) => c.Name === n)!);
    const csv = toCsv(cols, [{ Id: '1', Name: 'Ann, Jr.', Account: { Name: 'ACME' }, Active: true }], f);
    expect(csv).toBe('Name,Account,Active\r\n"Ann, Jr.",ACME,Yes\r\n');
  });
});

describe('metadata to form', async () => {
  const { changes, editorOf, formColumns, formExpand, missing, toBody, toInput, writableColumns } = await import('./fields');
  const c = (n: string) => contact.Columns.find((x) => x.Name === n)!;

  it('gives each type its input and leaves system columns out', () => {
    expect(formColumns(contact).map((x) => x.Name)).not.toContain('Id');
    expect(['Email', 'Notes', 'Account', 'Age', 'Salary', 'Born', 'Active', 'Name'].map((n) => editorOf(c(n))))
      .toEqual(['email', 'multiline', 'lookup', 'integer', 'decimal', 'date', 'boolean', 'text']);
  });

  it('carries values between the record, the inputs and the OData body', () => {
    const row = { Id: '1', AccountId: 'a1', Account: { Id: 'a1', Name: 'ACME' }, Salary: '1200.50', Active: true, Born: '1990-05-01' };
    expect(toInput(c('Account'), row)).toEqual({ id: 'a1', text: 'ACME' });
    expect(toInput(c('Salary'), row)).toBe('1200.50');
    expect(toInput(c('Email'), row)).toBe('');
    expect(toBody(c('Salary'), ' 12,5 ')).toBe('12.5');
    expect(toBody(c('Age'), '42')).toBe(42);
    expect(toBody(c('Email'), '   ')).toBeNull();
    expect(toBody(c('Account'), { id: 'a2', text: 'Other' })).toBe('a2');
    expect(toBody(c('Active'), false)).toBe(false);
  });

  it('sends only what changed and finds required fields left empty', () => {
    const before = { Name: 'Ann', Email: '', Account: { id: 'a1', text: 'ACME' } };
    const after = { Name: 'Ann', Email: 'ann@example.com', Account: null };
    expect(changes([c('Name'), c('Email'), c('Account')], before, after)).toEqual({ Email: 'ann@example.com', AccountId: null });
    expect(missing([c('Name'), c('Email')], { Name: ' ', Email: '' })).toEqual(['Name']);
  });

  it('never sends a column the user may only read, nor asks them to fill it', () => {
    const readOnly = { ...c('Name'), ReadOnly: true };
    expect(changes([readOnly, c('Email')], { Name: 'Ann', Email: '' }, { Name: 'Bob', Email: 'b@example.com' }))
      .toEqual({ Email: 'b@example.com' });
    expect(missing([readOnly], { Name: '' })).toEqual([]);
    expect(writableColumns([readOnly, c('Email')]).map((x) => x.Name)).toEqual(['Email']);
  });

  it('expands every lookup in the one request that loads a form', () => {
    expect(formExpand(contact)).toBe('Account($select=Id,Name)');
  });
});

describe('structured filters', async () => {
  const { filterExpression, filterKind, filtersExpression, filterableColumns, sanitizeSettings } = await import('./filters');
  const { moved } = await import('./ColumnChooser');
  const c = (n: string) => contact.Columns.find((x) => x.Name === n)!;
  const withTime = { ...contact, Columns: [...contact.Columns, col('Opens', 'Time'), col('Met', 'DateTime')] };

  it('gives each type its kind of filter and leaves long texts and ids out', () => {
    expect(['Name', 'Email', 'Age', 'Salary', 'Born', 'Active', 'Account', 'Notes'].map((n) => filterKind(c(n))))
      .toEqual(['text', 'text', 'number', 'number', 'date', 'boolean', 'lookup', undefined]);
    expect(filterableColumns(contact).map((x) => x.Name)).not.toContain('Id');
  });

  it('turns each filter into OData, quoting text and refusing what is not valid', () => {
    expect(filterExpression(c('Name'), { Column: 'Name', Op: 'contains', Value: " O'Hara " })).toBe("contains(tolower(Name),'o''hara')");
    expect(filterExpression(c('Name'), { Column: 'Name', Op: 'eq', Value: 'Ann' })).toBe("tolower(Name) eq 'ann'");
    expect(filterExpression(c('Name'), { Column: 'Name', Op: 'eq', Value: '  ' })).toBeUndefined();
    expect(filterExpression(c('Age'), { Column: 'Age', Op: 'range', From: '18', To: '65' })).toBe('Age ge 18 and Age le 65');
    expect(filterExpression(c('Salary'), { Column: 'Salary', Op: 'range', From: '1000,5' })).toBe('Salary ge 1000.5');
    expect(filterExpression(c('Age'), { Column: 'Age', Op: 'range', From: '1) or (1 eq 1' })).toBeUndefined();
    expect(filterExpression(c('Age'), { Column: 'Age', Op: 'range' })).toBeUndefined();
    expect(filterExpression(c('Born'), { Column: 'Born', Op: 'range', To: '2000-12-31' })).toBe('Born le 2000-12-31');
    expect(filterExpression(c('Born'), { Column: 'Born', Op: 'range', From: "2000' or '" })).toBeUndefined();
    expect(filterExpression(c('Active'), { Column: 'Active', Op: 'eq', Value: false })).toBe('Active eq false');
    const id = '0b6f2a0e-1111-4c1e-9f00-000000000001';
    expect(filterExpression(c('Account'), { Column: 'Account', Op: 'eq', Value: id, Label: 'ACME' })).toBe(`AccountId eq ${id}`);
    expect(filterExpression(c('Account'), { Column: 'Account', Op: 'eq', Value: 'not-a-guid' })).toBeUndefined();
    const opens = withTime.Columns.find((x) => x.Name === 'Opens')!;
    expect(filterExpression(opens, { Column: 'Opens', Op: 'range', From: '09:30' })).toBe('Opens ge 09:30:00');
  });

  it('takes a range of days of a date-time in the user\'s time zone, the last day whole', () => {
    const met = withTime.Columns.find((x) => x.Name === 'Met')!;
    const from = new Date(2024, 0, 1).toISOString();
    const after = new Date(2024, 0, 31).toISOString();
    expect(filterExpression(met, { Column: 'Met', Op: 'range', From: '2024-01-01', To: '2024-01-30' }))
      .toBe(`Met ge ${from} and Met lt ${after}`);
  });

  it('joins the filters and the quick filter with and', () => {
    const filters = [{ Column: 'Age', Op: 'range' as const, From: '18' }, { Column: 'Active', Op: 'eq' as const, Value: true }];
    expect(filtersExpression(contact, filters)).toBe('(Age ge 18) and (Active eq true)');
    expect(filtersExpression(contact, [filters[0]])).toBe('Age ge 18');
    const q = decode(buildListQuery(contact, { columns: ['Name'], quick: 'ann', filters, page: 0, pageSize: 50 }));
    expect(q.$filter).toBe("(contains(tolower(Name),'ann')) and ((Age ge 18) and (Active eq true))");
  });

  it('keeps of stored settings only what the object still has', () => {
    const kept = sanitizeSettings(contact, {
      Columns: ['Email', 'Gone', 'Notes', 'Name', 'Email'],
      Sort: { Column: 'Age', Direction: 'desc' },
      Filters: [{ Column: 'Age', Op: 'range', From: '1' }, { Column: 'Gone', Op: 'eq', Value: 'x' }, { Column: 'Age', Op: 'range' }, 'junk'],
    });
    expect(kept).toEqual({ Columns: ['Email', 'Name'], Sort: { Column: 'Age', Direction: 'desc' },
      Filters: [{ Column: 'Age', Op: 'range', From: '1' }] });
    expect(sanitizeSettings(contact, { Sort: { Column: 'Age', Direction: 'sideways' } })).toEqual({ Columns: [], Sort: undefined, Filters: [] });
    expect(sanitizeSettings(contact, null)).toBeUndefined();
  });

  it('moves a chosen column up and down within bounds', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('boards', () => {
  const board = { Column: 'Stage', Property: 'StageId', Navigation: 'Stage', Reference: 'OpportunityStage',
    DisplayColumn: 'Name', OrderColumn: 'Position' };
  const deal: ObjectView = {
    Name: 'Opportunity', Caption: 'Opportunity', SectionCaption: 'Opportunities', PrimaryDisplayColumn: 'Title',
    Rights: { Read: true, Create: true, Edit: true, Delete: true }, Related: [], Board: board,
    Columns: [
      { Name: 'Id', Caption: 'Id', Type: 'Guid', Required: true, MaxLength: 0, Property: 'Id', Navigation: null, Reference: null, ReferenceDisplayColumn: null, System: true, ReadOnly: true },
      { Name: 'Title', Caption: 'Title', Type: 'Text', Required: true, MaxLength: 250, Property: 'Title', Navigation: null, Reference: null, ReferenceDisplayColumn: null, System: false, ReadOnly: false },
      { Name: 'Stage', Caption: 'Stage', Type: 'Lookup', Required: false, MaxLength: 0, Property: 'StageId', Navigation: 'Stage', Reference: 'OpportunityStage', ReferenceDisplayColumn: 'Name', System: false, ReadOnly: false },
      { Name: 'Account', Caption: 'Account', Type: 'Lookup', Required: false, MaxLength: 0, Property: 'AccountId', Navigation: 'Account', Reference: 'Account', ReferenceDisplayColumn: 'Name', System: false, ReadOnly: false },
      { Name: 'Amount', Caption: 'Amount', Type: 'Money', Required: false, MaxLength: 0, Property: 'Amount', Navigation: null, Reference: null, ReferenceDisplayColumn: null, System: false, ReadOnly: false },
    ],
  };

  it('shows on a card the display column and two more, never the board column', () => {
    expect(cardColumns(deal, board).map((c) => c.Name)).toEqual(['Title', 'Account', 'Amount']);
  });

  it('asks for the values in their order and for each column its cards', () => {
    expect(decodeURIComponent(boardValuesQuery(board))).toBe('$select=Id,Name,Position&$orderby=Position asc,Name asc,Id asc&$top=30');
    const cards = decodeURIComponent(boardCardsQuery(deal, board, '7807e224-0364-57da-bdc0-5551c916191f'));
    expect(cards).toBe('$select=Id,StageId,Title,AccountId,Amount&$expand=Account($select=Id,Name)'
      + '&$filter=StageId eq 7807e224-0364-57da-bdc0-5551c916191f&$orderby=ModifiedOn desc,Id asc&$top=50&$count=true');
    expect(decodeURIComponent(boardCardsQuery(deal, board, null))).toContain('$filter=StageId eq null');
  });

  it('opens a section as its board only when kept so and there is one', () => {
    expect(sanitizeMode({ Mode: 'board' }, deal)).toBe('board');
    expect(sanitizeMode({ Mode: 'board' }, { ...deal, Board: null })).toBe('list');
    expect(sanitizeMode({ Mode: 'nonsense' }, deal)).toBe('list');
    expect(sanitizeMode(undefined, deal)).toBe('list');
  });
});
