import { authRoutes } from './platform/auth.contract.js';
import { directoryRoutes } from './platform/directory.contract.js';
import { healthRoutes } from './platform/health.contract.js';
import { notificationRoutes } from './platform/notifications.contract.js';
import { guestRoutes } from './platform/guest.contract.js';
import { blockListRoutes } from './visitors/block-list.contract.js';
import { gateRoutes } from './visitors/gate.contract.js';
import { visitRoutes } from './visitors/visits.contract.js';
import { meetingRoomRoutes } from './meeting-rooms/rooms.contract.js';
import { bookingRoutes } from './meeting-rooms/bookings.contract.js';
import { bookingLifecycleRoutes } from './meeting-rooms/lifecycle.contract.js';
import { seriesRoutes } from './meeting-rooms/series.contract.js';
import { serviceTaskRoutes } from './meeting-rooms/services.contract.js';
import { meetingRoomStatsRoutes } from './meeting-rooms/stats.contract.js';

/** Every HTTP route of the API, by area. The OpenAPI document and the contract tests walk this. */
export const routes = {
  auth: authRoutes,
  directory: directoryRoutes,
  health: healthRoutes,
  notifications: notificationRoutes,
  gate: gateRoutes,
  guest: guestRoutes,
  visits: visitRoutes,
  blockList: blockListRoutes,
  meetingRooms: meetingRoomRoutes,
  meetingRoomBookings: bookingRoutes,
  meetingRoomLifecycle: bookingLifecycleRoutes,
  meetingRoomSeries: seriesRoutes,
  meetingRoomServiceTasks: serviceTaskRoutes,
  meetingRoomStats: meetingRoomStatsRoutes,
};
