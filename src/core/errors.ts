// One error type per failure kind, so callers branch on the type and the replies name the cause.

/** A code that names no target, task, person or programme in the store. */
export class UnknownCodeError extends Error {
  override name = 'UnknownCodeError';
  constructor(
    readonly what: 'item' | 'person' | 'program' | 'agency',
    readonly code: string,
  ) {
    super(`unknown ${what} code: ${code}`);
  }
}

/** A target code where only a task will do (re-assigning: targets belong to their lead agency). */
export class NotATaskError extends Error {
  override name = 'NotATaskError';
  constructor(readonly code: string) {
    super(`not a task: ${code}`);
  }
}

export type InvalidUpdateReason =
  | 'percent_out_of_range'
  | 'time_in_future'
  | 'note_too_long'
  | 'nothing_to_record'
  | 'target_has_tasks'
  /** Sent before the item's latest status update (delivered late): it must not overwrite that one. */
  | 'superseded';

/** A refusal that says why in a word the caller can act on, with a detail for the logs only. */
abstract class RefusalError<Reason extends string> extends Error {
  constructor(
    readonly reason: Reason,
    what: string,
    detail?: string,
  ) {
    super(`${what}: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

/** A status update the store refuses; nothing is written. */
export class InvalidUpdateError extends RefusalError<InvalidUpdateReason> {
  override name = 'InvalidUpdateError';
  constructor(reason: InvalidUpdateReason, detail?: string) {
    super(reason, 'invalid update', detail);
  }
}

export type InviteFailure = 'unknown' | 'expired' | 'used';

/** A registration code that cannot be used. */
export class InviteError extends Error {
  override name = 'InviteError';
  constructor(readonly reason: InviteFailure) {
    super(`invite code ${reason}`);
  }
}

/** A spreadsheet or CSV that cannot be imported; carries the row-by-row report. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly rows: ReadonlyArray<{ row: number; problem: string }>,
  ) {
    super(message);
  }
}

/** The embedded database is held by another process that cannot be reached. */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
}

/** Why a file sent as evidence is not kept: over the size limit, not a type kept, or not fetched. */
export type FileFailure = 'too_large' | 'type' | 'unavailable';

export class FileError extends RefusalError<FileFailure> {
  override name = 'FileError';
  constructor(reason: FileFailure, detail?: string) {
    super(reason, 'file refused', detail);
  }
}

/**
 * Why a checker's confirmation or return of a reported "done" is refused: nothing waits on the item,
 * the button names a claim that is no longer the waiting one, the person is no checker of the
 * programme, or they reported it themselves.
 */
export type ConfirmationFailure = 'not_awaiting' | 'stale' | 'not_checker' | 'own_report';

export class ConfirmationError extends Error {
  override name = 'ConfirmationError';
  constructor(readonly reason: ConfirmationFailure) {
    super(`confirmation refused: ${reason}`);
  }
}
