/**
 * The MQTT client-id prefixes of the cloud's own connections. The IAM policies in deploy/template.yaml
 * and deploy/hosted.yaml allow `iot:Connect` (and the skill's answer topics) by these prefixes only;
 * test/unit/deploy-kit.test.ts holds both templates to them.
 */

/** The skill serving many households (HOUSEHOLDS=dynamodb): one connection per Lambda container. */
export const SKILL_CLIENT_ID_PREFIX = "biolight-skill-";

/** The link function's publisher (its answers to the bridges' link questions). */
export const LINK_FUNCTION_CLIENT_ID_PREFIX = "biolight-linkfn-";
