import assert from 'node:assert/strict';
import { csvNumber, csvText, toCsv } from '../../tab/src/pages/figures/csv.js';

/** The figures page's CSV (issue 13): what Finnish Excel opens as a table of numbers, with the names intact. */
describe('figures CSV for Finnish Excel', () => {
  it('starts with the UTF-8 byte order mark, separates with ";" and ends lines with CRLF', () => {
    const csv = toCsv(['Asiakas', 'Asukkaita'], [['Länsi-Uudenmaan hyvinvointialue', 3], ['Helsingin kaupunki', 0]]);
    assert.equal(csv, '\uFEFFAsiakas;Asukkaita\r\nLänsi-Uudenmaan hyvinvointialue;3\r\nHelsingin kaupunki;0\r\n');
    assert.equal(new TextEncoder().encode(csv).slice(0, 3).join(','), '239,187,191', 'EF BB BF in UTF-8');
  });

  it('writes numbers with a decimal comma and no grouping, at most two decimals', () => {
    assert.deepEqual([csvNumber(100200), csvNumber(1234.5), csvNumber(0.125), csvNumber(-3.75), csvNumber(2 / 3)], ['100200', '1234,5', '0,13', '-3,75', '0,67']);
    assert.equal(toCsv(['€'], [[45500.25]]), '\uFEFF€\r\n45500,25\r\n');
  });

  it('quotes a text holding the separator, a quote or a line break, and leaves empty cells empty', () => {
    assert.equal(csvText('Koti; Espoo'), '"Koti; Espoo"');
    assert.equal(csvText('"Satu" Oy'), '"""Satu"" Oy"');
    assert.equal(csvText('rivi\ntoinen'), '"rivi\ntoinen"');
    assert.equal(toCsv(['a', 'b', 'c'], [[null, undefined, '']]), '\uFEFFa;b;c\r\n;;\r\n');
  });

  it('keeps a text that Excel would run as a formula a text', () => {
    assert.deepEqual([csvText('=HYPERLINK("x")'), csvText('+358 40'), csvText('-alennus'), csvText('@summa')], ['"\'=HYPERLINK(""x"")"', "'+358 40", "'-alennus", "'@summa"]);
  });
});
