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
