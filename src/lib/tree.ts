type Id = number | string

/**
 * Whether setting `parent` as the parent of `self` would close a loop: walks up from `parent`
 * through `parentOf` and reports a cycle when it reaches `self`. Stops at a depth limit so bad
 * data cannot hang a request.
 */
export async function findCycle(
  self: Id,
  parent: Id,
  parentOf: (id: Id) => Promise<Id | null>,
  maxDepth = 64,
): Promise<boolean> {
  let current: Id | null = parent
  for (let depth = 0; current !== null && depth < maxDepth; depth++) {
    if (String(current) === String(self)) return true
    current = await parentOf(current)
  }
  return current !== null
}
