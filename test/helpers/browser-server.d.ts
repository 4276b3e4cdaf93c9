/** The path and flags of the test run's Chromium (browser-server.js). */
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: readonly string[];
