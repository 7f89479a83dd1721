import { View, Text } from '@tarojs/components';
import type { Closure, BookingStatus } from '@dayuan/shared';
import { busyOnDay, hourCells, hourMarks, placeBlock } from '../timeline';

interface Props {
  day: string;
  openFrom: string;
  openUntil: string;
  bookings: readonly { id: string; start: string; end: string; status: BookingStatus }[];
  closures?: readonly Pick<Closure, 'id' | 'start' | 'end'>[];
  /** A tap on the bar: the clock time of the hour (or open-hours start) tapped. */
  onTap?: (clock: string) => void;
  showMarks?: boolean;
}

/** A room's day: booked slots (red; pending orange) and closures (grey) on its open hours. */
export function Timeline({ day, openFrom, openUntil, bookings, closures = [], onTap, showMarks }: Props) {
  const blocks = [
    ...bookings.map((b) => ({
      key: b.id,
      tone: b.status === 'pending' ? 'pending' : 'booked',
      busy: busyOnDay([b], day)[0],
    })),
    ...closures.map((c) => ({ key: c.id, tone: 'closed', busy: busyOnDay([c], day)[0] })),
  ].flatMap(({ key, tone, busy }) => {
    const block = busy ? placeBlock(busy, openFrom, openUntil) : null;
    return block ? [{ key, tone, block }] : [];
  });

  // Tapping: one transparent cell per hour on top of the blocks, so no coordinates are needed (weapp
  // events carry none relative to the element).
  const cells = onTap ? hourCells(openFrom, openUntil) : [];

  return (
    <View>
      <View className="mr-timeline">
        {blocks.map(({ key, tone, block }) => (
          <View
            key={key}
            className={`mr-timeline__block mr-timeline__block--${tone}`}
            style={{ left: `${block.left}%`, width: `${block.width}%` }}
          />
        ))}
        {cells.map((cell) => (
          <View
            key={cell.clock}
            className="mr-timeline__cell"
            style={{ left: `${cell.left}%`, width: `${cell.width}%` }}
            onClick={(e) => {
              e.stopPropagation();
              onTap?.(cell.clock);
            }}
          />
        ))}
      </View>
      {showMarks ? (
        <View className="mr-timeline__marks">
          {hourMarks(openFrom, openUntil).map((m) => (
            <Text key={m.label} className="mr-timeline__mark" style={{ left: `${m.left}%` }}>
              {m.label}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
