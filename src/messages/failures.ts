// Chinese lines for things that did not go as planned: slow or failed delivery, an unreachable
// database, files that cannot be written, a port already taken.

export const failures = {
  /** The placeholder of an unfinished smart-bot stream; the finished text replaces it. */
  replyProcessing: () => '正在处理…',
  systemBusy: () => '系统暂时繁忙，请稍后再试。',
  fileWriteFailed: (p: { file: string; reason: string }) =>
    `无法写入文件「${p.file}」：${p.reason}。请换一个可以写入的位置（--out 文件.xlsx）后重试。`,
  fileReasonNoFolder: () => '所在文件夹不存在（不会自动创建）',
  fileReasonNoPermission: () => '没有写入权限',
  fileReasonReadOnly: () => '所在位置是只读的',
  fileReasonIsFolder: () => '同名的文件夹已经存在',
  fileReasonNotFolder: () => '路径中有一段不是文件夹',
  fileReasonDiskFull: () => '磁盘空间不足',
  fileReasonOther: (p: { code: string }) => `系统错误 ${p.code}`,
  portInUse: (p: { port: number; host: string }) =>
    `端口 ${p.port} 已被占用（${p.host}）：请先停止占用它的程序，或用环境变量 PORT 换一个端口。`,
  portNotAllowed: (p: { port: number; host: string }) =>
    `没有权限监听端口 ${p.port}（${p.host}）：请用环境变量 PORT 换一个大于 1024 的端口。`,
};
