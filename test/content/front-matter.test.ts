import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/front-matter.js';
import { nearest } from '../../src/content/nearest.js';

describe('splitFrontMatter', () => {
  it('splits YAML from the body and says where the body starts', () => {
    expect(splitFrontMatter('---\nid: a\ntitle: A\n---\n\n# A\n')).toEqual({
      yaml: 'id: a\ntitle: A',
      yamlLine: 2,
      body: '\n# A\n',
      bodyLine: 5,
    });
  });

  it('accepts CRLF line ends, a byte order mark, and ... as the closing line', () => {
    expect(splitFrontMatter('\uFEFF---\r\nid: a\r\n...\r\nbody').body).toBe('body');
  });

  it('reports no front matter, and front matter that never closes', () => {
    expect(splitFrontMatter('# Title\n').yaml).toBeUndefined();
    expect(splitFrontMatter('---\nid: a\n').unclosed).toBe(true);
  });
});

describe('nearest', () => {
  const ids = ['ip-addresses-and-cidr', 'vpcs-and-subnets', 'security-groups'];
  it('suggests the closest id for a typo or a word inside it', () => {
    expect(nearest('security-group', ids)).toBe('security-groups');
    expect(nearest('vpcs-and-subnet', ids)).toBe('vpcs-and-subnets');
    expect(nearest('cidr', ids)).toBe('ip-addresses-and-cidr');
  });
  it('suggests nothing for something unlike every id', () => {
    expect(nearest('kubernetes', ids)).toBeUndefined();
  });
});
