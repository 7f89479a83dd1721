const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX32 = /^[0-9a-f]{32}$/;

/**
 * The room id of a door code: `scene` is the room id, as a UUID or as its 32 hex digits without dashes
 * (a wxacode scene holds at most 32 characters); it may arrive URL-encoded. Null when it is neither.
 */
export function roomIdOfScene(scene: string | undefined | null): string | null {
  if (!scene) return null;
  let value = scene.trim();
  try {
    value = decodeURIComponent(value);
  } catch {
    return null;
  }
  value = value.trim().toLowerCase();
  if (UUID.test(value)) return value;
  if (HEX32.test(value)) {
    return `${value.slice(0, 8)}-${value.slice(8, 12)}-${value.slice(12, 16)}-${value.slice(16, 20)}-${value.slice(20)}`;
  }
  return null;
}
