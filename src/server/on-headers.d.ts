// on-headers ships no type declarations (the @types/on-headers on npm is mislabelled).
declare module 'on-headers' {
  import type { ServerResponse } from 'node:http'
  export default function onHeaders<R extends ServerResponse>(res: R, listener: (this: R) => void): void
}
