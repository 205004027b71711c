import type { Generated } from 'kysely';

/** Row types of every table, as Kysely sees them. Booleans are 0/1 integers (SQLite STRICT). */
export interface StaffTable {
  id: Generated<number>;
  name: string;
  email: string;
  email_key: string;
  password_hash: string;
  role: 'administrator' | 'staff';
  may_grant_access: number;
  active: number;
  language: 'en' | 'nl' | 'de';
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SignInFailureTable {
  email_key: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  customer_number: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  language: 'default' | 'en' | 'nl' | 'de';
  internal: number;
  parent_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: Generated<number>;
  organisation_id: number;
  salutation: string | null;
  first_name: string | null;
  last_name: string;
  email: string | null;
  mobile: string | null;
  language: 'default' | 'en' | 'nl' | 'de';
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  staff_id: number | null;
  entity: string;
  entity_id: number | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface SettingTable {
  key: string;
  value_json: string;
}

export interface Database {
  staff: StaffTable;
  sign_in_failure: SignInFailureTable;
  organisation: OrganisationTable;
  person: PersonTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
}
