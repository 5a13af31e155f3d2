import { describe, expect, it } from 'vitest';
import { buildListQuery, odataString, quickFilter } from './query';
import { cellText, defaultListColumns } from './columns';
import type { ColumnView, ObjectView } from './types';

function col(Name: string, Type: string, extra: Partial<ColumnView> = {}): ColumnView {
  return { Name, Caption: Name, Type, Required: false, MaxLength: 0, Property: Name, Navigation: null, Reference: null,
    ReferenceDisplayColumn: null, System: false, ...extra };
}

const contact: ObjectView = {
  Name: 'Contact', Caption: 'Contact', SectionCaption: 'Contacts', PrimaryDisplayColumn: 'Name',
  Rights: { Read: true, Create: true, Edit: true, Delete: true }, Related: [],
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
