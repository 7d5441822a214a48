// Numbers the way the reader writes them: the view model (crate/core/src/view) sends every number as
// `{ v, u }`, a value and its unit, and these formatters of the reader's locale and the scenario's
// currency show it. Text pieces are strings, shown as they are.

/** @typedef {import('../pkg/roi_calculator.js').Num} Num  A number and how to show it. */
/** @typedef {import('../pkg/roi_calculator.js').Piece} Piece  Words, or a number. */
/** @typedef {import('../pkg/roi_calculator.js').Label} Label  A number in a chart. */

/**
 * The formatters of `locale` for amounts in `currency`.
 * @param {string} locale a tag the browser accepts
 * @param {string} currency an ISO 4217 code
 */
export function formats(locale, currency) {
  /** @param {Intl.NumberFormatOptions} options */
  const make = (options) => {
    const format = new Intl.NumberFormat(locale, options);
    return (/** @type {number} */ x) => format.format(x);
  };
  const money = make({ style: 'currency', currency, maximumFractionDigits: 0 });
  const moneyShort = make({ style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const share = make({ style: 'percent', maximumFractionDigits: 1 });
  // A return of 100% and more reads whole ("708%", not "707.7%"), as a headline of "740%" beside it does.
  const wholeShare = make({ style: 'percent', maximumFractionDigits: 0 });
  const decimal = make({ maximumFractionDigits: 1 });
  const decimal2 = make({ maximumFractionDigits: 2 });
  /** @type {Record<Num['u'], (x: number) => string>} */
  const units = {
    money,
    share,
    share2: make({ style: 'percent', maximumFractionDigits: 2 }),
    percent: (x) => (Math.abs(x) >= 100 ? wholeShare : share)(x / 100),
    ratio: (x) => `${decimal(x)}×`,
    months: (x) => `${decimal(x)} months`,
    hours: (x) => `${decimal(x)} h`,
    hours2: (x) => `${decimal2(x)} h`,
    hoursLong: (x) => `${decimal(x)} hours`,
    decimal,
    plain: make({ maximumFractionDigits: 6, useGrouping: false }),
    rounded: make({ maximumFractionDigits: 1, useGrouping: false }),
    rounded2: make({ maximumFractionDigits: 2, useGrouping: false }),
    rounded3: make({ maximumFractionDigits: 3, useGrouping: false }),
  };
  /** @param {Num} n */
  const num = (n) => units[n.u](n.v);
  return {
    num,
    /** A line of pieces as one string. @param {Piece[]} pieces */
    text: (pieces) => pieces.map((p) => (typeof p === 'string' ? p : num(p))).join(''),
    /** A piece alone (a field's value). @param {Piece} piece */
    piece: (piece) => (typeof piece === 'string' ? piece : num(piece)),
    /**
     * A chart's number: on an axis money is short ("$1.5M") and months bare; in the text equivalent, whole.
     * @param {Label} label @param {boolean} onAxis
     */
    label({ value, unit }, onAxis) {
      if (unit === 'money') return onAxis ? moneyShort(value) : money(value);
      if (unit === 'percent') return units.percent(value);
      if (unit === 'months') return onAxis ? decimal(value) : units.months(value);
      if (unit === 'hours') return units.hours(value);
      return decimal(value);
    },
  };
}

/** @typedef {ReturnType<typeof formats>} Formats */
