import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI for ingest at /docs (and /docs-json). */
export function setUpApiDocs(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('activity-ledger ingest')
      .setDescription('The one door into the ledger: validated, idempotent, durable event appends.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}
