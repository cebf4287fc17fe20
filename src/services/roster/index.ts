// The roster domain: who is a deputy, who is office staff, and the bulk import of the roster sheet.
export type { Actor } from './actor';
export { type ActorLookup, type Roster, type RosterEntry, type RosterOptions, createRoster } from './roster';
export { type OfficeDirectory, createOfficeDirectory } from './office-directory';
export type { ContactEntry, UnitContacts, UnitWithContacts } from './unit-contacts';
export { type RosterRules, checkDeputyFields, normalizeGroup, normalizeLevel, normalizePhone } from './rules';
export { type ParsedRoster, mapHeader, normalizeHeader, parseRosterSheets, readDate } from './import-parse';
export { type ImportPlan, type StoredDeputy, planHasWrites, planImport } from './import-plan';
export { formatImportReport, sheetProblemText } from './import-report';
export { type RosterImportStore, createRosterImportStore } from './import-store';
export { type Sheet, type SheetLimits, type SheetProblem, decodeText, readSheetFile } from './import-sheet';
export { type ReadSheets, createSheetReader } from './sheet-reader';
export { type RosterUpload, type UploadPlan, createRosterUpload } from './roster-upload';
