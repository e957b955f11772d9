/**
 * What an operation reports without refusing the request: something it names that the
 * submission does not make (an origin, a certificate, a vault outside it) or an assumption it
 * took. A front door shows it as a warning at the parameter's place.
 */
export interface Note {
  code: string;
  message: string;
  /** The parameter path, as in CloudError. */
  field: (string | number)[];
}
