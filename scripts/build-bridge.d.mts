export declare const BRIDGE_DIR: string;
export declare const BRIDGE_ENTRY: string;
export declare function bridgeIsStale(): boolean;
export declare function buildBridge(): Promise<void>;
