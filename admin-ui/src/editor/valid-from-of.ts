/** The draft's own valid_from, read from its text without parsing it whole (it may not parse while being typed). */
export const validFromOf = (text: string): string => /^valid_from:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1] ?? '';
