/**
 * DATABASE_READ_REPLICAS: comma-separated PostgreSQL URLs for the adapter's `readReplicas`.
 * Unset or blank gives undefined (the adapter would otherwise wrap zero replicas).
 */
export function readReplicaUrls(value: string | undefined): string[] | undefined {
  const urls = (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
  return urls.length ? urls : undefined
}

/**
 * Express's `trust proxy` from TRUST_PROXY, which decides the client address every rate limit,
 * login throttle and audit entry uses. Never `true` (trust every hop): the client writes the
 * left-most X-Forwarded-For entries itself, and proxies append to the header rather than replace it.
 * - unset, blank or `false`: only a proxy on this machine (`loopback`);
 * - `true`: one proxy in front (the load balancer): the client is the address it appended;
 * - a number N: N proxies in front;
 * - otherwise a comma-separated list of the proxies' addresses or subnets (`10.0.0.0/8`), loopback added.
 */
export function trustProxySetting(value: string | undefined): number | string | string[] {
  const raw = (value ?? '').trim()
  if (raw === '' || raw === 'false') return 'loopback'
  if (raw === 'true') return 1
  if (/^\d+$/.test(raw)) return Math.max(Number(raw), 1)
  // The site's own server-side calls to the API come over loopback, carrying the client's address.
  return [...raw.split(',').map((part) => part.trim()).filter(Boolean), 'loopback']
}

/** Whether a proxy in front of this instance is trusted (it tells the client's address and scheme). */
export const behindTrustedProxy = (value: string | undefined): boolean => trustProxySetting(value) !== 'loopback'
