import * as migration_20261125_181108_initial from './20261125_181108_initial';

export const migrations = [
  {
    up: migration_20261125_181108_initial.up,
    down: migration_20261125_181108_initial.down,
    name: '20261125_181108_initial'
  },
];
