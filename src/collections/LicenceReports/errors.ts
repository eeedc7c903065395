import { APIError } from 'payload'

/**
 * A refusal by the licence-report rules (403 not your unit, 409 locked period...), with its
 * bilingual reason. Payload logs errors by name: these are named like its own Forbidden and
 * Locked errors so an officer's refused request is logged at info level, not as a server error.
 */
export class LicenceRuleError extends APIError {
  constructor(message: string, status: 403 | 409) {
    super(message, status)
    this.name = status === 403 ? 'Forbidden' : 'Locked'
  }
}
