import * as migration_20261125_191034_initial from './20261125_191034_initial';
import * as migration_20261203_074000_standard_question_set from './20261203_074000_standard_question_set';
import * as migration_20261203_074008_role_token_rows from './20261203_074008_role_token_rows';
import * as migration_20261203_092512_login_throttle from './20261203_092512_login_throttle';
import * as migration_20261203_100500_extra_holidays_date from './20261203_100500_extra_holidays_date';

export const migrations = [
  {
    up: migration_20261125_191034_initial.up,
    down: migration_20261125_191034_initial.down,
    name: '20261125_191034_initial',
  },
  {
    up: migration_20261203_074000_standard_question_set.up,
    down: migration_20261203_074000_standard_question_set.down,
    name: '20261203_074000_standard_question_set',
  },
  {
    up: migration_20261203_074008_role_token_rows.up,
    down: migration_20261203_074008_role_token_rows.down,
    name: '20261203_074008_role_token_rows',
  },
  {
    up: migration_20261203_092512_login_throttle.up,
    down: migration_20261203_092512_login_throttle.down,
    name: '20261203_092512_login_throttle',
  },
  {
    up: migration_20261203_100500_extra_holidays_date.up,
    down: migration_20261203_100500_extra_holidays_date.down,
    name: '20261203_100500_extra_holidays_date'
  },
];
