import type { RowField } from 'payload'

import { label } from './label'

/**
 * The reported month of a licence report or unlock request: `year` (CE, as API.md gives it) and
 * `month` (1-12). The admin shows them as drop-downs in the reader's calendar (พ.ศ. and Thai
 * month names in Thai, CE in English) and the list columns likewise; REST and GraphQL keep numbers.
 */
export const periodFields = (): RowField => ({
  type: 'row',
  fields: [
    {
      name: 'year',
      type: 'number',
      required: true,
      index: true,
      label: label('ปี', 'Year'),
      admin: { width: '25%', components: { Field: '/components/LicenceReports/PeriodFields#YearField', Cell: '/components/LicenceReports/PeriodFields#YearCell' } },
    },
    {
      name: 'month',
      type: 'number',
      required: true,
      index: true,
      label: label('เดือน', 'Month'),
      admin: { width: '25%', components: { Field: '/components/LicenceReports/PeriodFields#MonthField', Cell: '/components/LicenceReports/PeriodFields#MonthCell' } },
    },
  ],
})
