/**
 * @since 1.0.0
 */
export * as AuthEventFeedbackTest from "./AuthEventFeedbackTest.js"

/**
 * @since 1.0.0
 */
export * as CognitoArbitrary from "./CognitoArbitrary.js"

/**
 * @since 1.0.0
 */
export * as CognitoSimulator from "./CognitoSimulator.js"

/**
 * @since 1.0.0
 */
export * as CognitoWire from "./CognitoWire.js"

/**
 * @since 1.0.0
 */
export * as SimulatorHttpClient from "./SimulatorHttpClient.js"

/**
 * @since 1.0.0
 */
export * as SimulatorSeed from "./SimulatorSeed.js"
