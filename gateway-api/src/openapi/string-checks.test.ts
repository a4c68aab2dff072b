import { expect } from 'chai';
import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { z } from './zod';
import { allOfPatterns, expressStringChecks } from './string-checks';

function openApiOf(schema: z.ZodType): Record<string, { pattern?: string }> {
  const registry = new OpenAPIRegistry();
  registry.register('S', schema);
  const doc = new OpenApiGeneratorV3(registry.definitions).generateComponents() as { components: { schemas: { S: { properties: Record<string, { pattern?: string }> } } } };
  return doc.components.schemas.S.properties;
}

describe('OpenAPI string checks', () => {
  it('states every regex, startsWith and endsWith of a string as one pattern', () => {
    const schema = z.object({
      two: z.string().regex(/^(0|[1-9][0-9]{0,77})$/).regex(/^[1-9]/),
      prefixed: z.string().startsWith('eid:').regex(/^[a-z:0-9]+$/),
      one: z.string().regex(/^[a-z]+$/),
    });
    expect(expressStringChecks(schema)).to.deep.equal([]);
    const props = openApiOf(schema);
    expect(props.two?.pattern).to.equal('^(?=^(0|[1-9][0-9]{0,77})$)(?=^[1-9])');
    expect(props.prefixed?.pattern).to.equal('^(?=^eid:.*)(?=^[a-z:0-9]+$)');
    expect(props.one?.pattern).to.equal('^[a-z]+$');
  });

  it('combined patterns accept exactly what all of their parts accept', () => {
    const combined = new RegExp(allOfPatterns([/^(0|[1-9][0-9]{0,77})$/, /^[1-9]/]));
    for (const [s, ok] of [['1', true], ['120', true], ['0', false], ['01', false], ['-1', false], ['1a', false]] as const) expect(combined.test(s), s).to.equal(ok);
  });

  it('lists refinements without a pattern, and takes the pattern a refinement carries', () => {
    const schema = z.object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(() => true, 'is not a calendar date'),
      positive: z.string().regex(/^\d+$/).refine((s) => s !== '0', 'must be greater than zero').meta({ pattern: '^[1-9][0-9]*$' }),
      nested: z.array(z.object({ x: z.string().refine(() => true, 'x rule') })),
    }).refine(() => true, 'cross-field rule');
    expect(expressStringChecks(schema)).to.deep.equal([
      { path: '(value)', message: 'cross-field rule' },
      { path: 'date', message: 'is not a calendar date' },
      { path: 'nested[].x', message: 'x rule' },
    ]);
    expect(openApiOf(schema).positive?.pattern).to.equal('^[1-9][0-9]*$');
  });
});
