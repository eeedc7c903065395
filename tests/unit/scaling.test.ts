import { readReplicaUrls } from '../../src/lib/scaling'

describe('readReplicaUrls (DATABASE_READ_REPLICAS)', () => {
  it('splits comma-separated URLs and trims them', () => {
    expect(readReplicaUrls(' postgres://a/db , postgres://b/db')).toEqual(['postgres://a/db', 'postgres://b/db'])
  })
  it('gives undefined when unset or blank, so the adapter keeps a single pool', () => {
    expect(readReplicaUrls(undefined)).toBeUndefined()
    expect(readReplicaUrls(' , ')).toBeUndefined()
  })
})
