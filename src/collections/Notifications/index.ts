import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { nobody } from '../../access/predicates'
import { officerOf } from '../../access/user'
import { label } from '../../fields/label'

/** Officers read (and mark as read) only their own notifications. */
const own: Access = ({ req }) => {
  const user = officerOf(req)
  return user ? { recipient: { equals: user.id } } : false
}
const fixed: FieldAccess = () => false

/**
 * การแจ้งเตือน: an in-admin message to one officer. Generic, so any feature can notify: write a
 * row with the Local API as the system (see `notify` in ./notify.ts), inside the caller's transaction.
 */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  labels: { singular: label('การแจ้งเตือน', 'Notification'), plural: label('การแจ้งเตือน', 'Notifications') },
  admin: {
    useAsTitle: 'message',
    defaultColumns: ['message', 'link', 'readAt', 'createdAt'],
    group: label('บัญชีผู้ใช้', 'Accounts'),
  },
  defaultSort: '-createdAt',
  access: { read: own, update: own, create: nobody, delete: nobody },
  fields: [
    { name: 'recipient', type: 'relationship', relationTo: 'users', required: true, index: true, label: label('ผู้รับ', 'Recipient'), access: { update: fixed } },
    { name: 'message', type: 'text', required: true, label: label('ข้อความ', 'Message'), access: { update: fixed } },
    { name: 'messageEn', type: 'text', label: label('ข้อความ (อังกฤษ)', 'Message (English)'), access: { update: fixed } },
    { name: 'link', type: 'text', label: label('ลิงก์', 'Link'), access: { update: fixed } },
    { name: 'topic', type: 'text', index: true, label: label('เรื่อง', 'Topic'), access: { update: fixed } },
    { name: 'readAt', type: 'date', index: true, label: label('อ่านเมื่อ', 'Read at'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
