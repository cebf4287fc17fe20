import { deriveTitle } from '../../src/text/title';

describe('deriveTitle', () => {
  it('takes the first sentence', () => {
    expect(deriveTitle('村口路灯不亮。晚上出行很不方便，建议尽快维修。')).toBe('村口路灯不亮');
    expect(deriveTitle('能否增加公交班次？现在每天只有两班')).toBe('能否增加公交班次');
    expect(deriveTitle('Fix the road! Now')).toBe('Fix the road');
    expect(deriveTitle('一是修路；二是加灯')).toBe('一是修路');
  });

  it('takes the first non-empty line', () => {
    expect(deriveTitle('\n  关于村道硬化的建议  \n具体情况如下')).toBe('关于村道硬化的建议');
  });

  it('truncates to maxChars code points including the ellipsis', () => {
    const long = '关于进一步加强农村人居环境整治提升工作中垃圾分类收运体系建设的建议';
    const title = deriveTitle(long);
    expect(title).toBe('关于进一步加强农村人居环境整治提升工作中垃圾分类收运体系建…');
    expect([...title].length).toBe(30);
    expect(deriveTitle('一二三四五六', 5)).toBe('一二三四…');
    expect(deriveTitle('一二三四五', 5)).toBe('一二三四五');
    expect(deriveTitle('👍👍👍👍', 3)).toBe('👍👍…');
  });

  it('returns empty for empty content', () => {
    expect(deriveTitle('')).toBe('');
    expect(deriveTitle(' \n 。')).toBe('');
  });
});
