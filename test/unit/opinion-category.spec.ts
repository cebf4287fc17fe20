import { categoryKeywords } from '../../config/defaults';
import { extractCategoryTag, pickCategory, suggestCategory } from '../../src/services/opinions';

const names = Object.keys(categoryKeywords);

describe('suggestCategory', () => {
  it.each([
    // Street lights, roads, bridges and water are the township's construction work, not transport.
    ['村口路灯坏了，请维修', '城乡建设'],
    ['东街道路坑洼不平，雨天积水', '城乡建设'],
    ['北桥栏杆断了两根', '城乡建设'],
    ['村里经常停水，自来水管老化', '城乡建设'],
    ['希望增开到县城的公交班车', '公共交通'],
    ['小学门口需要减速带和斑马线', '公共交通'],
    ['学校门口放学时很乱', '文化教育'],
    ['卫生院缺少医生', '医疗卫生'],
    ['村后有个卫生死角，垃圾没人清', '环境整治'],
    ['低保申请太难', '社会保障'],
    ['电动车充电有消防隐患', '安全生产'],
    ['希望发展村集体产业', '乡村振兴'],
  ])('%s → %s', (text, expected) => {
    expect(suggestCategory(text, categoryKeywords)).toBe(expected);
  });

  it('gives nothing when no keyword appears', () => {
    expect(suggestCategory('邻里纠纷调解需要加强', categoryKeywords)).toBeUndefined();
  });

  it('breaks ties by config order', () => {
    expect(suggestCategory('养老和学校', { A: ['学校'], B: ['养老'] })).toBe('A');
  });
});

describe('pickCategory says which keywords chose the category', () => {
  it('lists every keyword of the chosen category found in the text', () => {
    expect(pickCategory('村口路灯坏了，道路也坑洼', undefined, categoryKeywords)).toMatchObject({
      category: '城乡建设',
      how: 'suggested',
      keywords: ['路灯', '道路', '坑洼'],
    });
  });
});

describe('extractCategoryTag', () => {
  it('takes a known category anywhere, with or without a space, full-width # too', () => {
    expect(extractCategoryTag('路灯坏了 #公共交通', names)).toEqual({ text: '路灯坏了', tag: '公共交通' });
    expect(extractCategoryTag('路灯坏了#公共交通，请尽快修', names)).toEqual({
      text: '路灯坏了，请尽快修',
      tag: '公共交通',
    });
    expect(extractCategoryTag('路灯坏了 ＃公共交通', names)).toEqual({ text: '路灯坏了', tag: '公共交通' });
  });

  it('takes an unknown tag only at the end, and leaves # inside the text alone', () => {
    expect(extractCategoryTag('河道太脏 #卫生问题', names)).toEqual({ text: '河道太脏', tag: '卫生问题' });
    expect(extractCategoryTag('3#楼前的井盖丢了，很危险', names)).toEqual({ text: '3#楼前的井盖丢了，很危险' });
  });
});

describe('pickCategory', () => {
  it('prefers a known tag, then keywords (noting an unknown tag), then 其他', () => {
    expect(pickCategory('路灯坏了', '医疗卫生', categoryKeywords)).toEqual({ category: '医疗卫生', how: 'given' });
    expect(pickCategory('路灯坏了', '交通', categoryKeywords)).toEqual({
      category: '城乡建设',
      how: 'suggested',
      unknownTag: '交通',
      keywords: ['路灯'],
    });
    expect(pickCategory('邻里纠纷', undefined, categoryKeywords)).toEqual({
      category: '其他',
      how: 'default',
      unknownTag: undefined,
    });
  });
});
