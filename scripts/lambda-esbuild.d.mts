import type { BuildOptions } from "esbuild";
export declare const LAMBDA_ESBUILD: BuildOptions;
