/** The browsable API docs (Swagger UI, served from swagger-ui-dist; no CDN) at /docs, the document at /openapi.json. */
import express, { type Router } from 'express';
import { absolutePath } from 'swagger-ui-dist';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>DEC Network gateway API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });`;

export function docsRouter(openApiJson: string): Router {
  const router = express.Router();
  router.get('/openapi.json', (_req, res) => void res.type('application/json').send(openApiJson));
  router.get('/docs', (_req, res) => void res.type('html').send(PAGE));
  router.get('/docs/init.js', (_req, res) => void res.type('application/javascript').send(INIT));
  router.use('/docs/assets', express.static(absolutePath(), { index: false, maxAge: '1h' }));
  return router;
}
