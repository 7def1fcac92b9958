import type { CloudConfig } from "../contract/config.js";

export declare const CLOUD_FILES: { dir: string; key: string; csr: string; cert: string; ca: string };
export declare class CloudFilesError extends Error {}
export declare function makeKeyAndCsr(storage: string, thing: string): { keyPath: string; csrPath: string; csr: string; kept: boolean };
export declare function certificateMatchesKey(storage: string, pem: string): boolean;
export declare function writeCloudSection(o: {
  storage: string;
  configPath: string;
  config: Record<string, unknown>;
  url: string;
  thing: string;
  certificatePem: string;
  caPem?: string;
}): CloudConfig;
