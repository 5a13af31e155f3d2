/** What GET /0/rest/workspace answers (hand-written: the shell's own small contract). */
import type { ObjectView } from '../records/types';
export interface Rights {
  Read: boolean;
  Create: boolean;
  Edit: boolean;
  Delete: boolean;
}

export interface Section {
  Name: string;
  /** The section's caption ("Contacts"). */
  Caption: string;
  /** The object's caption ("Contact"). */
  ObjectCaption: string;
  PrimaryDisplayColumn: string | null;
  Rights: Rights;
}

export interface Workspace {
  User: { Id: string | null; Name: string; ContactId: string | null };
  Sections: Section[];
  Operations: string[];
  Limited: boolean;
  /** With ?object=: that section's object as lists and forms render it. */
  Object?: ObjectView;
}

export interface Notice {
  Id: string;
  Kind: string;
  Subject: string;
  Message: string;
}
