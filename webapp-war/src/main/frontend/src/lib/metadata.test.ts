import { describe, expect, it } from 'vitest';
import { noteMetadata, onMetadataChange } from './metadata';

describe('the metadata tag', () => {
  it('tells the listeners when it moves, not when it is first seen or seen again', () => {
    const heard: number[] = [];
    const stop = onMetadataChange(() => heard.push(heard.length));
    noteMetadata('aaaa');
    noteMetadata('aaaa');
    noteMetadata(null); // an answer without the header (a static file, a refusal before sign-in)
    expect(heard).toEqual([]);
    noteMetadata('bbbb');
    noteMetadata('bbbb');
    expect(heard).toEqual([0]);
    stop();
    noteMetadata('cccc');
    expect(heard).toEqual([0]);
  });
});
