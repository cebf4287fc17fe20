// The exports domain: the office's spreadsheets (opinion ledger, activity ledger, performance register).
export { writeActivitiesLedger } from './activities-ledger';
export { daysTaken, isOverdue, writeOpinionsLedger } from './opinions-ledger';
export { writePerformanceRegister } from './performance-register';
export { uniqueSheetName } from './sheet-names';
export { excelWallTime, writeXlsx } from './xlsx-stream';
export { FileWriteError } from './xlsx-stream';
export { writeEventList } from './event-list';
export { LEDGER_FILES, type LedgerKind, ledgerNames, writeLedger } from './ledgers';
export { type LedgerDeliveryService, createLedgerDelivery } from './ledger-delivery';
export { writeUnitRecords } from './unit-records';
export { writeYearPack } from './year-pack';
export { writeBallotResults } from './ballot-results';
export { type AppraisalTally, writeAppraisalResults } from './appraisal-results';
export { writeProjectsWorkbook } from './projects-workbook';
