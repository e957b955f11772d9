import { architectureText } from '../../formats/describe/architecture-text.js';
import { architectureView } from '../../formats/describe/architecture.js';
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
  const architecture = architectureView(loaded.cloud, view, services);
  if (opts.json) outJson({ ...view, ...services, architecture });
  else if (opts.format === 'mermaid') out(topologyMermaid(view, architecture).join('\n'));
  else if (opts.format === 'dot') out(topologyDot(view, architecture).join('\n'));
  else out([...topologyText(view), ...servicesText(services), ...architectureText(architecture, view, services)].join('\n'));
  return EXIT_OK;
}
