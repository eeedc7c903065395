/* The support contact (DGA Contact Center by default; SUPPORT_EMAIL / SUPPORT_PHONE configure it). */
import React from 'react'

import { supportContact, telHref } from '../../lib/support'

export function SupportContact() {
  const c = supportContact()
  return (
    <aside className="officer-support" data-testid="support-contact" style={{ margin: '24px 0', padding: '12px 16px', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}>
      <strong>ติดต่อสอบถามการใช้งานระบบ (Support)</strong>
      <div>
        {c.name} · อีเมล <a href={`mailto:${c.email}`}>{c.email}</a> · โทร <a href={telHref(c.phone)}>{c.phone}</a>
      </div>
      <div style={{ opacity: 0.75, fontSize: '0.9em' }}>
        ข้อสงสัยเรื่องเนื้อหาคู่มือ การรายงานผลการออกใบอนุญาต หรือการแจ้งเรื่องล่าช้า ติดต่อสำนักงาน ก.พ.ร.
      </div>
    </aside>
  )
}
