/**
 * An error the virtual cloud returns for a request AWS would refuse. `code` is AWS's error
 * code where AWS has one (InvalidSubnet.Range, InvalidSubnet.Conflict, …); `field` names the
 * property that was wrong, so a template loader can point at its line.
 */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string | (string | number)[],
    /** The resource at fault, for problems found once the whole topology is in (Cloud.finish). */
    readonly logicalId?: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}
