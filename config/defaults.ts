// Tunables with documented defaults. Operators override the few that matter through the
// environment (see config/index.ts); the rest are changed here and shipped with the code.

// The categories a township's 代表建议 fall into. Roads, bridges, street lights, water and power are the
// township's own construction work (城乡建设 / 市政), not transport: 公共交通 is buses, stops and traffic.
// A keyword counts by its length, so a longer, more specific one outweighs a short one.
export const categoryKeywords: Record<string, string[]> = {
  社会保障: ['社保', '养老', '低保', '医保', '救助', '残疾', '就业', '退休', '补贴', '五保', '困难'],
  文化教育: ['学校', '教育', '教师', '学生', '幼儿园', '文化', '图书', '体育', '培训', '上学'],
  城乡建设: [
    '路灯',
    '道路',
    '修路',
    '路面',
    '坑洼',
    '桥',
    '自来水',
    '供水',
    '停水',
    '排水',
    '下水道',
    '供电',
    '停电',
    '危房',
    '老旧小区',
    '市政',
    '基础设施',
    '硬化',
  ],
  公共交通: ['公交', '交通', '红绿灯', '停车', '客运', '斑马线', '车站', '班车', '校车', '减速带', '拥堵'],
  医疗卫生: ['医院', '卫生', '医疗', '诊所', '医生', '药', '疫苗', '看病', '体检', '卫生院'],
  环境整治: ['垃圾', '污水', '环境', '绿化', '污染', '河道', '噪音', '厕所', '卫生死角', '臭'],
  乡村振兴: ['农业', '农村', '乡村', '种植', '养殖', '村集体', '产业', '农田', '水利', '灌溉', '农民'],
  安全生产: ['安全', '消防', '隐患', '事故', '电动车', '燃气', '防汛', '施工'],
  其他: [],
};

