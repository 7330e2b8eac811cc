/**
 * What the charts read from a run: a saved record, or the part of one a live sweep has so far
 * (its points arrive one by one; fits and crossovers come with the finished record).
 */
import type { RunRecord } from '@engine/record/schema.js';

export type ChartRun = Pick<RunRecord, 'settings' | 'points' | 'fits' | 'crossovers' | 'calibration'>;
