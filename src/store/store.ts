// The store as one object implementing the core's port, over any drizzle database.
import type { CoreStore } from '../core/ports.ts';
import { DEFAULT_TZ } from '../core/time.ts';
import type { Lexicon } from '../core/types.ts';
import * as conv from './conversation.ts';
import type { Db } from './db.ts';
import * as groups from './group-digests.ts';
import * as people from './people.ts';
import * as q from './queries.ts';
import { agencyRanking } from './ranking.ts';
import { reassign } from './reassign.ts';
import * as confirm from './confirmation.ts';
import * as evidence from './evidence.ts';
import { recordUpdate } from './record-update.ts';
import { keepUnread } from './unread.ts';

export interface Store extends CoreStore {
  db: Db;
  /** The province's time zone: the day an item was finished on is read in it (the status grid). */
  tz: string;
  /** Forget the cached lexicon after programmes or agencies change (import, seed). */
  invalidateLexicon(): void;
}

export function createStore(db: Db, clock: () => Date = () => new Date(), tz: string = DEFAULT_TZ): Store {
  let lexicon: Promise<Lexicon> | null = null;
  return {
    db,
    tz,
    invalidateLexicon: () => {
      lexicon = null;
    },
    lexicon: () => {
      lexicon ??= q.lexicon(db).catch((err: unknown) => {
        lexicon = null;
        throw err;
      });
      return lexicon;
    },
    findSender: (channel, id) => people.findSender(db, channel, id),
    personByCode: (code) => people.personByCode(db, code),
    register: (code, account, at) => people.register(db, code, account, at),
    overdue: (scope, level, today) => q.overdue(db, scope, level, today),
    dueBetween: (scope, level, period) => q.dueBetween(db, scope, level, period),
    byStatus: (scope, level, status, period) => q.byStatus(db, scope, level, status, period, tz),
    item: (code) => q.itemDetail(db, code),
    itemCodes: () => q.itemCodes(db),
    summary: (scope, today, period) => q.summary(db, scope, today, period, tz),
    ranking: (scope, period, today) => agencyRanking(db, { program: scope.program, period, today, tz }),
    openTasksOf: (person) => q.openTasksOf(db, person),
    recordUpdate: (input) => recordUpdate(db, input, clock()),
    attachEvidence: (input) => evidence.attachEvidence(db, input),
    evidenceOf: (item) => evidence.evidenceOf(db, item),
    checkersOf: (item) => confirm.checkersOf(db, item),
    claimOf: (item) => confirm.claimOf(db, item),
    confirmClaim: (input) => confirm.confirmClaim(db, input),
    returnClaim: (input) => confirm.returnClaim(db, input),
    requestExplanation: (item, by, at) => conv.requestExplanation(db, item, by, at),
    openExplanationFor: (person, item) => conv.openExplanationFor(db, person, item),
    answerExplanation: (id, answer, at, source) => conv.answerExplanation(db, id, answer, at, source),
    snooze: (person, item, until) => conv.snooze(db, person, item, until),
    personDirectory: () => people.personDirectory(db),
    reassign: (input) => reassign(db, input),
    groupDigest: (chat) => groups.groupDigest(db, chat),
    subscribeGroupDigest: (sub) => groups.subscribeGroupDigest(db, sub),
    unsubscribeGroupDigest: (chat, by, at) => groups.unsubscribeGroupDigest(db, chat, by, at),
    conversation: (chat) => conv.conversation(db, chat),
    saveConversation: (chat, state) => conv.saveConversation(db, chat, state),
    itemOfBotMessage: (chat, id) => conv.itemOfBotMessage(db, chat, id),
    rememberBotMessage: (chat, id, item) => conv.rememberBotMessage(db, chat, id, item),
    keepUnread: (message) => keepUnread(db, message),
  };
}
