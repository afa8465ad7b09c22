export interface TestApi {
  readonly describe: (name: string, body: () => void) => void
  readonly it: (name: string, body: () => unknown, timeout?: number) => void
}
