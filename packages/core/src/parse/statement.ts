import { bareName, INTERNAL_OFFICE, ownerOfOffice, placeless } from './organ.js';
import { titleParts } from './title.js';

/*
 * The report's own statement of whose report it is, in its opening: "现公布某某县人民政府2019年政府
 * 信息公开工作年度报告", "编制《某某街道办事处2023年度…年度报告》", "本报告由某某区人民政府办公室编制".
 * It restates the title or names the organ that compiled the report; else the first part's first
 * sentence has the organ for its subject ("2021年，某某局认真贯彻落实…"). Any other mention of an organ
 * in the prose ("请与某某局办公室联系", "通过某某市人民政府网站公开", "根据《某某省政府信息公开
 * 规定》") says nothing of whose report it is, and is never read.
 */

/** How much of the text opens the report: the statement comes before the first part's heading. */
const OPENING = 1500;

/**
 * A verb of publishing, then the report's name up to the words that name a report, or up to the
 * end of the clause when the report is called by what it tells ("特向社会公布某某局2024年政府信息
 * 公开情况。").
 */
const PUBLISHES =
  /(?:公布|发布|编制|形成|向社会公开|现将|现公开)了?《?([^《》。；;，,：:]{4,60}?(?:年度报告|年报|工作报告|情况的报告|的年度报告|信息公开(?:工作)?情况(?=[。；;，,]|报告如下|$)))/g;
/** "由X编制": the run of the organ's name after 由, up to the verb that follows it. */
const COMPILED_BY = /由([\u4e00-\u9fa5（）()]{3,40})/g;
const AFTER_NAME = /(?:根据|按照|依据|依照|结合|编制|汇总|组织|负责|会同|在).*$/;
/**
 * "某某镇人民政府特此编制2024年度…报告": a clause that is the organ's name, then the verb of
 * compiling. The name must be the whole clause, with no word of prose in it ("…条例要求区政府
 * 办公室编制" is not a name).
 */
const COMPILES = /(?:^|[,，。；;:：\n])([\u4e00-\u9fa5（）()]{3,30}?)(?:特此|特)?编制了?(?=本|《|(?:19|20)\d{2})/g;
/**
 * What a whole organ's name ends with when a statement names it. Not a field's `FIELD_ORGAN_END`
 * (organ.ts): in a sentence a township or a zone is an organ only as the subject (`SUBJECT_END`).
 */
const STATEMENT_ORGAN_END =
  /(?:局|委员会|委|办公室|办|厅|人民政府|政府|中心|院|署|部|管委会|联合会|街道办事处|办事处|街道|大学|学院|海关)$/;
/**
 * What the opening sentence's subject may also end with: a township (its government speaking of
 * itself as "某某镇") or a zone (its 管委会 as "某某高新区"). A bare city or county ("某某市坚持…")
 * may be the whole government or the report on the region's organs: not read as the organ.
 */
const SUBJECT_END = /(?:镇|乡|街道|苏木|开发区|高新区|经开区|新区|实验区|示范区|园区)$/;
/**
 * The office of a government ("某某镇人民政府党政办公室", "某某县人民政府办公室"): "由X编制" names it as
 * the compiler of its government's report as often as of its own, so it does not say whose report it is.
 */
const GOVERNMENT_OFFICE = /(?:人民政府|政府)(?:党政)?(?:办公室|办)$/;
/** Words that are not a name: the reporting organ speaking of itself. */
const SELF = /^(?:我|本|该)/;

/** A name fit to be the organ: whole, with its place, without the bracketed other name at its end. */
function organName(words: string, ends = STATEMENT_ORGAN_END): string | undefined {
  // "某某海关关区": the customs district a 海关 reports on is its own.
  const name = words
    .replace(/[（(][^（）()]*[)）]$/, '')
    .replace(/(海关)关区$/, '$1')
    .trim();
  if (name.length < 3 || SELF.test(name) || !ends.test(name) || placeless(name)) return undefined;
  return name;
}

/**
 * The heading of the report's first part, whose first sentence says what the organ did: "一、" and
 * a short name ("一、总体情况", "一、工作概述", "一、基本工作情况"), or the name alone.
 */
