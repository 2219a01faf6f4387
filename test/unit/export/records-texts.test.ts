import { describe, expect, it } from 'vitest';

import { recordTexts } from '../../../shared/export/records-texts';
import { deeplyNestedJson } from '../../fixtures/hostile/corpus';

describe('recordTexts', () => {
  it('gives each record as the file wrote it, spacing and every digit included', () => {
    const file =
      '{ "Records" : [ {"eventID":"a","n":12345678901234567890} ,\n  {"eventID" : "b", "s":"x\\"]}\\\\"}, "raw text", 7, null, [1,[2]] ] }';
    expect(recordTexts(file)).toEqual([
      '{"eventID":"a","n":12345678901234567890}',
      '{"eventID" : "b", "s":"x\\"]}\\\\"}',
      '"raw text"',
      '7',
      'null',
      '[1,[2]]',
    ]);
  });

  it('takes the last "Records" key, however it is escaped, as JSON.parse does', () => {
    const file = '{"Records":[{"eventID":"old"}],"other":{"Records":[1]},"Rec\\u006frds":[{"eventID":"new"}]}';
    expect(JSON.parse(file).Records).toEqual([{ eventID: 'new' }]);
    expect(recordTexts(file)).toEqual(['{"eventID":"new"}']);
  });

  it('finds a record nested 5,000 levels deep without recursion', () => {
    const record = `{"eventID":"deep","requestParameters":${deeplyNestedJson(5000)}}`;
    expect(recordTexts(`{"Records":[${record},{"eventID":"next"}]}`)).toEqual([record, '{"eventID":"next"}']);
  });

  it('handles an empty list, and says null when there is no list', () => {
    expect(recordTexts('{"Records":[]}')).toEqual([]);
    expect(recordTexts('{"Records":{}}')).toBeNull();
    expect(recordTexts('{"records":[]}')).toBeNull();
    expect(recordTexts('[{"Records":[]}]')).toBeNull();
  });
});
