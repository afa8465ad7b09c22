/** Sent in the `User-Agent`; kept in step with package.json by a test. */
export const version = "1.0.0"
