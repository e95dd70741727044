import { applyDecorators, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { BearerViewer } from '../../access/bearer-viewer.guard';
import { MAX_LIST_ITEM_LENGTH, MAX_LIST_ITEMS, MAX_PAGE_SIZE } from './report-query';

/** A query parameter of a report, as its OpenAPI description states it. */
export interface ReportParameter {
  name: string;
  description: string;
  enum?: readonly string[];
  format?: 'date';
  integer?: { minimum: number; maximum: number };
  /** A list: repeated, or separated by commas. */
  list?: boolean;
}

const ERROR_BODY = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array', items: { type: 'object' } } },
};

/** The paging parameters every paged report takes. */
export const PAGING: ReportParameter[] = [
  { name: 'page', description: 'Page of the screen/JSON output, from 1 (CSV is not paged)', integer: { minimum: 1, maximum: 1_000_000 } },
  { name: 'pageSize', description: `Rows per page, at most ${MAX_PAGE_SIZE}`, integer: { minimum: 1, maximum: MAX_PAGE_SIZE } },
];

/** The date range every dated report takes (UK days in the deployment's zone). */
export const DATE_RANGE: ReportParameter[] = [
  { name: 'from', description: 'First day (YYYY-MM-DD, UK time), inclusive', format: 'date' },
  { name: 'to', description: 'Last day (YYYY-MM-DD, UK time), inclusive; on or after `from`', format: 'date' },
];

/**
 * The OpenAPI description and guard of one report output (JSON, CSV or PDF): a person's bearer token,
 * the report's parameters, and every answer it can give (400 naming every bad field, 403, 404, 503
 * when the run cannot be recorded in the ledger, so nothing is sent).
 */
export function ReportApi(summary: string, output: 'json' | 'csv' | 'pdf', parameters: ReportParameter[]): MethodDecorator & ClassDecorator {
  // The report in its own media type; every error is JSON (`{ code, message, details }`).
  const ok =
    output === 'json'
      ? ApiOkResponse({ description: 'The report', schema: { type: 'object' } })
      : ApiResponse({
          status: 200,
          description: output === 'csv' ? 'The report as CSV (UTF-8 with BOM, RFC 4180), streamed' : 'The report as an A4 PDF',
          content: { [output === 'csv' ? 'text/csv' : 'application/pdf']: { schema: { type: 'string', format: 'binary' } } },
        });
  return applyDecorators(
    ApiTags('reports'),
    ApiBearerAuth(),
    UseGuards(BearerViewer),
    ok,
    ApiBadRequestResponse({ description: 'Filters that are not valid; `details` names every bad field', schema: ERROR_BODY }),
    ApiUnauthorizedResponse({ description: 'No access token for reporting, or one that is expired, forged or for another API', schema: ERROR_BODY }),
    ApiForbiddenResponse({ description: 'A client token, a report not available to you, or filters you may not ask for (named in `details`)', schema: ERROR_BODY }),
    ApiNotFoundResponse({ description: 'No learner record you may see: the same answer whether the learner does not exist or you may not see them', schema: ERROR_BODY }),
    ApiServiceUnavailableResponse({ description: 'The run could not be recorded in the ledger, so nothing is sent', schema: ERROR_BODY }),
    ...parameters.map((p) =>
      ApiQuery({
        name: p.name,
        required: false,
        description: p.description,
        schema: p.list
          ? { type: 'array', items: { type: 'string', minLength: 1, maxLength: MAX_LIST_ITEM_LENGTH }, maxItems: MAX_LIST_ITEMS }
          : p.integer
            ? { type: 'integer', ...p.integer }
            : { type: 'string', ...(p.enum ? { enum: [...p.enum] } : {}), ...(p.format ? { format: p.format } : { minLength: 1, maxLength: 200 }) },
        ...(p.list ? { style: 'form', explode: true } : {}),
      }),
    ),
  );
}
