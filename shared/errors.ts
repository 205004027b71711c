/** Stable error codes that cross the IPC/HTTP boundary; the renderer maps each to translated text. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'IN_USE',
  'CYCLE',
  'INVALID_CREDENTIALS',
  /** An activation or set-password link, or its code, that is unknown, used, voided or expired (never which). */
  'INVALID_TOKEN',
  'RATE_LIMITED',
  'SETUP_ALREADY_DONE',
  'LAST_ADMINISTRATOR',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  /** The disk (or the database's size limit) is full; the change was rolled back. */
  'DISK_FULL',
  /** Activations and set-password links are refused while the portal address is not set. */
  'PORTAL_ADDRESS_UNSET',
  /** A print or ticket job whose process stopped (crashed, closed) before the job ended: nothing came of it. */
  'JOB_INTERRUPTED',
] as const;

/** One of the stable error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes for a single field's problem; the renderer translates them next to the field. */
export type FieldErrorCode =
  | 'required'
  | 'invalid_type'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_big'
  | 'invalid_email'
  | 'invalid_format'
  | 'invalid_value'
  | 'unknown_field'
  | 'not_found'
  | 'taken'
  | 'cycle'
  | 'weak_password'
  | 'missing_placeholder'
  | 'unknown_placeholder'
  | 'invalid_template'
  /** Not a PNG or JPEG file, or a damaged one. */
  | 'unsupported_image'
  /** A file above the size limit; max in KB. */
  | 'file_too_large'
  /** An image wider or higher than the limit; max in pixels. */
  | 'image_too_large'
  /** Text with a control character (NUL, tab, line break…) where none belongs, e.g. a search. */
  | 'control_character'
  /** An image with more pixels (width × height) than the limit; max in megapixels. */
  | 'image_too_many_pixels'
  /** A template that did not finish rendering within the time limit (e.g. a huge loop). */
  | 'template_too_slow'
  /** Not an assigned ISO 3166-1 alpha-2 country code. */
  | 'unknown_country'
  /** A list with fewer entries than it needs (choose at least min: a role group, a link). */
  | 'too_few'
  /** A list with more entries than allowed; max entries. */
  | 'too_many'
  /** A ticket right on a project of another customer than the contact's. */
  | 'other_customer_project'
  /** A ticket right on an internal project while the setting does not allow it. */
  | 'internal_not_allowed'
  /** A ticket's contact who is no person of the primary project's customer (nor of an organisation under it). */
  | 'contact_of_other_customer'
  /** An archived project takes no new tickets or time. */
  | 'project_archived'
  /** An archived task takes no new tickets or time. */
  | 'task_archived'
  /** A ticket right for an account link that names a person: the person holds the rights. */
  | 'link_names_person'
  // issue 13: why a connection to the office database failed, next to the field it concerns
  /** The server refused the password. */
  | 'wrong_password'
  /** The server refused the user (no such role, or not allowed from this computer). */
  | 'access_refused'
  /** The server has no database of this name. */
  | 'database_missing'
  /** No computer of this name was found. */
  | 'host_unknown'
  /** No database server answers at this address and port (in time). */
  | 'host_unreachable'
  /** The server offers no encrypted connections, and the mode asks for one. */
  | 'tls_unsupported'
  /** The server's certificate could not be verified (unknown CA, expired, another name). */
  | 'certificate_rejected'
  /** Any other failure to connect; the screen shows the server's own words (without the password) from params.detail. */
  | 'connection_failed'
  /** A file that cannot be read (missing, no permission). */
  | 'file_unreadable'
  /** A file that holds no PEM certificate. */
  | 'not_a_certificate'
  /** A database a newer Portier has already changed: this one may not use it. */
  | 'schema_too_new';

/** A field's problem with the numbers the message needs (e.g. max length). */
export interface FieldError {
  code: FieldErrorCode;
  min?: number;
  max?: number;
  /** Where in a template the syntax error is (1-based), and what is wrong there. */
  line?: number;
  column?: number;
  problem?: TemplateSyntaxProblem;
  /** The unknown tag or filter, or the tag left open. */
  name?: string;
}

/** What a template syntax error is, so the renderer can say it in the user's language. */
export type TemplateSyntaxProblem = 'unknown_tag' | 'unknown_filter' | 'not_closed' | 'syntax';

/** The error half of every answer. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  fields?: Record<string, FieldError>;
  /** Values the translated message may show (e.g. seconds to wait). */
  params?: Record<string, string | number>;
}

/** An error with a stable code; thrown in the core, sent as data, rebuilt in the client. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, FieldError>;
  readonly params?: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: Record<string, FieldError>; params?: Record<string, string | number> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (extra.fields) this.fields = extra.fields;
    if (extra.params) this.params = extra.params;
  }

  toPayload(): ErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }

  static fromPayload(payload: ErrorPayload): AppError {
    return new AppError(payload.code, payload.message, payload);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** A single-field validation error, the common case for rules the schema cannot express. */
export function fieldError(field: string, code: FieldErrorCode, message: string): AppError {
  return new AppError('VALIDATION', message, { fields: { [field]: { code } } });
}