const FIRST_PART = /(?:^|\n)\s*(?:一\s*[、.．]\s*[^\n。，,；;]{0,16}|总体情况|概述|总体概述|基本情况)\s*\n/;
/** The year or the circumstance a clause opens with ("2023年", "2022年以来", "在区委、区政府的领导下"). */
const CLAUSE_LEAD = /^(?:(?:19|20)\d{2}年度?(?:以来|来|全年)?)/;
/**
 * The verbs the organ's subject is followed by ("某某街道办事处认真贯彻落实…"), and "以…为" ("某某区
 * 人民政府办公室以提升…质量为抓手").
 */
const SUBJECT = new RegExp(
  '^([\\u4e00-\\u9fa5（）()]{3,30}?)(?:的?(?:政府信息公开|政务公开|信息公开)工作)?(?=认真|坚持|深入|严格|全面|始终|紧紧|高度|按照|根据|依据|依照|围绕|积极|进一步|不断|持续|以习近平|以[^，,。；;]{1,40}?为|在|依法|扎实|继续|着力|切实|紧密|立足|聚焦|及时|健全|完善)',
);

/**
 * The subject of the first sentence of the report's first part ("2021年，某某区应急管理局认真贯彻
 * 落实《条例》…"): the organ saying what it did in the year. Only the subject of a clause's start
 * counts, never a name within a clause ("通过某某市人民政府网站…", "请与某某局联系").
 */
export function subjectOrgan(simplified: string): string | undefined {
  const heading = FIRST_PART.exec(simplified.slice(0, 3000));
  const starts = heading ? [0, heading.index + heading[0].length] : [0];
  for (const start of starts) {
    const name = sentenceSubject(firstSentence(simplified, start));
    if (name) return name;
  }
  return undefined;
}

/** The first sentence from `start`, past the headings of sub-parts ("（一）主动公开情况"). */
function firstSentence(simplified: string, start: number): string {
  const lines = simplified.slice(start, start + 1000).split('\n');
  // A sub-part's heading is a short line without a sentence's punctuation.
  const line = lines.find((text) => text.trim().length > 30 || /[。，,；;]/.test(text)) ?? '';
  return line.split(/[。；;]/, 1)[0] as string;
}

/** The organ that is the subject of a clause's start in the sentence, if one of its first three clauses has one. */
function sentenceSubject(sentence: string): string | undefined {
  for (const raw of sentence
    .replace(/[ \t\u3000]+/g, '')
    .split(/[,，]/)
    .slice(0, 3)) {
    const clause = raw.replace(CLAUSE_LEAD, '');
    if (!clause || /^(?:在|按照|根据|依据|依照|为|经)/.test(clause)) continue;
    const words = SUBJECT.exec(clause)?.[1];
    if (!words) continue;
    return organName(words) ?? organName(words, SUBJECT_END);
  }
  return undefined;
}

/** The organ the opening's statement names (simplified text), else undefined. */
export function statementOrgan(simplified: string): string | undefined {
  const opening = simplified.slice(0, OPENING).replace(/[ \t\u3000]+/g, '');
  for (const match of opening.matchAll(PUBLISHES)) {
    const parts = titleParts(match[1] as string);
    // A report's name in 《》 restates its title ("我镇认真编制了《某某镇2020年…年度报告》"): a
    // township or a zone named there is the title's organ, as in the title itself.
    const quoted = match[0].includes('《');
    const name = parts.agency
      ? (organName(parts.agency) ?? (quoted ? organName(parts.agency, SUBJECT_END) : undefined))
      : undefined;
    if (name) return name;
  }
  // Both of the statements below need 编制 in the opening (in the sentence, or after the name).
  if (!opening.includes('编制')) return undefined;
  for (const match of opening.matchAll(COMPILED_BY)) {
    const end = opening.indexOf('。', match.index);
    const sentence = opening.slice(opening.lastIndexOf('。', match.index) + 1, end < 0 ? undefined : end);
    if (!/编制/.test(sentence) || !/报告|年报/.test(sentence)) continue;
    const name = organName(ownerOfOffice((match[1] as string).replace(AFTER_NAME, '')));
    if (name && !GOVERNMENT_OFFICE.test(name) && !INTERNAL_OFFICE.test(name)) return name;
  }
  for (const match of opening.matchAll(COMPILES)) {
    const run = match[1] as string;
    const name = bareName(run) ? (organName(run) ?? organName(run, SUBJECT_END)) : undefined;
    if (name) return name;
  }
  return undefined;
}
