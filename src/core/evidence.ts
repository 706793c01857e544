// Evidence sent in the chat: a photo or a file is fetched, checked by its first bytes (never by its
// name alone) and kept with the update it came with, or attached to the item a reply is about.
import { FileError, UnknownCodeError, type FileFailure } from './errors.ts';
import { formatInteger } from './format.ts';
import { messages } from './messages.ts';
import { canUpdate } from './permissions.ts';
import type { EvidenceFile } from './ports.ts';
import type { Reply } from './reply.ts';
import { reply, say, type IncomingFile, type Turn } from './turn.ts';
import type { ItemCode } from './types.ts';
import { unknownCodeReply } from './updates.ts';

export const DEFAULT_FILE_MAX_BYTES = 20 * 1024 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const startsWith = (b: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** A ZIP holding a Word or Excel part: its local headers name `word/` or `xl/` entries. */
function officeKind(b: Uint8Array): typeof DOCX | typeof XLSX | null {
  if (!startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return null;
  const text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  if (text.includes('word/')) return DOCX;
  if (text.includes('xl/')) return XLSX;
  return null;
}

/** The file's type as its bytes show it, among those kept (PDF, DOCX, XLSX, JPEG, PNG, WEBP); else null. */
export function sniffType(b: Uint8Array): string | null {
  if (startsWith(b, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  return officeKind(b);
}

const EXTENSION: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  [DOCX]: '.docx',
  [XLSX]: '.xlsx',
};

/** The sentence for a file not kept, with the limit in MB for one too large. */
export function fileRefusal(turn: Pick<Turn, 'lang' | 'deps'>, reason: FileFailure): string {
  const mb = (turn.deps.fileMaxBytes ?? DEFAULT_FILE_MAX_BYTES) / (1024 * 1024);
  return messages(turn.lang).fileRefused(reason, formatInteger(Math.floor(mb), turn.lang));
}

/** Fetches and checks the message's file: the file to keep, or why it is not kept. */
export async function fetchEvidence(
  turn: Pick<Turn, 'deps'>,
  file: IncomingFile,
): Promise<EvidenceFile | FileFailure> {
  const max = turn.deps.fileMaxBytes ?? DEFAULT_FILE_MAX_BYTES;
  if (file.declaredSize !== null && file.declaredSize > max) return 'too_large';
  let bytes: Uint8Array;
  try {
    bytes = await file.load(max);
  } catch (err) {
    if (err instanceof FileError) return err.reason;
    throw err;
  }
  if (bytes.byteLength > max) return 'too_large';
  const mimeType = sniffType(bytes);
  if (mimeType === null) return 'type';
  // A photo has no name on most messengers: it is named after what it is.
  const name = file.name.trim() || `anh${EXTENSION[mimeType]}`;
  return { name, mimeType, bytes };
}

/** A file with no update: attached to the item named or talked about, or the sender is asked which. */
export async function attachToItem(turn: Turn, item: ItemCode | null, file: IncomingFile): Promise<Reply[]> {
  const m = messages(turn.lang);
  if (item === null) return say(turn, m.fileWhichItem);
  const detail = await turn.deps.store.item(item);
  if (!detail) return unknownCodeReply(turn, item);
  const allowed = canUpdate(turn.person, detail.item, turn.lang);
  if (!allowed.ok) return say(turn, allowed.why);
  const got = await fetchEvidence(turn, file);
  if (typeof got === 'string') return say(turn, fileRefusal(turn, got));
  let added: boolean;
  try {
    added = await turn.deps.store.attachEvidence({
      item,
      person: turn.person.code,
      at: turn.msg.at,
      channel: turn.msg.channel,
      messageId: turn.msg.messageId,
      file: got,
    });
  } catch (err) {
    if (err instanceof UnknownCodeError && err.what === 'item') return unknownCodeReply(turn, err.code);
    throw err;
  }
  turn.state.lastItem = item;
  return [reply(turn.lang, [[added ? m.fileAttached(got.name, item) : m.duplicate]], { about: item })];
}
