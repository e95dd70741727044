import type { OpenAPIObject } from '@nestjs/swagger';

/** The as-of report operations: JSON, CSV and PDF. */
const AS_OF_REPORT_PATHS = ['/v1/auditor/as-of/{asOfKey}/reports/{report}', '/v1/auditor/as-of/{asOfKey}/reports/{report}/csv', '/v1/auditor/as-of/{asOfKey}/reports/{report}/pdf'];

/**
 * Documents the `report` path parameter of every as-of report operation as an enum of the reports the
 * app registered. Their ids are known only once the report definitions are made (in the module, where
 * they are registered), not when the controller's decorators run, so this completes the description
 * after it is built. Throws if an operation or its parameter is not where it is expected.
 */
export function documentAsOfReportNames(document: OpenAPIObject, reportIds: readonly string[]): void {
  for (const path of AS_OF_REPORT_PATHS) {
    const parameter = document.paths[path]?.get?.parameters?.find((p) => !('$ref' in p) && p.in === 'path' && p.name === 'report');
    if (!parameter || '$ref' in parameter) throw new Error(`OpenAPI: no path parameter "report" on GET ${path}`);
    parameter.schema = { type: 'string', enum: [...reportIds] };
  }
}
