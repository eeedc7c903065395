/** A Thai/English label pair for Payload's admin. */
export const label = (th: string, en: string) => ({ th, en })
