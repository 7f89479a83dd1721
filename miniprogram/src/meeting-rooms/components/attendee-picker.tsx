import { Text, View } from '@tarojs/components';
import { PersonSearch } from '@/components/person-search';
import { meetingRoomsApi } from '../api';
import type { Attendee } from '../booking-form';

interface Props {
  attendees: Attendee[];
  onChange: (attendees: Attendee[]) => void;
  /** People who cannot be picked (the organizer). */
  excludeIds?: string[];
  issue?: string;
}

/** 参会人: search the directory and add people; each can be removed. */
export function AttendeePicker({ attendees, onChange, excludeIds = [], issue }: Props) {
  const picked = new Set([...attendees.map((a) => a.id), ...excludeIds]);
  return (
    <View className="mr-attendees">
      {attendees.length > 0 ? (
        <View className="chips">
          {attendees.map((a) => (
            <Text
              key={a.id}
              className="chip chip--active mr-attendee"
              onClick={() => onChange(attendees.filter((x) => x.id !== a.id))}
            >
              {a.name} ✕
            </Text>
          ))}
        </View>
      ) : null}
      <PersonSearch
        role="参会人"
        search={meetingRoomsApi.searchPeople}
        onPick={(person) => onChange([...attendees, { id: person.id, name: person.name }])}
        action="添加"
        unavailable={(person) => (picked.has(person.id) ? '已添加' : null)}
        rowClass="mr-candidate"
        actionClass="mr-link"
        issue={issue}
      />
    </View>
  );
}
