import { kind } from '../store.js';
import type { MetricAlarm } from './alarm.js';

/** CloudWatch's kinds. Alarms are keyed by ARN; CloudWatch answers an unknown alarm with ResourceNotFound. */
export const CLOUDWATCH = {
  alarm: kind<MetricAlarm>({ noun: 'the alarm', notFound: 'ResourceNotFound', field: 'AlarmName' }),
} as const;
