import { isIsoDay, todayIso } from './today.ts';

/** The question and day the console shows. */
export interface ConsoleChoice {
  question: string;
  date: string;
}

/** The choice in an address's query (`?question=cis-benefit&date=2025-10-15`), the day defaulting to today. */
export function choiceFromSearch(search: string, today: string = todayIso()): ConsoleChoice {
  const params = new URLSearchParams(search);
  const date = params.get('date') ?? '';
  return { question: params.get('question') ?? '', date: isIsoDay(date) ? date : today };
}

/** The query that keeps a choice for a reload or a bookmark; none while no question is chosen. */
export function searchForChoice({ question, date }: ConsoleChoice): string {
  return question ? `?${new URLSearchParams({ question, date })}` : '';
}
