import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { denyReasonLabels } from '@dayuan/shared';
import { denialRows, hourBars, originRows, percentLabel } from '@/visitors/admin-stats';
import { checkBlockEntry, emptyBlockForm, endOfDayCst, splitNames } from '@/visitors/block-entry-form';

describe('stats helpers', () => {
  it('shows a rate as a percentage with at most one decimal', () => {
    expect(percentLabel(0)).toBe('0%');
    expect(percentLabel(0.125)).toBe('12.5%');
    expect(percentLabel(1 / 3)).toBe('33.3%');
    expect(percentLabel(1)).toBe('100%');
  });

  it('scales the hourly bars to the busiest hour, keeping a small hour visible', () => {
    const counts = Array.from({ length: 24 }, (_, h) => (h === 9 ? 200 : h === 10 ? 1 : 0));
    const bars = hourBars(counts);
    expect(bars).toHaveLength(24);
    expect(bars[9]).toEqual({ hour: 9, count: 200, height: 100 });
    expect(bars[10]?.height).toBe(4);
    expect(bars[0]?.height).toBe(0);
    expect(hourBars(Array(24).fill(0)).every((b) => b.height === 0)).toBe(true);
  });

  it('names denial reasons as guards see them, most frequent first', () => {
    expect(denialRows({ PASS_EXPIRED: 1, VISITOR_BLOCKED: 4, CODE_REPLAYED: 0, SOMETHING_NEW: 2 })).toEqual([
      { key: 'VISITOR_BLOCKED', label: denyReasonLabels.VISITOR_BLOCKED, count: 4 },
      { key: 'SOMETHING_NEW', label: 'SOMETHING_NEW', count: 2 },
      { key: 'PASS_EXPIRED', label: denyReasonLabels.PASS_EXPIRED, count: 1 },
    ]);
    expect(originRows({ invitation: 3, walk_in: 5 }).map((r) => r.label)).toEqual(['现场登记', '邀请']);
  });
});

describe('block-list form', () => {
  const today = dayjs('2026-11-21T10:00:00+08:00');

  it('splits names and aliases on commas, 、, semicolons and new lines', () => {
    expect(splitNames('张三, 张叁，张 三、;张三\n 老张 ')).toEqual(['张三', '张叁', '张 三', '老张']);
    expect(splitNames(' ，、 ')).toEqual([]);
  });

  it('sends the names as an array and an expiry at the end of that day', () => {
    expect(endOfDayCst('2026-12-31')).toBe('2026-12-31T23:59:59+08:00');
    expect(
      checkBlockEntry(
        { ...emptyBlockForm, names: '赵六，赵老六', reason: ' 冒用身份 ', expiresOn: '2026-12-31' },
        today,
      ),
    ).toEqual({
      body: { names: ['赵六', '赵老六'], reason: '冒用身份', expiresAt: '2026-12-31T23:59:59+08:00' },
    });
    expect(checkBlockEntry({ ...emptyBlockForm, phone: '13900002222', reason: '骚扰' }, today)).toEqual({
      body: { phone: '13900002222', names: [], reason: '骚扰' },
    });
  });

  it('wants a phone, an ID number or a name, a reason, and no expiry in the past', () => {
    expect(checkBlockEntry({ ...emptyBlockForm, expiresOn: '2026-11-20' }, today)).toEqual({
      issues: {
        reason: '请填写原因',
        other: ['请至少填写手机号、身份证号或姓名之一'],
        expiresAt: '到期日期不能早于今天',
      },
    });
    expect(checkBlockEntry({ ...emptyBlockForm, phone: '123', reason: '骚扰来电' }, today)).toEqual({
      issues: { phone: '手机号格式不正确' },
    });
  });
});
