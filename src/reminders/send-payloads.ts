// How each kind of outbox row goes out once claimed: a chart drawn and sent as a photo, a report rendered
// and uploaded (or its summary as text), a message with stored files (a checker's evidence) as documents
// and then the message. Every part is recorded on the row the moment it is delivered (see worker.ts).
import type { Logger } from '../logger.ts';
import {
  DeliveryError,
  type OutboundChannel,
  type PartProgress,
  type SentMessage,
} from '../channels/outbound.ts';
import type { StoredFileRef } from '../core/turn.ts';
import type { ReportRenderer } from '../report/deliver.ts';
import type { DbOrTx } from '../store/db.ts';
import { fileBytes } from '../store/evidence.ts';
import {
  markPartsDelivered,
  type ChartPayload,
  type ClaimedRow,
  type ReportPayload,
  type TextPayload,
} from '../store/outbox.ts';
import type { ChartRequest } from './model.ts';

/** Draws a programme's chart as PNG bytes; null when there is no such programme. */
export type ChartDrawer = (req: ChartRequest) => Promise<Buffer | null>;

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export interface PayloadSenderDeps {
  db: DbOrTx;
  logger: Logger;
  chart?: ChartDrawer;
  report?: ReportRenderer;
  /** The row's fields for a log line. */
  context(row: ClaimedRow): Record<string, unknown>;
}

export function payloadSenders(deps: PayloadSenderDeps) {
  const { db, logger, context } = deps;
  const opts = deps;

  async function sendChart(
    channel: OutboundChannel,
    chatId: string,
    payload: ChartPayload,
  ): Promise<SentMessage> {
    const { program } = payload.chart;
    if (!channel.sendPhoto || !opts.chart) {
      throw new DeliveryError('fatal', `cannot send a chart on ${channel.name} from this process`);
    }
    let png: Buffer | null;
    try {
      png = await opts.chart(payload.chart);
    } catch (err) {
      // Nothing left for the messenger: retrying cannot duplicate it.
      throw new DeliveryError('retry', `could not draw the chart of ${program}: ${messageOf(err)}`);
    }
    if (png === null) throw new DeliveryError('fatal', `no programme ${program} to chart`);
    return channel.sendPhoto(chatId, { png, filename: `${program}.png` }, payload.reply);
  }

  /**
   * A report: uploaded as a document where the messenger takes files, else its summary as text (in
   * parts, like any reply). Rendered on each attempt from the row's fixed day, so a retry sends the same.
   */
  async function sendReport(
    channel: OutboundChannel,
    row: ClaimedRow,
    payload: ReportPayload,
    delivered: string[],
  ): Promise<string[]> {
    if (!opts.report) throw new DeliveryError('fatal', 'cannot render a report from this process');
    let rendered;
    try {
      rendered = await opts.report(payload.report);
    } catch (err) {
      throw new DeliveryError(
        'retry',
        `could not render the report of ${payload.report.program}: ${messageOf(err)}`,
      );
    }
    if (rendered === null)
      throw new DeliveryError('fatal', `no programme ${payload.report.program} to report on`);
    if (channel.sendDocument) {
      const sent = await channel.sendDocument(
        row.chatId,
        { bytes: rendered.docx, filename: rendered.filename },
        rendered.caption,
      );
      return sent.messageIds;
    }
    const before = delivered.length;
    const sent = await channel.send(row.chatId, rendered.summary, progressOf(row, delivered));
    return delivered.length === before ? sent.messageIds : [];
  }

  /**
   * A message with stored files (a checker's evidence) on a messenger that takes them: one file whose
   * caption holds the whole message carries it and its buttons; otherwise each file is a part, then the
   * message's own parts. Every part is recorded as it goes, so a retry or a restart resumes after it.
   */
  async function sendWithFiles(
    channel: OutboundChannel,
    upload: NonNullable<OutboundChannel['sendDocument']>,
    row: ClaimedRow,
    payload: TextPayload & { files: StoredFileRef[] },
    delivered: string[],
  ): Promise<void> {
    let stored: Map<number, Buffer>;
    try {
      stored = await fileBytes(
        db,
        payload.files.map((f) => f.fileId),
      );
    } catch (err) {
      // Nothing went to the messenger: retrying cannot duplicate it.
      throw new DeliveryError('retry', `could not read the files to send: ${messageOf(err)}`);
    }
    // Stored files are never deleted, so every attempt plans the same parts.
    const files = payload.files.flatMap((f) => {
      const bytes = stored.get(f.fileId);
      return bytes === undefined ? [] : [{ bytes, filename: f.name }];
    });
    const progress = progressOf(row, delivered);
    const { reply } = payload;
    if (files.length === 1 && (channel.fitsCaption?.(reply) ?? false)) {
      if (delivered.length > 0) return;
      const sent = await upload(row.chatId, files[0]!, reply);
      for (const id of sent.messageIds) await progress.onPart(delivered.length, id);
      return;
    }
    const bare = { ...reply, lines: [], buttons: [] };
    for (let i = delivered.length; i < files.length; i++) {
      const sent = await upload(row.chatId, files[i]!, bare);
      for (const id of sent.messageIds) await progress.onPart(i, id);
    }
    const before = delivered.length;
    const sent = await channel.send(row.chatId, reply, {
      delivered: Math.max(0, delivered.length - files.length),
      onPart: (index, id) => progress.onPart(files.length + index, id),
    });
    if (delivered.length === before) delivered.push(...sent.messageIds);
  }

  /** Records each part as it is delivered; a write that fails only risks that part going twice. */
  function progressOf(row: ClaimedRow, delivered: string[]): PartProgress {
    return {
      delivered: delivered.length,
      onPart: async (index, messageId) => {
        delivered.push(messageId);
        try {
          await markPartsDelivered(db, row.id, delivered);
        } catch (err) {
          logger.warn(
            { ...context(row), part: index + 1, err },
            'outbox: part sent but not recorded; a retry may send it again',
          );
        }
      },
    };
  }

  return { sendChart, sendReport, sendWithFiles, progressOf };
}
