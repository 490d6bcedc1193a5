/** Every CLI command, in the order `rodtrad --help` lists them. */
import type { Command } from '../command';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { infoCommand } from './info';
import { newCommand } from './new';
import { sampleCommand } from './sample';
import { serveCommand } from './serve';
import { searchCommand } from './search';
import { wordsCommand } from './words';
import { tableCommand } from './table';
import { matrixCommand } from './matrix';
import { cooccurCommand } from './cooccur';
import { reportCommand } from './report';
import { freqCommand } from './freq';
import { importCommand } from './import';
import { docsCommand } from './docs';
import { textCommand } from './text';
import { attributesCommand } from './attributes';
import { speakersCommand } from './speakers';
import { autocodeCommand } from './autocode';
import { codebookCommand } from './codebook';
import { codesCommand } from './codes';
import { codeCommand } from './code';
import { quotesCommand } from './quotes';
import { memoCommand } from './memo';
import { redoCommand, undoCommand } from './undo';

export const commands: Command[] = [newCommand, infoCommand, checkCommand, backupCommand, sampleCommand, serveCommand, reportCommand, freqCommand, importCommand, docsCommand, textCommand, attributesCommand, speakersCommand, autocodeCommand, tableCommand, matrixCommand, cooccurCommand, searchCommand, wordsCommand, codebookCommand, codesCommand, codeCommand, quotesCommand, memoCommand, undoCommand, redoCommand];
