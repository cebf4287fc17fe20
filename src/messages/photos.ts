// Chinese text about photos (随手拍): receiving, attaching (附图), refusals.

export const photos = {
  photoReceived: (p: { count: number; minutes: number }) =>
    `已收到 ${p.count} 张照片，${p.minutes} 分钟内发送「建议 …」「民意 …」或「附图 编号」即可附上。`,
  photoAttached: (p: { count: number }) => `已附 ${p.count} 张照片。`,
  photoAttachedSome: (p: { count: number; left: number; max: number }) =>
    `已附 ${p.count} 张照片；每件建议最多 ${p.max} 张，其余 ${p.left} 张未附上。`,
  photoAttachedTo: (p: { count: number; code: string; total: number }) =>
    `已附 ${p.count} 张照片到 ${p.code}（共 ${p.total} 张）。`,
  photoAttachNone: (p: { minutes: number }) =>
    `没有等待附上的照片。请先单聊发送照片，${p.minutes} 分钟内再发送「附图 编号」。`,
  photoAttachNotOwn: (p: { code: string }) => `${p.code} 不是您提交的建议，只能给自己的建议附图。`,
  photoAttachClosed: (p: { code: string; status: string }) => `${p.code} ${p.status}，不能再附图。`,
  photoAttachFull: (p: { code: string; max: number }) =>
    `${p.code} 已有 ${p.max} 张照片，每件建议最多 ${p.max} 张，不能再附。`,
  photoAlreadyAttached: (p: { code: string }) => `这些照片已附在 ${p.code} 上了。`,
  photoRefusedNotImage: () => '收到的文件不是 JPG 或 PNG 图片，未保存。请发送照片（JPG 或 PNG）。',
  photoRefusedTooLarge: (p: { mb: number }) => `照片超过 ${p.mb} MB，未保存。请压缩后再发送。`,
  photoRefusedUnavailable: () => '照片链接已失效或无法下载，未保存。请重新发送照片。',
  photoRefusedTimeout: () => '下载照片超时，未保存。请稍后重新发送。',
  photoRefusedUndecryptable: () => '照片无法解密（文件已损坏或密钥不符），未保存。请重新发送照片。',
  photoRefusedTooMany: (p: { max: number }) => `一条消息最多 ${p.max} 张照片，未保存。请分几次发送。`,
  photoRefusedAppChannel: () =>
    '此应用暂不能接收照片（未配置应用 Secret），未保存。请在群里@助手，或单聊智能机器人发送照片。',
  photoRefusedFailed: () => '照片没有保存成功，请稍后重新发送。',
  refusalPhotoNoneWaiting: () => '没有等待附上的照片。',
  refusalPhotoAppChannel: () => '此应用暂不能接收照片（未配置应用 Secret），未保存。',
  photoProgressCount: (p: { count: number }) => `照片：${p.count} 张（在工作台的案件页查看）`,
};
