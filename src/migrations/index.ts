import * as migration_20261125_191034_initial from './20261125_191034_initial';

export const migrations = [
  {
    up: migration_20261125_191034_initial.up,
    down: migration_20261125_191034_initial.down,
    name: '20261125_191034_initial'
  },
];
