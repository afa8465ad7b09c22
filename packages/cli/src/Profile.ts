/**
 * The profiles of the AWS shared config file, as the AWS CLI reads them: the file is
 * `AWS_CONFIG_FILE`, else `~/.aws/config`; the profile is `--profile`, else `AWS_PROFILE`, else
 * `default` (sections `[profile NAME]` and `[default]`), parsed by AWS's own loader
 * (`@smithy/shared-ini-file-loader`). Only the config file is read, never the credentials file:
 * the operation is unsigned. A profile that is named and missing is an error, as in the AWS CLI;
 * the `default` profile may be missing, and so may the file when no profile is named.
 *
 * @since 0.1.0
 */
import * as Config from "effect/Config"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { existsSync } from "node:fs"
import { homedir } from "node:os"
import { join } from "node:path"
import { ConfigurationError } from "./CommandFailure.js"

/**
 * The settings of a profile the command uses.
 *
 * @since 0.1.0
 * @category models
 */
export interface Profile {
  readonly name: string
  readonly region: string | undefined
}

const nonEmpty = (name: string) =>
  Config.option(Config.string(name)).pipe(Config.map(Option.filter((value) => value.trim() !== "")))

/**
 * The shared config file: `AWS_CONFIG_FILE`, else `~/.aws/config`.
 *
 * @since 0.1.0
 * @category config
 */
export const configFile: Config.Config<string> = nonEmpty("AWS_CONFIG_FILE").pipe(
  Config.map(Option.getOrElse(() => join(homedir(), ".aws", "config"))),
  Config.map((path) => path.startsWith("~/") ? join(homedir(), path.slice(2)) : path)
)

/**
 * The profile's name when one is chosen: `--profile`, else `AWS_PROFILE`.
 *
 * @since 0.1.0
 * @category config
 */
export const chosen = (flag: Option.Option<string>): Config.Config<Option.Option<string>> =>
  Option.isSome(flag) ? Config.succeed(flag) : nonEmpty("AWS_PROFILE")

/** Every profile of `path` by name, each a record of its settings; none when the file is missing. */
const readProfiles = (path: string) =>
  Effect.promise(async (): Promise<Readonly<Record<string, Readonly<Record<string, string | undefined>>>>> => {
    if (!existsSync(path)) return {}
    // loaded only here: a command with its region given never pays for the loader
    const loader = await import("@smithy/shared-ini-file-loader")
    // bundled, a CommonJS module's exports are its default export alone; unbundled, Node names them too
    const { loadSharedConfigFiles } = "default" in loader ? loader.default : loader
    // The loader reads a credentials file too; it is given the config file again, which it has
    // read already (one read per path), so the credentials file is never opened.
    const { configFile } = await loadSharedConfigFiles({ configFilepath: path, filepath: path })
    return configFile
  })

/**
 * The profile the command line and the environment choose (`flag` is `--profile`), from the
 * shared config file; fails when a profile is named and the file has no such section.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = (flag: Option.Option<string>): Effect.Effect<Profile, ConfigurationError> =>
  Effect.gen(function*() {
    const [path, name] = yield* Effect.mapError(
      Config.all([configFile, chosen(flag)]),
      (error) => new ConfigurationError({ message: String(error) })
    )
    const profileName = Option.getOrElse(name, () => "default")
    const profiles = yield* readProfiles(path)
    // own sections only: a profile named `__proto__` or `toString` must not find anything
    const settings = Object.hasOwn(profiles, profileName) ? profiles[profileName] : undefined
    if (settings === undefined && Option.isSome(name)) {
      return yield* new ConfigurationError({
        message: `The config profile (${profileName}) could not be found in ${path}`
      })
    }
    const region = settings?.region?.trim()
    return { name: profileName, region: region === "" ? undefined : region }
  })
