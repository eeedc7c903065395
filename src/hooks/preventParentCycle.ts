import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'
import { ValidationError } from 'payload'

import { idOf } from '../access/user'
import { bilingual } from '../lib/messages'
import { findCycle } from '../lib/tree'

/** Refuses a `parent` that is the document itself or one of its descendants. */
export const preventParentCycle =
  (collection: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const parent = idOf(data?.parent)
    const self = idOf(originalDoc?.id)
    if (parent === null || self === null) return data
    const cycle = await findCycle(self, parent, async (id) => {
      const doc = await req.payload.findByID({
        collection,
        id: id as number,
        depth: 0,
        select: { parent: true } as never,
        overrideAccess: true,
        disableErrors: true,
        req,
      })
      return idOf((doc as { parent?: unknown } | null)?.parent)
    })
    if (cycle) {
      throw new ValidationError({
        collection,
        errors: [{ path: 'parent', message: bilingual('ต้นสังกัดทำให้เกิดวงวน (เลือกตัวเองหรือหน่วยย่อยของตัวเองไม่ได้)', 'The parent would make a cycle') }],
        req,
      })
    }
    return data
  }
