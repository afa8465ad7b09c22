/**
 * The examples each help page shows, by the command's name (the program's own under
 * `cognito-feedback`). Every command line in them is checked against the commands in the tests.
 *
 * @since 0.1.0
 */
import type { Example } from "./Help.js"

const endpoint = "http://127.0.0.1:26464"

/**
 * @since 0.1.0
 * @category models
 */
export const examples: Readonly<Record<string, ReadonlyArray<Example>>> = {
  "cognito-feedback": [
    {
      title: "Start the emulator with the built-in sample data (the first line gives its URL):",
      lines: ["cognito-feedback emulator"]
    },
    {
      title: "In another shell, report that a sign-in was not the user, against it:",
      lines: [
        `cognito-feedback update-auth-event-feedback --endpoint-url ${endpoint} --user-pool-id us-east-1_Example1 ` +
        "--username alice --event-id evt-1 --feedback-token tok.valid-1 --feedback-value Invalid"
      ]
    },
    {
      title: "The options of a command:",
      lines: ["cognito-feedback update-auth-event-feedback --help"]
    }
  ],
  "update-auth-event-feedback": [
    {
      title: "Report that a sign-in was not the user, against the emulator (cognito-feedback emulator):",
      lines: [
        `cognito-feedback update-auth-event-feedback --endpoint-url ${endpoint} --user-pool-id us-east-1_Example1 ` +
        "--username alice --event-id evt-1 --feedback-token tok.valid-1 --feedback-value Invalid"
      ]
    },
    {
      title: "Against Cognito, the token read from standard input (out of the shell history), errors as JSON:",
      lines: [
        "printf %s \"$TOKEN\" | cognito-feedback update-auth-event-feedback --user-pool-id eu-west-1_AbCdEf123 " +
        "--username alice --event-id c3f1a2b4 --feedback-token - --feedback-value Valid --output json"
      ]
    },
    {
      title: "Show the request without sending it (username and token redacted), in the region of a profile:",
      lines: [
        "cognito-feedback update-auth-event-feedback --dry-run --profile prod --user-pool-id eu-west-1_AbCdEf123 " +
        "--username alice --event-id c3f1a2b4 --feedback-token - --feedback-value Valid < token.txt"
      ]
    }
  ],
  "emulator": [
    {
      title: "Serve the built-in sample on port 26464 (the first line is 'listening on http://127.0.0.1:26464'):",
      lines: ["cognito-feedback emulator"]
    },
    {
      title: "Your own pools, users and events, on a free port:",
      lines: ["cognito-feedback emulator --port 0 --seed seed.json"]
    },
    {
      title: "Then, in another shell, send feedback to it:",
      lines: [
        `cognito-feedback update-auth-event-feedback --endpoint-url ${endpoint} --user-pool-id us-east-1_Example1 ` +
        "--username alice --event-id evt-2 --feedback-token tok.valid-2 --feedback-value Valid"
      ]
    }
  ],
  "serve-feedback-page": [
    {
      title: "Serve the page in front of the emulator, then open a link of the sample in a browser:",
      lines: [
        `cognito-feedback serve-feedback-page --endpoint-url ${endpoint} --user-pool-id us-east-1_Example1`,
        "# http://127.0.0.1:8080/auth-events/feedback?username=alice&event-id=evt-4&feedback-token=tok.valid-4" +
        "&feedback=invalid"
      ]
    },
    {
      title: "Behind a proxy that ends TLS for https://example.com, against Cognito:",
      lines: [
        "cognito-feedback serve-feedback-page --host 0.0.0.0 --port 8080 --public-origin https://example.com " +
        "--user-pool-id eu-west-1_AbCdEf123 --product-name Example --secure-account-url https://example.com/account"
      ]
    }
  ],
  "feedback-link-template": [
    {
      title: "Write the pool's account-takeover risk configuration, then set it with the AWS CLI:",
      lines: [
        "cognito-feedback feedback-link-template --base-url https://example.com --user-pool-id us-east-1_Example1 " +
        "--from no-reply@example.com --source-arn arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com " +
        "--output json > risk.json",
        "aws cognito-idp set-risk-configuration --user-pool-id us-east-1_Example1 " +
        "--account-takeover-risk-configuration file://risk.json"
      ]
    },
    {
      title: "Read the links and the emails first, for a site served under a prefix:",
      lines: [
        "cognito-feedback feedback-link-template --base-url https://example.com/app --user-pool-id us-east-1_Example1 " +
        "--source-arn arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com"
      ]
    }
  ]
}
