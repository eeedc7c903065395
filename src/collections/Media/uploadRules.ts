import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { bilingual } from '../../lib/messages'
import { MEDIA_MAX_BYTES, tooLarge, uploadProblem } from '../../lib/uploads'

const fileError = (problem: { th: string; en: string }, req?: PayloadRequest) =>
  new ValidationError({ collection: 'media', errors: [{ path: 'file', message: bilingual(problem.th, problem.en) }], req })

/**
 * Refuses a wrong type or an oversized file with a field error on `file`, in Thai and English,
 * before Payload reads the content (which still rejects a file whose bytes are not what its name says).
 */
export const checkUploadedFile: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const problem = uploadProblem({ name: file.name, mimetype: file.mimetype, size: file.size }, MEDIA_MAX_BYTES)
  if (problem) throw fileError(problem, req)
  return args
}
