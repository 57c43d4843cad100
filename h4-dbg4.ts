import { findStatements } from './electron/core/analysis/statements.ts';
const cases: [string, string][] = [
  ['es', '«Vamos a ganar estas elecciones», dijo el candidato Juan Pérez.'],
  ['es', '"No reconocemos los resultados", afirmó la líder opositora María Corina Machado en Caracas.'],
  ['es', 'El presidente del consejo electoral, Elvis Amoroso, aseguró que el proceso fue transparente.'],
  ['pt', '"Vamos recorrer da decisão", afirmou o presidente do partido, Carlos Lupi.'],
  ['pt', 'Segundo o ministro Alexandre de Moraes, as urnas eletrônicas são seguras.'],
  ['de', '„Wir haben die Wahl gewonnen“, sagte Merz am Abend in Berlin.'],
  ['de', 'Scholz sagte: „Das Ergebnis ist bitter für uns alle.“'],
  ['de', 'Die Wahlbeteiligung sei hoch gewesen, so der Bundeswahlleiter Georg Thiel.'],
  ['fr', '« Nous avons perdu cette élection », a reconnu le Premier ministre Gabriel Attal dimanche soir.'],
  ['fr', 'Selon le ministre de l’Intérieur, la participation a atteint 67 %.'],
  ['en', '"We won this election by a lot," said Trump, speaking in Florida.'],
  ['en', 'The White House said in a statement that the president would travel to Kenya next week.'],
  ['en', 'Speaking to reporters, Biden said the vote had been free and fair.'],
  ['en', 'Police said two people were killed during the protests.'],
  ['en', 'Kenya’s Supreme Court ruled that the election was invalid.'],
];
for (const [lang, t] of cases) {
  const st = findStatements(t, lang);
  console.log(lang, '|', t.slice(0, 50), '\n    ', st.map((s) => `[${s.direct ? 'D' : 'I'}] <${s.speaker}> role=${s.speakerRole} :: ${s.quote}`).join('\n     ') || '(none)');
}
