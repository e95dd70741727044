/** One reason a field of a submitted or stored event is unacceptable. `field` is a dotted path such as `data.score`. */
export interface FieldError {
  field: string;
  reason: string;
}
