'use client'
import { useAuth } from '@payloadcms/ui'
import { usePathname, useRouter } from 'next/navigation'
import { type ReactNode, useEffect } from 'react'

import { isUnboundOfficer } from '../../lib/roleGrants'

const ALLOWED = ['/admin/redeem-token', '/admin/logout', '/admin/login']

/** An officer without an agency can do nothing but redeem a token: send them to that page. */
export function UnboundRedirect({ children }: { children?: ReactNode }) {
  const { user } = useAuth()
  const pathname = usePathname()
  const router = useRouter()
  const unbound = isUnboundOfficer(user as never)
  const allowed = ALLOWED.some((p) => pathname?.startsWith(p))
  useEffect(() => {
    if (unbound && !allowed) router.replace('/admin/redeem-token')
  }, [unbound, allowed, router])
  return <>{children}</>
}
