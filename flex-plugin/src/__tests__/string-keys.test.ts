import * as fs from 'fs';
import * as path from 'path';
import type { ReactElement } from 'react';

import { features } from '../feature-library';
import { fakeFlex, fakeManager, RecordingContentStore } from '../test-support/flex-doubles';
import { loadFeatures } from '../utils/feature-loader';

const libraryDir = path.join(__dirname, '..', 'feature-library');
const featureNames = fs
  .readdirSync(libraryDir)
  .filter((name) => fs.statSync(path.join(libraryDir, name)).isDirectory());
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const readStrings = (feature: string, file: string): Record<string, string> | undefined => {
  const full = path.join(libraryDir, feature, 'strings', file);
  return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : undefined;
};

describe('main header', () => {
  it("puts every item in the header's end section (align: 'end'): the start one clips its overflow", () => {
    const { flex, asFlexGlobal } = fakeFlex();
    loadFeatures(asFlexGlobal, fakeManager(), features);
    const calls = flex.MainHeader.Content.add.mock.calls;
    expect(calls.length).toBeGreaterThanOrEqual(2);
    calls.forEach(([, options]) => expect(options).toMatchObject({ align: 'end' }));
  });
});

describe('string keys follow one pattern', () => {
  it.each(featureNames)('every string template of %s is named FMK<Feature><Name>', (feature) => {
    const enUS = readStrings(feature, 'en-us.json') ?? {};
    expect(Object.keys(enUS).length).toBeGreaterThan(0);
    Object.keys(enUS).forEach((key) => expect(key).toMatch(new RegExp(`^FMK${pascal(feature)}[A-Z0-9]\\w*$`)));
  });

  it.each(featureNames)('%s ships es-ES and pt-BR with exactly the en-US keys and placeholders', (feature) => {
    const enUS = readStrings(feature, 'en-us.json') ?? {};
    const placeholders = (text: string) => (text.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
    ['es-es.json', 'pt-br.json'].forEach((file) => {
      const translated = readStrings(feature, file);
      expect(translated).toBeDefined();
      expect(Object.keys(translated ?? {}).sort()).toEqual(Object.keys(enUS).sort());
      Object.entries(enUS).forEach(([key, text]) =>
        expect(placeholders(translated?.[key] ?? '')).toEqual(placeholders(text)),
      );
    });
  });

  it("gives the outbound panel the agent's language", () => {
    const manager = fakeManager({ localeTag: 'pt-BR' });
    loadFeatures(fakeFlex().asFlexGlobal, manager, features);
    const strings = manager.strings as unknown as Record<string, string>;
    expect(strings.FMKOutboundTitle).toBe('Nova mensagem');
    expect(strings.FMKTransferLoading).toBe('Carregando destinos…');
  });

  it('every fragment the plugin adds to Flex is keyed fmk-<feature>-<thing>', () => {
    const { flex, asFlexGlobal } = fakeFlex();
    loadFeatures(asFlexGlobal, fakeManager(), features);
    const stores = Object.values(flex)
      .map((component) => (component as { Content?: RecordingContentStore }).Content)
      .filter((content): content is RecordingContentStore => content !== undefined);
    const keys = stores.flatMap((content) => content.add.mock.calls.map(([element]) => (element as ReactElement).key));
    expect(keys.length).toBeGreaterThan(5);
    keys.forEach((key) => expect(String(key)).toMatch(new RegExp(`^fmk-(${featureNames.join('|')})-[a-z-]+$`)));
  });
});
