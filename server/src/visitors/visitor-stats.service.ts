import { Injectable } from '@nestjs/common';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rawRows } from '../platform/db/client.js';
import { InjectDb } from '../platform/db/db.module.js';
import { cstDate, cstDayBounds } from '../platform/time/china-time.js';

type Row = Record<string, unknown>;
const n = (v: unknown) => Number(v ?? 0);

/** Figures for admins. Counts only: they read visits and passages whose personal data may be erased. */
@Injectable()
export class VisitorStatsService {
  constructor(@InjectDb() private readonly db: Db) {}

  async stats(days: number) {
    const [, end] = cstDayBounds(new Date());
    const start = new Date(end.getTime() - days * 24 * 3600_000);
    const visits = await this.rows(sql`
      SELECT to_char(window_start AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, origin, status,
             checked_in_at IS NOT NULL AS arrived, count(*) AS n
      FROM visitors_visits WHERE window_start >= ${start.toISOString()}::timestamptz AND window_start < ${end.toISOString()}::timestamptz
      GROUP BY 1, 2, 3, 4`);
    const gates = await this.rows(sql`
      SELECT g.name AS gate,
             count(*) FILTER (WHERE p.decision = 'allow' AND p.direction = 'in') AS entries,
             count(*) FILTER (WHERE p.decision = 'deny') AS denials
      FROM visitors_passages p JOIN gates g ON g.id = p.gate_id
      WHERE p.at >= ${start.toISOString()}::timestamptz AND p.visit_id IS NOT NULL
      GROUP BY g.name ORDER BY g.name`);
    const hours = await this.rows(sql`
      SELECT extract(hour FROM at AT TIME ZONE 'Asia/Shanghai')::int AS hour, count(*) AS n
      FROM visitors_passages
      WHERE at >= ${start.toISOString()}::timestamptz AND visit_id IS NOT NULL AND decision = 'allow' AND direction = 'in'
      GROUP BY 1`);
    const reasons = await this.rows(sql`
      SELECT reason, count(*) AS n FROM visitors_passages
      WHERE at >= ${start.toISOString()}::timestamptz AND decision = 'deny' GROUP BY reason`);

    const byDay = new Map<string, { date: string; visits: number; arrived: number; noShows: number }>();
    for (let d = 0; d < days; d++) {
      const date = cstDate(new Date(start.getTime() + d * 24 * 3600_000));
      byDay.set(date, { date, visits: 0, arrived: 0, noShows: 0 });
    }
    const byOrigin: Record<string, number> = {};
    let total = 0;
    let arrived = 0;
    let noShows = 0;
    let rejected = 0;
    let approved = 0;
    for (const r of visits) {
      const count = n(r.n);
      const day = byDay.get(String(r.day));
      total += count;
      byOrigin[String(r.origin)] = (byOrigin[String(r.origin)] ?? 0) + count;
      if (day) day.visits += count;
      if (r.arrived === true) {
        arrived += count;
        if (day) day.arrived += count;
      }
      if (r.status === 'no_show') {
        noShows += count;
        if (day) day.noShows += count;
      }
      if (r.status === 'rejected') rejected += count;
      if (r.arrived === true || r.status === 'no_show') approved += count;
    }
    const entriesByHour = Array.from({ length: 24 }, () => 0);
    for (const r of hours) entriesByHour[n(r.hour)] = n(r.n);
    return {
      from: cstDate(start),
      to: cstDate(new Date(end.getTime() - 1)),
      totals: {
        visits: total,
        byOrigin,
        arrived,
        noShows,
        rejected,
        noShowRate: approved === 0 ? 0 : Math.round((noShows / approved) * 1000) / 1000,
      },
      byDay: [...byDay.values()],
      byGate: gates.map((g) => ({ gate: String(g.gate), entries: n(g.entries), denials: n(g.denials) })),
      entriesByHour,
      denialsByReason: Object.fromEntries(reasons.map((r) => [String(r.reason), n(r.n)])),
    };
  }

  private rows(query: SQL): Promise<Row[]> {
    return rawRows<Row>(this.db, query);
  }
}
