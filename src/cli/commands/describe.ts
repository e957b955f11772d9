import { topologyDot, topologyMermaid } from '../../formats/describe/graph.js';
import { servicesText, servicesView } from '../../formats/describe/data-services.js';
import { topologyText } from '../../formats/describe/text.js';
import { topologyView } from '../../formats/describe/topology.js';
import { EXIT_OK } from '../exit-codes.js';
import { out, outJson } from '../output.js';
import { loadForCommand, refuseInvalid, type SubmissionOptions } from '../submission.js';

export async function run(path: string, opts: SubmissionOptions & { format: 'text' | 'mermaid' | 'dot' }): Promise<number> {
  const loaded = loadForCommand(path, opts);
  if (!loaded.ok) return refuseInvalid(loaded, path);
  const view = topologyView(loaded.cloud);
  const services = servicesView(loaded.cloud);
  if (opts.json) outJson({ ...view, ...services });
  else if (opts.format === 'mermaid') out(topologyMermaid(view).join('\n'));
  else if (opts.format === 'dot') out(topologyDot(view).join('\n'));
  else out([...topologyText(view), ...servicesText(services)].join('\n'));
  return EXIT_OK;
}
