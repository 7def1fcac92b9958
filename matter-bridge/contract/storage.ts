/** Files in the bridge's storage folder that other programs (the skill beside it, the CLI) read. */
export const API_TOKEN_FILE = "api-token";
