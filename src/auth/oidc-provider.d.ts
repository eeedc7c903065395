// oidc-provider ships no type declarations and there is no @types package for v9.
declare module 'oidc-provider' {
  const Provider: any
  type Provider = any
  export default Provider
}
