// Chinese text for the bulk roster import (npm run roster:import): row errors and the report.

export const rosterImport = {
  importNoHeader: () =>
    '没有找到表头：表格前10行中需要有一行同时包含「姓名」和「企业微信账号」两列（账号列也可写作 账号 / userid / 企业微信ID）。',
  importNoRows: () => '表头下面没有代表数据。',
  importDuplicateColumn: (p: { columns: string }) => `表头中这些列出现了不止一次：${p.columns}。请删除多余的列后重试。`,
  importMissingUserid: () => '缺少企业微信账号（可在企业微信管理后台「通讯录」里查看成员的账号）。',
  importMissingName: () => '缺少姓名。',
  importBadUserid: (p: { userid: string }) =>
    `企业微信账号「${p.userid}」不合规：只能包含字母、数字、点、横线、下划线和@，最长64位。例：zhangsan`,
  importBadName: (p: { name: string }) => `姓名「${p.name}」过长：应为1到20个字。`,
  importBadLevel: (p: { level: string; levels: string }) =>
    `层级「${p.level}」无法识别，只能是：${p.levels}（可留空，默认为镇）。`,
  importBadGroup: (p: { group: string; groups: string }) =>
    `专业小组「${p.group}」无法识别，只能是：${p.groups}（可留空）。`,
  importBadPhone: (p: { phone: string }) =>
    `手机「${p.phone}」不是有效号码：请写11位手机号，或带区号的固定电话（例：0571-88886666），也可留空。`,
  importBadDate: (p: { column: string; value: string }) =>
    `${p.column}「${p.value}」不是日期。例：2021-11-01 或 2021年11月1日。`,
  importTermReversed: () => '任期结束早于任期开始。',
  importDuplicateUserid: (p: { userid: string; other: number }) => `企业微信账号「${p.userid}」与第${p.other}行重复。`,
  importDuplicateName: (p: { name: string; other: number }) =>
    `姓名「${p.name}」与第${p.other}行重复。同名代表请在姓名后加区分，例如「${p.name}（东村）」。`,
  importNameTaken: (p: { name: string; userid: string }) =>
    `姓名「${p.name}」已被名册中的另一位代表（${p.userid}）使用，而TA不在本文件中。请核对账号，或加 --deactivate-missing 停用不在文件中的代表。`,

  importUsage: () =>
    '用法：npm run roster:import -- <名册.xlsx|名册.csv> [--apply] [--deactivate-missing]\n' +
    '  默认只试运行、不写入；确认无误后加 --apply 写入。\n' +
    '  --deactivate-missing：停用名册中在册、但文件里没有的代表（人大办工作人员除外）。',
  importUnknownOption: (p: { option: string }) => `不认识的参数「${p.option}」。`,
  importFileMissing: (p: { file: string }) =>
    `找不到文件「${p.file}」。请检查路径，例：npm run roster:import -- ./代表名册.xlsx`,
  importUnsupported: (p: { ext: string }) =>
    `不支持「.${p.ext}」文件：请另存为 Excel 工作簿（.xlsx）或 CSV UTF-8（.csv）后重试。（旧版 .xls 也请另存为 .xlsx。）`,
  importUnreadable: (p: { detail: string }) =>
    `无法读取这个文件（${p.detail}）。请在 Excel/WPS 中另存为 .xlsx 后重试。`,
  importTooLarge: (p: { maxMb: number; maxEntries: number }) =>
    `这个文件解压后超过 ${p.maxMb} MB（或内含超过 ${p.maxEntries} 个部分），不像是一份名册，没有读取。请只保留名册工作表，另存为 .xlsx 后重试。`,
  importTooManyRows: (p: { max: number }) =>
    `文件超过 ${p.max} 行，没有读取。名册请只保留代表名单；人数确实更多时请分成几个文件依次导入。`,
  importTooComplex: () =>
    '这个文件过于复杂，读取时超出了允许的时间或内存，没有读取。请只保留名册工作表，另存为 .xlsx 后重试。',
  importGbkNote: () =>
    '提示：这个 CSV 不是 UTF-8 编码，已按 GBK（GB18030）读取。如有乱码，请另存为 .xlsx 或「CSV UTF-8」后重试。',

  importHeader: (p: { file: string; sheet: string; apply: boolean }) =>
    `代表名册导入${p.apply ? '' : '（试运行，未写入）'}：${p.file}，工作表「${p.sheet}」`,
  importIgnoredColumns: (p: { columns: string }) => `未使用的列：${p.columns}`,
  importMissingColumns: (p: { columns: string }) => `文件中没有这些列，名册中对应信息保持不变：${p.columns}`,
  importAddedHeader: (p: { count: number }) => `新增 ${p.count} 人：`,
  importAddedLine: (p: { row: number; name: string; userid: string; details: string }) =>
    `  + 第${p.row}行 ${p.name}（${p.userid}）${p.details}`,
  importChangedHeader: (p: { count: number }) => `修改 ${p.count} 人：`,
  importChangedLine: (p: { row: number; name: string; userid: string; changes: string }) =>
    `  ~ 第${p.row}行 ${p.name}（${p.userid}）：${p.changes}`,
  importChange: (p: { field: string; from: string; to: string }) => `${p.field} ${p.from} → ${p.to}`,
  importUnchanged: (p: { count: number }) => `不变 ${p.count} 人`,
  importDeactivateHeader: (p: { count: number }) => `停用 ${p.count} 人（在册但不在文件中；历史记录保留）：`,
  importMissingKeptHeader: (p: { count: number }) =>
    `名册中在册、但文件中没有的 ${p.count} 人（保留不动；如需停用，加 --deactivate-missing）：`,
  importOfficeKeptHeader: (p: { count: number }) => `人大办工作人员 ${p.count} 人不在文件中，保留不动：`,
  importPersonLine: (p: { name: string; userid: string }) => `  - ${p.name}（${p.userid}）`,
  importErrorsHeader: (p: { count: number }) =>
    `错误 ${p.count} 处（有任何错误时不会写入任何内容，请改正后重新运行）：`,
  importErrorLine: (p: { row: number; message: string }) =>
    p.row > 0 ? `  第${p.row}行：${p.message}` : `  ${p.message}`,
  importBlocked: () => '未写入：请先改正以上错误。',
  importNothingToDo: () => '名册与文件一致，没有需要写入的变化。',
  importDryRunDone: () =>
    '以上为试运行结果，名册未改动。确认无误后加 --apply 写入：npm run roster:import -- <文件> --apply',
  importApplied: (p: { added: number; changed: number; deactivated: number }) =>
    `已写入：新增 ${p.added} 人，修改 ${p.changed} 人，停用 ${p.deactivated} 人。`,
  importEmptyValue: () => '（空）',
  importActiveYes: () => '在册',
  importActiveNo: () => '已停用',
};
