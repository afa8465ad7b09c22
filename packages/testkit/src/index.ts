/**
 * @since 0.1.0
 */
export * as CognitoArbitrary from "./CognitoArbitrary.js"

/**
 * @since 0.1.0
 */
export * as CognitoSimulator from "./CognitoSimulator.js"

/**
 * @since 0.1.0
 */
export * as ScriptedAuthEventFeedback from "./ScriptedAuthEventFeedback.js"

/**
 * @since 0.1.0
 */
export * as SimulatorSeed from "./SimulatorSeed.js"
