/** zod with `.openapi()` metadata (zod-to-openapi); import `z` from here in the gateway. */
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
