/**
 * Attribute values keep their type: a column whose values are all numbers is a number
 * attribute, all dates a date attribute, else text. Values are stored as canonical strings
 * (numbers with a decimal point, dates as YYYY-MM-DD) in their order of first appearance.
 */
import type { Cell } from './formats/table';

export type AttributeType = 'text' | 'number' | 'date' | 'boolean';

const NUMBER = /^[-+]?(\d{1,3}([ \u00a0]\d{3})+|\d+)([.,]\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function columnType(values: Cell[]): AttributeType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return 'text';
  if (present.every((v) => typeof v === 'number' || (typeof v === 'string' && NUMBER.test(v) && !/^[-+]?0\d/.test(v)))) return 'number';
  if (present.every((v) => v instanceof Date || (typeof v === 'string' && ISO_DATE.test(v)))) return 'date';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'text';
}

export function canonicalValue(v: Cell, type: AttributeType): string | null {
  if (v === null) return null;
  if (type === 'number') {
    const n = typeof v === 'number' ? v : Number(String(v).replace(/[ \u00a0]/g, '').replace(',', '.'));
    return Number.isFinite(n) ? String(n) : String(v);
  }
  if (type === 'date') return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim() || null;
}
