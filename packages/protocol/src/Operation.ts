/**
 * What one Cognito operation is on the wire and to the service: its name and `X-Amz-Target`, how
 * it is authorised, its input members with their constraints, its output's shape, the member that
 * names the region, and the service exceptions it returns. The three feedback operations are described in
 * `Operations`; everything an edition needs of an operation derives from its description.
 *
 * @since 0.1.0
 */
import type { Member } from "./Member.js"
import type { ServiceErrorCode } from "./ServiceError.js"
import type { StructureShape } from "./Shape.js"

/**
 * `none`: unsigned, no credentials read (the user-facing operations); `sigv4`: signed with IAM
 * credentials (the admin ones).
 *
 * @since 0.1.0
 * @category models
 */
export type Authorization = "none" | "sigv4"

/**
 * @since 0.1.0
 * @category models
 */
export interface Operation<
  Name extends string = string,
  Input extends Record<string, Member> = Record<string, Member>
> {
  readonly name: Name
  /** `X-Amz-Target`: the service's JSON 1.1 target prefix and the operation's name. */
  readonly target: `AWSCognitoIdentityProviderService.${Name}`
  readonly authorization: Authorization
  readonly input: Input
  /** The output's shape (a structure with no members: the success carries nothing). */
  readonly output: StructureShape
  /** The member whose value names the region (a user pool id: `<region>_<id>`). */
  readonly regionMember: keyof Input & string
  readonly errors: ReadonlyArray<ServiceErrorCode>
}

/**
 * An operation's description, with its target derived from its name.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <const Name extends string, const Input extends Record<string, Member>>(
  description: Omit<Operation<Name, Input>, "target">
): Operation<Name, Input> => ({ ...description, target: `AWSCognitoIdentityProviderService.${description.name}` })

/**
 * The names of an operation's sensitive members (never shown in a message, a log or a span).
 *
 * @since 0.1.0
 * @category getters
 */
export const sensitiveMembers = (operation: Operation): ReadonlyArray<string> =>
  Object.entries(operation.input).filter(([, member]) => member.sensitive).map(([name]) => name)
