import { Text, View } from '@tarojs/components';
import { bookingStatusLabels, type Booking } from '@dayuan/shared';
import { bookingTones } from '../status';
import { formatSlot } from '../time';

interface Props {
  booking: Booking;
  showOrganizer?: boolean;
  onOpen: (booking: Booking) => void;
}

/** One booking in a list: title, status, room and time. */
export function BookingRow({ booking, showOrganizer, onOpen }: Props) {
  return (
    <View className="list-item mr-booking-row" onClick={() => onOpen(booking)}>
      <View className="list-item__main">
        <View className="mr-row__head">
          <Text className="list-item__title">{booking.title}</Text>
          <Text className={`mr-tag mr-tag--${bookingTones[booking.status]}`}>
            {bookingStatusLabels[booking.status]}
          </Text>
        </View>
        <Text className="muted">
          {booking.room.building} · {booking.room.name}
        </Text>
        <Text className="muted">{formatSlot(booking.start, booking.end)}</Text>
        {showOrganizer ? (
          <Text className="muted">
            预订人：{booking.organizer.name}
            {booking.organizer.department ? `（${booking.organizer.department}）` : ''}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
