import { findStatements } from './electron/core/analysis/statements.ts';
import { findQuotations } from './electron/core/analysis/quotes.ts';
import { isSpeechWord } from './electron/core/analysis/cues.ts';
const t1 = 'Prime Minister Anna Berg told reporters the vote would go ahead.';
console.log(findStatements(t1, 'en').map(s => [s.quote, s.speaker]));
const t2 = 'Wstęp.\n\n– Jestem bardzo zadowolony z wyniku – powiedział Liam Delap.\n\n– Dziękuję wszystkim wyborcom za zaufanie.';
console.log(findQuotations(t2, isSpeechWord).map(q => t2.slice(q.start, q.end)));
console.log(findStatements(t2, 'pl').map(s => [s.quote, s.speaker]));
