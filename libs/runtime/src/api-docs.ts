import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export interface ApiDocsOptions {
  title: string;
  description: string;
  /**
   * Component schemas of objects the server refuses unknown properties on (its parser names each one
   * as an error): described with `additionalProperties: false`, so the description says so too.
   */
  closedSchemas?: readonly string[];
  /** Completes the description with what decorators cannot know when the classes load (e.g. values registered in the app). */
  amend?: (document: OpenAPIObject) => void;
}

/** The app's OpenAPI description, served at /docs (and /docs-json), built from its controllers. */
export function setUpApiDocs(app: INestApplication, options: ApiDocsOptions): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').build());
  options.amend?.(document);
  const schemas = document.components?.schemas ?? {};
  for (const name of options.closedSchemas ?? []) {
    const schema = schemas[name];
    if (!schema || '$ref' in schema) throw new Error(`OpenAPI: no component schema "${name}" to close`);
    schema.additionalProperties = false;
  }
  SwaggerModule.setup('docs', app, document);
  return document;
}
