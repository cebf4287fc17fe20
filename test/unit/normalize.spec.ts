import { normalizeCommandText, normalizeSpaces, stripMentions, toHalfWidth } from '../../src/text/normalize';

describe('toHalfWidth', () => {
  it('maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('ＹＪ２０２６－００７')).toBe('YJ2026-007');
    expect(toHalfWidth('时间：１４：３０\u3000地点（镇政府）！')).toBe('时间:14:30 地点(镇政府)!');
    expect(toHalfWidth('＠＃～')).toBe('@#~');
  });

  it('leaves Chinese text and punctuation outside the block alone', () => {
    expect(toHalfWidth('建议，修路。「好」')).toBe('建议,修路。「好」');
  });
});

describe('normalizeSpaces', () => {
  it('unifies space variants and collapses runs, keeping newlines', () => {
    expect(normalizeSpaces('\u3000建议\u2005\u2005修路\u00a0 \t加灯\u2003\u202f\u205f！ ')).toBe('建议 修路 加灯 ！');
    expect(normalizeSpaces('第一行  \n  第二行\n\n第三行')).toBe('第一行 \n 第二行\n\n第三行');
  });

  it('removes zero-width characters', () => {
    expect(normalizeSpaces('\ufeff报\u200b名\u200c \u200dHD2026-001')).toBe('报名 HD2026-001');
  });
});

describe('normalizeCommandText', () => {
  it('does both', () => {
    expect(normalizeCommandText('  报名\u3000ＨＤ２０２６－００１\u2005 ')).toBe('报名 HD2026-001');
  });
});

describe('stripMentions', () => {
  it('strips the configured bot name, even with spaces, repeated, with ＠ and any space after', () => {
    expect(stripMentions('@人大 助手\u2005建议 修路', '人大 助手')).toBe('建议 修路');
    expect(stripMentions('＠人大\u00a0助手  @人大 助手\u3000报名 HD2026-001', '人大 助手')).toBe('报名 HD2026-001');
    expect(stripMentions('@人大 助手', '人大 助手')).toBe('');
  });

  it('with a bot name, leaves other mentions and longer names alone', () => {
    expect(stripMentions('@张三 建议', '助手')).toBe('@张三 建议');
    expect(stripMentions('@助手二号 建议', '助手')).toBe('@助手二号 建议');
  });

  it('with a bot name, drops a leading run of mentions that includes the bot, and the bot mention typed elsewhere', () => {
    expect(stripMentions('@张三\u2005@人大 助手\u2005帮助', '人大 助手')).toBe('帮助');
    expect(stripMentions('建议 村口修路 @人大 助手', '人大 助手')).toBe('建议 村口修路');
    expect(stripMentions('建议\u3000村口修路\u00a0＠人大\u3000助手\u2005', '人大 助手')).toBe('建议\u3000村口修路');
    expect(stripMentions('＠人大 助手 #建议 修路 @人大 助手 加灯', '人大 助手')).toBe('建议 修路  加灯');
    // Not the bot: a name that only starts like it, or a mention glued to the word before it.
    expect(stripMentions('建议 请@人大 助手转交', '人大 助手')).toBe('建议 请@人大 助手转交');
    expect(stripMentions('@张三 @助手二号 建议', '助手')).toBe('@张三 @助手二号 建议');
  });

  it('without a bot name, strips leading @word tokens', () => {
    expect(stripMentions('@助手\u2005@小秘书\u3000建议 修路')).toBe('建议 修路');
    expect(stripMentions('＠助手\u00a0帮助')).toBe('帮助');
    expect(stripMentions('建议 请联系 @张三')).toBe('建议 请联系 @张三');
  });

  it('strips one leading / or # after the mentions, not a trailing #类别', () => {
    expect(stripMentions('@助手 /帮助')).toBe('帮助');
    expect(stripMentions('#建议 村口路灯不亮 #基础设施')).toBe('建议 村口路灯不亮 #基础设施');
    expect(stripMentions('＃活动')).toBe('活动');
    expect(stripMentions('  建议 修路 #交通  ')).toBe('建议 修路 #交通');
  });
});
