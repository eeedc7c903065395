/**
 * Validation and workflow messages are given in Thai and English together, so the admin (Thai
 * first) and REST clients (any language) both read a clear reason.
 */
export const bilingual = (th: string, en: string): string => `${th} (${en})`
