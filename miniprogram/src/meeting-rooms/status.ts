import { equipmentLabels, type BookingStatus, type Equipment, type ServiceTaskStatus } from '@dayuan/shared';

export type Tone = 'orange' | 'blue' | 'green' | 'grey' | 'red';

/** The colour of a booking's status tag. */
export const bookingTones: Record<BookingStatus, Tone> = {
  pending: 'orange',
  booked: 'blue',
  checked_in: 'green',
  cancelled: 'grey',
  rejected: 'red',
  expired: 'grey',
  released: 'grey',
};

export const taskTones: Record<ServiceTaskStatus, Tone> = {
  open: 'orange',
  accepted: 'blue',
  done: 'green',
  cancelled: 'grey',
};

/** Whether the person's roles include one of `roles`. */
export function hasRole(grants: readonly { role: string }[] | undefined, ...roles: string[]): boolean {
  return (grants ?? []).some((g) => roles.includes(g.role));
}

/** `12.5%`. */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** `投影仪、白板`. */
export function equipmentText(list: readonly Equipment[]): string {
  return list.map((e) => equipmentLabels[e]).join('、');
}
