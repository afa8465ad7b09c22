/**
 * A hostile server that repeats what it was sent: every request header and the body, as is,
 * JSON-escaped and URL-encoded, in its error message, its error code and its request id, for
 * every error code the client knows and some it does not. The secrets have characters that each
 * encoding changes, so a redaction that only knows one form is caught. Shared by the fault suites
 * of both editions (every transport). Effect-free.
 */
import { serviceErrorCodes } from "@cognito-feedback/protocol/ServiceError"
import type * as http from "node:http"

export const echoUsername = "zqEcho\"Ü+user"
export const echoToken = "ZQechoTok=8d31.x=="

/** What no output may contain, in any case: the secrets' common stem. */
export const echoStem = /zqecho/i

export const echoRequest = {
  UserPoolId: "us-east-1_Echo1",
  Username: echoUsername,
  EventId: "evt-echo",
  FeedbackToken: echoToken,
  FeedbackValue: "Invalid"
} as const

export interface EchoCase {
  /** What the server sends as the error code, `{secret}` standing for the token. */
  readonly code: string | undefined
  readonly status: number
  /** The error the client must report. */
  readonly tag: string
}

export const echoCases: ReadonlyArray<EchoCase> = [
  ...serviceErrorCodes.map((code) => ({ code, status: code === "InternalErrorException" ? 500 : 400, tag: code })),
  { code: "Code{secret}", status: 418, tag: "UnexpectedResponseError" },
  { code: "aws.ns#{secret}:http://internal/{secret}", status: 400, tag: "UnexpectedResponseError" },
  { code: undefined, status: 403, tag: "UnexpectedResponseError" }
]

/** The body a server that echoes everything would send back. */
const echoed = (req: http.IncomingMessage, body: string): string =>
  [
    `token ${echoToken} for user ${echoUsername} is wrong`,
    `headers ${JSON.stringify(req.headers)}`,
    `body ${body}`,
    `as JSON ${JSON.stringify(body)}`,
    `URL-encoded ${encodeURIComponent(body)}`,
    `as a form ${new URLSearchParams({ body }).toString()}`,
    // a terminal's window title, a bell, 8-bit CSI, a bidirectional override
    "\u001b]0;owned\u0007\u0007\u009b31m\u202e"
  ].join("\n")

/** A handler for `loopbackServer` that answers with `echoCase`, repeating what it was sent. */
export const echoHandler =
  (echoCase: EchoCase) => (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
    const message = echoed(req, body)
    const headers: Record<string, string> = {
      "content-type": "application/x-amz-json-1.1",
      // headers cannot hold every character: the token as is, and the body URL-encoded
      "x-amzn-requestid": `${echoToken}-${encodeURIComponent(body).slice(0, 2000)}`
    }
    if (echoCase.code !== undefined) headers["x-amzn-errortype"] = echoCase.code.replaceAll("{secret}", echoToken)
    res.writeHead(echoCase.status, headers)
    res.end(JSON.stringify({
      ...(echoCase.code === undefined ? {} : { __type: echoCase.code.replaceAll("{secret}", echoToken) }),
      message,
      reasonCode: `reason ${echoToken}`
    }))
  }

/** The first line of `text` that holds a secret, or `undefined`. */
export const leakIn = (text: string): string | undefined => text.split("\n").find((line) => echoStem.test(line))

/** Whether `text` holds a terminal control character (a newline between lines aside). */
export const hasControls = (text: string): boolean =>
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(text)
