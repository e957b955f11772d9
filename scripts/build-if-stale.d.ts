/** Types of scripts/build-if-stale.js, for the tests that build through it. */
export declare const ROOT: string;
export declare function staleReason(): string | undefined;
export declare function buildIfStale(options?: { quiet?: boolean; always?: boolean }): number;
