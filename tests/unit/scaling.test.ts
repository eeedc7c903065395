import express from 'express'
import type { AddressInfo } from 'node:net'

import { behindTrustedProxy, readReplicaUrls, trustProxySetting } from '../../src/lib/scaling'

describe('readReplicaUrls (DATABASE_READ_REPLICAS)', () => {
  it('splits comma-separated URLs and trims them', () => {
    expect(readReplicaUrls(' postgres://a/db , postgres://b/db')).toEqual(['postgres://a/db', 'postgres://b/db'])
  })
  it('gives undefined when unset or blank, so the adapter keeps a single pool', () => {
    expect(readReplicaUrls(undefined)).toBeUndefined()
    expect(readReplicaUrls(' , ')).toBeUndefined()
  })
})

describe('trustProxySetting (TRUST_PROXY)', () => {
  it('trusts loopback only when unset, one hop for true, N hops for a number, else the listed proxies and loopback', () => {
    expect(trustProxySetting(undefined)).toBe('loopback')
    expect(trustProxySetting(' ')).toBe('loopback')
    expect(trustProxySetting('false')).toBe('loopback')
    expect(trustProxySetting('true')).toBe(1)
    expect(trustProxySetting('2')).toBe(2)
    expect(trustProxySetting('0')).toBe(1)
    expect(trustProxySetting('10.0.0.0/8, 192.168.1.5')).toEqual(['10.0.0.0/8', '192.168.1.5', 'loopback'])
    expect([behindTrustedProxy(undefined), behindTrustedProxy('false'), behindTrustedProxy('true'), behindTrustedProxy('10.0.0.0/8')]).toEqual([false, false, true, true])
  })

  /** What Express makes of X-Forwarded-For (sent over loopback) under a setting. */
  async function clientIpUnder(setting: string | undefined, forwardedFor: string): Promise<string> {
    const app = express()
    app.set('trust proxy', trustProxySetting(setting))
    app.use((req, res) => {
      res.json({ ip: req.ip })
    })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { 'X-Forwarded-For': forwardedFor } })
      return ((await res.json()) as { ip: string }).ip
    } finally {
      server.close()
    }
  }

  it('never takes the address a client wrote left of the one its proxy appended', async () => {
    // The client claims 10.0.0.1; the load balancer (here the loopback peer) appended 203.0.113.9.
    expect(await clientIpUnder('true', '10.0.0.1, 203.0.113.9')).toBe('203.0.113.9')
    expect(await clientIpUnder(undefined, '10.0.0.1, 203.0.113.9')).toBe('203.0.113.9')
    // Two proxies in front: the first (outer) one's entry is the client.
    expect(await clientIpUnder('2', '10.0.0.1, 203.0.113.9, 172.16.0.2')).toBe('203.0.113.9')
    // A listed inner proxy is skipped, the next address is the client.
    expect(await clientIpUnder('172.16.0.0/12', '10.0.0.1, 203.0.113.9, 172.16.0.2')).toBe('203.0.113.9')
  })
})
