// Types of dist-check.mjs (the offline electron-builder configuration check) for the tests that import it.
export declare const REQUIRED_FUSES: Readonly<Record<string, boolean>>;
export declare const REQUIRED_TARGETS: Readonly<Record<'linux' | 'win' | 'mac', string[]>>;
export declare const ICON_SIZES: number[];
export declare const ALLOWED_FILES: string[];
export declare function filePatterns(files: unknown): string[] | null;
export declare function loadBuilderConfig(projectDir?: string, configPath?: string | null): Promise<Record<string, any>>;
export declare function checkBuilderConfig(projectDir?: string, configPath?: string | null): Promise<{ config: Record<string, any> | null; problems: string[] }>;
