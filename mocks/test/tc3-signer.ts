import { createHash, createHmac } from 'node:crypto';

const sha256Hex = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** The TC3-HMAC-SHA256 recipe of the contracts (Appendix A.4), as the official SDK signs. */
export function tc3Authorization(args: {
  secretId: string;
  secretKey: string;
  host: string;
  service: string;
  payload: string;
  timestamp: number;
}): string {
  const date = new Date(args.timestamp * 1000).toISOString().slice(0, 10);
  const canonical = `POST\n/\n\ncontent-type:application/json\nhost:${args.host}\n\ncontent-type;host\n${sha256Hex(args.payload)}`;
  const scope = `${date}/${args.service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${args.timestamp}\n${scope}\n${sha256Hex(canonical)}`;
  const signingKey = hmac(hmac(hmac(`TC3${args.secretKey}`, date), args.service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${args.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}
