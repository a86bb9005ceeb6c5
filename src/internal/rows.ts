/**
 * Row accessors: a property name or a function `(row, index) => value`, as SPEC §1 "Row input" asks.
 * @internal
 * @module
 */
import { describeValue, shown, typeFail } from './validate.ts';

/**
 * Turns an accessor option into a function, or throws a `TypeError` naming the option. `name` is the argument
 * path of the accessor (`options.customer`, printed `customer`); `rows` the argument name of the row input, for
 * the path (`transactions[3]`) of a row that is not an object.
 * @example
 * ```ts
 * import { resolveAccessor } from './rows.ts';
 *
 * const byName = resolveAccessor('f', 'value', 'amount');
 * byName({ amount: 12 }, 0); // => 12
 * const byFunction = resolveAccessor('f', 'value', (row: { cents: number }) => row.cents / 100);
 * byFunction({ cents: 1250 }, 0); // => 12.5
 * byName(null, 3); // => throws TypeError: f: row 3: expected an object, got null
 * resolveAccessor('f', 'value', 42); // => throws TypeError: f: value must be a property name or a function, got 42
 * ```
 */
export function resolveAccessor<Row>(
  fn: string,
  name: string,
  accessor: unknown,
  rows = 'rows',
): (row: Row, index: number) => unknown {
  if (typeof accessor === 'function') return accessor as (row: Row, index: number) => unknown;
  if (typeof accessor === 'string') {
    return (row: Row, index: number) => {
      if (typeof row !== 'object' || row === null) {
        typeFail(fn, `row ${index}: expected an object, got ${describeValue(row)}`, {
          argument: `${rows}[${index}]`,
          value: row,
          row: index,
        });
      }
      return (row as Record<string, unknown>)[accessor];
    };
  }
  return typeFail(fn, `${shown(name)} must be a property name or a function, got ${describeValue(accessor)}`, {
    argument: name,
    value: accessor,
  });
}

/**
 * Materialises an iterable of rows (arrays are returned as they are, never copied or mutated).
 * @example
 * ```ts
 * import { rowsOf } from './rows.ts';
 *
 * const rows = [{ a: 1 }];
 * rowsOf('f', 'rows', rows) === rows; // => true
 * rowsOf('f', 'rows', new Set(['x', 'y'])); // => ['x', 'y']
 * rowsOf('f', 'rows', 5); // => throws TypeError: f: rows must be an array or iterable of rows, got 5
 * ```
 */
export function rowsOf(fn: string, name: string, rows: unknown): readonly unknown[] {
  if (Array.isArray(rows)) return rows;
  if (rows !== null && typeof rows === 'object' && typeof (rows as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return Array.from(rows as Iterable<unknown>);
  }
  return typeFail(fn, `${name} must be an array or iterable of rows, got ${describeValue(rows)}`, {
    argument: name,
    value: rows,
  });
}
