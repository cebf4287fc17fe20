// Record codes (YJ2026-001, HD…, HY…, XX…, GG…): one counter per prefix and year.
export { type Code, type CodePrefix, formatCode, nextCode, nextSeq, parseCode, peekCode } from './codes';
