// Filled by `npm run migrate:create`; production runs these at start (prodMigrations).
export const migrations: Array<{ name: string; up: (args: any) => Promise<void>; down: (args: any) => Promise<void> }> = []
