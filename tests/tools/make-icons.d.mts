// Types of make-icons.mjs (draws and writes Pollwatch's icons) for the tests that import it.
export declare const SIZES: number[];
export declare const ICO_SIZES: number[];
export declare function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
export declare function pngSize(buf: Buffer): { width: number; height: number } | null;
export declare function encodeIco(pngs: { size: number; data: Buffer }[]): Buffer;
export declare function renderIcon(size: number): Uint8Array;
export declare function makeIcons(assetsDir: string): number[];
