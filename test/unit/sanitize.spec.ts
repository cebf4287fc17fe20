import { neutralizeFormula } from '../../src/text/spreadsheet';
import { neutralizeOfficeMarkdown, neutralizeUserText } from '../../src/text/sanitize';

describe('neutralizeUserText', () => {
  it('defuses <@userid> mentions and @all / @所有人', () => {
    expect(neutralizeUserText('请<@zhangsan>处理')).toBe('请＜@zhangsan＞处理');
    expect(neutralizeUserText('@all 开会 @ALL ＠所有人 @所有人')).toBe('＠all 开会 ＠ALL ＠所有人 ＠所有人');
  });

  it('defuses font and any HTML-like tag', () => {
    expect(neutralizeUserText('<font color="warning">紧急</font>')).toBe('＜font color="warning"＞紧急＜/font＞');
    expect(neutralizeUserText('<a href="x">y</a><br/>')).toBe('＜a href="x"＞y＜/a＞＜br/＞');
  });

  it('defuses entity-encoded tags', () => {
    expect(neutralizeUserText('&lt;@zhangsan&gt; &#60;')).toBe('＆lt;@zhangsan＆gt; ＆#60;');
    expect(neutralizeUserText('A&B 公司')).toBe('A&B 公司');
  });

  it('breaks links and images but leaves bare URLs', () => {
    expect(neutralizeUserText('[点这里](http://evil.example)')).toBe('［点这里］(http://evil.example)');
    expect(neutralizeUserText('![图](http://x/y.png)')).toBe('!［图］(http://x/y.png)');
    expect(neutralizeUserText('见 https://www.gov.cn/a?b=1')).toBe('见 https://www.gov.cn/a?b=1');
  });

  it('defuses headings and quotes at line start only', () => {
    expect(neutralizeUserText('# 标题\n  ## 小标题\n正文 #交通')).toBe('＃ 标题\n  ＃# 小标题\n正文 #交通');
    expect(neutralizeUserText('> 引用')).toBe('＞ 引用');
  });

  it('leaves ordinary Chinese text untouched', () => {
    const text = '村口路灯不亮，建议尽快维修。电话联系，邮箱 a@b.cn';
    expect(neutralizeUserText(text)).toBe(text);
  });
});

describe('neutralizeOfficeMarkdown', () => {
  it('keeps markdown, links and colours', () => {
    const text = '# 通知\n**明天**开会，<font color="warning">请准时</font>，[议程](https://example.gov.cn/a)';
    expect(neutralizeOfficeMarkdown(text)).toBe(text);
  });

  it('defuses mentions and @all', () => {
    expect(neutralizeOfficeMarkdown('<@zhangsan> <@lisi> 请参加 @all')).toBe('＜@zhangsan＞ ＜@lisi＞ 请参加 ＠all');
    expect(neutralizeOfficeMarkdown('&lt;@wangwu&gt; ＠所有人')).toBe('＜@wangwu＞ ＠所有人');
  });

  it('defuses mentions spelled with numeric entities', () => {
    expect(neutralizeOfficeMarkdown('&#60;@zhao&#62; &#x3C;@qian&#x3e; &lt;&#64;sun&gt; &#064;all')).toBe(
      '＜@zhao＞ ＜@qian＞ ＜@sun＞ ＠all',
    );
  });
});

describe('neutralizeFormula', () => {
  it('keeps text a spreadsheet would run as text, and leaves the rest alone', () => {
    for (const s of ['=1+2', '+86 138', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralizeFormula(s)).toBe(`'${s}`);
    for (const s of ['路灯', '１+２', ' =1', "'=1", '']) expect(neutralizeFormula(s)).toBe(s);
  });
});
