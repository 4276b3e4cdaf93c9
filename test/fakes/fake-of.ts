/**
 * Types that tie each fake to the real Apps Script interface it stands in for, so that a fake method the
 * real service lacks, or one whose parameters differ from the real ones, fails `tsc`.
 */

/**
 * Marks a fake with the Apps Script interface it imitates. The property exists only in the type system
 * (classes declare it with `declare`), so it costs nothing at run time and is always `undefined` there.
 */
export interface Fake<T> {
  readonly __gasType: T;
}

/** The real interface a fake stands in for, for passing a fake to code typed against Apps Script. */
export function toGas<T>(fake: Fake<T>): T {
  return fake as unknown as T;
}

type IsAny<T> = 0 extends 1 & T ? true : false;

/** Values that cross the service boundary as they are. `Base.Date` is Apps Script's own name for Date. */
type Plain = string | number | boolean | bigint | symbol | null | undefined | void | Date | GoogleAppsScript.Base.Date;

/** The keys of T that hold functions; a type with none is a record of values, not a service object. */
type MethodKeys<T> = {
  [K in keyof T]-?: IsAny<T[K]> extends true ? never : T[K] extends (...args: never[]) => unknown ? K : never;
}[keyof T];

/**
 * What a fake takes or returns where the real service takes or returns T: plain values stay as they are,
 * `any` becomes `unknown`, and a service object (a Range, a Sheet, an HtmlOutput…) becomes a fake of it.
 */
export type FakeValue<T> =
  IsAny<T> extends true
    ? unknown
    : T extends Plain
      ? T
      : T extends readonly (infer E)[]
        ? FakeValue<E>[]
        : T extends (...args: never[]) => unknown
          ? T
          : [MethodKeys<T>] extends [never]
            ? { [K in keyof T]: FakeValue<T[K]> }
            : Fake<T>;

type FakeArgs<A> = { [I in keyof A]: FakeValue<A[I]> };
type FakeSignature<A, R> = A extends readonly unknown[] ? (...args: FakeArgs<A>) => FakeValue<R> : never;

/**
 * Every overload of F (up to eight, more than any interface we fake has), each with its arguments and
 * result mapped by FakeValue. A fake method must be assignable to each, so it accepts what every real
 * overload accepts; an intersection of identical signatures collapses, so fewer overloads are fine.
 */
type FakeFunction<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
  (...args: infer A3): infer R3;
  (...args: infer A4): infer R4;
  (...args: infer A5): infer R5;
  (...args: infer A6): infer R6;
  (...args: infer A7): infer R7;
  (...args: infer A8): infer R8;
}
  ? FakeSignature<A1, R1> &
      FakeSignature<A2, R2> &
      FakeSignature<A3, R3> &
      FakeSignature<A4, R4> &
      FakeSignature<A5, R5> &
      FakeSignature<A6, R6> &
      FakeSignature<A7, R7> &
      FakeSignature<A8, R8>
  : never;

/**
 * The shape a fake of T must have: the members K of T (which must be real member names), methods with the
 * real parameter types, plain results kept and service-object results replaced by fakes.
 */
export type FakeOf<T, K extends keyof T> = Fake<T> & {
  [M in K]: T[M] extends (...args: never[]) => unknown ? FakeFunction<T[M]> : FakeValue<T[M]>;
};
