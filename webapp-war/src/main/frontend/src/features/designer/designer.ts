// The object designer's API (/0/rest/objects, operation CanManageAdministration) as its pages use
// it, and the rules they show before the server would refuse: which columns may be the display
// column, which lookups may drive a board, what a drop or a type change puts at risk.
import { ApiError, request } from '../../lib/http';

export const CAN_MANAGE_ADMINISTRATION = 'CanManageAdministration';

/** The column types the designer offers, in the order it lists them. */
export const COLUMN_TYPES = [
  'Text', 'ShortText', 'LongText', 'MaxText', 'RichText', 'Email', 'Phone', 'Web', 'Integer', 'Decimal', 'Money',
  'Boolean', 'Date', 'Time', 'DateTime', 'Guid', 'Lookup', 'Binary',
] as const;

/** Text columns short enough to be indexed: the ones a record can be shown by. */
export const DISPLAY_TYPES: readonly string[] = ['Text', 'ShortText', 'LongText', 'Email', 'Phone', 'Web'];
/** Types that hold no index or unique constraint. */
export const UNINDEXABLE_TYPES: readonly string[] = ['MaxText', 'RichText', 'Binary'];

export interface DesignerColumn {
  Name: string;
  Caption: string;
  Type: string;
  ColumnName: string;
  DataValueType: number;
  Required: boolean;
  Unique: boolean;
  Indexed: boolean;
  Reference: string | null;
  Position: number;
  DefaultValue: string | null;
}

export interface DesignerObject {
  Name: string;
  Caption: string;
  PrimaryDisplayColumn: string | null;
  /** Shipped with Atrium: the designer shows it but changes nothing of it. */
  System: boolean;
  Version: number;
  ModifiedOn: string;
  OwnerColumn: string | null;
  /** Rights per record (record permissions) are in force. */
  AdministeredByRecords: boolean;
  Section: string | null;
  BoardColumn: string | null;
  Columns: DesignerColumn[];
}

export interface NewColumn {
  Name: string;
  Caption: string;
  Type: string;
  Required: boolean;
  Unique: boolean;
  Indexed: boolean;
  Reference: string | null;
  DefaultValue: string | null;
}

export type ColumnChange = Omit<NewColumn, 'Name' | 'Reference'>;

export interface NewObject {
  Name: string;
  Caption: string;
  /** The section's caption; empty: not a section. */
  Section: string;
  Columns: NewColumn[];
}

/** What {Section, BoardColumn, ...} a change sends: an empty string removes a section or a board. */
export interface ObjectChange {
  Caption: string;
  PrimaryDisplayColumn: string | null;
  Section: string;
  BoardColumn: string;
}

/** How many records a drop deletes and, for a column, how many hold a value in it. */
export interface Usage {
  Records: number;
  Values: number | null;
}

export const designerKeys = {
  all: ['designer'] as const,
  objects: ['designer', 'objects'] as const,
  object: (name: string) => ['designer', 'objects', name] as const,
  rights: (name: string) => ['designer', 'objects', name, 'record-rights'] as const,
};

/**
 * Where the rights of an object's records stand: Current, or waiting for the background job
 * record-rights-upkeep (a table over the server's inline limit): FirstPending, its records have
 * none yet and stay open; UpdatePending, the old ones apply until the job has run.
 */
export type RightsState = 'Current' | 'FirstPending' | 'UpdatePending';

export interface RecordRightsStatus {
  Object: string;
  AdministeredByRecords: boolean;
  RightsState: RightsState;
}

/** How often the designer asks again while the background job has rights to give. */
export const RIGHTS_POLL_MS = 2000;
export const RIGHTS_JOB = 'record-rights-upkeep';

export const fetchRights = (name: string, signal?: AbortSignal) =>
  request<RecordRightsStatus>(`${path(name)}/default-record-rights`, { signal });
export const recomputeRights = (name: string) =>
  request<RecordRightsStatus>(`${path(name)}/default-record-rights/recompute`, { method: 'POST' });
export const setRecordPermissions = (name: string, on: boolean) =>
  request<DesignerObject>(path(name), { method: 'PATCH', body: { AdministeredByRecords: on } });

const path = (name: string) => `/0/rest/objects/${encodeURIComponent(name)}`;
const columnPath = (object: string, column: string) => `${path(object)}/columns/${encodeURIComponent(column)}`;

export const fetchObjects = (signal?: AbortSignal) => request<DesignerObject[]>('/0/rest/objects', { signal });
export const fetchObject = (name: string, signal?: AbortSignal) => request<DesignerObject>(path(name), { signal });

export function createObject(object: NewObject): Promise<DesignerObject> {
  return request<DesignerObject>('/0/rest/objects', {
    method: 'POST',
    body: { Name: object.Name, Caption: object.Caption || null, Section: object.Section || null, Columns: object.Columns.map(columnBody) },
  });
}

export function changeObject(name: string, change: ObjectChange): Promise<DesignerObject> {
  return request<DesignerObject>(path(name), { method: 'PATCH', body: change });
}

export function addColumn(object: string, column: NewColumn): Promise<DesignerObject> {
  return request<DesignerObject>(`${path(object)}/columns`, { method: 'POST', body: { Columns: [columnBody(column)] } });
}

/** Changes a column; without {@code confirm} a change that may cut or round values is refused (409). */
export function changeColumn(object: string, column: string, change: ColumnChange, confirm = false): Promise<DesignerObject> {
  return request<DesignerObject>(`${columnPath(object, column)}${confirm ? '?confirm=true' : ''}`, {
    method: 'PATCH',
    body: { ...change, Caption: change.Caption || null, DefaultValue: change.DefaultValue ?? '' },
  });
}

export function dropColumn(object: string, column: string): Promise<DesignerObject> {
  return request<DesignerObject>(`${columnPath(object, column)}?confirm=true`, { method: 'DELETE' });
}

export function deleteObject(name: string): Promise<void> {
  return request<void>(`${path(name)}?confirm=true`, { method: 'DELETE' });
}

export const objectUsage = (name: string) => request<Usage>(`${path(name)}/usage`);
export const columnUsage = (object: string, column: string) => request<Usage>(`${columnPath(object, column)}/usage`);

/** Whether the server asks to repeat the change with confirm=true. */
export function needsConfirmation(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CONFIRMATION_REQUIRED';
}

function columnBody(column: NewColumn) {
  return {
    ...column,
    Caption: column.Caption || null,
    Reference: column.Type === 'Lookup' ? column.Reference : null,
    DefaultValue: column.DefaultValue || null,
  };
}

/** The columns a record may be shown by. */
export function displayCandidates(object: DesignerObject): DesignerColumn[] {
  return object.Columns.filter((c) => DISPLAY_TYPES.includes(c.Type));
}

/** The lookups whose values may be the columns of a board. */
export function boardCandidates(object: DesignerObject): DesignerColumn[] {
  return object.Columns.filter((c) => c.Type === 'Lookup');
}

/** The columns the designer lets an admin change: those they added, not the four every object has. */
export function ownColumns(object: DesignerObject): DesignerColumn[] {
  return object.Columns.filter((c) => !MANAGED.includes(c.Name));
}

/** The columns every object has, set by the server. */
export const MANAGED: readonly string[] = ['Id', 'CreatedOn', 'CreatedBy', 'ModifiedOn', 'ModifiedBy'];
