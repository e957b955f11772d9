import { breaches, type MetricAlarm } from './alarm.js';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/**
 * One evaluation of an alarm over its last EvaluationPeriods datapoints (oldest first;
 * undefined is a missing datapoint): ALARM when at least DatapointsToAlarm of them breach
 * ("M out of N"), OK otherwise, INSUFFICIENT_DATA when too few are present to decide. Missing
 * data follows TreatMissingData:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 * (all missing: "missing" goes to INSUFFICIENT_DATA, "ignore" keeps the state). Where AWS is
 * silent the simulator decides: an alarm still INSUFFICIENT_DATA stays so until at least
 * DatapointsToAlarm datapoints are present.
 */
export function evaluateAlarm(
  alarm: Pick<MetricAlarm, 'comparison' | 'threshold' | 'evaluationPeriods' | 'datapointsToAlarm' | 'treatMissingData'>,
  window: (number | undefined)[],
  current: AlarmState,
): AlarmState {
  const last = window.slice(-alarm.evaluationPeriods);
  let breaching = 0;
  let present = 0;
  for (const v of last) {
    if (v === undefined) {
      if (alarm.treatMissingData === 'breaching') breaching++, present++;
      else if (alarm.treatMissingData === 'notBreaching') present++;
      continue;
    }
    present++;
    if (breaches(alarm, v)) breaching++;
  }
  if (breaching >= alarm.datapointsToAlarm) return 'ALARM';
  if (present === 0) return alarm.treatMissingData === 'ignore' ? current : 'INSUFFICIENT_DATA';
  if (present < Math.min(alarm.datapointsToAlarm, alarm.evaluationPeriods) && current === 'INSUFFICIENT_DATA') return current;
  return 'OK';
}
