import { Text, View } from '@tarojs/components';
import type { WorkbenchApp } from '@dayuan/shared';

interface Props {
  app: WorkbenchApp;
  onOpen: (app: WorkbenchApp) => void;
}

/** One micro-app on the workbench grid. */
export function AppTile({ app, onOpen }: Props) {
  return (
    <View className="app-tile" onClick={() => onOpen(app)}>
      <View className="app-tile__glyph" style={{ backgroundColor: app.color }}>
        <Text>{app.glyph}</Text>
      </View>
      <Text className="app-tile__title">{app.title}</Text>
    </View>
  );
}
