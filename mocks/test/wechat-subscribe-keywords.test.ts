import { describe, expect, it } from 'vitest';
import { isValidKeywordValue } from '../src/wechat/subscribe-keywords.js';

const accepted: [string, string][] = [
  ['thing1', '3栋1201 厨房水管漏水'],
  ['thing1', '二十个字二十个字二十个字二十个字二十个字'],
  ['number1', '3.14'],
  ['letter1', 'abc'],
  ['symbol1', '%'],
  ['character_string1', 'R20240101001'],
  ['time3', '15:01'],
  ['time3', '2026年11月21日 15:01'],
  ['time3', '2019年10月1日 15:01 ~ 2019年10月1日 17:00'],
  ['date2', '2019-10-01'],
  ['date2', '2019/10/01 08:00'],
  ['amount1', '￥100.50'],
  ['amount1', '100元'],
  ['phone_number1', '+86-0766-66888866'],
  ['car_number1', '粤A12345'],
  ['name1', '张三'],
  ['name1', 'Zhang San'],
  ['phrase1', '已派单'],
];

const rejected: [string, string][] = [
  ['thing1', '二十一个字二十一个字二十一个字二十一个字二'],
  ['thing1', ''],
  ['thing1', '漏水\n厨房'],
  ['number1', '12a'],
  ['letter1', 'abc1'],
  ['symbol1', '%%%%%%'],
  ['character_string1', '单号R1'],
  ['character_string1', 'a'.repeat(33)],
  ['time3', '2019年10月1日'],
  ['time3', '25:00'],
  ['date2', '15:01'],
  ['amount1', '一百元'],
  ['phone_number1', '1'.repeat(18)],
  ['car_number1', '粤A1234学5'],
  ['name1', '一二三四五六七八九十一'],
  ['name1', 'Zhang3'],
  ['phrase1', '已派单!'],
  ['phrase1', '已 派单'],
  ['phrase1', '已派单已完成'],
  ['enum1', 'anything'],
];

describe('subscribe keyword rules', () => {
  it.each(accepted)('accepts %s = %j', (key, value) => {
    expect(isValidKeywordValue(key, value)).toBe(true);
  });

  it.each(rejected)('rejects %s = %j', (key, value) => {
    expect(isValidKeywordValue(key, value)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isValidKeywordValue('number1', 42)).toBe(false);
  });
});
