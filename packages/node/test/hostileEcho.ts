/**
 * The hostile echo server of `@cognito-feedback/test-support`, under its former path (the command
 * line's secrets test imports it from here).
 */
export * from "@cognito-feedback/test-support/hostileEcho"
