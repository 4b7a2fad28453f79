/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
export const okabeIto = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  black: '#000000',
} as const;

/** Colours for up to four compared scenarios, in order. */
export const seriesColours = [okabeIto.blue, okabeIto.vermillion, okabeIto.green, okabeIto.purple] as const;

/** `#RRGGBB` with an alpha (0-1) as `rgba(...)`. */
export const withAlpha = (hex: string, alpha: number): string => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};

/** Viridis stops (perceptually uniform, colour-blind safe) for the burnout heat map. */
const viridis = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
] as const;

/** Viridis colour of `t` in 0-1. */
export const viridisAt = (t: number): string => {
  const x = Math.min(1, Math.max(0, t)) * (viridis.length - 1);
  const i = Math.min(viridis.length - 2, Math.floor(x));
  const f = x - i;
  const a = viridis[i]!;
  const b = viridis[i + 1]!;
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
};

/** Hatch directions per overlapping band, in order: /, \, |, - (matching CSS gradient angles). */
const hatchAngles = [45, 135, 90, 0] as const;

/** CSS for a legend swatch with the `index`th band's hatching in `hex`. */
export const hatchCss = (hex: string, index: number): string =>
  `repeating-linear-gradient(${hatchAngles[index % hatchAngles.length]! + 90}deg, ${withAlpha(hex, 0.55)} 0 1.5px, ${withAlpha(hex, 0.08)} 1.5px 6px)`;

/**
 * A canvas pattern of thin lines in `hex` over a faint tint, the `index`th of four directions, so
 * overlapping bands of different scenarios stay apart instead of mixing into one colour.
 */
export function hatchPattern(
  ctx: CanvasRenderingContext2D,
  hex: string,
  index: number,
): CanvasPattern | string {
  const size = 8 * (window.devicePixelRatio || 1);
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return withAlpha(hex, 0.15);
  t.fillStyle = withAlpha(hex, 0.08);
  t.fillRect(0, 0, size, size);
  t.strokeStyle = withAlpha(hex, 0.55);
  t.lineWidth = size / 8;
  const angle = hatchAngles[index % hatchAngles.length]!;
  t.beginPath();
  if (angle === 90) {
    t.moveTo(size / 2, 0);
    t.lineTo(size / 2, size);
  } else if (angle === 0) {
    t.moveTo(0, size / 2);
    t.lineTo(size, size / 2);
  } else {
    const [from, to] = angle === 45 ? [size, 0] : [0, size];
    for (const shift of [-size, 0, size]) {
      t.moveTo(shift, from);
      t.lineTo(shift + size, to);
    }
  }
  t.stroke();
  return ctx.createPattern(tile, 'repeat') ?? withAlpha(hex, 0.15);
}
