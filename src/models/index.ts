import type { IndexDescription } from 'mongodb';
import type { Connection } from 'mongoose';
import { counterModel } from './counter';
import { deputyModel } from './deputy';
import { inboundMessageModel } from './inbound-message';
import { outboxItemModel } from './outbox-item';
import { rateCountModel, rateSlotsModel } from './rate-budget';
import { handlingUnitModel } from './handling-unit';
import { opinionModel } from './opinion';
import { activityModel } from './activity';
import { meetingModel } from './meeting';
import { shiftModel } from './shift';
import { stationModel } from './station';
import { jobRunModel } from './job-run';
import { announcementModel } from './announcement';
import { studyItemModel } from './study-item';
import { studyQueueModel } from './study-queue';
import { connectionLeaseModel } from './connection-lease';
import { botChatModel } from './bot-chat';
import { mediaUploadModel } from './media-upload';
import { voiceDraftModel } from './voice-draft';
import { consoleSessionModel } from './console-session';
import { consoleLoginTokenModel } from './console-login-token';
import { holidayYearModel } from './holiday-year';
import { deploymentModel } from './deployment';
import { auditEntryModel } from './audit-entry';
import { photoDropModel, photoModel } from './photo';
import { ballotModel } from './ballot';
import { projectModel } from './project';

/** Every model, bound to one connection. Each feature adds its model here. */
export function createModels(conn: Connection) {
  return {
    Deputy: deputyModel(conn),
    InboundMessage: inboundMessageModel(conn),
    OutboxItem: outboxItemModel(conn),
    Counter: counterModel(conn),
    RateSlots: rateSlotsModel(conn),
    RateCount: rateCountModel(conn),
    // -- opinions
    Opinion: opinionModel(conn),
    HandlingUnit: handlingUnitModel(conn),
    // -- events
    Activity: activityModel(conn),
    Meeting: meetingModel(conn),
    Shift: shiftModel(conn),
    Station: stationModel(conn),
    // -- scheduler, announcements, study
    JobRun: jobRunModel(conn),
    Announcement: announcementModel(conn),
    StudyItem: studyItemModel(conn),
    StudyQueue: studyQueueModel(conn),
    // -- the smart bot's long connection and voice drafts
    ConnectionLease: connectionLeaseModel(conn),
    BotChat: botChatModel(conn),
    MediaUpload: mediaUploadModel(conn),
    VoiceDraft: voiceDraftModel(conn),
    // -- office console
    ConsoleSession: consoleSessionModel(conn),
    ConsoleLoginToken: consoleLoginTokenModel(conn),
    // -- operations: the official holiday calendar, deployment facts
    HolidayYear: holidayYearModel(conn),
    Deployment: deploymentModel(conn),
    // -- the audit log (操作日志)
    AuditEntry: auditEntryModel(conn),
    // -- photos (随手拍): stored once by hash; the bytes in GridFS
    Photo: photoModel(conn),
    PhotoDrop: photoDropModel(conn),
    // -- secret ballots (票决)
    Ballot: ballotModel(conn),
    // -- livelihood projects (民生实事) adopted by a ballot
    Project: projectModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

/** What index creation needs of a model (the models' own types differ too much to list together). */
type PreparedModel = Pick<Models[keyof Models], 'init' | 'schema' | 'collection'>;

/**
 * Declared indexes are created explicitly at start (autoIndex is off), so failures surface early. Each collection's
 * indexes go in one createIndexes command (mongoose sends one per index: 138 sequential round trips at every start
 * and every test app), and the collections are prepared side by side.
 */
export async function ensureIndexes(models: Models): Promise<void> {
  await Promise.all(
    (Object.values(models) as PreparedModel[]).map(async (model) => {
      // init() is mongoose's own collection creation (autoCreate), started when the model was
      // compiled; creating indexes alongside it races on a fresh database (mongo-java-server fails).
      await model.init();
      const specs = model.schema.indexes().map(([key, options]) => ({ key, ...options }) as IndexDescription);
      if (specs.length > 0) await model.collection.createIndexes(specs);
    }),
  );
}
