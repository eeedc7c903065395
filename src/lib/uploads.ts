/**
 * What a manual's forms may be: PDF, Word (DOCX) and common images, at most 10 MB. Checked on
 * the declared type and the file name before Payload sniffs the content, so the common mistakes
 * (a .doc, a .zip, a photo of 30 MB) get a clear reason in Thai and English.
 */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024

export const MEDIA_TYPES = [
  { mimeType: 'application/pdf', extensions: ['pdf'] },
  { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  { mimeType: 'image/png', extensions: ['png'] },
  { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { mimeType: 'image/webp', extensions: ['webp'] },
] as const

export const MEDIA_MIME_TYPES: string[] = MEDIA_TYPES.map((t) => t.mimeType)

const extensionOf = (filename: string): string => {
  const dot = filename.lastIndexOf('.')
  return dot >= 0 ? filename.slice(dot + 1).toLowerCase() : ''
}

export type UploadProblem = { th: string; en: string }

/** Why an upload is refused, or null when its declared type, name and size are acceptable. */
export function uploadProblem(file: { name: string; mimetype?: string; size?: number }, maxBytes = MEDIA_MAX_BYTES): UploadProblem | null {
  const mime = String(file.mimetype ?? '').split(';')[0].trim().toLowerCase()
  const ext = extensionOf(file.name)
  const type = MEDIA_TYPES.find((t) => t.mimeType === mime)
  if (!type || !(type.extensions as readonly string[]).includes(ext)) {
    return {
      th: `ไม่รองรับไฟล์ "${file.name}" (${mime || 'ไม่ทราบชนิด'}): อัปโหลดได้เฉพาะ PDF, DOCX, PNG, JPEG หรือ WebP`,
      en: `"${file.name}" (${mime || 'unknown type'}) is not allowed: upload PDF, DOCX, PNG, JPEG or WebP only`,
    }
  }
  if (typeof file.size === 'number' && file.size > maxBytes) return tooLarge(maxBytes)
  return null
}

export const tooLarge = (maxBytes = MEDIA_MAX_BYTES): UploadProblem => ({
  th: `ไฟล์มีขนาดเกิน ${Math.round(maxBytes / 1024 / 1024)} MB`,
  en: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
})
