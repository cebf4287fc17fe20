import { closestNames, levenshtein } from '../../src/text/closest';

const COMMANDS = [
  '帮助',
  'help',
  '?',
  '？',
  '菜单',
  '建议',
  '提建议',
  '意见',
  '民意',
  '群众反映',
  '我的建议',
  '进度',
  '查看',
  '附议',
  '联名',
  '评价',
  '撤回',
  '活动',
  '报名',
  '取消报名',
  '取消',
  '会议',
  '回执',
  '参加',
  '请假',
  '签到',
  '学习',
  '已学',
  '值班',
  '履职',
  '我的履职',
  '公告',
  '公告列表',
  '发布活动',
  '会议通知',
  '交办',
  '答复',
  '办结',
  '退回',
  '督办',
  '统计',
  '学习资料',
  '排班',
  '代表',
  '周报',
  '任务',
];

describe('closestNames', () => {
  it.each([
    ['报民', '报名'],
    ['建一', '建议'],
    ['帮住', '帮助'],
    ['签道', '签到'],
    ['统记', '统计'],
    ['公高', '公告'],
    ['hepl', 'help'],
    ['HELP', 'help'],
  ])('%s → %s first', (input, expected) => {
    expect(closestNames(input, COMMANDS)[0]).toBe(expected);
  });

  it.each(['今天天气怎么样', '你好', '天气', 'xyz', ''])('nothing for unrelated %j', (input) => {
    expect(closestNames(input, COMMANDS)).toEqual([]);
  });

  it('ranks and limits', () => {
    expect(closestNames('我想报名', COMMANDS)).toEqual(['报名', '取消报名']);
    expect(closestNames('代办', COMMANDS)).toEqual(['代表', '交办', '督办']);
    expect(closestNames('代办', COMMANDS, 1)).toEqual(['代表']);
    expect(closestNames('报民', ['报名', '报名'])).toEqual(['报名']);
  });
});

describe('levenshtein', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(levenshtein([...'报名'], [...'报民'])).toBe(1);
    expect(levenshtein([...'👍a'], [...'a'])).toBe(1);
    expect(levenshtein([...''], [...'abc'])).toBe(3);
    expect(levenshtein([...'kitten'], [...'sitting'])).toBe(3);
  });
});
