/** Every Dawn route tried on its own, for `mixscope probe`: which adapters this machine offers Node. */
import type { AdapterInfo } from '../../engine/core/backend.js';
import { errorMessage } from '../../engine/core/errors.js';
import { adapterInfoOf, limitsOf } from '../wgsl/probe.js';
import { DAWN_ROUTES, findDawnAdapter, type DawnRoute } from './dawn.js';

export interface RouteSurvey {
  readonly route: DawnRoute;
  readonly available: boolean;
  readonly reason?: string;
  readonly adapter?: AdapterInfo;
  readonly limits?: Readonly<Record<string, number>>;
  readonly features?: readonly string[];
}

/** The driver variables a route may set; restored after each, so that one route's setup never leaks into the next. */
const ROUTE_ENV = ['VK_ICD_FILENAMES', 'EGL_PLATFORM'] as const;

export async function surveyDawnRoutes(routes: readonly DawnRoute[] = DAWN_ROUTES): Promise<RouteSurvey[]> {
  const out: RouteSurvey[] = [];
  const saved = ROUTE_ENV.map((key) => [key, process.env[key]] as const);
  for (const route of routes) {
    try {
      const { adapter } = await findDawnAdapter([route]);
      out.push({
        route,
        available: true,
        adapter: adapterInfoOf(adapter.info),
        limits: limitsOf(adapter.limits),
        features: [...adapter.features].map(String).sort(),
      });
    } catch (err) {
      out.push({ route, available: false, reason: errorMessage(err) });
    } finally {
      for (const [key, value] of saved) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }
  return out;
}
