import type { Passage } from './guard-api';

export const directionLabels: Record<Passage['direction'], string> = { in: '进门', out: '出门' };

export const viaLabels: Record<Passage['via'], string> = { device: '闸机', guard: '人工核验' };
