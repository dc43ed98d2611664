export const PROXY_RULES: Record<string, { items: string[] }> = {};
export function procedureOf(_id: string): string | undefined { return undefined; }
