import { PRIORITIES, type Priority, type Topic } from '@campaign-desk/contracts';

export interface KeywordRule {
  keyword: string;
  topic: Topic | null;
  priority: Priority | null;
}

export interface RuleMatch {
  topics: Topic[];
  priority: Priority;
  matched: KeywordRule[];
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive, whitespace-tolerant match of a keyword phrase. */
export function keywordPattern(keyword: string): RegExp {
  const words = keyword.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Suggested topics (in rule order, once each) and the highest suggested priority ('normal' when nothing matches). */
export function matchRules(text: string, rules: KeywordRule[]): RuleMatch {
  const matched = rules.filter((rule) => keywordPattern(rule.keyword).test(text));
  const topics = [...new Set(matched.map((r) => r.topic).filter((t): t is Topic => t !== null))];
  const rank = (p: Priority) => PRIORITIES.indexOf(p);
  const priority = matched.reduce<Priority>(
    (best, r) => (r.priority && rank(r.priority) > rank(best) ? r.priority : best),
    'normal',
  );
  return { topics, priority, matched };
}