export const defaults = {
  /** Default 交办 deadline, in working days of the official calendar. */
  assignDeadlineWorkdays: 15,
  /**
   * Three colours (三色预警) of an assigned case: yellow when due within `warnWorkdays` working days (official
   * calendar), red once overdue; after `escalateWorkdays` red working days the office is asked to 督办.
   */
  warnWorkdays: 3,
  escalateWorkdays: 5,
  opinion: {
    minChars: 5,
    maxChars: 2000,
    ratingNoteMaxChars: 500,
    similarThreshold: 0.35,
    similarLimit: 3,
    pageSize: 10,
  },
  /** maxLateMs: a scheduled announcement found later than this (bot was down) is not sent; the office is told. */
  announcement: { maxChars: 4000, maxLateMs: 3 * 3600_000, listSize: 10, maxAheadDays: 366 },
  study: { titleMaxChars: 60, noteMaxChars: 500, listSize: 5 },
  professionalGroups: ['社会治理', '财政经济', '城建环资', '农村农业', '科教文卫'],
  levels: ['镇', '县', '市'] as const,
  activityTypes: ['视察', '调研', '执法检查', '专业小组', '培训', '述职', '评议', '其他'] as const,
  meetingTypes: ['人代会', '主席团会议', '其他'] as const,
  /** Activity types where anyone may check in without signing up (no places). */
  openCheckinActivityTypes: ['培训', '述职'],
  checkin: { beforeStartMinutes: 60, defaultDurationMinutes: 180 },
  reminders: { beforeMinutes: [24 * 60, 120] },
  /** lockMs: a push claimed this long ago without an answer counts as abandoned (its sender died) and is sent again; keep it above the 10 s HTTP timeout. */
  outbox: {
    webhookPerMinute: 20,
    maxAttempts: 8,
    baseBackoffMs: 5_000,
    maxBackoffMs: 30 * 60_000,
    pollMs: 1_000,
    lockMs: 60_000,
  },
  /**
   * botDeadlineMs / appDeadlineMs: how long a callback waits for the command before answering anyway
   * (WeCom gives up after about 5 s): the smart bot then shows an unfinished stream and fetches the
   * rest on refresh; the app answers empty and the reply follows as an app message.
   * streamWindowMs: WeCom refreshes an unfinished stream for 6 minutes; a reply ready later than this
   * (6 min less a margin for the refresh interval) goes through response_url or an app message instead.
   * requestTimeoutMs: the whole request, body included, must arrive within this (else 408).
   * cardDeadlineMs: a card tap's update must reach WeCom within 5 s (one request, no retry): past this the
   * tap is answered empty (the choice is still recorded) so the answer never comes too late to count.
   */
  inbound: {
    maxBodyBytes: 64 * 1024,
    timestampSkewSeconds: 600,
    staleProcessingMs: 30_000,
    duplicateWaitMs: 4_000,
    botDeadlineMs: 1_500,
    appDeadlineMs: 4_000,
    streamWindowMs: 6 * 60_000 - 30_000,
    requestTimeoutMs: 10_000,
    cardDeadlineMs: 4_000,
  },
  /**
   * serverSelectionTimeoutMs bounds every operation when the database is unreachable (it must stay
   * below botDeadlineMs so a command can still answer "busy" in time); heartbeatMs is how often the
   * driver checks the server (how fast an outage and a recovery are noticed); readyTimeoutMs bounds /readyz.
   */
  database: { serverSelectionTimeoutMs: 1_000, heartbeatMs: 2_000, readyTimeoutMs: 1_500, indexRetryMs: 5_000 },
  /**
   * The smart bot's long connection: heartbeat and backoff as WeCom documents them; a lease of 30 s
   * renewed every 10 s hands the connection to another instance within 40 s of the holder dying.
   * WeCom allows 30 messages a minute and 1,000 an hour per conversation (replies included).
   */
  longConnection: {
    heartbeatMs: 30_000,
    maxMissedPings: 2,
    backoffInitialMs: 1_000,
    backoffMaxMs: 30_000,
    requestTimeoutMs: 10_000,
    leaseMs: 30_000,
    renewMs: 10_000,
    replyDeadlineMs: 3_000,
    perMinute: 30,
    perHour: 1_000,
  },
  /** A spoken opinion waits this long for 确认. */
  voiceDraftMs: 10 * 60_000,
  replyLimits: { streamBytes: 20_000, appTextBytes: 2_000, markdownBytes: 4_096, textBytes: 2_048 },
  jobs: {
    reminders: { schedule: '* * * * *', graceMs: 10 * 60_000, enabled: true },
    study: { schedule: '0 10 * * 3', graceMs: 6 * 3600_000, enabled: true },
    // Cron fires daily; the official calendar picks the days (holidays off, make-up weekend days on).
    overdue: { schedule: '30 9 * * *', graceMs: 3 * 3600_000, enabled: true, workdaysOnly: true },
    digest: { schedule: '0 9 * * 1', graceMs: 3 * 3600_000, enabled: true },
    // Before the office's 09:30 push: units hear of a colour change first, escalations join the same morning.
    colours: { schedule: '0 9 * * *', graceMs: 6 * 3600_000, enabled: true, workdaysOnly: true },
    cleanup: { schedule: '0 3 * * *', graceMs: 12 * 3600_000, enabled: true },
  },
  /** Office console: sign-in links, sessions, failed sign-ins per client address (sliding window, per instance, in memory), list paging. */
  console: {
    loginLinkMinutes: 10,
    sessionIdleHours: 8,
    sessionMaxDays: 7,
    oauthStateMinutes: 10,
    signInPerIpPerWindow: 20,
    signInWindowMinutes: 10,
    maxPageSize: 100,
    maxBatch: 100,
  },
  /**
   * Roster files (console upload, `npm run roster:import`): an .xlsx's declared and real unpacked size and entry
   * count, and rows over all sheets (a township roster has hundreds). The console parses in a worker thread with
   * its own heap cap and a time limit, so a hostile file can neither stall the bot nor take its memory.
   */
  rosterFile: {
    maxUnpackedBytes: 10 * 1024 * 1024,
    maxEntries: 200,
    maxRows: 5_000,
    workerHeapMb: 512,
    workerTimeoutMs: 60_000,
  },
  retention: { inboundDays: 7, outboxDays: 30, jobRunDays: 90 },
  /** A run left 'running' this long is presumed crashed and may be taken over; failed runs retry within grace. */
  /** The office's holiday entries reach other instances within refreshMs; from warnFromMonth a missing next year is flagged. */
  holidays: { refreshMs: 5 * 60_000, warnFromMonth: 11 },
  scheduler: { staleRunMs: 10 * 60_000, maxAttempts: 3, retryDelayMs: 60_000 },
  /**
   * Photos (随手拍): WeCom's file URLs live 5 minutes, so a photo is fetched at once, capped and timed;
   * it waits `waitMs` for 建议/民意/附图 and is deleted after `keepMs` when nobody claimed it.
   * `allowLoopbackHttp` lets a fake WeCom on 127.0.0.1 serve plain http (tests, demo mode); never in production.
   */
  photos: {
    maxBytes: 10 * 1024 * 1024,
    timeoutMs: 15_000,
    waitMs: 10 * 60_000,
    keepMs: 24 * 3600_000,
    maxPerOpinion: 9,
    perMessage: 9,
    thumbPx: 320,
    allowLoopbackHttp: false,
    /** How often an instance learns who sent pictures to another instance (their next 建议 takes them). */
    peerRefreshMs: 5_000,
  },
};

export type Defaults = typeof defaults;
