// Fictional people: plausible Chinese names (with the pinyin that makes their mail address),
// mobile numbers and mail addresses at example domains, never repeated within one run.
import type { Random } from './random.js';

/** "伟 wei 强 qiang" → [['伟', 'wei'], ['强', 'qiang']] */
function pool(text: string): [string, string][] {
  const words = text.trim().split(/\s+/);
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < words.length; i += 2) out.push([words[i]!, words[i + 1]!]);
  return out;
}

/** Roughly in order of frequency; picked with a skew towards the front. */
const SURNAMES = pool(`
  王 wang 李 li 张 zhang 刘 liu 陈 chen 杨 yang 黄 huang 赵 zhao 吴 wu 周 zhou 徐 xu 孙 sun 马 ma
  朱 zhu 胡 hu 郭 guo 何 he 高 gao 林 lin 罗 luo 郑 zheng 梁 liang 谢 xie 宋 song 唐 tang 许 xu
  韩 han 冯 feng 邓 deng 曹 cao 彭 peng 曾 zeng 肖 xiao 田 tian 董 dong 袁 yuan 潘 pan 于 yu
  蒋 jiang 蔡 cai 余 yu 杜 du 叶 ye 程 cheng 苏 su 魏 wei 吕 lv 丁 ding 任 ren 沈 shen
`);

// Given-name characters differ by generation: staff were born 1965–2000, students around 2010.
const GIVEN = {
  adult: {
    male: pool(`伟 wei 强 qiang 磊 lei 军 jun 勇 yong 杰 jie 涛 tao 明 ming 超 chao 刚 gang 平 ping 华 hua 建 jian
      国 guo 志 zhi 海 hai 鹏 peng 飞 fei 亮 liang 斌 bin 凯 kai 俊 jun 文 wen 波 bo 辉 hui 峰 feng 东 dong 宏 hong 新 xin`),
    female: pool(`芳 fang 娜 na 敏 min 静 jing 丽 li 艳 yan 娟 juan 秀 xiu 霞 xia 英 ying 红 hong 玉 yu 婷 ting
      雪 xue 琳 lin 慧 hui 燕 yan 萍 ping 丹 dan 晓 xiao 兰 lan 玲 ling 洁 jie 颖 ying 倩 qian 莉 li`),
  },
  student: {
    male: pool(`浩 hao 宇 yu 轩 xuan 博 bo 俊 jun 昊 hao 天 tian 睿 rui 泽 ze 晨 chen 辰 chen 逸 yi 航 hang
      铭 ming 恒 heng 鑫 xin 子 zi 一 yi 嘉 jia 皓 hao 然 ran 宸 chen 源 yuan 哲 zhe 翔 xiang 毅 yi`),
    female: pool(`涵 han 欣 xin 怡 yi 萱 xuan 诗 shi 雨 yu 思 si 佳 jia 若 ruo 瑶 yao 悦 yue 可 ke 彤 tong
      晗 han 安 an 诺 nuo 婧 jing 梓 zi 雅 ya 琪 qi 馨 xin 语 yu 婉 wan 妍 yan 楠 nan 茜 qian`),
  },
} as const;

/** Names the pools can produce that read as a word (韩国) or belong to well-known people. */
const AVOID = new Set(
  '韩国 吴国 杨伟 李娜 刘涛 黄磊 张杰 周杰 何洁 韩红 朱丹 朱军 王刚 李晨 郑凯 邓超 林丹 蔡明 马丽 陈红 董洁 黄海波 赵丽颖 杨丽萍 刘翔 李静 王芳'.split(
    ' ',
  ),
);

/** Mobile prefixes of the three carriers; the other eight digits are random. */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '158',
  '159',
  '177',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '188',
  '189',
  '199',
];

export interface Identity {
  name: string;
  /** Lower-case pinyin without tones, e.g. "zhangwei". */
  pinyin: string;
}

export function createIdentities(random: Random) {
  const names = new Set<string>();
  const phones = new Set<string>();
  const mailboxes = new Set<string>();

  function draw(generation: keyof typeof GIVEN): Identity {
    const [surname, surnamePinyin] = random.pickSkewed(SURNAMES);
    const chars = random.chance(0.5) ? GIVEN[generation].male : GIVEN[generation].female;
    // Students mostly have two-character given names; their parents' generation about half.
    const twoChars = random.chance(generation === 'student' ? 0.8 : 0.5);
    const first = random.pick(chars);
    let second = twoChars ? random.pick(chars) : null;
    if (second && second[0] === first[0]) second = null;
    return { name: surname + first[0] + (second?.[0] ?? ''), pinyin: surnamePinyin + first[1] + (second?.[1] ?? '') };
  }

  return {
    /** A name not used before in this run (a real directory has duplicates; a demo reads better without). */
    person(generation: 'adult' | 'student'): Identity {
      for (let attempt = 0; attempt < 200; attempt++) {
        const id = draw(generation);
        if (!names.has(id.name) && !AVOID.has(id.name)) {
          names.add(id.name);
          return id;
        }
      }
      throw new Error('ran out of distinct demo names');
    },

    mobile(): string {
      for (;;) {
        const phone = random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
        if (!phones.has(phone)) {
          phones.add(phone);
          return phone;
        }
      }
    },

    /** zhangwei@example.com, then zhangwei2@example.com for the next 张伟-like pinyin. */
    email(localPart: string, domain: string): string {
      for (let n = 1; ; n++) {
        const address = `${localPart}${n > 1 ? n : ''}@${domain}`;
        if (!mailboxes.has(address)) {
          mailboxes.add(address);
          return address;
        }
      }
    },
  };
}
export type Identities = ReturnType<typeof createIdentities>;
