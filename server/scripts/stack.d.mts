export interface StackProcess {
  name: string;
  exited: Promise<number | string>;
  output(): string;
}

export interface Stack {
  url: string;
  wechatUrl: string;
  smsUrl: string;
  processes: StackProcess[];
  stop(): Promise<void>;
}

export interface StackOptions {
  mode?: 'embedded' | 'production';
  port?: number;
  wechatPort?: number;
  smsPort?: number;
  pgliteDir?: string;
  databaseName?: string;
  h5Dir?: string;
  serverEnv?: Record<string, string>;
  echo?: boolean;
}

export const repoDir: string;
export function startStack(options?: StackOptions): Promise<Stack>;
