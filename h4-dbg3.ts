import fs from 'node:fs';
import { analyseText } from './electron/core/analysis/analyse.ts';
const seed = JSON.parse(fs.readFileSync('/work/shared/data/seed-article.json', 'utf8'));
const a = analyseText({ text: seed.text, lang: seed.lang, date: seed.date, url: seed.url });
console.log(a.language, a.relevance, a.electionRelated, a.countries);
for (const s of a.statements) console.log(s.direct ? 'D' : 'I', '|', s.speaker, '|', s.speakerRole, '|', s.speakerOrg, '|', s.speakerCountry, s.aboutCountry, s.stance, s.topics, s.confidence, s.cue, '::', s.quote.slice(0, 50));
