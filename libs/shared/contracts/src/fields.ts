/**
 * The keys of a record type as a runtime list that the compiler keeps complete: every key of `T` must be
 * listed and nothing else may be, so adding a field to a contract type fails the type check until its
 * list says so. Server DTOs derive what an update may ignore from these lists.
 *
 *   export const CASE_DETAIL_FIELDS = fieldsOf<CaseDetail>()({ id: true, reference: true, … });
 */
export function fieldsOf<T>() {
  return <const K extends Record<keyof T, true>>(keys: K & Record<Exclude<keyof K, keyof T>, never>) =>
    Object.keys(keys) as (keyof T & string)[];
}
