/** The chart's plot area inside its box, in pixels: the Y axis's width, the right margin, room for flag marks above the bars, and the time axis below. */
export const plot = { left: 40, right: 12, top: 14, axis: 22 };

/** A CSS left offset for a fraction (0 to 1) of the plot's width, so page elements line up with the bars at any size. */
export function plotLeft(fraction: number): string {
  return `calc(${plot.left}px + (100% - ${plot.left + plot.right}px) * ${fraction})`;
}

/** A CSS width for a fraction of the plot's width. */
export function plotWidth(fraction: number): string {
  return `calc((100% - ${plot.left + plot.right}px) * ${fraction})`;
}
