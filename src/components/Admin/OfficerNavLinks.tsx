/*
 * Menu entries for the custom views and files (after the collections): summary reports, the QR
 * poster, licence reports, แนวทางปฏิบัติ, FAQ and the user guide "คู่มือ", each only for the roles that
 * can use it (src/lib/adminNav.ts).
 */
import type { ServerProps } from 'payload'
import React from 'react'

import { NAV_GROUPS, navLinksFor, type NavGroup, type NavLink } from '../../lib/adminNav'

export function OfficerNavLinks({ user, i18n }: ServerProps) {
  if (!user) return null
  const english = i18n?.language === 'en'
  const groups = new Map<NavGroup, NavLink[]>()
  for (const link of navLinksFor(user)) groups.set(link.group, [...(groups.get(link.group) ?? []), link])
  return (
    <div className="officer-nav-links" data-testid="officer-nav-links">
      {[...groups].map(([group, links]) => (
        <div key={group} style={{ marginTop: 16 }}>
          <div className="nav-group__toggle" style={{ cursor: 'default' }}>
            {english ? NAV_GROUPS[group].en : NAV_GROUPS[group].th}
          </div>
          {links.map((link) => (
            <a key={link.key} className="nav__link" data-nav={link.key} href={link.href} style={{ display: 'block', padding: '4px 0' }}>
              {english ? link.label.en : link.label.th}
            </a>
          ))}
        </div>
      ))}
    </div>
  )
}
