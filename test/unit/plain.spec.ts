import { markdownToPlain } from '../../src/text/plain';

describe('markdownToPlain', () => {
  it.each([
    ['**代表命令**', '代表命令'],
    ['已收到，编号 **YJ2026-001**。', '已收到，编号 YJ2026-001。'],
    ['## 周报', '周报'],
    ['> 原因：道路施工', '原因：道路施工'],
    ['<font color="warning">逾期 3 件</font>', '逾期 3 件'],
    ['[代表法](https://example.com/a)', '代表法（https://example.com/a）'],
    ['<@zhangsan> 请查看', '@zhangsan 请查看'],
    ['用 `帮助` 查看', '用 帮助 查看'],
  ])('%s → %s', (md, plain) => {
    expect(markdownToPlain(md)).toBe(plain);
  });

  it('keeps text that only looks like markup, and keeps line breaks', () => {
    expect(markdownToPlain('3 * 4 = 12\n第二行 #类别')).toBe('3 * 4 = 12\n第二行 #类别');
  });
});
