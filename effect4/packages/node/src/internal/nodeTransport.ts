/**
 * The transport over `node:http` / `node:https` directly, with a keep-alive agent of its own: no
 * `HttpClient`, no `AbortController`, no stream machinery between the socket and the engine. Each
 * exchange is one `Effect.callback`; interruption (and the attempt timeout) destroys the request, which
 * frees its socket.
 */
import type { TransportError, UnexpectedResponseError } from "@cognito-feedback/core/CognitoError"
import * as AwsJsonProtocol from "@cognito-feedback/http/AwsJsonProtocol"
import * as Transport from "@cognito-feedback/http/Transport"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as http from "node:http"
import * as https from "node:https"

export interface NodeTransportOptions {
  /** Sockets per host at most (50, as the AWS SDK's Node handler); calls beyond wait for one. */
  readonly maxSockets?: number | undefined
}

interface Target {
  readonly send: typeof http.request
  readonly options: http.RequestOptions
  /** The `Host` header, as Node would write it: given with the others, the headers go out as a list. */
  readonly host: string
}

/** `host` as Node's `ClientRequest` writes it: an IPv6 address in brackets, a port unless the default. */
const hostHeader = (hostname: string, port: string, secure: boolean): string =>
  (hostname.includes(":") && !hostname.startsWith("[") ? `[${hostname}]` : hostname) +
  (port !== "" && Number(port) !== (secure ? 443 : 80) ? `:${port}` : "")

const targetCacheSize = 64

/** An answer whose headers Node parses only when read: a success reads none of them. */
class NodeResponse implements Transport.Response {
  constructor(
    readonly status: number,
    readonly body: string,
    private readonly message: http.IncomingMessage,
    readonly unreadable?: UnexpectedResponseError | undefined
  ) {}
  get headers() {
    return this.message.headers
  }
}

export const make = (
  options: NodeTransportOptions = {}
): Effect.Effect<Transport.Transport, never, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => {
        const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 50 }
        return { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) }
      }),
      // closes idle sockets and any still in use: nothing of the client outlives its scope
      (agents) =>
        Effect.sync(() => {
          agents.http.destroy()
          agents.https.destroy()
        })
    ),
    (agents) => {
      // the engine sends to a handful of URLs: parse each once
      const targets = new Map<string, Target | TransportError>()
      const targetOf = (url: string): Target | TransportError => {
        const known = targets.get(url)
        if (known !== undefined) return known
        let target: Target | TransportError
        try {
          const parsed = new URL(url)
          const secure = parsed.protocol === "https:"
          target = parsed.protocol !== "http:" && !secure
            ? Transport.requestNotSent(`unsupported protocol ${parsed.protocol}`)
            : {
              send: secure ? https.request : http.request,
              options: {
                method: "POST",
                protocol: parsed.protocol,
                // `[::1]` in a URL, `::1` for the socket
                hostname: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
                port: parsed.port === "" ? undefined : Number(parsed.port),
                path: `${parsed.pathname}${parsed.search}`,
                agent: secure ? agents.https : agents.http
              },
              host: hostHeader(parsed.hostname, parsed.port, secure)
            }
        } catch (cause) {
          target = Transport.requestNotSent("invalid URL", cause)
        }
        if (targets.size < targetCacheSize) targets.set(url, target)
        return target
      }

      const exchange = (request: Transport.Request) =>
        // one parameter: Effect 4 allocates an `AbortSignal` only for a register function of two
        Effect.callback<Transport.Response, TransportError>((resume) => {
          const target = targetOf(request.url)
          if ("_tag" in target) return resume(Effect.fail(target))
          let settled = false
          let timer: ReturnType<typeof setTimeout> | undefined = undefined
          let req: http.ClientRequest | undefined = undefined
          // Interruption runs the canceller returned below, which ends the request: in Effect 4 a
          // canceller costs one stack frame, no finalizer around every exchange.
          const abandon = () => {
            if (settled) return
            settled = true
            if (timer !== undefined) clearTimeout(timer)
            req?.destroy()
          }
          const settle = (outcome: Effect.Effect<Transport.Response, TransportError>) => {
            if (settled) return
            settled = true
            if (timer !== undefined) clearTimeout(timer)
            resume(outcome)
          }
          const limit = request.maxResponseBytes
          let sent: http.ClientRequest
          try {
            // a list of headers is written as given, where an object is copied header by header first
            const headerList = ["host", target.host]
            const headers = request.headers
            // `for in` rather than `Object.entries`: no array per header on every request
            for (const name in headers) headerList.push(name, headers[name] ?? "")
            headerList.push("content-length", String(Buffer.byteLength(request.body)))
            sent = target.send({ ...target.options, headers: headerList }, (res) => {
              const status = res.statusCode ?? 0
              const chunks: Array<Buffer> = []
              let size = 0
              const answer = (): Transport.Response => {
                const bytes = chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks)
                // a UTF-8 byte-order mark is dropped, as TextDecoder (the other transports) drops it
                const start = size >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
                return new NodeResponse(status, bytes.toString("utf8", start, Math.min(size, limit)), res)
              }
              res.on("data", (chunk: Buffer) => {
                if (settled) return
                chunks.push(chunk)
                size += chunk.length
                if (size > limit) {
                  // enough: the rest is never read, and the socket goes with it
                  settle(Effect.succeed(answer()))
                  sent.destroy()
                }
              })
              res.on("end", () => settle(Effect.succeed(answer())))
              const broken = (cause: unknown) => {
                const failure = Transport.bodyFailed(cause, status, AwsJsonProtocol.readRequestId(res.headers))
                settle(
                  failure._tag === "TransportError"
                    ? Effect.fail(failure)
                    : Effect.succeed(new NodeResponse(status, "", res, failure))
                )
              }
              // a socket closed before the body is complete makes Node destroy the response with an
              // error ("aborted", ECONNRESET), so no "close" listener is needed to notice it
              res.on("error", broken)
            })
          } catch (cause) {
            // Node validates headers and options synchronously
            return settle(Effect.fail(Transport.requestNotSent("invalid request", cause)))
          }
          req = sent
          sent.on("error", (cause) => settle(Effect.fail(Transport.requestFailed(cause))))
          const timeoutMillis = request.timeoutMillis
          if (timeoutMillis !== undefined) {
            timer = setTimeout(() => {
              settle(Effect.fail(Transport.attemptTimedOut(timeoutMillis)))
              sent.destroy()
            }, timeoutMillis)
          }
          sent.end(request.body)
          return Effect.sync(abandon)
        })

      return { exchange }
    }
  )
