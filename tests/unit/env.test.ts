import { databasePoolMax, positiveInt } from '../../src/lib/env'

describe('positiveInt', () => {
  it('reads a positive whole number and falls back on anything else', () => {
    expect(positiveInt({ N: '7' }, 'N', 3)).toBe(7)
    expect(positiveInt({ N: '7.9' }, 'N', 3)).toBe(7)
    for (const raw of [undefined, '', '0', '-2', 'ten']) expect([raw, positiveInt({ N: raw }, 'N', 3)]).toEqual([raw, 3])
  })
})

describe('databasePoolMax', () => {
  it('is 10 when unset or blank, and the value given from 3 up', () => {
    expect(databasePoolMax({})).toBe(10)
    expect(databasePoolMax({ DATABASE_POOL_MAX: ' ' })).toBe(10)
    expect(databasePoolMax({ DATABASE_POOL_MAX: '3' })).toBe(3)
    expect(databasePoolMax({ DATABASE_POOL_MAX: '40' })).toBe(40)
  })

  it('refuses a pool too small to start (it would hang without a word), or not a whole number, naming the variable', () => {
    for (const raw of ['2', '1', '0', '-5', '4.5', 'many']) {
      expect(() => databasePoolMax({ DATABASE_POOL_MAX: raw })).toThrow(new RegExp(`^DATABASE_POOL_MAX must be a whole number of at least 3 .*"${raw.replace('.', '\\.')}"$`))
    }
  })
})
