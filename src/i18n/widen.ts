/** The shape of a dictionary with its literal strings widened, for other languages to match. */
export type Widen<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: never[]) => unknown
      ? T[K]
      : Widen<T[K]>;
};
