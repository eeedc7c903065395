import type { UIField } from 'payload'

import { publicSiteUrl } from '../../lib/surveyLinks'

/** The service point's "Download QR Code/Link Poster" panel (sidebar of its edit view). */
export const posterField: UIField = {
  name: 'ratingPoster',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: {
      Field: { path: '/components/survey/PosterField#PosterField', clientProps: { siteUrl: publicSiteUrl() } },
    },
  },
}
