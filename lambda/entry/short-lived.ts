/**
 * Settings for a short-lived process, a Lambda container: zod parses without first compiling a
 * parser per object schema (that compile costs a cold start more than the few parses it saves).
 * Set before any schema is built: a schema reads the setting when it is made.
 */
import * as z from "zod";

export function configureShortLived(): void {
  z.config({ jitless: true });
}
