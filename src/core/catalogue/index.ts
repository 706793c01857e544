// One catalogue of every sentence a person reads, per surface, in Vietnamese and English. Each surface
// is declared so that a key missing in one language fails to compile; test/core/catalogue.test.ts walks
// them all for empty or untranslated sentences.
import { CATALOGUE as CHAT } from '../messages.ts';
import { CONSOLE } from './console.ts';
import { INVITATION } from './invitation.ts';
import { LOGIN } from './login.ts';
import { PEOPLE } from './people.ts';
import { PEOPLE_IMPORT } from './people-import.ts';
import { PLAN_IMPORT } from './plan-import.ts';
import { REMINDERS } from './reminders.ts';
import { REPORT_CHAT } from './report-chat.ts';
import { CELL_LABEL, STATUS_LABEL, WORDS as REPORT } from './report.ts';
import { SUGGESTIONS } from './suggestions.ts';
import { TELEGRAM } from './telegram.ts';
import { ZALO } from './zalo.ts';

/** Every surface by name: the chat (core/messages.ts), the channels' own words, reminders, console, documents. */
export const SURFACES = {
  chat: CHAT,
  telegram: TELEGRAM,
  zalo: ZALO,
  reminders: REMINDERS,
  console: CONSOLE,
  chatSuggestions: SUGGESTIONS,
  login: LOGIN,
  people: PEOPLE,
  peopleImport: PEOPLE_IMPORT,
  planImport: PLAN_IMPORT,
  invitation: INVITATION,
  report: REPORT,
  reportCells: CELL_LABEL,
  reportStatuses: STATUS_LABEL,
  reportChat: REPORT_CHAT,
} as const;
