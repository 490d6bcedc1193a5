/** Every CLI command, in the order `rodtrad --help` lists them. */
import type { Command } from '../command';
import { checkCommand } from './check';
import { infoCommand } from './info';
import { newCommand } from './new';
import { sampleCommand } from './sample';
import { serveCommand } from './serve';
import { tableCommand } from './table';
import { matrixCommand } from './matrix';
import { cooccurCommand } from './cooccur';
import { reportCommand } from './report';
import { freqCommand } from './freq';

export const commands: Command[] = [newCommand, infoCommand, checkCommand, sampleCommand, serveCommand, reportCommand, freqCommand, tableCommand, matrixCommand, cooccurCommand];
