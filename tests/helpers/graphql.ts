import { configToSchema } from '@payloadcms/graphql'
import { graphql, type GraphQLSchema } from 'graphql'
import { createLocalReq, type Payload } from 'payload'

/**
 * Runs a GraphQL query as a user through Payload's own schema and resolvers (the test server
 * has no Next, which hosts the /api/graphql route in production).
 */
const schemas = new WeakMap<Payload, GraphQLSchema>()

export async function graphqlAs(payload: Payload, userId: number | string | null, source: string) {
  let schema = schemas.get(payload)
  if (!schema) {
    schema = configToSchema(payload.config).schema
    schemas.set(payload, schema)
  }
  const user = userId === null ? null : { ...(await payload.findByID({ collection: 'users', id: userId, overrideAccess: true, depth: 0 })), collection: 'users' }
  const req = await createLocalReq({ user: user as never }, payload)
  return graphql({ schema, source, contextValue: { req, headers: {} } })
}
