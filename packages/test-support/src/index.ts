/**
 * Test machinery without Effect that both editions' suites import (`@cognito-feedback/test-support/<Module>`):
 * each suite is a thin runner in its edition over the cases of `@cognito-feedback/protocol/WireCases`
 * and the servers, generators and drivers here. Private: never packed or published.
 */
export {}
export * as takeoverEmail from "./takeoverEmail.js"
