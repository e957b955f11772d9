/** Types of hostile-shapes.mjs, for the tests that count the work of `reach` on these shapes. */
export function aclTemplate(opts?: { subnets?: number; entries?: number }): string;
export function groupTemplate(opts?: { groups?: number; rules?: number }): string;
export function routeTemplate(opts?: { routes?: number; instances?: number }): string;
export function comboTemplate(opts?: { instances?: number; groups?: number }): string;
