/** The link's topics, all under `biolight/v1/<thing>/` (issue 20; the bridge serves `req`). */
export const linkTopics = (thing: string) => {
  const prefix = `biolight/v1/${thing}/`;
  return {
    request: `${prefix}req`,
    status: `${prefix}status`,
    response: (client: string) => `${prefix}res/${client}`,
  };
};
